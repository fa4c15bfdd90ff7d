"""A static scan of a built site for anything that could run: the test oracle for hostile content."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import material

THEME_TEMPLATES = "\n".join(
    p.read_text(encoding="utf-8") for p in (Path(material.__file__).parent / "templates").rglob("*.html")
)
THEME_SCRIPT = re.compile(r"(^|/)assets/(javascripts|wiki|vendor)/[\w./-]+\.js$")  # the theme's and the site's own code
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "dynsrc", "lowsrc", "xlink:href", "poster"}
DANGEROUS_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "bgsound"}


class Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…> event handler")
            if name in URL_ATTRIBUTES and value and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                self.findings.append(f"<{tag} {name}={value[:40]}> script URL")
            if name == "style" and value and "javascript:" in value.lower():
                self.findings.append(f"<{tag} style> script URL")
        if tag in DANGEROUS_TAGS:
            self.findings.append(f"<{tag}> element")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh" and "javascript:" in (attrs.get("content") or "").lower():
            self.findings.append("<meta refresh> to a script URL")
        if tag == "script":
            self._script = attrs

    def handle_data(self, data):
        if self._script is not None:
            attrs, self._script = self._script, None
            if attrs.get("src"):
                if not THEME_SCRIPT.search(attrs["src"]):
                    self.findings.append(f"<script src={attrs['src'][:60]}> not from the theme")
            elif attrs.get("type") != "application/json" and data.strip()[:20] not in THEME_TEMPLATES:
                self.findings.append(f"inline <script> not from the theme: {data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.handle_data("")


def scan(site: Path) -> list[str]:
    """Every finding as ``file: what``; an empty list means nothing in the site can run but the theme's own code."""
    findings = []
    for page in sorted(site.rglob("*.html")):
        scanner = Scanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        findings += [f"{page.relative_to(site)}: {f}" for f in scanner.findings]
    return findings
