"""What the search index needs of a built page, read from the HTML any engine wrote into site/, and marked in it.

MkDocs hooks once did this while MkDocs built; Zensical and MkDocs 2 run no hooks, so it is done after the engine,
on its output, which all of them write with the same theme markup (mkdocs-material's, or Zensical's copy of it).
A searched page gets Pagefind's attributes in place: ``data-pagefind-body`` on the page's article (the theme's
navigation around it stays out), the lists of other pages' titles and quotes inside ``data-pagefind-ignore``, and on an
entity page its aliases as a weighted ``aliases`` field and every name it goes by as an exact filter value (see
assets/wiki/search.js). Marking a page twice changes nothing: the index step may run again on the same site/.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass

ENTITY_FOLDERS = ("actors/", "locations/", "agreements/")
ARTICLE_OPEN = '<article class="md-content__inner md-typeset">'
MARKED = ARTICLE_OPEN[:-1] + " data-pagefind-body>"
ARTICLE_CLOSE = "</article>"
ALSO_KNOWN_AS = re.compile(r"<p><strong>Also known as:</strong>(.*?)</p>", re.S)
MENTIONS = re.compile(r'(<h2 id="mentioned-in-[^"]*">.*?)(<!-- /generated:mentions -->)', re.S)
TAGS = re.compile(r"(<!-- generated:tags\b[^>]*-->)(.*?)(<!-- /generated:tags -->)", re.S)
IGNORE_OPEN = "<div data-pagefind-ignore>"
NAMES = re.compile(r"<div hidden data-pagefind-ignore>.*?</div>", re.S)  # what ``mark`` appends to an entity page
HEADING = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
PAGE = re.compile(r"(?:(?:articles|actors|locations|agreements)/[^/]+|editing)/index\.html")
_MARKUP = re.compile(r"<[^>]*>")
_TERM = re.compile(r"[^\W\d_]+")  # letters: "al-Sham" is "al" and "sham", as search.js splits a query


ARTICLE_FILTER = '<div hidden data-pagefind-ignore><span data-pagefind-filter="article">yes</span></div>'


def is_entity(rel: str) -> bool:
    return rel.startswith(ENTITY_FOLDERS)


def is_searched(rel: str) -> bool:
    """Articles, entities and the editing guide (``rel``: the page's path in site/). Lists of other pages (indexes,
    timeline, sources, review) are left out: their titles would match every query and double the index."""
    return PAGE.fullmatch(rel) is not None and not rel.startswith(("actors/index.", "locations/index.", "agreements/index."))


def alias_filter(name: str) -> str:
    """The filter holding a lower-cased name: by its first letter a–z, the rest together (search.js does the same),
    so a query loads one small part of the names, not every one."""
    return f"alias-{name[0] if 'a' <= name[:1] <= 'z' else '0'}"


@dataclass(frozen=True)
class Marked:
    """One searched page: its HTML as marked, and what the index step counts of it."""

    html: str
    words: int  # what Pagefind will hold in memory (search_index cuts the index into parts by it)
    terms: frozenset[str]  # for the words too common to search by (search_index.common)
    digest: str = ""  # of what Pagefind reads of the page: a change to a part it ignores (lists of other pages) is none


def _ignored(section: re.Pattern, content: str, group: int) -> tuple[str, str]:
    """``content`` with the first match's ``group`` wrapped in a block Pagefind skips (once), and ``content`` without it."""
    m = section.search(content)
    if m is None:
        return content, content
    before, after = content[:m.start(group)], content[m.end(group):]
    inner = m[group]
    wrapped = inner if inner.startswith(IGNORE_OPEN) or before.endswith(IGNORE_OPEN) else f"{IGNORE_OPEN}{inner}</div>"
    return f"{before}{wrapped}{after}", before + after


def _title(content: str) -> str:
    m = HEADING.search(content)
    return html.unescape(_MARKUP.sub("", PERMALINK.sub("", m[1]))).strip() if m else ""


def mark(page: str, rel: str) -> Marked | None:
    """``page`` (the HTML of the built page at ``rel``) marked for Pagefind; None for a page that is not searched, or
    that has no article where the theme puts one."""
    if not is_searched(rel):
        return None
    for head in (ARTICLE_OPEN, MARKED):
        start = page.find(head)
        if start >= 0:
            break
    else:
        return None
    start += len(head)
    end = page.find(ARTICLE_CLOSE, start)  # editors' HTML has no <article> (content/sanitize.py): the first is the theme's
    if end < 0:
        return None
    content = NAMES.sub("", page[start:end])
    content, indexed = _ignored(TAGS, content, 2)  # an article's tag line repeats names the text already has: noise
    if is_entity(rel):
        content, indexed = _ignored(MENTIONS, content, 1)  # other pages' titles and quotes
    text = _MARKUP.sub(" ", indexed)
    words, terms = len(text.split()), frozenset(_TERM.findall(html.unescape(text).lower()))
    names = ""
    if is_entity(rel):
        m = ALSO_KNOWN_AS.search(content)
        aliases = [a.strip() for a in html.unescape(m.group(1)).split("·") if a.strip()] if m else []
        names = sorted({n.lower() for n in [_title(content), *aliases] if n})
        spans = "".join(f'<span data-pagefind-filter="{alias_filter(n)}">{html.escape(n)}</span>' for n in names)
        meta = f'<span data-pagefind-meta="aliases">{html.escape(" · ".join(aliases))}</span>' if aliases else ""
        names = f"<div hidden data-pagefind-ignore>{meta}{spans}</div>"
        content += names
    elif rel.startswith("articles/"):  # search.js asks for the articles naming an entity found by another of its names
        names = ARTICLE_FILTER
        content += names
    seen = indexed.replace(IGNORE_OPEN, "").replace("</div>", "")  # the same whether the page was marked before or not
    read = hashlib.blake2b(f"{seen}\0{names}".encode(), digest_size=16).hexdigest()
    return Marked(page[:start - len(head)] + MARKED + content + page[end:], words, terms, read)
