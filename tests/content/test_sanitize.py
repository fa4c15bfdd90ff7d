"""Editor HTML: what can run is removed, what cannot is kept byte for byte (generator/content/sanitize.py)."""

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.sanitize import EXTENSIONS, renders_safely, sanitize
from tests.conftest import ROOT
from tests.sitescan import Scanner

PAYLOADS = [line for line in (ROOT / "tests" / "payloads" / "xss.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
# Payloads that are already text to Markdown: entity-encoded, template syntax, a relative image address with a quote,
# a tag no ">" ends in its paragraph, one with a "<" inside (Markdown sees no tag in either).
INERT = {p for p in PAYLOADS if p.startswith(("&", "{{", "![x](x", "<iframe src=http://xss.rocks/scriptlet.html <",
                                              "<SCRIPT SRC=http://xss.rocks/xss.js?< B >"))}
FRONT = "---\ntitle: Evil Brigade\naliases:\n- Evil Brigade\n---\n\n"


def page(body: str) -> str:
    return f"{FRONT}Intro paragraph.\n\n{body}\n\nLast paragraph.\n"


def runs(text: str) -> list[str]:
    """What sitescan (the built site's oracle) finds in the page as the site's Markdown renders it."""
    scanner = Scanner()
    scanner.feed(markdown.markdown(text.split("---\n", 2)[-1], extensions=["tables", "toc"]))
    return scanner.findings


ISSUE = [  # (editor's text, what the page says instead, what the report names)
    ("<img src=x onerror=alert(1)>", '<img src="x">', "onerror attribute of <img>"),
    ("<script>alert(1)</script>", "", "<script> and its content"),
    ("<svg onload=alert(1)>", "", "<svg>"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>", "address 'javascript:alert(1)' of <a>"),
    ("[x](javascript:alert(1))", "[x](#)", "link address 'javascript:alert(1)'"),
    ("[x](<javascript:alert(1)>)", "[x](<#>)", "link address"),
    ("![x](data:text/html;base64,PHNjcmlwdD4=)", "![x](#)", "link address"),
    ('<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>", "address"),
    ("<iframe src=https://example.com></iframe>", "", "<iframe>"),
    ("<object data=x></object><embed src=x>", "", "<object>"),
    ("<style>body{display:none}</style>", "", "<style> and its content"),
    ("<math><mi xlink:href=javascript:alert(1)>x</mi></math>", "x", "<math>"),
    ("<details open ontoggle=alert(1)>", '<details open="">', "ontoggle"),
    ('<b style="position:fixed">x</b>', "<b>x</b>", "style attribute"),
    ("<<script>x</script>img src=x onerror=alert(1)>", '<img src="x">', "onerror"),  # a removal joins a new tag
    ('<a title="[x](onmouseover=alert(1)//)">y</a>', '<a title="&#91;x&#93;(onmouseover=alert(1)//)">y</a>', "markup inside <a>"),
]


@pytest.mark.parametrize("body, expected, what", ISSUE, ids=[c[0][:30] for c in ISSUE])
def test_issue_payloads_are_removed(body, expected, what):
    safe, removed = sanitize(page(f"Text {body} text."))
    assert safe == page(f"Text {expected} text.")
    assert removed and all(line == 9 for line, _ in removed)
    assert any(what in w for _, w in removed), removed
    assert runs(safe) == [] and renders_safely(safe)


def test_reference_definition_address_is_removed():
    safe, removed = sanitize(page("A [ref][evil].\n\n[evil]: javascript:alert(1)\n\n> [q]: <JaVaScRiPt:alert(1)>"))
    assert "[evil]: #" in safe and "> [q]: <#>" in safe and [line for line, _ in removed] == [11, 13]


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_owasp_payload_in_an_editor_body_cannot_run(payload):
    text = page(f"Fighting near Idlib. {payload} More text.")
    assert runs(text) == [] or payload not in INERT
    safe, removed = sanitize(text)
    assert runs(safe) == [], safe
    assert renders_safely(safe)
    assert bool(removed) == (payload not in INERT), removed
    assert sanitize(safe) == (safe, [])  # once is enough
    assert safe.startswith(FRONT + "Intro paragraph.\n\n") and safe.endswith("\n\nLast paragraph.\n")


SAFE = [
    "Plain text, a < b, b > a, AT&T, &amp; and &lt;tags&gt; as text.",
    "> A quote\n> on two lines.",
    "**bold**, _em_, [a link](../actors/sdf.md), [web](https://example.org/a_(b)?q=1&r=2), ![map](map.png \"Map\")",
    "<https://example.org/page> and <editor@example.org> and <mailto:editor@example.org>",
    "<b>b</b> <i>i</i> <em>em</em> <strong>s</strong> x<sup>2</sup> H<sub>2</sub>O line<br>break<br/>again<br />",
    '<abbr title="Syrian Democratic Forces">SDF</abbr>, <a href="https://example.org" title="t">web</a>, <a href="mailto:a@b.org">m</a>',
    '<a href="../actors/sdf.md">relative</a> <a href="#section">anchor</a> <IMG SRC="map.png" ALT="a map" width=300>',
    "<details>\n<summary>More</summary>\n\nHidden text.\n\n</details>",
    "<table>\n<tr><th colspan=2>Head</th></tr>\n<tr><td>a</td><td rowspan=\"1\">b</td></tr>\n</table>",
    "| a | b |\n|---|---|\n| <b>x</b> | y |",
    "Code: `<script>alert(1)</script>` and ``<img src=x onerror=alert(1)>`` stay as text.",
    "```\n<b onclick=\"x\">shown as code</b>\n```",
    "An escaped \\[x\\](javascript:alert(1)) is text. <!-- an editor's note -->",
    "x <y and z, 1 <2, a<-b, <3 hearts",
]


@pytest.mark.parametrize("body", SAFE, ids=range(len(SAFE)))
def test_harmless_markup_and_markdown_come_back_byte_identical(body):
    text = page(body)
    assert sanitize(text) == (text, [])


def test_generated_sections_and_front_matter_are_not_touched():
    section = ('<!-- generated:map -->\n<script type="application/json" id="map-data">{"a": 1}</script>\n'
               '<div class="wiki-map" data-points="map-data" style="height: 560px"></div>\n<!-- /generated:map -->\n')
    front = "---\ntitle: <img src=x onerror=alert(1)>\naliases: []\n---\n\n"
    text = f"{front}Before <script>alert(1)</script>.\n\n{section}\nAfter <img src=x onerror=alert(2)>.\n"
    safe, removed = sanitize(text, frozenset({"map"}))
    assert safe == f"{front}Before .\n\n{section}\nAfter <img src=\"x\">.\n"
    assert [line for line, _ in removed] == [6, 13]


def test_line_numbers_stay_right_after_a_removal_on_many_lines():
    text = page("<script>\nalert(1)\n</script>\n\nx <img src=x\n  onerror=alert(2)> y\n\n[z](javascript:alert(3))")
    safe, removed = sanitize(text)
    assert [(line, what.split()[0]) for line, what in removed] == [(9, "<script>"), (13, "the"), (16, "the")]
    assert safe.count("\n") == text.count("\n")


def test_markdown_that_breaks_out_of_a_code_span_is_caught():
    # A tag at the start of a line is a raw HTML block to Markdown, backticks or not.
    safe, removed = sanitize(page("`x\n<div onclick=alert(1)>\ny`"))
    assert "onclick" not in safe and removed and runs(safe) == []


def test_a_comment_starting_a_line_makes_the_code_span_after_it_raw_html():
    # Python-Markdown passes the rest of that line through as it is: the "code" is a live <script>.
    text = page("<!-- note --> `<script>alert(1)</script>`")
    assert runs(text) != []
    safe, removed = sanitize(text)
    assert runs(safe) == [] and renders_safely(safe) and removed


def test_a_tag_markdown_and_html_read_differently_is_made_text():
    safe, removed = sanitize(page("<a title='>' onmouseover=alert(1) b='>x"))
    assert runs(safe) == [] and renders_safely(safe) and removed


def test_the_markdown_extensions_are_the_sites():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = [e if isinstance(e, dict) else {e: {}} for e in config["markdown_extensions"]]
    assert {k: v or {} for e in listed for k, v in e.items()} == EXTENSIONS


# Not "x <y" beside "b > a": Markdown reads "<y b >" as a tag (an unknown one, which is removed).
WORDS = st.sampled_from(["Damascus", "the SDF", "a < b", "b > a", "AT&T", "&amp;", "x < y", "1 <2", "a<-b", "**bold**", "_em_", "*"])
HARMLESS = st.sampled_from([
    "<b>b</b>", "<i>i</i>", "<sup>2</sup>", "<br>", '<abbr title="t">t</abbr>', '<a href="https://example.org">w</a>',
    '<a href="../x.md">r</a>', '<img src="map.png" alt="m">', "[l](https://example.org)", "[l](../actors/sdf.md)", "`<script>x</script>`",
    "<https://example.org>", "\n\n> quote\n\n", "\n\n", "\n- item\n", "a <!-- note -->", "\\[x\\](javascript:y)",
])
HOSTILE = st.sampled_from(PAYLOADS + ["<b", "<a title='", "`", "[", "](", "<div>\n", "\n<table>\n", '"', "'", ">", "|"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, HARMLESS), max_size=12).map(" ".join))
def test_property_a_page_with_nothing_unsafe_comes_back_byte_identical(body):
    text = page(body)
    assert sanitize(text) == (text, [])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, HARMLESS, HOSTILE), max_size=10).map(" ".join))
def test_property_whatever_an_editor_writes_nothing_runs(body):
    safe, _ = sanitize(page(body))
    assert runs(safe) == [] and renders_safely(safe)
    assert safe.count("\n") == page(body).count("\n")
