"""Ingest's side of copies: which new articles are copies of a story already in the wiki or arriving with them.

The finder (``text/copies.py``) compares a new article with every article page by their MinHashes. A page's MinHash is
kept in the file cache (kind ``copies``, with the page's ``copy_of``) by the page's signature, so a run hashes only the
new articles; a page the cache does not know (a fresh clone, a page an editor changed) is read once, on every core.
Nothing is read when no article is new. What ingest proposes is a ``copy_of`` in the new page's front matter, which the
editors own from then on (``steps/graph.py`` makes the stories of them).
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.content.article import copy_slug
from generator.content.links import plain_text
from generator.content.pages import SECTION, md_names, split_front
from generator.content.registry import INDEX
from generator.store.filecache import FileCache, signature
from generator.store.state import ArticleState
from generator.text.copies import SCHEME, Finder, fingerprint, shingles

COPY_OF = re.compile(r"^copy_of:[ \t]*(.*?)[ \t]*$", re.M)
FEW = 32  # new articles up to which the wiki's are compared with each at once, not indexed (``text.copies.Seen``)


@dataclass(frozen=True)
class Arrival:
    """A new (or changed) article about to be written, as the worker that read it hashed it."""

    slug: str
    published: str
    sketch: bytes
    shingles: bytes  # ``text.copies.packed``
    record: ArticleState | None  # what the state remembers of an article ingested before


def page_text(body: str) -> str:
    """An article page's own text (links as their text, escapes undone): the cleaned text the page was made from, as
    far as its shingles go, as long as no editor changed it."""
    return html.unescape(plain_text(SECTION.sub("", body)))


def page_shingles(body: str) -> set[int]:
    return shingles(page_text(body))


def front_copy_of(front: str) -> str:
    """The ``copy_of`` of a page's front matter, found without parsing the YAML (10,000 pages on a fresh clone)."""
    m = COPY_OF.search(front)
    return copy_slug(m[1].strip("'\"")) if m else ""


def read_known(_, path: str) -> tuple[str, bytes] | None:
    """(copy_of, MinHash) of one article page, in a worker."""
    try:
        front, body = split_front(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return front_copy_of(front), fingerprint(page_text(body))[0]


def _page_set(page: Path) -> set[int]:
    try:
        return page_shingles(split_front(page.read_text(encoding="utf-8"))[1])
    except (OSError, UnicodeDecodeError):
        return set()


def _main(slug: str, known: dict[str, tuple[str, bytes]]) -> str:
    """The article a page's ``copy_of`` leads to, followed while it names another copy."""
    seen = {slug}
    while known[slug][0] in known and known[slug][0] not in seen:
        slug = known[slug][0]
        seen.add(slug)
    return slug


def find_copies(docs: Path, cache: FileCache, workers, arrivals: list[Arrival]) -> dict[str, str]:
    """slug → ``copy_of`` for each arrival that is a copy of a story in the wiki or of an earlier arrival (earliest
    published first, ties by slug). An article whose ``copy_of`` an editor took out is never grouped again."""
    if not arrivals:
        return {}
    folder = docs / "articles"
    base, arriving = os.fspath(folder), {a.slug for a in arrivals}
    for a in arrivals:
        if a.record is not None and a.record.copy_of and not a.record.ungrouped and (folder / f"{a.slug}.md").is_file():
            try:
                a.record.ungrouped = front_copy_of(split_front((folder / f"{a.slug}.md").read_text(encoding="utf-8"))[0]) != a.record.copy_of
            except (OSError, UnicodeDecodeError):
                pass
    known: dict[str, tuple[str, bytes]] = {}
    unread: list[tuple[str, tuple | None]] = []
    for name in md_names(folder):
        if name == INDEX or name[:-3] in arriving:
            continue
        path = os.path.join(base, name)
        sig = signature(path)
        entry = cache.get("copies", path, sig)
        if entry is not None and entry[0] == SCHEME:
            known[name[:-3]] = entry[1:]
        else:
            unread.append((name, sig))
    found = workers.map_in_order(read_known, [os.path.join(base, name) for name, _ in unread], "copies") if unread else ()
    for (name, sig), facts in zip(unread, found, strict=True):
        if facts is not None:
            cache.put("copies", os.path.join(base, name), (SCHEME, *facts), sig)
            known[name[:-3]] = facts
    slugs = sorted(known)
    finder = Finder(lambda slug: _page_set(folder / f"{slug}.md"), few=len(arrivals) <= FEW,
                    seen=(slugs, [known[slug][1] for slug in slugs], [_main(slug, known) for slug in slugs]))
    copies: dict[str, str] = {}
    named = {copy_of for copy_of, _ in known.values()}  # a main article ingested again stays its story's main
    for a in sorted(arrivals, key=lambda a: (a.published or "9999", a.slug)):
        alone = a.slug in named or (a.record is not None and a.record.ungrouped)
        main = None if alone else finder.match(a.sketch, a.shingles)
        if main is not None:
            copies[a.slug] = main
        finder.add(a.slug, a.sketch, a.shingles, main)
    return copies


def remember(cache: FileCache, page: Path, copy_of: str, arrival: Arrival, sig) -> None:
    """A page ingest wrote: its MinHash, for the next run not to read it."""
    cache.put("copies", page, (SCHEME, copy_of, arrival.sketch), sig)
