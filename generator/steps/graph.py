"""The link graph, built from the article pages as they are now (editors' edits included).

Read every article page once, then answer: which articles mention an entity, in which
sentence, and which entities appear together. One pass over the corpus, so the cost
stays linear however many entities there are.
"""

from __future__ import annotations

import bisect
import os
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from pathlib import Path

from generator.content.article import article_pages
from generator.content.model import ArticlePage, ArticleRef
from generator.content.pages import md_names
from generator.store.filecache import FileCache


class CoMentions:
    """Entity → how many articles (``stories``: each story once) name it together with each other entity, counted on
    first use.

    Counting every pair up front costs the sum of tags² over the corpus; a run that renders a few entity pages asks
    for a few entities only. The articles' distinct tags are held as integers in numpy arrays, made on first use,
    each article a row and each entity a column: an entity is counted by a gather and a ``bincount`` in C instead of
    hashing a tuple per tag of each of its articles (``Counter``, the way tests/steps/test_graph.py checks it against).
    """

    def __init__(self, stories: Sequence[ArticleRef]):
        self.stories = stories
        self._last: tuple | None = None  # the last entity asked for and its counts
        self._masks: dict[int, tuple] = {}  # id of a collection of keys → (the collection, its mask)

    @cached_property
    def _table(self):
        import numpy

        keys = sorted(set(chain.from_iterable(ref.distinct_tags for ref in self.stories)))
        ids = {k: i for i, k in enumerate(keys)}  # in key order: a tie broken by id is broken by key
        tags = numpy.fromiter(map(ids.__getitem__, chain.from_iterable(ref.distinct_tags for ref in self.stories)), numpy.int64)
        lengths = numpy.fromiter((len(ref.distinct_tags) for ref in self.stories), numpy.int64, len(self.stories))
        ends = numpy.cumsum(lengths)
        # the transpose: each entity's rows, in row order, and where each entity's stretch of them ends
        rows = numpy.repeat(numpy.arange(len(lengths)), lengths)[numpy.argsort(tags, kind="stable")]
        row_ends = numpy.cumsum(numpy.bincount(tags, minlength=len(keys)))
        return numpy, keys, ids, tags, ends, rows, row_ends

    def counts(self, key: tuple[str, str]):
        """How many of ``key``'s articles name each entity (an array by id, not to be changed), itself at 0; None when
        none names it. The last entity's is kept: an actor's page asks twice (its companions, its links among actors)."""
        if self._last is not None and self._last[0] == key:
            return self._last[1]
        numpy, keys, ids, tags, ends, rows, row_ends = self._table
        k = ids.get(key)
        if k is None:
            return None
        mine = rows[row_ends[k - 1] if k else 0:row_ends[k]]
        starts = numpy.where(mine > 0, ends[mine - 1], 0)
        lengths = ends[mine] - starts
        # the positions of every tag of those rows: each row's start, repeated over its length, plus a running count
        at = numpy.repeat(starts - (numpy.cumsum(lengths) - lengths), lengths) + numpy.arange(lengths.sum())
        counts = numpy.bincount(tags[at], minlength=len(keys))
        counts[k] = 0
        self._last = (key, counts)
        return counts

    def get(self, key: tuple[str, str], default=None) -> dict[tuple[str, str], int] | None:
        counts = self.counts(key)
        if counts is None:
            return default
        keys = self._table[1]
        return {keys[i]: int(counts[i]) for i in counts.nonzero()[0]}

    def strongest(self, key: tuple[str, str], n: int, allowed) -> list[tuple[tuple[str, str], int]]:
        """The ``n`` keys of ``allowed`` named most often with ``key``, ties by key; none never named with it."""
        counts = self.counts(key) if n > 0 else None
        if counts is None:
            return []
        numpy, keys = self._table[:2]
        counts = counts * self._mask(allowed)
        found = counts.nonzero()[0]
        if len(found) > n:
            floor = numpy.partition(counts[found], len(found) - n)[len(found) - n]  # the n-th highest count
            found = found[counts[found] >= floor]
        order = numpy.lexsort((found, -counts[found]))[:n]
        return [(keys[i], int(counts[i])) for i in found[order]]

    def _mask(self, allowed):
        """1 for the ids of ``allowed``'s keys, made once per collection (kept with it, so that its id is not reused)."""
        if id(allowed) not in self._masks:
            numpy, keys, ids = self._table[:3]
            mask = numpy.zeros(len(keys), dtype=numpy.int64)
            mask[numpy.fromiter((ids[k] for k in allowed if k in ids), numpy.int64)] = 1
            self._masks[id(allowed)] = (allowed, mask)
        return self._masks[id(allowed)][1]


@dataclass
class Graph:
    articles: list[ArticleRef] = field(default_factory=list)  # every article page, newest first
    # Mentions by main articles only: a story published by several outlets counts once (its copies are listed with it).
    mentions: dict[tuple[str, str], list[tuple[ArticleRef, str]]] = field(default_factory=lambda: defaultdict(list))
    together: CoMentions = field(init=False)
    problems: list[str] = field(default_factory=list)
    fresh: set[str] = field(default_factory=set)  # slugs of the articles read this run (new or changed)
    touched: set[tuple[str, str]] = field(default_factory=set)  # entities those, or removed articles, name, then and now
    listed: bool = False  # an article came, went, or changed what lists of articles show (title, date, source, events…)
    stories: list[ArticleRef] = field(default_factory=list)  # ``articles`` without the copies: each story once
    main_of: dict[str, ArticleRef] = field(default_factory=dict)  # a copy's slug → the main article of its story
    copies: dict[str, tuple[ArticleRef, ...]] = field(default_factory=dict)  # a main article's slug → its copies, earliest first
    regrouped: set[str] = field(default_factory=set)  # slugs of the articles whose story changed: their tag lines change

    def __post_init__(self):
        self.together = CoMentions(self.stories)


def _names(ref: ArticleRef) -> frozenset[tuple[str, str]]:
    """The entities an article names (its tags and its events'): the pages a change to it can change."""
    return frozenset(ref.tags) | {key for event in ref.events for key in event.refs}


def published_key(ref: ArticleRef) -> tuple:
    return (ref.published or "0000", ref.title.casefold(), ref.slug)


def story_key(ref: ArticleRef) -> tuple:
    """The main article of a story is its earliest published copy (undated last), ties by slug."""
    return (ref.published or "9999", ref.slug)


def group_copies(refs: list[ArticleRef]) -> tuple[dict[str, ArticleRef], dict[str, tuple[ArticleRef, ...]]]:
    """The stories ``copy_of`` makes (an article, every article whose ``copy_of`` names it, and so on): each copy's main
    article, and each main article's copies. A ``copy_of`` naming no article joins nothing (check reports it)."""
    linked = [ref for ref in refs if ref.copy_of and ref.copy_of != ref.slug]
    if not linked:
        return {}, {}
    by_slug = {ref.slug: ref for ref in refs}
    parent: dict[str, str] = {}

    def root(slug: str) -> str:
        while parent.get(slug, slug) != slug:
            slug = parent[slug]
        return slug

    for ref in linked:
        if ref.copy_of in by_slug and root(ref.slug) != root(ref.copy_of):
            parent[root(ref.slug)] = root(ref.copy_of)
    members: dict[str, list[ArticleRef]] = defaultdict(list)
    for slug in sorted(set(parent) | set(parent.values())):
        members[root(slug)].append(by_slug[slug])
    main_of, copies = {}, {}
    for story in members.values():
        story.sort(key=story_key)
        copies[story[0].slug] = tuple(story[1:])
        main_of.update((copy.slug, story[0]) for copy in story[1:])
    return main_of, copies


@dataclass
class Lists:
    """Every article newest first, and each entity's mentions in that order: what ``build_graph`` returns, kept by a
    long-running process (the preview) and patched when only the text or tags of a few articles changed."""

    facts: dict[str, ArticlePage]  # by page name
    articles: list[ArticleRef]
    mentions: dict[tuple[str, str], list[tuple[ArticleRef, str]]]
    position: dict[str, int]  # slug → index in ``articles``
    stories: list[ArticleRef] = field(default_factory=list)  # ``articles`` itself when no article is a copy
    main_of: dict[str, ArticleRef] = field(default_factory=dict)
    copies: dict[str, tuple[ArticleRef, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, known: dict[str, ArticlePage]) -> Lists:
        firsts: dict[str, dict[tuple[str, str], str]] = {}
        articles = []
        for name in sorted(known):  # one folder: by name, as Paths would sort
            ref, first = known[name].ref, known[name].first
            articles.append(ref)
            firsts[ref.slug] = first
        articles.sort(key=published_key, reverse=True)
        main_of, copies = group_copies(articles)
        stories = [ref for ref in articles if ref.slug not in main_of] if main_of else articles
        mentions: dict[tuple[str, str], list[tuple[ArticleRef, str]]] = defaultdict(list)
        for ref in stories:  # newest first, so every entity's list is in that order too
            first = firsts[ref.slug].get
            for key in ref.distinct_tags:
                mentions[key].append((ref, first(key, "")))
        return cls(dict(known), articles, mentions, {ref.slug: i for i, ref in enumerate(articles)}, stories, main_of, copies)

    def story(self, slug: str) -> set[str]:
        """The slugs of the articles of ``slug``'s story, itself included."""
        main = self.main_of[slug].slug if slug in self.main_of else slug
        return {main} | {copy.slug for copy in self.copies.get(main, ())}

    def patch(self, known: dict[str, ArticlePage], fresh: set[str]) -> bool:
        """Bring the lists up to date for the ``fresh`` pages; False when only building them anew will do (an article
        came or went, another changed its place in the order, or anything else differs from what was kept)."""
        if known.keys() != self.facts.keys():
            return False
        changed = [name for name in known if known[name] is not self.facts[name]]
        if {name[:-3] for name in changed} - fresh:
            return False
        for name in changed:
            old, new = self.facts[name].ref, known[name].ref
            if published_key(old) != published_key(new) or old.copy_of or new.copy_of or old.slug in self.copies \
                    or old.slug in self.main_of:
                return False  # a copy, or a main article: its story is made again
        for name in changed:
            old, new, first = self.facts[name].ref, known[name].ref, known[name].first
            at = self.position[old.slug]
            self.articles[at] = new
            if self.stories is not self.articles:
                self.stories[self.stories.index(old)] = new
            for key in old.distinct_tags:
                entries = self.mentions[key]
                entries[:] = [e for e in entries if e[0] is not old]
                if not entries:
                    del self.mentions[key]
            for key in new.distinct_tags:
                entries = self.mentions[key]
                entries.insert(bisect.bisect_left(entries, at, key=lambda e: self.position[e[0].slug]), (new, first.get(key, "")))
            self.facts[name] = known[name]
        return True


def build_graph(docs: Path, cache: FileCache | None = None, texts: dict[str, str] | None = None, fresh: Mapping | None = None) -> Graph:
    """The graph of every article page (``content.article.article_pages``: ``cache`` spares reading pages unchanged since
    a run read them, ``fresh`` holds the pages ingest just wrote, ``texts`` collects the text of those read).

    The graph remembers what it last saw of each page (the entities it names, a digest of its listing) to tell which
    entity pages and lists a changed page changes; an article that is new to it this run is in ``Graph.fresh``.
    """
    graph = Graph()
    cache = cache or FileCache(docs, persistent=False)
    folder = docs / "articles"
    # Names and strings, not Paths, while walking 10,000 unchanged pages: most of them are looked up and left.
    names = [name for name in md_names(folder) if name != "index.md"]
    pages, sigs = article_pages(folder, names, cache, fresh, texts)
    base = os.fspath(folder)
    known: dict[str, ArticlePage] = {}
    then: list[str] = []  # what the ``copy_of`` of each changed or removed article named before
    left: set[str] = set()
    for name in names:
        page = pages[name]
        if page.ref is None:
            graph.problems.append(page.unreadable)
            continue
        known[name] = page
        path = os.path.join(base, name)
        if cache.get("graph", path, sigs[name]) is not None:
            continue
        seen = (_names(page.ref), page.listing, page.ref.copy_of)
        before = cache.stale("graph", path)
        if before is not None:
            graph.touched |= before[0]
            then.append(before[2])
        graph.listed |= before is None or before[1] != seen[1]
        cache.put("graph", path, seen, sigs[name])
        graph.fresh.add(name[:-3])
        graph.touched |= seen[0]
    folder_key, present = cache.key(folder), set(names)
    gone = [p for p in cache.kind("graph") if os.path.dirname(p) == folder_key and os.path.basename(p) not in present]
    for path in gone:
        names_then, _, copy_of = cache.drop("graph", path)  # an article page that is gone
        graph.touched |= names_then
        graph.listed = True
        then.append(copy_of)
        left.add(os.path.basename(path)[:-3])
    memo = cache.memo.get("graph")
    if memo is not None and memo.patch(known, graph.fresh):
        graph.articles, graph.mentions = memo.articles, memo.mentions
    else:
        memo = cache.memo["graph"] = Lists.of(known)
        graph.articles, graph.mentions = memo.articles, memo.mentions
    graph.stories, graph.main_of, graph.copies = memo.stories, memo.main_of, memo.copies
    _regroup(graph, memo, then, left)
    graph.together = CoMentions(graph.stories)
    return graph


def _regroup(graph: Graph, memo: Lists, then: list[str], left: set[str]) -> None:
    """Every article of a story that an article changed, joined or left is in ``graph.regrouped``, its entities touched:
    a main article's tag line and list lines name its copies, a copy's tag line names its main article. ``then``: what
    the changed and removed articles' ``copy_of`` named before; ``left``: the removed articles."""
    slugs = {slug for slug in then if slug} | {slug for slug in graph.fresh if slug in memo.main_of or slug in memo.copies}
    if left:  # the copies of an article that is gone are stories of their own now
        slugs |= {ref.slug for ref in graph.articles if ref.copy_of in left}
    for slug in slugs:
        if slug + ".md" in memo.facts:
            graph.regrouped |= memo.story(slug)
    for slug in graph.regrouped:
        graph.touched |= _names(memo.facts[slug + ".md"].ref)
    graph.listed |= bool(graph.regrouped)
