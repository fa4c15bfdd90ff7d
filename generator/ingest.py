"""``python -m generator ingest``: raw files → article pages, tagged.

Order matters and mirrors Pelican's: read and clean everything, discover new entities
over all new articles, then tag with the grown registry, then write. An article whose raw
file did not change is not touched; one whose page an editor changed is reported, not
overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.clean import clean
from generator.discover import discover
from generator.filecache import FileCache, opened, signature
from generator.gazetteer import SOURCE as GAZETTEER
from generator.gazetteer import locate
from generator.matcher import name_keys
from generator.model import ENTITY_TYPES, CleanArticle, Entity, Proposal
from generator.pages import digest, escape, owned_digest, write_if_changed
from generator.progress import progress
from generator.reader import InputError, raw_files, read_raw
from generator.registry import Registry, load_registry
from generator.render import article_page, new_entity_page
from generator.retag import retag_key
from generator.slugs import unique_slug
from generator.state import STATE_FILE, ArticleState, State
from generator.tagger import tag
from generator.textnorm import fold_name


@dataclass
class IngestReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)


def tags_of(mentions) -> dict[str, list[str]]:
    return {t: sorted({m.slug for m in mentions if m.type == t}) for t in ENTITY_TYPES}


def place_name(p: Proposal) -> str:
    """The bare place name of a proposal: "Rukban camp" → "Rukban"."""
    return p.title.rsplit(" ", 1)[0] if p.kind in {"camp", "crossing", "base", "airport", "dam", "prison"} else p.title


def propose(docs: Path, registry: Registry, articles: list[CleanArticle]) -> list[Entity]:
    """Pages for entities found by discovery that the registry does not know."""
    found: dict[tuple[str, str], Proposal] = {}
    for article in articles:
        text = article.text
        hits = registry.matcher.find(text)
        places = [(h.start, h.end) for h in hits if any(c.type == "locations" for c in h.candidates)]
        for proposal, _, _ in discover(text, [(h.start, h.end) for h in hits], places):
            found.setdefault((proposal.type, fold_name(proposal.title)), proposal)
    claimed = {(e.type, key) for e in registry.entities.values() for n in (e.title, *e.aliases) for key in name_keys(n)}
    created: list[Entity] = []
    for (type_, _), p in sorted(found.items()):
        if any((type_, key) in claimed for key in name_keys(p.title)):
            continue  # never merged silently into a name someone already has
        aliases = tuple(a for a in p.aliases if not any((type_, key) in claimed for key in name_keys(a)))
        claimed |= {(type_, key) for n in (p.title, *aliases) for key in name_keys(n)}
        p = Proposal(p.type, p.title, p.kind, p.surface, aliases)
        slug = unique_slug(p.title, registry.slugs(type_) | {e.slug for e in created if e.type == type_})
        coords = locate(place_name(p)) if type_ == "locations" else None
        entity = Entity(type_, slug, p.title, aliases=p.aliases, kind=p.kind, status="proposed", coordinates=coords)
        extra = {"coordinates_source": GAZETTEER} if coords else {}
        description = (
            f"Proposed by the generator, which found “{escape(p.surface)}” in an article. "
            "Accept it by deleting the `status: proposed` line, or merge it into an existing entity."
        )
        write_if_changed(docs / type_ / f"{slug}.md", new_entity_page(entity, description, extra))
        created.append(entity)
    return created


def ingest(seeds: Path, docs: Path, cache: FileCache | None = None) -> IngestReport:
    with opened(docs, cache) as cache:
        return _ingest(seeds, docs, cache)


def _ingest(seeds: Path, docs: Path, cache: FileCache) -> IngestReport:
    report = IngestReport()
    registry = load_registry(docs, cache)
    report.problems += registry.problems
    state = State.load(docs)
    pending: list[tuple[CleanArticle, str, str]] = []
    seen_text: dict[str, str] = {a.text: original for original, a in state.articles.items() if a.text}
    for path in progress(raw_files(seeds), "read"):
        previous = state.articles.get(path.name)
        sig = signature(path)
        if previous and cache.get("raw", path, sig) == previous.raw and (docs / "articles" / f"{previous.slug}.md").is_file():
            report.unchanged += 1  # the very file read last time: not even opened
            continue
        try:
            raw = read_raw(path, seeds)
        except (InputError, OSError) as exc:
            report.problems.append(f"{path}: {exc}")
            continue
        raw_hash = digest(raw.text + raw.title + raw.source + raw.published)
        cache.put("raw", path, raw_hash, sig)
        if previous and previous.raw == raw_hash and (docs / "articles" / f"{previous.slug}.md").is_file():
            report.unchanged += 1
            continue
        article = clean(path.name, raw.text, title=raw.title, source=raw.source, published=raw.published)
        if not article.paragraphs:
            report.problems.append(f"{path}: no article text left after removing site chrome")
            continue
        body_hash = digest(fold_name(article.text))
        if seen_text.get(body_hash, path.name) != path.name:
            report.problems.append(f"{path}: same text as {seen_text[body_hash]}; skipped")
            continue
        seen_text[body_hash] = path.name
        pending.append((article, raw_hash, body_hash))

    created = propose(docs, registry, [a for a, _, _ in pending])
    report.proposed += [f"{e.type}/{e.slug}" for e in created]
    registry = registry.with_entities(created)
    taken = {p.stem for p in (docs / "articles").glob("*.md")} | {a.slug for a in state.articles.values()}
    for article, raw_hash, body_hash in progress(pending, "tag"):
        mentions = tag(article.text, registry.matcher, registry.entities)
        tags = tags_of(mentions)
        previous = state.articles.get(article.original)
        slug = previous.slug if previous else unique_slug(article.title, taken)
        taken.add(slug)
        page = docs / "articles" / f"{slug}.md"
        keys = {(m.type, m.slug) for m in mentions}
        text = article_page(article, tags, mentions, keys)
        if page.is_file() and previous and owned_digest(page.read_text(encoding="utf-8")) != previous.page:
            write_if_changed(docs / STATE_FILE.parent / "conflicts" / f"{slug}.md", text)
            report.conflicts.append(
                f"{page}: the raw file {article.original} changed and an editor changed the page; kept the editor's page, "
                f"the new version is in {docs / STATE_FILE.parent / 'conflicts' / f'{slug}.md'}"
            )
            continue
        if write_if_changed(page, text):
            report.written.append(str(page))
        refs = sorted(f"{t}/{s}" for t, s in keys)
        state.articles[article.original] = ArticleState(slug, raw_hash, owned_digest(text), refs, refs, retag_key(registry, text), body_hash)
    state.save(docs)
    return report
