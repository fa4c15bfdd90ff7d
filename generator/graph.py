"""The link graph, built from the article pages as they are now (editors' edits included).

Read every article page once, then answer: which articles mention an entity, in which
sentence, and which entities appear together. One pass over the corpus, so the cost
stays linear however many entities there are.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.dates import event_dates
from generator.model import ENTITY_TYPES
from generator.pages import SECTION, PageError, split

LINK = re.compile(r"\[((?:\\.|[^\]\\])+)\]\(\.\./(actors|locations|agreements)/([^)\s]+)\.md\)")
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


@dataclass
class Graph:
    articles: list[ArticleRef] = field(default_factory=list)
    mentions: dict[tuple[str, str], list[tuple[ArticleRef, str]]] = field(default_factory=lambda: defaultdict(list))
    together: dict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    problems: list[str] = field(default_factory=list)


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not cut after "Col." or "U.S."."""
    out: list[str] = []
    for piece in SENTENCE_END.split(paragraph):
        if out and ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def sentence_of(body: str, key: tuple[str, str]) -> str:
    """The sentence holding the first link to ``key``, that link in bold and others as text."""
    for paragraph in body.split("\n\n"):
        for sentence in sentences(paragraph):
            hit = next((m for m in LINK.finditer(sentence) if (m[2], m[3]) == key), None)
            if hit is None:
                continue
            before = LINK.sub(r"\1", sentence[: hit.start()])
            after = LINK.sub(r"\1", sentence[hit.end():])
            if len(before) > MAX_SENTENCE // 2:
                before = "…" + before[-MAX_SENTENCE // 2:].split(" ", 1)[-1]
            if len(after) > MAX_SENTENCE // 2:
                after = after[: MAX_SENTENCE // 2].rsplit(" ", 1)[0] + "…"
            return f"{before}**{hit[1]}**{after}".replace("\n", " ").strip()
    return ""


def events_of(body: str, published: str) -> tuple[Event, ...]:
    found = []
    for paragraph in body.split("\n\n"):
        for sentence in sentences(paragraph.strip()):
            dates = event_dates(LINK.sub(r"\1", sentence), published)
            if dates:
                refs = frozenset((m[2], m[3]) for m in LINK.finditer(sentence))
                text = LINK.sub(r"\1", sentence).replace("\n", " ").strip()
                if len(text) > MAX_SENTENCE:
                    text = text[:MAX_SENTENCE].rsplit(" ", 1)[0] + "…"
                found += [Event(d, text, refs) for d in dates]
    return tuple(found)


def published_key(ref: ArticleRef) -> tuple:
    return (ref.published or "0000", ref.title.casefold(), ref.slug)


def build_graph(docs: Path) -> Graph:
    graph = Graph()
    for page in sorted((docs / "articles").glob("*.md")):
        if page.name == "index.md":
            continue
        try:
            meta, _, body = split(page.read_text(encoding="utf-8"))
        except (PageError, UnicodeDecodeError) as exc:
            graph.problems.append(f"{page}: {exc}")
            continue
        tags = tuple((t, str(s)) for t in ENTITY_TYPES for s in (meta.get(t) or []) if isinstance(meta.get(t), list))
        review = tuple(str(r) for r in meta.get("review") or []) if isinstance(meta.get("review"), list) else ()
        text = SECTION.sub("", body)
        published = str(meta.get("published") or "")
        ref = ArticleRef(page.stem, str(meta.get("title") or page.stem), published, str(meta.get("source") or ""), tags, review,
                         str(meta.get("attribution") or ""), events_of(text, published))
        graph.articles.append(ref)
        for key in dict.fromkeys(tags):
            graph.mentions[key].append((ref, sentence_of(text, key)))
            for other in dict.fromkeys(tags):
                if other != key:
                    graph.together[key][other] += 1
    graph.articles.sort(key=published_key, reverse=True)
    for refs in graph.mentions.values():
        refs.sort(key=lambda r: published_key(r[0]), reverse=True)
    return graph
