"""``python -m generator retag``: after the registry grew, tag every article again.

Adds a tag for an entity the article mentions, and a link on its first unlinked mention;
takes back a tag of its own (and the link it inserted for it) when the match it stood for
is gone. A tag an editor removed is never added back and a tag an editor added is never
removed (the article's history of tags lives in ``state``); a link the generator once
inserted and an editor removed is never inserted again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.article import tags_in
from generator.content.links import ENTITY_LINK, link, unlink
from generator.content.model import ENTITY_TYPES, Mention
from generator.content.pages import SECTION, PageError, join, md_files, owned_digest, set_front_value, split, write_if_changed
from generator.content.registry import INDEX, load_registry
from generator.store.filecache import FileCache, opened, signature
from generator.store.progress import progress
from generator.store.state import ArticleState, State
from generator.text.tagger import in_title, tag, tag_hits

ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&"}


@dataclass
class RetagReport:
    written: list[str] = field(default_factory=list)
    added: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class PlainView:
    """The reader's text of a Markdown body, and where each of its characters sits in the body."""

    text: str
    index: list[int]
    link_spans: list[tuple[int, int]]
    linked: set[str]


def plain_view(body: str) -> PlainView:
    out: list[str] = []
    index: list[int] = []
    spans: list[tuple[int, int]] = []
    linked: set[str] = set()
    skip = {m.start(): m.end() for m in SECTION.finditer(body)}
    links = {m.start(): m for m in ENTITY_LINK.finditer(body)}
    i = 0
    while i < len(body):
        if i in skip:
            out += ["\n", "\n"]
            index += [i, i]
            i = skip[i]
            continue
        link = links.get(i)
        if link:
            spans.append((link.start(), link.end()))
            linked.add(f"{link[2]}/{link[3]}")
            inner = link.start(1)
            for m in re.finditer(r"\\(.)|(.)", link[1], re.S):
                out.append(m.group(1) or m.group(2))
                index.append(inner + m.start())
            i = link.end()
            continue
        entity = body[i] == "&" and next((e for e in ENTITIES if body.startswith(e, i)), None)
        if entity:
            out.append(ENTITIES[entity])
            index.append(i)
            i += len(entity)
            continue
        if body[i] == "\\" and i + 1 < len(body):
            out.append(body[i + 1])
            index.append(i + 1)
            i += 2
            continue
        out.append(body[i])
        index.append(i)
        i += 1
    return PlainView("".join(out), index, spans, linked)


def merged(kept: list, new: list[str]) -> list:
    """``new`` slugs put where they sort among ``kept``: a sorted list stays sorted (as ingest writes it, so a page
    retagged is the page a run from scratch makes), an order an editor chose stays theirs."""
    out = list(kept)
    for slug in sorted(new):
        at = next((i for i, s in enumerate(out) if str(s) > slug), len(out))
        out.insert(at, slug)
    return out


def title_refs(title: str, registry, published: str, body: set[tuple[str, str]]) -> set[str]:
    """What the title names: tagged like the text (``in_title``), never linked (the title is not in the body)."""
    hits = registry.matcher.find(title)
    return {f"{m.type}/{m.slug}" for m in in_title(tag_hits(title, hits, registry, published), hits, body)}


def known_date(meta: dict) -> str:
    """The date generic references are judged against: the one ingest had (an estimate is made after tagging)."""
    return "" if meta.get("published_estimate") else str(meta.get("published") or "")


def retag_page(text: str, record: ArticleState, registry) -> tuple[str, int]:
    """The page with its tags and links brought up to date with the registry; ``record`` is updated in place.

    A tag an editor gave the article (``record.own``) stays whatever the registry says. Every other tag is the
    generator's, by a match in the text: when the match goes (an alias removed, an entity merged, renamed or rejected),
    the tag and the link the generator inserted for it go too. A tag an editor removed is never added back.
    """
    meta, front, body = split(text)
    view = plain_view(body)
    mentions = tag(view.text, registry, known_date(meta))
    current = {f"{t}/{s}" for t, s in tags_in(meta)}
    found = {f"{m.type}/{m.slug}" for m in mentions} | title_refs(str(meta.get("title") or ""), registry, known_date(meta),
                                                                   {(m.type, m.slug) for m in mentions})
    if record.own is None:  # a record rebuilt from its page, or written before editors' tags were told apart
        record.own = sorted(current - found)
        record.cut = sorted(set(record.tags) - current if record.tags else found - current)  # what it matches counts as seen
        if not record.tags:
            record.linked = sorted(set(record.linked) | view.linked | found)
        record.tags = sorted(current | set(record.cut))
    own, cut = set(record.own), set(record.cut)
    generator = set(record.tags) - own - cut  # the generator's tags, as it left the page
    cut |= generator - current  # an editor removed them since
    own = (own | (current - generator)) & current  # an editor added them since (one they had removed included)
    cut -= own
    gone = sorted(current - own - found - registry.unjudged)  # a broken entity page keeps its tags until it is fixed
    if gone:
        skip = tuple((m.start(), m.end()) for m in SECTION.finditer(body))
        for ref in gone:
            if ref in record.linked:
                body = unlink(body, ref.split("/", 1), skip=skip)
        current -= set(gone)
        view = plain_view(body)
        mentions = tag(view.text, registry, known_date(meta))
    added = found - current - cut
    for type_ in ENTITY_TYPES:  # each tag list rewritten once, for what went and what came
        new = sorted(r.split("/", 1)[1] for r in added if r.startswith(type_ + "/"))
        if new or any(r.startswith(type_ + "/") for r in gone):
            front = set_front_value(front, type_, merged([s for s in meta.get(type_) or [] if f"{type_}/{s}" not in gone], new))
    record.tags, record.own, record.cut = sorted(current | added | cut), sorted(own), sorted(cut)

    linked = (set(record.linked) - set(gone)) | view.linked
    insertions: list[tuple[int, int, Mention]] = []
    for m in mentions:
        ref = f"{m.type}/{m.slug}"
        if ref in linked or ref not in (current | added):
            continue
        start, end = view.index[m.start], view.index[m.end - 1] + 1
        if any(s < end and start < e for s, e in view.link_spans) or any(s < end and start < e for s, e, _ in insertions):
            continue
        insertions.append((start, end, m))
        linked.add(ref)
    for start, end, m in sorted(insertions, key=lambda i: i[:2], reverse=True):
        body = body[:start] + link(body[start:end], m.type, m.slug, "articles") + body[end:]
    record.linked = sorted(linked)
    return join(front, body), len(added)


def retag_key(registry, owned: str) -> str:
    """What a retag of a page depends on: the registry, and the page outside its generated sections (``owned_digest``)."""
    return f"{registry.fingerprint}:{owned}"


def retag(docs: Path, cache: FileCache | None = None, state: State | None = None, fresh: Mapping | None = None) -> RetagReport:
    """``fresh``: the pages ingest just wrote (``ingest.WrittenArticle`` by absolute path), not read back."""
    with opened(docs, cache) as cache:
        return _retag(docs, cache, state or State.load(docs, cache.memo), fresh or {})


def _retag(docs: Path, cache: FileCache, state: State, fresh: Mapping) -> RetagReport:
    report = RetagReport()
    for path, written in fresh.items():
        cache.put("article", path, written.page, written.sig)  # valid while the page is the file ingest wrote
    registry = load_registry(docs, cache)
    by_slug = state.by_slug()
    for page in progress(md_files(docs / "articles"), "retag"):
        if page.name == INDEX:
            continue
        sig = signature(page)
        known = getattr(cache.get("article", page, sig), "owned", None)  # the page as a run read it (content/article.py)
        record = state.articles.get(by_slug.get(page.stem, ""))
        if known and record and record.retag == retag_key(registry, known):
            continue  # neither the registry nor this page changed since the last retag: not even read
        try:
            text = page.read_text(encoding="utf-8")
            meta = split(text)[0]
        except (PageError, UnicodeDecodeError) as exc:
            report.problems.append(f"{page}: {exc}; not retagged")
            continue
        owned = owned_digest(text)
        original = by_slug.get(page.stem) or str(meta.get("original") or page.name)
        record = state.articles.setdefault(original, ArticleState(page.stem))
        if record.retag == retag_key(registry, owned):
            continue  # neither the registry nor this page changed since the last retag
        unedited = record.page == owned
        new, added = retag_page(text, record, registry)
        owned_new = owned_digest(new)
        record.retag = retag_key(registry, owned_new)
        report.added += added
        if write_if_changed(page, new):
            report.written.append(str(page))
            if unedited:
                record.page = owned_new
    state.save(docs)
    return report
