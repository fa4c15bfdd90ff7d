"""Hostile content stays text: built from the OWASP XSS filter-evasion payloads, checked statically."""

import re
from pathlib import Path

import pytest

from generator.steps.check import check
from generator.steps.guard import guard
from generator.steps.ingest import ingest
from generator.steps.link import link
from generator.steps.retag import retag
from tests.conftest import ROOT, artifact, site_scaffold, strict_build, write_registry
from tests.sitescan import scan

PAYLOADS = [line for line in (ROOT / "tests" / "payloads" / "xss.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
EVIL_ENTITY = """---
title: <img src=x onerror=alert('entity')>
aliases:
- Evil Brigade
- <svg onload=alert('alias')>
kind: armed group
---

An editor's page for a group whose name is hostile.

Seen at <img src=x onerror=alert('editor-img')> the front.

<script>alert('editor-script')</script>

<svg onload=alert('editor-svg')>

A <a href="javascript:alert('editor-a')">javascript link</a> and a [markdown one](javascript:alert('editor-md')).

A [reference link][evil] and <details open ontoggle=alert('editor-details')><summary>more</summary>hidden</details>.

[evil]: javascript:alert('editor-ref')

Kept: <b>bold</b>, <abbr title="Syrian Democratic Forces">SDF</abbr>, x<sup>2</sup>, a < b & c, `<script>code</script>`.

> A quote stays a quote.
"""
# Every OWASP payload in the body of an editor's page, one paragraph each; but the image whose address is `x"`, which
# Markdown renders harmlessly and ``mkdocs build --strict`` rejects as a broken link (an editor sees that at build time).
HOSTILE_EDITOR = "---\ntitle: Hostile Editor\naliases:\n- Hostile Editor Group\nkind: armed group\n---\n\n" + "".join(
    f"Line {i}: {p}\n\n" for i, p in enumerate(PAYLOADS) if not p.startswith("![x](x"))


def hostile_wiki(root: Path) -> Path:
    """A wiki whose every article, title, entity name and alias carries payloads; returns the built site."""
    docs, seeds = root / "docs", root / "seeds"
    write_registry(docs)
    (docs / "actors" / "evil-brigade.md").write_text(EVIL_ENTITY, encoding="utf-8")
    (docs / "actors" / "hostile-editor.md").write_text(HOSTILE_EDITOR, encoding="utf-8")
    seeds.mkdir(exist_ok=True)
    for i in range(0, len(PAYLOADS), 5):
        chunk = PAYLOADS[i:i + 5]
        body = "\n".join(f"The Evil Brigade and Damascus clashed near Idlib. {p}" for p in chunk)
        (seeds / f"hostile-{i:02d}.txt").write_text(f"{chunk[0]}\n\n{body}\n---\ntitle: injected: [yaml]\n{chunk[-1]}\n", encoding="utf-8")
    (seeds / "page.html").write_text(
        "<html><body><article><h1>Raid <script>alert('h1')</script> in Idlib</h1><p>Damascus said the Evil Brigade attacked Idlib"
        " on Monday, with <img src=x onerror=alert('html')> dozens killed and many more wounded in the fighting.</p></article>"
        "</body></html>", encoding="utf-8")
    ingest(seeds, docs)
    retag(docs)
    link(docs)
    guard(docs)  # as ``update`` runs it, before check
    assert [str(p) for p in check(docs)] == []
    site_scaffold(root)
    return strict_build(root)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return hostile_wiki(tmp_path_factory.mktemp("hostile"))


def test_payload_list_is_the_cheat_sheet():
    assert len(PAYLOADS) >= 45 and any("onerror" in p for p in PAYLOADS) and any("javascript:" in p for p in PAYLOADS)


@pytest.mark.slow
def test_static_scan_finds_nothing_that_can_run(site):
    assert scan(site) == []


@pytest.mark.slow
def test_payloads_show_up_as_the_text_they_are(site):
    article = next((site / "articles").glob("img-src-x-onerror*/index.html"), None) or next((site / "articles").glob("*/index.html"))
    html = "".join(p.read_text(encoding="utf-8") for p in (site / "articles").glob("*/index.html"))
    assert "&lt;svg onload=alert(1)&gt;" in html
    assert "[click me](javascript:alert(1))" in html
    assert "{{ 7*7 }}" in html
    assert article.is_file()


def test_scan_really_finds_script(tmp_path):
    (tmp_path / "a.html").write_text('<p><img src=x onerror="alert(1)"><a href=" javascript:alert(1)">x</a><script>alert(1)</script>',
                                     encoding="utf-8")
    assert len(scan(tmp_path)) == 3


@pytest.mark.slow
def test_every_page_in_a_real_browser_runs_no_content(site, tmp_path):
    from tests.browser import Watch, chromium, served

    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(pages) > 40
    with served(site) as base, chromium() as browser:
        page = browser.new_page()
        watch = Watch(page, base)
        for path in pages:
            page.goto(base + path, wait_until="load")
            page.wait_for_timeout(20)
            # Hovering and toggling fire the handlers a payload would hide in (onmouseover, ontoggle).
            page.mouse.move(200, 300)
        page.goto(base + "index.html")
        page.focus("input.pf-search__input")
        page.keyboard.type("onerror", delay=20)
        page.wait_for_selector(".pf-search__hit", timeout=15_000)  # results rendered from hostile titles and text
        assert "<img" in page.inner_text(".pf-search__results")  # a hostile title shows as the text it is
        page.screenshot(path=str(artifact("hostile-search.png")))
        assert running(watch.events, base) == []
        evil = site / "actors" / "evil-brigade" / "index.html"
        page.goto(base + evil.relative_to(site).as_posix())
        assert "‹img src=x onerror=alert('entity')›" in page.inner_text("h1")
        page.screenshot(path=str(artifact("hostile-entity.png")), full_page=True)
        assert running(watch.events, base) == []
        for editor_page in ("actors/evil-brigade/index.html", "actors/hostile-editor/index.html"):
            page.goto(base + editor_page, wait_until="load")
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = !d.open; })")
            # A javascript: link runs when clicked: click every content link that does not go to a web address.
            assert page.evaluate(CLICK_SCRIPT_LINKS) == []
            page.wait_for_timeout(100)
        assert "<b>bold</b>" in (site / "actors" / "evil-brigade" / "index.html").read_text(encoding="utf-8")
        assert running(watch.events, base) == []


def running(events: list[str], base: str) -> list[str]:
    """The events but the editors' pages' own broken images (``<img src=x>`` kept, its handler removed): a missing
    file on this host runs nothing."""
    missing = re.compile(rf"console error: .*404 \([^)]*\) at {re.escape(base)}actors/(evil-brigade|hostile-editor)/")
    return [e for e in events if not missing.match(e)]


CLICK_SCRIPT_LINKS = """() => [...document.querySelectorAll('article a[href], article area[href]')]
    .filter(a => !['http:', 'https:', 'mailto:'].includes(a.protocol))
    .map(a => { a.click(); return a.getAttribute('href'); })"""
