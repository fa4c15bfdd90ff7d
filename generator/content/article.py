"""Reading an article page once into an ``ArticlePage``: what the graph, check and retag each need of it.

Ingest builds the same object from the front matter and body it has just written (``article_from``), so
a new page is never parsed back; a page an editor changed is read here (``read_article``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import fields, replace
from pathlib import Path

from generator.content.links import ENTITY_LINK
from generator.content.model import ENTITY_TYPES, ArticlePage, ArticleRef, Event
from generator.content.pages import SECTION, PageError, digest, split
from generator.content.schema import ARTICLE_REQUIRED, ARTICLE_SCHEMA, Problem, accepted, check_schema, key_line
from generator.settings import DEFAULTS
from generator.store.filecache import FileCache, signature
from generator.store.parallel import map_in_order
from generator.text.dates import event_dates
from generator.text.sentences import sentences

DIGIT = re.compile(r"\d")
MAX_SENTENCE = DEFAULTS.max_sentence


def _bold(plain: str, start: int, name: str) -> str:
    """The sentence (its links as text) with the name at ``start`` in bold, cut to a readable length."""
    before, after = plain[:start], plain[start + len(name):]
    if len(before) > MAX_SENTENCE // 2:
        before = "…" + before[-MAX_SENTENCE // 2:].split(" ", 1)[-1]
    if len(after) > MAX_SENTENCE // 2:
        after = after[: MAX_SENTENCE // 2].rsplit(" ", 1)[0] + "…"
    return f"{before}**{name}**{after}".replace("\n", " ").strip()


def _unlinked(text: str, links: list[re.Match]) -> str:
    """``plain_text(text)`` from its links already found, without a second pass of the pattern."""
    pieces, at = [], 0
    for hit in links:
        pieces += (text[at:hit.start()], hit[1])
        at = hit.end()
    pieces.append(text[at:])
    return "".join(pieces)


def read_body(body: str, published: str, keys) -> tuple[dict[tuple[str, str], str], tuple[Event, ...]]:
    """One pass over the sentences: the first sentence linking each of ``keys``, and the dated sentences."""
    wanted = set(keys)
    first: dict[tuple[str, str], str] = {}
    events: list[Event] = []
    for paragraph in body.split("\n\n"):
        if not DIGIT.search(paragraph) and (len(first) == len(wanted) or "](../" not in paragraph):
            continue  # no date in it, and no link to an entity still without its sentence
        for sentence in sentences(paragraph):
            links = list(ENTITY_LINK.finditer(sentence))
            plain = _unlinked(sentence, links) if links else sentence
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


def tags_in(meta: dict) -> tuple[tuple[str, str], ...]:
    """The tags an article's front matter lists, (type, slug) in page order; a key that is not a list has none."""
    return tuple((t, str(s)) for t in ENTITY_TYPES if isinstance(meta.get(t), list) for s in meta[t])


def article_ref(slug: str, meta: dict, body: str) -> tuple[ArticleRef, dict[tuple[str, str], str]]:
    """What lists and entity pages show of an article, and per tag the sentence that names it; ``body`` without its
    generated sections. Only the values check accepts (``schema.accepted``): a date check reports is no date."""
    meta = accepted(meta, ARTICLE_SCHEMA)
    tags = tags_in(meta)
    review = tuple(meta.get("review", ()))
    published = str(meta.get("published") or "")
    # an estimated date is a lower bound: no year for the text's year-less days can be taken from it
    first, events = read_body(body, "" if meta.get("published_estimate") else published, tags)
    text = {key: str(meta.get(key) or "") for key in ("source", "attribution", "published_estimate", "url", "author")}
    text["published_estimate"] = text["published_estimate"] if published else ""  # an estimate of no date is none
    text["copy_of"] = copy_slug(str(meta.get("copy_of") or ""))
    ref = ArticleRef(slug, str(meta.get("title") or slug), published, tags=tags, review=review, events=events, **text)
    return ref, first


def copy_slug(value: str) -> str:
    """``copy_of`` as an article slug: an editor may write ``foo``, ``foo.md`` or ``articles/foo.md``."""
    return value.strip().removeprefix("../").removeprefix("articles/").removesuffix(".md")


def article_from(page: Path, text: str, meta: dict, body: str, facts: tuple | None = None) -> ArticlePage:
    """The ``ArticlePage`` of a page already split (ingest knows the front matter it wrote, and its ``article_ref``)."""
    problems = check_schema(page, text, meta, ARTICLE_SCHEMA, ARTICLE_REQUIRED)
    own_body = SECTION.sub("", body)
    ref, first = facts or article_ref(page.stem, meta, own_body)
    lines = {type_: key_line(text, type_) for type_ in ENTITY_TYPES}
    tag_lines = tuple(lines[type_] for type_, _ in ref.tags)
    owned = digest(SECTION.sub("", text))
    return ArticlePage(ref, first, tuple(problems), tag_lines, text_digest(own_body), owned,
                       copy_line=key_line(text, "copy_of") if ref.copy_of else 0, listing=listing_digest(ref))


LISTED = tuple(f.name for f in fields(ArticleRef) if f.name not in ("tags", "events"))  # a field added is listed too


def listing_digest(ref: ArticleRef) -> str:
    """What the lists of articles (index, timeline, sources, feed, review) show of one, all of it but its tags, as a
    digest: the graph remembers it to tell whether a changed article changes those lists. Made where the page is
    read, on every core; an event's entities in sorted order, not a set's, which changes from process to process."""
    events = tuple((e.date, e.sentence, tuple(sorted(e.refs))) for e in ref.events)
    return digest(repr((tuple(getattr(ref, name) for name in LISTED), events)))


def text_digest(body: str) -> str:
    """What two pages of the same article share: their text, whatever its case and spacing. Not ``fold``, which also
    unifies accents and dashes in a pass of Python over the text: this runs for every page read."""
    return digest(" ".join(body.lower().split()))


def read_article(page: Path, text: str | None = None) -> ArticlePage:
    """An article page read from disk (or from ``text``); one that cannot be read says why."""
    try:
        text = page.read_text(encoding="utf-8") if text is None else text
        meta, _, body = split(text)
    except (PageError, UnicodeDecodeError) as exc:
        problem = Problem(page, getattr(exc, "line", 1), str(exc), "fix the YAML between the --- lines")
        return ArticlePage(None, {}, (problem,), (), "", "", unreadable=f"{page}: {exc}")
    return article_from(page, text, meta, body)


def shared(page: ArticlePage, keys: dict) -> ArticlePage:
    """The same page with every entity key one object per run (``keys``), whichever article names it.

    Pages arrive unpickled from workers, each with its own copy of its ~50 keys in its tags, first sentences and
    events: 10,000 articles held 100 MB of identical tuples and strings.
    """
    if page.ref is None:
        return page
    one = keys.setdefault  # ``map(one, xs, xs)``: the loop over keys in C, once per key of every article
    ref = page.ref
    events = tuple(Event(e.date, e.sentence, frozenset(map(one, e.refs, e.refs))) for e in ref.events)
    tags = tuple(map(one, ref.tags, ref.tags))
    ref = replace(ref, tags=tags, events=events)
    first = dict(zip(map(one, page.first, page.first), page.first.values(), strict=True))
    return replace(page, ref=ref, first=first)


def _read(_, page: Path) -> tuple[ArticlePage, str]:
    """One page and its text, in a worker."""
    try:
        text = page.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return read_article(page), ""
    return read_article(page, text), text


def article_pages(folder: Path, names: list[str], cache: FileCache, fresh: Mapping | None = None,
                  texts: dict[str, str] | None = None) -> tuple[dict[str, ArticlePage], dict[str, tuple | None]]:
    """Every page of ``names`` in ``folder`` as an ``ArticlePage`` (name → page) and each one's file signature.

    A page unchanged since a run read it comes from ``cache``; one ingest just wrote comes from ``fresh``
    (``WrittenArticle`` by absolute path); the others are read, on every core. ``texts`` collects the text of
    the pages read (by slug), for a caller that rewrites them.
    """
    base = os.fspath(folder)
    fresh = fresh or {}
    keys = cache.memo.setdefault("keys", {})
    pages: dict[str, ArticlePage] = {}
    sigs: dict[str, tuple | None] = {}
    unread: list[str] = []
    for name in names:
        path = os.path.join(base, name)
        sig = sigs[name] = signature(path)
        page = cache.get("article", path, sig)
        if page is None:
            taken = fresh.get(cache.key(path))
            if taken is not None and taken.sig == sig:
                page = taken.page
                cache.put("article", path, page, sig)
        if page is None:
            unread.append(name)
        else:
            pages[name] = page
    for name, (page, text) in zip(unread, map_in_order(_read, [folder / name for name in unread], "read"), strict=True):
        page = pages[name] = shared(page, keys)
        cache.put("article", os.path.join(base, name), page, sigs[name])
        if texts is not None and text:
            texts[name[:-3]] = text
    return pages, sigs
