"""``python -m generator check``: catch an editor's mistake before it is published.

Every page's front matter is validated against the schema of its page type (``content/schema.py``,
found when the page is read: ``content/article.py``, ``content/entity.py``); here the problems across
pages are added: a tag naming no entity page, a name claimed by two entities, the same text twice, a ``copy_of``
naming no article page.
Each problem prints as ``path:line: what is wrong — how to fix it``, so an editor (or an editor's
editor) can jump straight to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from generator.content.article import article_pages
from generator.content.model import ENTITY_TYPES
from generator.content.pages import md_names
from generator.content.registry import INDEX, entity_pages, read_entity_cached
from generator.content.schema import Problem
from generator.store.filecache import FileCache, opened


def check(docs: Path, cache: FileCache | None = None, fresh: Mapping | None = None) -> list[Problem]:
    """``fresh``: the pages ingest just wrote (``ingest.WrittenArticle`` by absolute path), not read back."""
    with opened(docs, cache) as cache:
        return _check(docs, cache, fresh)


def _check(docs: Path, cache: FileCache, fresh: Mapping | None) -> list[Problem]:
    problems: list[Problem] = []
    slugs: dict[str, set[str]] = {t: set() for t in ENTITY_TYPES}  # live entities, redirects left out
    owners: dict[tuple[str, str], list[tuple[Path, str, int]]] = defaultdict(list)
    for type_ in ENTITY_TYPES:
        for page in entity_pages(docs, type_):
            found = read_entity_cached(cache, type_, page)
            problems += found.problems
            if not found.redirect:
                slugs[type_].add(page.stem)
            for name, key, line in found.claims:
                owners[(type_, key)].append((page, name, line))
    for _, claims in sorted(owners.items()):
        pages = sorted({c[0] for c in claims})
        if len(pages) > 1:
            page, name, line = sorted(claims)[1]
            others = ", ".join(str(p) for p in pages if p != page)
            problems.append(Problem(page, line, f"the name “{name}” is also claimed by {others}",
                                    "keep it on one page, or merge the two entities"))
    seen_text: dict[str, Path] = {}
    folder = docs / "articles"
    names = [name for name in md_names(folder) if name != INDEX]
    articles = article_pages(folder, names, cache, fresh)[0]
    for name in names:
        page, found = folder / name, articles[name]
        problems += found.problems
        copy_of = found.ref.copy_of if found.ref else ""
        if copy_of and (copy_of == name[:-3] or f"{copy_of}.md" not in articles):
            problems.append(Problem(page, found.copy_line, f"`copy_of` names no other article page ({copy_of})",
                                    "write the slug of the story's main article (its file name without .md), or delete the line"))
        fingerprint = found.text_digest
        for (type_, slug), line in zip(found.ref.tags if found.ref else (), found.tag_lines, strict=True):
            if slug not in slugs[type_]:
                problems.append(Problem(page, line, f"unknown {type_[:-1]} `{slug}`",
                                        f"create docs/{type_}/{slug}.md, or use the slug of an existing page"))
        if not fingerprint:
            continue
        if fingerprint in seen_text:
            problems.append(Problem(page, 1, f"same text as {seen_text[fingerprint]}", "delete one of the two pages (and its raw file)"))
        seen_text.setdefault(fingerprint, page)
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.what))
