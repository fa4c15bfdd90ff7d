"""The link graph, built from the article pages as they are now (editors' edits included).

Read every article page once, then answer: which articles mention an entity, in which
sentence, and which entities appear together. One pass over the corpus, so the cost
stays linear however many entities there are.
"""

from __future__ import annotations

import bisect
import heapq
import os
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import chain
from pathlib import Path

from generator.content.model import ENTITY_TYPES
from generator.content.pages import SECTION, PageError, escape, md_names, split
from generator.store.filecache import FileCache, signature
from generator.store.parallel import map_in_order
from generator.text.dates import event_dates

LINK = re.compile(r"\[((?:\\.|[^\]\\])+)\]\(\.\./(actors|locations|agreements)/([^)\s]+)\.md\)")
DIGIT = re.compile(r"\d")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\[A-Z“\"])")
ABBREVIATION = re.compile(r"(?:\b(?:Col|Gen|Lt|Maj|Brig|Capt|Sgt|Adm|Cmdr|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Prof|No|Jr|Sr|vs|etc)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$")
MAX_SENTENCE = 320


@dataclass(frozen=True)
class Event:
    """A dated sentence: what an article says happened on a day (``--MM-DD`` when the year is unknown)."""

    date: str
    sentence: str
    refs: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class ArticleRef:
    slug: str
    title: str
    published: str
    source: str
    tags: tuple[tuple[str, str], ...]
    review: tuple[str, ...] = ()
    attribution: str = ""
    events: tuple[Event, ...] = ()

    @cached_property
    def title_md(self) -> str:
        """The title escaped for Markdown once, not once per entity page listing the article."""
        return escape(self.title)

    @cached_property
    def source_md(self) -> str:
        return escape(self.source)

    @cached_property
    def distinct_tags(self) -> tuple[tuple[str, str], ...]:
        """Each tag once, in page order: an editor may list a slug twice."""
        return tuple(dict.fromkeys(self.tags))


class CoMentions(dict):
    """Entity → how many articles name it together with each other entity, counted on first use.

    Counting every pair up front costs the sum of tags² over the corpus; a run that renders a
    few entity pages asks for a few entities only. An entity named in many articles is counted
    on bits instead: each entity's articles as one integer, one AND per other entity, which
    costs less than walking every tag of its articles once that walk is long.
    """

    def __init__(self, mentions: dict[tuple[str, str], list[tuple[ArticleRef, str]]], articles: int = 0):
        super().__init__()
        self.mentions = mentions
        self.articles = articles  # how many there are: what one AND costs
        self._bits: dict[tuple[str, str], int] | None = None
        self._walked = 0  # tags counted by walking so far

    def __missing__(self, key: tuple[str, str]) -> dict[tuple[str, str], int]:
        entries = self.mentions.get(key, ())
        walk = sum(len(ref.distinct_tags) for ref, _ in entries)
        # Measured: a tag counted costs about as much as one AND of articles/4,000 machine words. Making the bits costs
        # about one step per mention in the corpus: they are made once the walks so far have cost that much (a preview's
        # save asks for a few dozen entities, a full run for all of them).
        worth = walk > len(self.mentions) * (1 + self.articles / 4000)
        if worth and self._bits is None and self._walked + walk < self._entries:
            worth = False
        counts = self.by_bits(key) if worth else self.by_counting(key)
        self._walked += 0 if worth else walk
        self[key] = counts
        return counts

    @cached_property
    def _entries(self) -> int:
        """Mentions in the corpus: what making the bits costs."""
        return sum(len(entries) for entries in self.mentions.values())

    def by_counting(self, key: tuple[str, str]) -> dict[tuple[str, str], int]:
        counts = Counter(chain.from_iterable(ref.distinct_tags for ref, _ in self.mentions.get(key, ())))  # counted in C
        counts.pop(key, None)
        return dict(counts)

    def by_bits(self, key: tuple[str, str]) -> dict[tuple[str, str], int]:
        if self._bits is None:
            self._bits = self._articles_bits()
        mine = self._bits.get(key, 0)
        return {other: n for other, theirs in self._bits.items() if other != key and (n := (mine & theirs).bit_count())}

    def _articles_bits(self) -> dict[tuple[str, str], int]:
        numbers: dict[int, int] = {}  # each article by identity (the lists share their ArticleRefs), numbered once
        for entries in self.mentions.values():
            for ref, _ in entries:
                numbers.setdefault(id(ref), len(numbers))
        bits = {}
        for key, entries in self.mentions.items():
            row = bytearray(len(numbers) // 8 + 1)
            for ref, _ in entries:
                i = numbers[id(ref)]
                row[i >> 3] |= 1 << (i & 7)
            bits[key] = int.from_bytes(row, "little")
        return bits

    def get(self, key, default=None):
        return self[key] if key in self.mentions else default


def strongest(counts: dict, n: int, allowed) -> list[tuple]:
    """The ``n`` keys of ``allowed`` with the highest counts, ties by key: what ``heapq.nsmallest`` by (-count, key) gives,
    without calling a key function for every pair."""
    values = [c for k, c in counts.items() if k in allowed]
    if not values:
        return []
    floor = heapq.nlargest(n, values)[-1]
    return sorted(((k, c) for k, c in counts.items() if c >= floor and k in allowed), key=lambda kc: (-kc[1], kc[0]))[:n]


@dataclass
class Graph:
    articles: list[ArticleRef] = field(default_factory=list)
    mentions: dict[tuple[str, str], list[tuple[ArticleRef, str]]] = field(default_factory=lambda: defaultdict(list))
    together: CoMentions = field(init=False)
    problems: list[str] = field(default_factory=list)
    fresh: set[str] = field(default_factory=set)  # slugs of the articles read this run (new or changed)
    touched: set[tuple[str, str]] = field(default_factory=set)  # entities those, or removed articles, name, then and now
    listed: bool = False  # an article came, went, or changed what lists of articles show (title, date, source, events…)

    def __post_init__(self):
        self.together = CoMentions(self.mentions, len(self.articles))


def _listing(ref: ArticleRef) -> tuple:
    """What the lists of articles (index, timeline, sources, feed, review) show of one: all of it but its tags."""
    return (ref.slug, ref.title, ref.published, ref.source, ref.review, ref.attribution, ref.events)


def _names(facts) -> set[tuple[str, str]]:
    ref, _ = facts
    return set(ref.tags) | {key for event in ref.events for key in event.refs}


def shared_key(key: tuple[str, str], keys: dict) -> tuple[str, str]:
    """The first copy of ``key`` in ``keys`` (every entity key a run has seen, each kept once: see ``shared``)."""
    return keys.setdefault(key, key)


def shared(facts: tuple[ArticleRef, dict], keys: dict | None = None) -> tuple[ArticleRef, dict]:
    """The same facts with every entity key one object per process, whichever article names it.

    Facts arrive unpickled from workers, each article with its own copy of its ~50 keys in its tags,
    first sentences and events: 10,000 articles held 100 MB of identical tuples and strings.
    """
    ref, first = facts
    one = (keys if keys is not None else {}).setdefault
    events = tuple(Event(e.date, e.sentence, frozenset(one(k, k) for k in e.refs)) for e in ref.events)
    ref = replace(ref, tags=tuple(one(k, k) for k in ref.tags), events=events)
    return ref, {one(k, k): sentence for k, sentence in first.items()}


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not cut after "Col." or "U.S."."""
    out: list[str] = []
    for piece in SENTENCE_END.split(paragraph):
        if out and ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def _bold(plain: str, start: int, name: str) -> str:
    """The sentence (its links as text) with the name at ``start`` in bold, cut to a readable length."""
    before, after = plain[:start], plain[start + len(name):]
    if len(before) > MAX_SENTENCE // 2:
        before = "…" + before[-MAX_SENTENCE // 2:].split(" ", 1)[-1]
    if len(after) > MAX_SENTENCE // 2:
        after = after[: MAX_SENTENCE // 2].rsplit(" ", 1)[0] + "…"
    return f"{before}**{name}**{after}".replace("\n", " ").strip()


def read_body(body: str, published: str, keys) -> tuple[dict[tuple[str, str], str], tuple[Event, ...]]:
    """One pass over the sentences: the first sentence linking each of ``keys``, and the dated sentences."""
    wanted = set(keys)
    first: dict[tuple[str, str], str] = {}
    events: list[Event] = []
    for paragraph in body.split("\n\n"):
        for sentence in sentences(paragraph):
            links = list(LINK.finditer(sentence))
            plain = LINK.sub(r"\1", sentence) if links else sentence
            removed = 0  # characters of link syntax before the current link, which ``plain`` does not have
            for hit in links:
                key = (hit[2], hit[3])
                if key in wanted and key not in first:
                    first[key] = _bold(plain, hit.start() - removed, hit[1])
                removed += len(hit[0]) - len(hit[1])
            dates = event_dates(plain, published) if DIGIT.search(plain) else ()  # every date has a day number
            if dates:
                text = plain.replace("\n", " ").strip()
                if len(text) > MAX_SENTENCE:
                    text = text[:MAX_SENTENCE].rsplit(" ", 1)[0] + "…"
                refs = frozenset((m[2], m[3]) for m in links)
                events += [Event(d, text, refs) for d in dates]
    return first, tuple(events)


def published_key(ref: ArticleRef) -> tuple:
    return (ref.published or "0000", ref.title.casefold(), ref.slug)


def article_facts(slug: str, text: str) -> tuple[ArticleRef, dict[tuple[str, str], str]]:
    """What the graph needs from one article page: its reference and, per tag, the sentence that names it."""
    meta, _, body = split(text)
    return facts_of(slug, meta, body)


def facts_of(slug: str, meta: dict, body: str) -> tuple[ArticleRef, dict[tuple[str, str], str]]:
    """``article_facts`` from a page already split: ingest, which wrote ``meta`` itself, does not parse it back."""
    tags = tuple((t, str(s)) for t in ENTITY_TYPES for s in (meta.get(t) or []) if isinstance(meta.get(t), list))
    review = tuple(str(r) for r in meta.get("review") or []) if isinstance(meta.get("review"), list) else ()
    published = str(meta.get("published") or "")
    first, events = read_body(SECTION.sub("", body), published, tags)
    ref = ArticleRef(slug, str(meta.get("title") or slug), published, str(meta.get("source") or ""), tags, review,
                     str(meta.get("attribution") or ""), events)
    return ref, first


def _read_facts(_, page: Path) -> tuple[Path, str, tuple | None, str]:
    """(page, its text, its facts or None, the reason it could not be read): one article, in a worker."""
    try:
        text = page.read_text(encoding="utf-8")
        return page, text, article_facts(page.stem, text), ""
    except (PageError, UnicodeDecodeError) as exc:
        return page, "", None, f"{page}: {exc}"


@dataclass
class Lists:
    """Every article newest first, and each entity's mentions in that order: what ``build_graph`` returns, kept by a
    long-running process (the preview) and patched when only the text or tags of a few articles changed."""

    facts: dict[str, tuple]  # page name → (ArticleRef, first sentences)
    articles: list[ArticleRef]
    mentions: dict[tuple[str, str], list[tuple[ArticleRef, str]]]
    position: dict[str, int]  # slug → index in ``articles``

    @classmethod
    def of(cls, known: dict[str, tuple]) -> Lists:
        firsts: dict[str, dict[tuple[str, str], str]] = {}
        articles = []
        for name in sorted(known):  # one folder: by name, as Paths would sort
            ref, first = known[name]
            articles.append(ref)
            firsts[ref.slug] = first
        articles.sort(key=published_key, reverse=True)
        mentions: dict[tuple[str, str], list[tuple[ArticleRef, str]]] = defaultdict(list)
        for ref in articles:  # newest first, so every entity's list is in that order too
            first = firsts[ref.slug].get
            for key in ref.distinct_tags:
                mentions[key].append((ref, first(key, "")))
        return cls(dict(known), articles, mentions, {ref.slug: i for i, ref in enumerate(articles)})

    def patch(self, known: dict[str, tuple], fresh: set[str]) -> bool:
        """Bring the lists up to date for the ``fresh`` pages; False when only building them anew will do (an article
        came or went, another changed its place in the order, or anything else differs from what was kept)."""
        if known.keys() != self.facts.keys():
            return False
        changed = [name for name in known if known[name] is not self.facts[name]]
        if {name[:-3] for name in changed} - fresh:
            return False
        for name in changed:
            (old, _), (new, first) = self.facts[name], known[name]
            if published_key(old) != published_key(new):
                return False
        for name in changed:
            (old, _), (new, first) = self.facts[name], known[name]
            at = self.position[old.slug]
            self.articles[at] = new
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
    """The graph of every article page; ``cache`` skips pages unchanged since a run saw them,
    ``texts`` collects the text of the pages that had to be read, ``fresh`` holds the pages ingest just wrote
    (``ingest.WrittenArticle`` by absolute path), whose facts are taken rather than read back."""
    graph = Graph()
    cache = cache or FileCache(docs, persistent=False)
    folder = docs / "articles"
    # Names and strings, not Paths, while walking 10,000 unchanged pages: most of them are looked up and left.
    names = [name for name in md_names(folder) if name != "index.md"]
    known: dict[str, tuple] = {}
    unread: list[tuple[str, object]] = []
    base = os.fspath(folder)
    for name in names:
        path = os.path.join(base, name)
        sig = signature(path)
        facts = cache.get("graph", path, sig)
        if facts is None:
            unread.append((name, sig))
        else:
            known[name] = facts
    sigs = dict(unread)
    fresh = fresh or {}
    handed = {name: taken.facts for name, sig in unread if (taken := fresh.get(cache.key(folder / name))) is not None and taken.sig == sig}
    results = [(folder / name, None, facts, "") for name, facts in handed.items()]
    results += map_in_order(_read_facts, [folder / name for name, _ in unread if name not in handed], "read")
    for page, text, facts, problem in results:
        if facts is None:
            graph.problems.append(problem)
            continue
        facts = facts if page.name in handed else shared(facts, cache.memo.setdefault("keys", {}))
        before = cache.stale("graph", page)
        if before is not None:
            graph.touched |= _names(before)
        graph.listed |= before is None or _listing(before[0]) != _listing(facts[0])
        cache.put("graph", page, facts, sigs[page.name])
        graph.fresh.add(page.stem)
        graph.touched |= _names(facts)
        if texts is not None and text is not None:
            texts[page.stem] = text
        known[page.name] = facts
    folder_key, present = cache.key(folder), set(names)
    gone = [p for p in cache.kind("graph") if os.path.dirname(p) == folder_key and os.path.basename(p) not in present]
    for path in gone:
        graph.touched |= _names(cache.drop("graph", path))  # an article page that is gone
        graph.listed = True
    memo = cache.memo.get("graph")
    if memo is not None and memo.patch(known, graph.fresh):
        graph.articles, graph.mentions = memo.articles, memo.mentions
    else:
        memo = cache.memo["graph"] = Lists.of(known)
        graph.articles, graph.mentions = memo.articles, memo.mentions
    graph.together = CoMentions(graph.mentions, len(graph.articles))
    return graph
