"""``python -m generator ingest``: raw files → article pages, tagged.

Order matters and mirrors Pelican's: read and clean everything, discover new entities
over all new articles, then tag with the grown registry, then write. An article whose raw
file did not change is not touched; one whose page an editor changed is reported, not
overwritten.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.content.article import article_from, article_ref, shared
from generator.content.model import ENTITY_TYPES, ArticlePage, CleanArticle, Entity, Mention, Proposal
from generator.content.pages import SECTION, digest, file_digest, owned_digest, write_if_changed
from generator.content.registry import Registry, load_registry
from generator.content.schema import ARTICLE_SCHEMA
from generator.read.clean import clean
from generator.read.reader import InputError, raw_files, read_raw, sidecar_of
from generator.site.exports import tags_rows
from generator.site.render import article_body, article_meta, article_page, linked_body, tags_section
from generator.steps.copies import Arrival, find_copies, remember
from generator.steps.propose import finish_proposals, found_in, propose, rejections
from generator.steps.recover import adopt, raw_digest
from generator.steps.retag import retag_key
from generator.store.filecache import FileCache, opened, signature
from generator.store.parallel import Workers
from generator.store.state import STATE_FILE, ArticleState, State
from generator.text import copies
from generator.text.dateline import filed_from, read_dateline
from generator.text.dates import estimate_published
from generator.text.matcher import Hit, Matcher, Scan, resolve_overlaps
from generator.text.slugs import slugify, unused
from generator.text.tagger import in_title, tag_hits
from generator.text.textnorm import fold


@dataclass(frozen=True)
class WrittenArticle:
    """An article page as ingest wrote it, with what the later steps of the run would otherwise read back from it.

    The pipeline hands these to retag, link and check, which use one only while the page is still the file written
    (``sig``), and remember what they take for the next run as they remember what they read.
    """

    sig: tuple
    page: ArticlePage  # what the graph, check and retag read of a page
    tag_line: str  # digest of the tag line, written with the registry whose ``shown`` is ``shown``
    shown: str
    file_digest: str  # the whole file's, for link's fingerprint of its inputs
    csv_rows: str  # its rows of exports/tags.csv


@dataclass
class IngestReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was recovered, said once
    pages: dict[str, WrittenArticle] = field(default_factory=dict)  # by absolute path: what the next steps take


def with_identity(meta: dict, raw_hash: str) -> dict:
    """``meta`` with ``original_digest``, in the schema's order: the page itself says what it was made from."""
    meta = {**meta, "original_digest": raw_hash}
    return {key: meta[key] for key in ARTICLE_SCHEMA if key in meta}


def tags_of(mentions) -> dict[str, list[str]]:
    return {t: sorted({m.slug for m in mentions if m.type == t}) for t in ENTITY_TYPES}


@dataclass
class IngestWork:
    """What ingest's workers share (inherited at the fork, see ``parallel.Workers``) and keep between the two passes."""

    seeds: Path
    docs: Path
    registry: Registry
    new: Matcher | None = None  # the entities discovery created, alone
    # In the process that read them: each article by its number and the registry's names in it, kept for tagging once
    # every article's proposals are known, instead of travelling to the main process and back.
    kept: dict[int, tuple[CleanArticle, Scan, Scan, Scan]] = field(default_factory=dict)  # the article, its text's scan,
    # its title's and its dateline's place's (``filed``)


@dataclass
class Read:
    """One raw file after the first phase: cleaned (the article itself stays in ``IngestWork.kept``), or the reason it was skipped."""

    path: Path
    raw_hash: str = ""
    original: str = ""  # the cleaned article's file name; empty when there is no article
    slug: str = ""  # its title's, made in the worker; the main process makes it unique
    body_hash: str = ""
    proposals: list[Proposal] = field(default_factory=list)
    problem: str = ""
    unchanged: bool = False
    notes: list[str] = field(default_factory=list)  # a broken sidecar: its values ignored, the article ingested
    published: str = ""
    sketch: bytes = b""  # the text's MinHash and shingles, to find copies of one story (``steps/copies.py``)
    shingles: bytes = b""


def read_one(work: IngestWork, job: tuple[int, Path, str]) -> Read:
    number, path, previous_raw = job
    try:
        raw = read_raw(path, work.seeds)
    except (InputError, OSError) as exc:
        return Read(path, problem=f"{path}: {exc}")
    raw_hash = raw_digest(raw)
    if raw_hash == previous_raw:
        return Read(path, raw_hash, unchanged=True)
    article = clean(path.name, raw.text, title=raw.title, source=raw.source, published=raw.published, url=raw.url, author=raw.author)
    if not article.paragraphs:
        return Read(path, raw_hash, problem=f"{path}: no article text left after removing site chrome", notes=list(raw.problems))
    scan = work.registry.matcher.scan(article.text)
    matcher = work.registry.matcher
    work.kept[number] = (article, scan, matcher.scan(article.title), matcher.scan(filed(article)))
    signature, found = copies.fingerprint(article.text)
    return Read(path, raw_hash, article.original, slugify(article.title), digest(fold(article.text)[0].strip()),
                found_in(article.text, resolve_overlaps(article.text, scan)), notes=list(raw.problems),
                published=article.published, sketch=signature, shingles=found)


def filed(article: CleanArticle) -> str:
    """Where the article's dateline says it was filed, as lines the tagger reads as places ("in MOSCOW"); empty without
    a dateline. Cleaning took the dateline out of the text (it is provenance), but its place is a place the article
    names, and the annotation scheme counts it."""
    return "\n".join(f"in {place}" for place in filed_from(article.dateline)) if article.dateline else ""


def raw_signature(path: Path) -> tuple:
    """A raw file's signature and its sidecar's: an analyst's correction of the sidecar alone is a change to read."""
    return signature(path), signature(sidecar_of(path))


def estimated(article: CleanArticle, keys, entities) -> CleanArticle:
    """The article with an estimated date when nothing gave it one: after the text's past dates and the latest of the
    agreements it names (``keys``, the tags found), a dateline's day placed in the year they allow."""
    if article.published:
        return article
    agreements = [(entities[k].published, entities[k].title) for k in sorted(keys) if k[0] == "agreements" and k in entities]
    found = read_dateline(article.dateline) if article.dateline else None
    published, why = estimate_published(article.text, agreements, found.date if found else "")
    return replace(article, published=published, published_estimate=why) if published else article


def _grown(work: IngestWork, created: list[Entity]) -> None:
    """In each process that tags: the registry with the entities discovery created, and a matcher of those alone; what
    tagging reads of the grown registry made now, while the main process finds copies (``Workers.everywhere``)."""
    work.registry, work.new = work.registry.with_entities(created), Matcher(created) if created else None
    work.registry.matcher, work.registry.references, work.registry.variants  # noqa: B018


@dataclass
class Tagged:
    """One article after tagging, and what later steps of this run would otherwise read back from its page."""

    filed: list[str] = field(default_factory=list)  # tags the dateline's place alone gave: no text of the page says them
    written: bool = False
    conflict: bool = False
    sig: tuple | None = None  # the page file's signature once written
    page: ArticlePage | None = None
    tag_line: str = ""  # digest of the tag line: the line is in the page, and the main process needs no more of it
    file_digest: str = ""
    csv_rows: str = ""  # its rows of exports/tags.csv


def tag_one(work: IngestWork, job: tuple[int, str, str | None, str, str]) -> Tagged:
    number, slug, previous_page, raw_hash, copy_of = job
    registry, docs = work.registry, work.docs
    article, scan, title_scan, filed_scan = work.kept.pop(number)

    def hits_of(text: str, scan: Scan) -> list[Hit]:
        # The first scan plus one by the new entities' names only: what the grown registry's matcher would find, at a
        # fraction of the cost.
        return resolve_overlaps(text, scan.merged(work.new.scan(text)) if work.new else scan)

    def tagged(text: str, scan: Scan) -> list[Mention]:
        return tag_hits(text, hits_of(text, scan), registry, article.published)

    mentions = tagged(article.text, scan)
    title_hits = hits_of(article.title, title_scan)  # the title's names are tagged, never linked: it is not in the body
    named = in_title(tag_hits(article.title, title_hits, registry, article.published), title_hits,
                     {(m.type, m.slug) for m in mentions})
    place = filed(article)  # nor is the dateline: its place is tagged as a place (a capital's city, not its state), unlinked
    dateline = [m for m in tagged(place, filed_scan) if m.type == "locations"] if place else []
    said = {(m.type, m.slug) for m in (*mentions, *named)}
    named += dateline
    keys = {(m.type, m.slug) for m in (*mentions, *named)}
    meta = article_meta(estimated(article, keys, registry.entities), tags_of([*mentions, *named]))
    meta = with_identity({**meta, "copy_of": copy_of} if copy_of else meta, raw_hash)
    body = linked_body(article.paragraphs, mentions, keys)
    facts = article_ref(slug, meta, SECTION.sub("", article_body(body)))  # the final page's, which sections do not change
    tag_line = tags_section(facts[0], registry.entities)  # what link would put there: the page is written once
    page_body = article_body(body, tag_line)
    text = article_page(meta, page_body)
    # Retag reads the page, which has no dateline: it keeps these as it keeps an editor's tags (``retag_page``).
    filed_refs = sorted({f"{m.type}/{m.slug}" for m in dateline if (m.type, m.slug) not in said})
    page = docs / "articles" / f"{slug}.md"
    if previous_page is not None and page.is_file() and owned_digest(page.read_text(encoding="utf-8")) != previous_page:
        write_if_changed(docs / STATE_FILE.parent / "conflicts" / f"{slug}.md", text)
        return Tagged(filed_refs, conflict=True)
    written = write_if_changed(page, text)
    return Tagged(filed_refs, written, sig=signature(page), page=article_from(page, text, meta, page_body, facts), tag_line=digest(tag_line),
                  file_digest=file_digest(text), csv_rows=tags_rows(facts[0], registry.entities))


def written_article(tagged: Tagged, registry: Registry, keys: dict) -> WrittenArticle:
    """What retag, link and check would read back from the page just written, for them to take instead."""
    return WrittenArticle(tagged.sig, shared(tagged.page, keys), tagged.tag_line, registry.shown, tagged.file_digest,
                          tagged.csv_rows)


def labelled(keys, labels: dict) -> list[str]:
    """The tags as the state lists them ("type/slug"), sorted; one string per entity (``labels``), not per article."""
    return sorted([labels.get(k) or labels.setdefault(k, f"{k[0]}/{k[1]}") for k in keys])


def ingest(seeds: Path, docs: Path, cache: FileCache | None = None, state: State | None = None) -> IngestReport:
    with opened(docs, cache) as cache:
        return _ingest(seeds, docs, cache, state or State.load(docs, cache.memo))


def _ingest(seeds: Path, docs: Path, cache: FileCache, state: State) -> IngestReport:
    report = IngestReport(notes=adopt(docs, seeds, state) + finish_proposals(docs))
    registry = load_registry(docs, cache)
    report.problems += registry.problems
    jobs: list[tuple[int, Path, str]] = []
    for path in raw_files(seeds):
        previous = state.articles.get(path.name)
        exists = previous is not None and (docs / "articles" / f"{previous.slug}.md").is_file()
        if exists and cache.get("raw", path, raw_signature(path)) == previous.raw:
            report.unchanged += 1  # the very file read last time: not even opened
            continue
        jobs.append((len(jobs), path, previous.raw if exists else ""))

    if jobs:
        registry.matcher  # noqa: B018 — built before the workers fork, so they share it
        copies.load()  # numpy imported before the fork too, and only by a run that reads an article
    with Workers(len(jobs), IngestWork(seeds, docs, registry)) as workers:
        return _read_and_tag(docs, registry, state, jobs, workers, report, cache)


def _read_and_tag(docs: Path, registry: Registry, state: State, jobs: list[tuple[int, Path, str]], workers: Workers,
                  report: IngestReport, cache: FileCache) -> IngestReport:
    seen_text: dict[str, str] = {a.text: original for original, a in state.articles.items() if a.text}
    pending: list[tuple[int, str, str, str, str]] = []  # (number, original, title's slug, raw hash, body hash)
    hashed: list[Read] = []
    proposals: list[Proposal] = []
    for (number, *_), read in zip(jobs, workers.map_in_order(read_one, jobs, "read"), strict=True):
        if read.raw_hash:
            cache.put("raw", read.path, read.raw_hash, raw_signature(read.path))
        report.notes += read.notes
        if read.problem:
            report.problems.append(read.problem)
        if read.unchanged:
            report.unchanged += 1
        if not read.original:
            continue
        if seen_text.get(read.body_hash, read.path.name) != read.path.name:
            report.problems.append(f"{read.path}: same text as {seen_text[read.body_hash]}; skipped")
            continue
        seen_text[read.body_hash] = read.path.name
        pending.append((number, read.original, read.slug, read.raw_hash, read.body_hash))
        hashed.append(read)
        proposals += read.proposals

    created = propose(docs, registry, proposals, rejections(docs, state, registry))
    report.proposed += [f"{e.type}/{e.slug}" for e in created]
    if pending:
        workers.everywhere(_grown, created)
    registry = registry.with_entities(created)
    taken = {p.stem for p in (docs / "articles").glob("*.md")} | {a.slug for a in state.articles.values()}
    slugs = []
    for _, original, slug, _, _ in pending:
        previous = state.articles.get(original)
        slugs.append(previous.slug if previous else unused(slug, taken))
        taken.add(slugs[-1])
    arrivals = [Arrival(slug, read.published, read.sketch, read.shingles, state.articles.get(original))
                for (_, original, *_), slug, read in zip(pending, slugs, hashed, strict=True)]
    copy_of = find_copies(docs, cache, workers, arrivals)
    jobs2 = [(number, slug, state.articles[original].page if original in state.articles else None, raw_hash, copy_of.get(slug, ""))
             for (number, original, _, raw_hash, _), slug in zip(pending, slugs, strict=True)]
    tagging = workers.map_in_order(tag_one, jobs2, "tag", homes=[number for number, *_ in pending])
    keys, labels = cache.memo.setdefault("keys", {}), cache.memo.setdefault("labels", {})
    for (_, original, _, raw_hash, body_hash), slug, arrival, tagged in zip(pending, slugs, arrivals, tagging, strict=True):
        page = docs / "articles" / f"{slug}.md"
        if tagged.conflict:
            report.conflicts.append(
                f"{page}: the raw file {original} changed and an editor changed the page; kept the editor's page, "
                f"the new version is in {docs / STATE_FILE.parent / 'conflicts' / f'{slug}.md'}"
            )
            continue
        if tagged.written:
            report.written.append(str(page))
        written = report.pages[cache.key(page)] = written_article(tagged, registry, keys)
        owned, refs = tagged.page.owned, labelled(written.page.ref.tags, labels)
        remember(cache, page, copy_of.get(slug, ""), arrival, tagged.sig)
        state.articles[original] = ArticleState(slug, raw_hash, owned, refs, refs, retag_key(registry, owned), body_hash,
                                                own=[sys.intern(r) for r in tagged.filed],
                                                copy_of=copy_of.get(slug, ""), ungrouped=bool(arrival.record and arrival.record.ungrouped))
    state.save(docs)
    return report
