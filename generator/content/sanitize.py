"""Editor HTML made harmless before it is published: ``sanitize(text) → (safe text, [(line, what was removed)])``.

Markdown passes raw HTML through, so a tag an editor types reaches every reader's browser. The fix has to live
in the Markdown itself (any engine that reads mkdocs.yml builds the site), and ordinary Markdown must not change:
so nothing is run over the whole page. Each tag is found with the tokenizer rules of HTML5 (what the browser will
do with it) and kept byte for byte when its tag and attributes are on the allow-list below; otherwise it is
rewritten without what is not, or removed (``<script>``/``<style>`` with their content). Which addresses are safe
is nh3's call (the Ammonia sanitizer: entities, control characters, schemes), with a scheme check of our own on top.
Link addresses in Markdown syntax (``[x](…)``, ``[id]: …``) get the same test. Code spans stay as they are.

Markdown and HTML do not read the same text the same way (a code span or a link inside an attribute value, a
raw HTML block inside what looks like a code span), so the result is rendered with the site's Markdown and every
tag of the output checked. A page that still fails is cleaned again more strictly (code spans too, an unfinished
tag escaped), and as a last resort every ``<`` and ``[`` of the editor's text is shown as text.
Front matter and the sections the generator writes on the page (it escapes what it writes) are left alone.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

import nh3
from markdown.util import BLOCK_LEVEL_ELEMENTS

from generator.content.pages import FRONT, SECTION

SCHEMES = frozenset({"http", "https", "mailto"})
GENERIC = frozenset({"title", "lang", "dir"})
_CELL = frozenset({"colspan", "rowspan", "align", "scope"})
ALLOWED: dict[str, frozenset[str]] = {
    **{t: frozenset() for t in (
        "b i em strong sup sub br wbr u s del ins mark small kbd code samp var q cite dfn span div p hr blockquote pre "
        "summary dl dt dd ul li h1 h2 h3 h4 h5 h6 figure figcaption table thead tbody tfoot tr caption colgroup").split()},
    "abbr": frozenset(), "a": frozenset({"href"}), "img": frozenset({"src", "alt", "width", "height"}),
    "details": frozenset({"open"}), "ol": frozenset({"start", "type"}), "col": frozenset({"span"}),
    "td": _CELL, "th": _CELL,
}
URL_ATTRIBUTES = frozenset({"href", "src"})
DROP_CONTENT = frozenset({"script", "style"})  # their text is code, not words: removed with the tags
# What the site's Markdown itself writes, beyond the editor's list (checked in its output only).
OUTPUT_EXTRA = {"a": {"class"}, "div": {"class"}, "span": {"class"}, "code": {"class"},
                **{f"h{n}": {"id"} for n in range(1, 7)}}
ALIGN = re.compile(r"text-align: (left|right|center);")
SENTINEL = "wikigeneratedsection"
WHITESPACE = "\t\n\f\r "
LOOK = re.compile(r"<[A-Za-z/]|\][ \t]*[(:]")
TAGLIKE = re.compile(r"<[A-Za-z/]")
LINK = re.compile(r"\][ \t]*\(|\]:[ \t]*\n?[ \t]*")
_BACKTICKS = re.compile(r"`+")
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)  # a line starting with one of these starts a raw HTML block
ESCAPED = frozenset("\\`*_{}[]()>#+-.!")  # what a backslash escapes in Python-Markdown (not "<")
# Inside a tag kept as it is: characters Markdown acts on before it sees the tag (code spans, links).
MARKDOWN_ACTIVE = re.compile(r"[<>`\[\]]")
AUTOLINK = re.compile(r"<(?:(?:https?|ftp)://[^<>\s\"'`]*|(?:mailto:)?[^<>\s!\"'`@]+@[^<>\s@\"'`]+)>", re.I)


_ENTITY_START = re.compile(r"&(?=#?\w+;?)")


def neutralize(title: str) -> str:
    """``title`` with ``<``, ``>`` and entity-starting ``&`` swapped for look-alikes (‹ › ＆).

    Themes print ``page.title`` unescaped (mkdocs-material does), and no engine but MkDocs with a hook can change it
    while it builds: so the title in the front matter itself must be text in any reading, HTML's included.
    """
    return _ENTITY_START.sub("＆", str(title)).replace("<", "‹").replace(">", "›")


@dataclass(frozen=True)
class Tag:
    end: int  # one past the closing ``>``
    name: str  # lower case
    attrs: tuple[tuple[str, str], ...]  # (lower-case name, decoded value), in order, duplicates included
    closing: bool
    self_closing: bool


def parse_tag(text: str, i: int, n: int | None = None) -> Tag | None:
    """The tag starting at ``text[i] == "<"`` as HTML5 tokenizes it (up to ``n``); None if there is none, or no ``>``
    ends it."""
    n = len(text) if n is None else n
    closing = text.startswith("</", i)
    j = i + 2 if closing else i + 1
    if j >= n or not ("a" <= text[j].lower() <= "z"):
        return None
    start = j
    while j < n and text[j] not in WHITESPACE and text[j] not in "/>":
        j += 1
    name, attrs, self_closing = text[start:j].lower(), [], False
    while True:
        while j < n and (text[j] in WHITESPACE or text[j] == "/"):
            self_closing = text[j] == "/"
            j += 1
        if j >= n:
            return None
        if text[j] == ">":
            return Tag(j + 1, name, tuple(attrs), closing, self_closing)
        self_closing = False
        start = j
        j += 1  # a first "=" belongs to the name
        while j < n and text[j] not in WHITESPACE and text[j] not in "/>=":
            j += 1
        attr, value = text[start:j].lower(), ""
        k = j
        while k < n and text[k] in WHITESPACE:
            k += 1
        if k < n and text[k] == "=":
            j = k + 1
            while j < n and text[j] in WHITESPACE:
                j += 1
            if j < n and text[j] in "\"'":
                close = text.find(text[j], j + 1)
                if close < 0:
                    return None
                value, j = text[j + 1:close], close + 1
            else:
                start = j
                while j < n and text[j] not in WHITESPACE and text[j] != ">":
                    j += 1
                value = text[start:j]
        attrs.append((attr, html.unescape(value)))


def safe_url(value: str) -> bool:
    """An address a reader's browser cannot run: http(s), mailto or relative; both nh3 and our own check agree."""
    plain = re.sub(r"[\t\n\r]", "", html.unescape(value)).lstrip("".join(map(chr, range(33)))).lower()
    scheme = re.match(r"([a-z][a-z0-9+.-]*):", plain)
    if scheme and scheme.group(1) not in SCHEMES:
        return False
    return "href=" in _nh3_probe(value)


@lru_cache(maxsize=4096)
def _nh3_probe(value: str) -> str:
    return nh3.clean(f'<a href="{html.escape(value)}">x</a>', tags={"a"}, attributes={"a": {"href"}},
                     url_schemes=set(SCHEMES), link_rel=None)


def _quote(value: str) -> str:
    return "".join(f"&#{ord(c)};" if c in "&\"<>`[]|\\" else c for c in value)


def judge(tag: Tag, raw: str, *, output: bool = False) -> tuple[str | None, list[str]]:
    """(replacement, what was removed): None keeps the tag as written, "" removes it."""
    if tag.name not in ALLOWED:
        return "", [f"<{tag.name}>"]
    if tag.closing:
        return (None, []) if re.fullmatch(r"</[A-Za-z0-9]+\s*>", raw) else (f"</{tag.name}>", [f"what follows the name in </{tag.name}>"])
    allowed = ALLOWED[tag.name] | GENERIC | (OUTPUT_EXTRA.get(tag.name, set()) if output else set())
    kept: dict[str, str] = {}
    removed, rewrite = [], not output and bool(MARKDOWN_ACTIVE.search(raw, 1, len(raw) - 1))
    for attr, value in tag.attrs:
        if attr in kept or any(a == attr for a in removed):
            rewrite = True  # a second attribute of one name: the browser ignores it
        elif output and attr == "style" and tag.name in ("th", "td") and ALIGN.fullmatch(value):
            kept[attr] = value
        elif attr not in allowed:
            removed.append(f"the {attr} attribute of <{tag.name}>")
        elif attr in URL_ATTRIBUTES and not safe_url(value):
            removed.append(f"the address {value[:40]!r} of <{tag.name}>")
        else:
            kept[attr] = value
    if not removed and not rewrite:
        return None, []
    attrs = "".join(f' {a}="{_quote(v)}"' for a, v in kept.items())
    return f"<{tag.name}{attrs}{' /' if tag.self_closing else ''}>", removed or [f"markup inside <{tag.name}>"]


def _code_span(text: str, i: int, end: int) -> int | None:
    """End of the code span opening at ``text[i] == "`"`` as Python-Markdown reads it; None if there is none, or it
    may not be code (a blank line ends it first, or one of its lines starts with a tag: a raw HTML block)."""
    run = len(_BACKTICKS.match(text, i, end).group())
    m = re.compile(rf"(?<!`)`{{{run}}}(?!`)").search(text, i + run, end)
    if not m:
        return None
    inner = text[i + run:m.start()]
    if "\n" in inner and (re.search(r"\n[ \t]*\n|\n[ \t]*<[!?]", inner) or any(
            name.lower() in _BLOCK_LEVEL for name in re.findall(r"\n[ \t]*</?([A-Za-z][A-Za-z0-9]*)", inner))):
        return None
    return m.end()


def _destination(text: str, i: int, end: int) -> tuple[int, int] | None:
    """(start, end) of a Markdown link address beginning at or after ``i`` (spaces, ``<`` skipped)."""
    while i < end and text[i] in " \t":
        i += 1
    if i < end and text[i] == "<":
        close = text.find(">", i, end)
        return (i + 1, close) if close > 0 else None
    j, depth = i, 0
    while j < end and text[j] not in " \t\n":
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            if depth == 0:
                break
            depth -= 1
        j += 1
    return (i, j) if j > i else None


def _clean(text: str, start: int, end: int, mode: str) -> tuple[str, list[tuple[int, str]]]:
    """One pass over the editor's text ``text[start:end]``: (new text of that stretch, [(offset, what)])."""
    out: list[str] = []
    removed: list[tuple[int, str]] = []
    i = done = start
    while i < end:
        c = text[i]
        if c == "\\" and mode == "markdown" and i + 1 < end and text[i + 1] in ESCAPED:
            i += 2  # Markdown's backslash escape: an escaped "`" opens no code span, an escaped "]" ends no link
            continue
        if c == "`" and mode == "markdown":
            i = _code_span(text, i, end) or _BACKTICKS.match(text, i, end).end()
            continue
        if c == "]":
            m = LINK.match(text, i, end)
            if m:  # an inline link's address, or a reference definition's (wherever it stands: in a quote, a list)
                span = _destination(text, m.end(), end)
                if span and not safe_url(re.sub(r"\\(.)", r"\1", text[span[0]:span[1]])):
                    out.append(text[done:span[0]] + "#")
                    removed.append((i, f"the link address {text[span[0]:span[1]][:40]!r}"))
                    i = done = span[1]
                    continue
            i += 1
            continue
        if c != "<":
            i += 1
            continue
        if mode == "text":
            out.append(text[done:i] + "&lt;")
            removed.append((i, "HTML (shown as text)"))
            i = done = i + 1
            continue
        tag = parse_tag(text, i, end)
        if tag is None:
            if mode == "strict" and re.match(r"</?[A-Za-z]", text[i:i + 3]):
                out.append(text[done:i] + "&lt;")
                removed.append((i, "an unfinished tag"))
                i = done = i + 1
            else:
                i += 1
            continue
        raw = text[i:tag.end]
        if mode == "markdown" and "<" in raw[1:]:
            i += 1  # Markdown's inline HTML has no "<" inside: this "<" is text (checked once rendered)
            continue
        keep = mode == "markdown" and AUTOLINK.fullmatch(raw) and not any(a.startswith("on") for a, _ in tag.attrs)
        replacement, what = (None, []) if keep else judge(tag, raw)
        stop = tag.end
        if tag.name in DROP_CONTENT and not tag.closing:
            close = re.compile(rf"</{tag.name}[\s/>]", re.I).search(text, tag.end, end)
            if close and (gt := text.find(">", close.start(), end)) > 0:
                stop = gt + 1
            what = [f"<{tag.name}> and its content" if stop > tag.end else f"<{tag.name}>"]
        if replacement is None:
            i = tag.end
            continue
        out.append(text[done:i] + replacement + "\n" * (text.count("\n", i, stop) - replacement.count("\n")))
        removed += [(i, w) for w in what]
        i = done = stop
    out.append(text[done:end])
    return "".join(out), removed


def _generated(text: str, trusted: frozenset[str], start: int = 0) -> list[re.Match]:
    """The generator's sections: the first of each name it writes on this page. Markers an editor typed around
    anything else (a second ``tags`` section, a ``map`` section on an entity page) do not make it the generator's."""
    seen: set[str] = set()
    out = []
    for section in SECTION.finditer(text, start):
        if section["name"] in trusted and section["name"] not in seen:
            seen.add(section["name"])
            out.append(section)
    return out


def _editable(text: str, trusted: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each stretch that is the editor's: not front matter, not a generated section."""
    m = FRONT.match(text)
    pos, spans = (m.end() if m else 0), []
    for section in _generated(text, trusted, pos):
        spans.append((pos, section.start()))
        pos = section.end()
    spans.append((pos, len(text)))
    return [s for s in spans if s[0] < s[1]]


def _pass(text: str, mode: str, trusted: frozenset[str]) -> tuple[str, list[tuple[int, str]]]:
    """``mode`` over every editor stretch until nothing changes (a removal can join two halves into a new tag)."""
    found: list[tuple[int, str]] = []
    for _ in range(20):
        parts, pos, changed = [], 0, False
        for start, end in _editable(text, trusted):
            new, removed = _clean(text, start, end, mode)
            parts.append(text[pos:start] + new)
            pos = end
            found += [(text.count("\n", 0, offset) + 1, what) for offset, what in removed]
            changed = changed or new != text[start:end]
        text = "".join(parts) + text[pos:]
        if not changed or mode == "text":
            break
    return text, found


EXTENSIONS = {"tables": {}, "toc": {"permalink": True}}  # as mkdocs.yml sets them; a test checks the two agree


@lru_cache(maxsize=1)
def _markdown():
    import markdown

    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS)


def renders_safely(text: str, trusted: frozenset[str] = frozenset()) -> bool:
    """Whether the editor's part of the page, rendered by the site's Markdown, holds only allowed tags and addresses."""
    m = FRONT.match(text)
    body, pos = [], m.end() if m else 0
    for section in _generated(text, trusted, pos):
        body += [text[pos:section.start()], f"\n\n<p>{SENTINEL}</p>\n\n"]
        pos = section.end()
    body = "".join(body) + text[pos:]
    out = _markdown().reset().convert(body)
    i = out.find("<")
    while i >= 0:
        tag = parse_tag(out, i)
        if tag is None:
            if re.match(r"</?[A-Za-z]", out[i:i + 3]):
                return False  # unfinished: the markup after it would become its attributes
        else:
            raw = out[i:tag.end]
            if tag.name in DROP_CONTENT or "<" in raw[1:] or SENTINEL in raw or judge(tag, raw, output=True)[1]:
                return False
        i = out.find("<", i + 1)
    return True


def sanitize(text: str, trusted: frozenset[str] = frozenset()) -> tuple[str, list[tuple[int, str]]]:
    """(the page with nothing that can run, [(line, what was removed)]); a page with nothing to remove is returned as it is.

    ``trusted``: the names of the sections the generator writes on this page (``guard.generator_sections``), left alone.
    """
    spans = _editable(text, trusted)
    if not any(LOOK.search(text, start, end) for start, end in spans):
        return text, []
    safe, removed = _pass(text, "markdown", trusted)
    if not removed and not any(TAGLIKE.search(text, start, end) for start, end in spans):
        return text, []  # links only, all of them safe: nothing for Markdown to misread
    for mode in ("strict", "text", None):
        if renders_safely(safe, trusted):
            return safe, sorted(set(removed))
        if mode is None:
            return safe, sorted(set(removed)) + [(1, "something that could still run (the page needs a person's look)")]
        safe, removed = _pass(text, mode, trusted)
    raise AssertionError("unreachable")
