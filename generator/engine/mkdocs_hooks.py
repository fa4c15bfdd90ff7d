"""MkDocs hook: titles shown as text whatever they contain; pages marked for the search index
(generator/engine/search_index.py builds it), entity pages first.

MkDocs renders its theme templates without autoescaping, and mkdocs-material prints
``page.title`` raw in the header and the page heading, so a title such as
``<img src=x onerror=alert(1)>`` — from a scraped article or an editor's slip — would run
in the reader's browser. Angle brackets and entity-starting ampersands in titles are
swapped for look-alike characters before any template sees them. Everything else on a
page is already escaped by the generator; this covers the one path it does not control.
"""

from __future__ import annotations

import html
import re

_ENTITY_START = re.compile(r"&(?=#?\w+;?)")


def neutralize(title: str) -> str:
    return _ENTITY_START.sub("＆", str(title)).replace("<", "‹").replace(">", "›")


ENTITY_FOLDERS = ("actors/", "locations/", "agreements/")
ARTICLE_OPEN = '<article class="md-content__inner md-typeset">'
ALSO_KNOWN_AS = re.compile(r"<p><strong>Also known as:</strong>(.*?)</p>", re.S)
MENTIONS = re.compile(r'(<h2 id="mentioned-in-[^"]*">.*?)(<!-- /generated:mentions -->)', re.S)


TAGS = re.compile(r"(<!-- generated:tags\b[^>]*-->)(.*?)(<!-- /generated:tags -->)", re.S)


def _is_entity(page) -> bool:
    uri = page.file.src_uri
    return uri.startswith(ENTITY_FOLDERS) and not uri.endswith("index.md")


def _is_searched(page) -> bool:
    """Articles, entities and the editing guide. Lists of other pages (indexes, timeline, sources, review)
    are left out: their titles would match every query and double the index."""
    uri = page.file.src_uri
    return _is_entity(page) or (uri.startswith("articles/") and not uri.endswith("index.md")) or uri == "editing.md"


def on_page_markdown(markdown, page, **kwargs):
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = neutralize(page.meta["title"])
    return markdown


def alias_filter(name: str) -> str:
    """The filter holding a lower-cased name: by its first letter a–z, the rest together (search.js does the same)."""
    return f"alias-{name[0] if 'a' <= name[:1] <= 'z' else '0'}"


_MARKUP = re.compile(r"<[^>]*>")
_TERM = re.compile(r"[^\W\d_]+")  # letters: "al-Sham" is "al" and "sham", as search.js splits a query


def _ignored(section: re.Pattern, content: str, group: int) -> tuple[str, str]:
    """``content`` with the first match's ``group`` wrapped in a block Pagefind skips, and ``content`` without it."""
    m = section.search(content)
    if m is None:
        return content, content
    before, after = content[:m.start(group)], content[m.end(group):]
    return f"{before}<div data-pagefind-ignore>{m[group]}</div>{after}", before + after


def on_page_content(content, page, **kwargs):
    """Someone searching a name ("Bukamal", "QSD") wants the entity's page before the articles that use it.

    For Pagefind: an entity page's list of mentioning articles (other pages' titles and quotes)
    stays out of the index, its aliases become a weighted ``aliases`` field, and every name it
    goes by an exact filter value (see assets/wiki/search.js). The filter is split by the name's
    first letter (``alias-d`` holds "damascus"): a query loads one small part of it, not every name.
    """
    page.markdown = ""  # rendered: MkDocs would keep every page's source to the end of the build (see search_index._release); None would lose the title
    # An article's tag line repeats names the text already has: in the index it would only add noise.
    content, indexed = _ignored(TAGS, content, 2)
    if not _is_searched(page):
        return content
    if _is_entity(page):
        content, indexed = _ignored(MENTIONS, content, 1)
    text = _MARKUP.sub(" ", indexed)
    page.search_words = len(text.split())  # what Pagefind will hold in memory: see search_index
    page.search_terms = frozenset(_TERM.findall(html.unescape(text).lower()))  # for the words too common to search by (search_index)
    if not _is_entity(page):
        return content
    m = ALSO_KNOWN_AS.search(content)
    aliases = [a.strip() for a in html.unescape(m.group(1)).split("·") if a.strip()] if m else []
    names = sorted({n.lower() for n in [html.unescape(str(page.title)), *aliases]})
    spans = "".join(f'<span data-pagefind-filter="{alias_filter(n)}">{html.escape(n)}</span>' for n in names)
    meta = f'<span data-pagefind-meta="aliases">{html.escape(" · ".join(aliases))}</span>' if aliases else ""
    return content + f"<div hidden data-pagefind-ignore>{meta}{spans}</div>"


def on_post_page(output, page, **kwargs):
    """Index the page's content only, not the theme's navigation around it; pages without the mark are not indexed."""
    page.content = None  # in the output now; see search_index._release
    return output.replace(ARTICLE_OPEN, ARTICLE_OPEN[:-1] + " data-pagefind-body>", 1) if _is_searched(page) else output
