"""The link graph, built from the article pages as they are now (editors' edits included).

Read every article page once, then answer: which articles mention an entity, in which
sentence, and which entities appear together. One pass over the corpus, so the cost
stays linear however many entities there are.
"""

from __future__ import annotations

import bisect
import os
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from itertools import chain
from pathlib import Path

from generator.content.article import article_pages
from generator.content.model import ArticlePage, ArticleRef
from generator.content.pages import digest, md_names
from generator.store.filecache import FileCache


class CoMentions(dict):
    """Entity → how many articles name it together with each other entity, counted on first use.

    Counting every pair up front costs the sum of tags² over the corpus; a run that renders a
    few entity pages asks for a few entities only. Each is counted by walking the tags of its
    own articles, in C (``Counter``): at 10,000 articles that took 1.9 s for every entity, where
    ANDing each entity's articles as bits with every other entity's took 4.4 s, and more the
    larger the corpus.
    """

    def __init__(self, mentions: dict[tuple[str, str], list[tuple[ArticleRef, str]]]):
        super().__init__()
        self.mentions = mentions

    def __missing__(self, key: tuple[str, str]) -> dict[tuple[str, str], int]:
        counts = self[key] = self.by_counting(key)
        return counts

    def by_counting(self, key: tuple[str, str]) -> dict[tuple[str, str], int]:
        counts = Counter(chain.from_iterable(ref.distinct_tags for ref, _ in self.mentions.get(key, ())))
        counts.pop(key, None)
        return dict(counts)

    def get(self, key, default=None):
        return self[key] if key in self.mentions else default


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
        self.together = CoMentions(self.mentions)


LISTED = tuple(f.name for f in fields(ArticleRef) if f.name != "tags")  # a field added to ArticleRef is listed too


def _listing(ref: ArticleRef) -> str:
    """What the lists of articles (index, timeline, sources, feed, review) show of one, all of it but its tags, as a
    digest: the graph remembers it to tell whether a changed article changes those lists."""
    return digest(repr(tuple(getattr(ref, name) for name in LISTED)))


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
        seen = (_names(page.ref), _listing(page.ref), page.ref.copy_of)
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
    graph.together = CoMentions(graph.mentions)
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
