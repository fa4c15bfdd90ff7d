"""``python -m generator link``: every generated section, index and the home page.

Reads all pages first (``graph``), then rewrites only the generated sections, so a run
with nothing changed writes nothing and an editor's text outside the markers survives.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.content.model import ENTITY_TYPES
from generator.content.pages import digest, file_digest, md_files, md_tree, replace_section, set_front_value, split_front, write_if_changed
from generator.content.registry import INDEX, load_registry
from generator.settings import DEFAULTS, Settings
from generator.site.emitters import ARTICLES, EMITTERS, MENTIONS, PARTNERS, PARTS, PROPOSALS, SITE, Corpus
from generator.site.exports import feed_path, rss_feed, tags_csv_rows
from generator.site.render import entity_section, tags_section
from generator.site.views import entity_names
from generator.steps.graph import build_graph
from generator.store.filecache import FileCache, opened, signature
from generator.store.parallel import Workers, map_in_order
from generator.store.progress import progress
from generator.store.state import State

INTROS = {
    "index.md": ("Overview", "A curated wiki of the war in Syria, built from news articles."),
    "articles/index.md": ("Articles", "Every article in the wiki, newest first."),
    "actors/index.md": ("Actors", "States, governments, armed groups, people and organisations."),
    "locations/index.md": ("Locations", "Places mentioned in the articles."),
    "agreements/index.md": ("Agreements", "Agreements, ceasefires, talks and other arrangements."),
    "registry.md": ("Not yet named", "Registry entries no article names yet. The readers' lists and map leave them out "
                    "until an article does; their pages are kept."),
    "review.md": ("Review", "What the generator found and could not decide: proposed entities and titles to check."),
    "timeline.md": ("Timeline", "Articles by publication date, and the events they mention."),
    "map.md": ("Map", "The places the articles name. Map tiles © OpenStreetMap contributors."),
    "graph.md": ("Relations", "Actors and how often they are mentioned together."),
    "sources/index.md": ("Sources", "The outlets the articles come from."),
}


@dataclass
class LinkReport:
    written: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class Rewrite:
    """What rewriting one page's section did; recorded in the report and the cache by the main process."""

    path: Path
    name: str
    wanted: str  # digest of the section's content
    written: bool = False
    before: tuple | None = None  # the file's signature before it was written
    file_digest: str = ""
    problem: str = ""
    current: bool = False  # the cache knew the page already holds this content: not even read


def rewrite(path: Path, name: str, content: str, *, at_top: bool = False, title: str = "", cache: FileCache | None = None,
            text: str | None = None) -> Rewrite:
    """Put ``content`` in section ``name`` of ``path``; reads ``cache`` but does not change it (a worker may run this).

    A page that has not changed since it last got this very content is not read.
    """
    wanted = digest(content)
    if cache is not None and cache.get("section:" + name, path) == wanted:
        return Rewrite(path, name, wanted, current=True)
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
        front, body = split_front(text)
    except FileNotFoundError:
        known = sorted(INTROS.items(), key=lambda kv: -len(kv[0]))  # "sources/index.md" before "index.md"
        default_title, intro = next((v for k, v in known if path.as_posix().endswith("/" + k)), (title or path.stem, ""))
        front, body = set_front_value("", "title", title or default_title), f"\n{intro}\n" if intro else "\n"
        text = ""
    except UnicodeDecodeError as exc:
        return Rewrite(path, name, wanted, problem=f"{path}: {exc}; left unchanged")
    new = (f"---\n{front}---\n" if front else "") + replace_section(body, name, content, at_top=at_top)
    before = signature(path)
    written = new != text and write_if_changed(path, new)
    return Rewrite(path, name, wanted, written, before, file_digest(new) if written else "")


def record(done: Rewrite, report: LinkReport, cache: FileCache | None) -> None:
    if done.problem:
        report.problems.append(done.problem)
    if done.problem or done.current:
        return
    if done.written:
        report.written.append(str(done.path))
    if cache is not None:
        if done.written:
            cache.carry(done.path, done.before)
            cache.put("digest", done.path, done.file_digest)  # what inputs_fingerprint would read the page for
        cache.put("section:" + done.name, done.path, done.wanted)


WHOLE = "file"  # the section name under which a file written whole is remembered


def _current(cache: FileCache, path: Path, name: str) -> bool:
    """The page is the very file that last got section ``name`` from this cache's runs: rendering it again can wait."""
    return cache.get("section:" + name, path) is not None


def _update(path: Path, name: str, content: str, report: LinkReport, *, cache: FileCache | None = None, **how) -> None:
    record(rewrite(path, name, content, cache=cache, **how), report, cache)


def inputs_fingerprint(docs: Path, cache: FileCache | None = None) -> str:
    """Everything ``link`` reads (every page, the site settings): the same fingerprint means the same output.

    With ``cache``, only files changed since a run saw them are read.
    """
    cache = cache or FileCache(docs, persistent=False)
    h = hashlib.sha256()
    config = docs.parent / "mkdocs.yml"
    names = [(f"{docs.name}/{rel}", os.path.join(docs, rel)) for rel in md_tree(docs)]
    for name, path in names + ([("mkdocs.yml", str(config))] if config.is_file() else []):
        sig = signature(path)
        content = cache.get("digest", path, sig)
        if content is None:
            with open(path, "rb") as f:
                content = file_digest(f.read())
            cache.put("digest", path, content, sig)
        h.update(name.encode() + b"\0" + content.encode() + b"\0")
    return h.hexdigest()[:16]


GRAPH_EDGES = DEFAULTS.graph_edges


@dataclass
class EntityWork:
    """What the workers rendering entity pages share, inherited at the fork (see ``parallel.Workers``)."""

    graph: object
    entities: dict
    events: dict
    by_title: dict
    docs: Path
    cache: FileCache
    site: tuple[str, str] = ("", "Situation Wiki")  # site_url and site_name, for the feeds' links and titles
    graph_edges: int = GRAPH_EDGES
    companions: int = DEFAULTS.companions  # listed under "Often mentioned with"
    lines: dict[str, str] = field(default_factory=dict)  # each article's line in the lists, made once per process
    items: dict[str, str] = field(default_factory=dict)  # and its item in the feeds

    @cached_property
    def actors(self) -> set[tuple[str, str]]:
        """The actors some article names: the relations graph's nodes."""
        return {k for k in self.entities if k[0] == "actors" and self.graph.mentions.get(k)}


def _entity_page(work: EntityWork, key: tuple[str, str]) -> tuple[Rewrite, list | None, str]:
    """One entity page's generated section and its feed, written; for an actor also its strongest links among actors
    (the relations graph); and the feed's path when it was written. On every core: co-mentions are counted here."""
    together = work.graph.together
    entity, mentions = work.entities[key], work.graph.mentions.get(key, [])
    section = entity_section(entity, mentions, together.strongest(key, work.companions, work.entities), work.entities,
                             events=work.events.get(key, ()), by_title=work.by_title, copies=work.graph.copies, made=work.lines)
    done = rewrite(work.docs / key[0] / f"{key[1]}.md", "mentions", section, cache=work.cache)
    feed = work.docs / feed_path(entity)
    fed = str(feed) if write_if_changed(feed, rss_feed([ref for ref, _ in mentions], *work.site, about=entity, made=work.items)) else ""
    if key[0] != "actors":
        return done, None, fed
    return done, together.strongest(key, work.graph_edges, work.actors), fed


def link(docs: Path, cache: FileCache | None = None, state: State | None = None, fresh: Mapping | None = None) -> LinkReport:
    """``fresh``: the pages ingest just wrote (``ingest.WrittenArticle`` by absolute path), not read back."""
    with opened(docs, cache) as cache:
        return _link(docs, cache, state or State.load(docs, cache.memo), fresh or {})


def _link(docs: Path, cache: FileCache, state: State, fresh: Mapping) -> LinkReport:
    report = LinkReport()
    for path, page in fresh.items():  # valid while the page is the file ingest wrote
        cache.put("digest", path, page.file_digest, page.sig)
        cache.put("section:tags", path, page.tag_line, page.sig)
    if state.link and state.link == inputs_fingerprint(docs, cache) and cache.recall("link:registry") is not None:
        return report  # nothing changed since the last run, and the cache remembers what that run learned
    # Without that memory (a fresh clone, a new generator version, a deleted cache) one full pass reads every page
    # and writes what differs, so that the next change costs only what it touches.
    registry = load_registry(docs, cache)
    entities = registry.entities
    texts: dict[str, str] = {}
    graph = build_graph(docs, cache, texts, fresh)
    report.problems += registry.problems + graph.problems
    counts = {k: len(v) for k, v in graph.mentions.items()}

    # Only what a changed article, a changed registry or an edited page can have changed is rendered again.
    shown = registry.shown
    everything = cache.recall("link:registry") != shown
    ingested: dict[str, str] = {}  # slug → its tags.csv rows, made by ingest
    for ref in progress(graph.articles, "articles"):
        page = docs / "articles" / f"{ref.slug}.md"
        if not everything and ref.slug not in graph.fresh and ref.slug not in graph.regrouped and _current(cache, page, "tags"):
            continue
        if ref.slug in graph.fresh and ref.slug not in graph.regrouped:  # ingest knew its tags, not its story
            taken = fresh.get(cache.key(page))
            if taken is not None and taken.sig == signature(page) and taken.shown == shown:
                ingested[ref.slug] = taken.csv_rows  # ingest wrote the tag line with this very registry, and made the CSV rows
                continue
        line = tags_section(ref, entities, graph.main_of.get(ref.slug), graph.copies.get(ref.slug, ()))
        _update(page, "tags", line, report, at_top=True, cache=cache, text=texts.pop(ref.slug, None))

    events: dict[tuple[str, str], list] = defaultdict(list)
    for ref in graph.stories:  # a story's events once
        for event in ref.events:
            for key in event.refs:
                events[key].append((event, ref))
    by_title = entity_names(entities.values())  # an agreement's parties link actors, its places locations
    settings = Settings.read(docs)
    site = (settings.site_url, settings.site_name, settings.map_tiles, settings.map_attribution)
    feeds_due = site[:2] != tuple(cache.recall("link:site") or ())[:2]  # every feed links the site and names it
    due = [e.key for e in sorted(entities.values(), key=lambda e: e.key)
           if everything or feeds_due or e.key in graph.touched or not _current(cache, docs / e.type / f"{e.slug}.md", "mentions")]
    partners = dict(cache.recall("link:partners") or {}) if not everything else {}
    work = EntityWork(graph, entities, events, by_title, docs, cache, site[:2])
    for key, (done, strongest_actors, fed) in zip(due, map_in_order(_entity_page, due, "entities", work), strict=True):
        record(done, report, cache)
        if fed:
            report.written.append(fed)
        if strongest_actors is not None:
            partners[key] = strongest_actors
    report.written += _stale_feeds(docs, entities)
    partners = {k: v for k, v in partners.items() if k in entities and k in graph.mentions}
    changed = set(PARTS) if everything else {part for part, yes in (
        (ARTICLES, graph.listed), (MENTIONS, bool(graph.touched)),
        (PROPOSALS, any(entities[k].proposed for k in graph.touched if k in entities)),
        (PARTNERS, partners != cache.recall("link:partners")), (SITE, site != cache.recall("link:site"))) if yes}
    cache.remember("link:partners", partners)
    # Made here, not by the view (rendered in a worker): what is made must be remembered for the next run.
    known = {} if everything else cache.table("csv")  # slug → its rows, one cache entry each: a run writes the ones it made
    known.update(ingested)
    rows = tags_csv_rows(graph.articles, entities, known, graph.fresh - ingested.keys())
    corpus = Corpus(docs, graph, entities, counts, partners, settings,
                    year_pages=[p.stem for p in md_files(docs / "timeline") if re.fullmatch(r"\d{4}", p.stem)],
                    source_pages=[p.stem for p in md_files(docs / "sources") if p.name != INDEX],
                    csv_rows=rows)
    emit(corpus, changed, report, cache)
    cache.keep_table("csv", rows)
    cache.remember("link:site", site)
    state.link = inputs_fingerprint(docs, cache)
    state.save(docs)
    cache.remember("link:registry", shown)
    return report


def _stale_feeds(docs: Path, entities: dict) -> list[str]:
    """The feeds of entities whose pages are gone (rejected, merged, renamed), deleted; their paths."""
    gone = []
    for type_ in ENTITY_TYPES:
        folder = docs / "feeds" / type_
        if folder.is_dir():
            for feed in sorted(folder.glob("*.xml")):
                if (type_, feed.stem) not in entities:
                    feed.unlink()
                    gone.append(str(feed))
    return gone


def emit(corpus: Corpus, changed: set[str], report: LinkReport, cache: FileCache) -> None:
    """Every view whose inputs changed, or whose files are not the ones it wrote, rendered and written (``EMITTERS``).

    The views are rendered on every core (they read the corpus, inherited at the fork, and nothing of each other), but
    those marked ``here`` and those of a corpus too large to copy (``Settings.views_forked_upto``), and written here, in
    ``EMITTERS`` order."""
    due = [i for i, emitter in enumerate(EMITTERS)
           if emitter.reads & changed or not all(_current(cache, path, section or WHOLE) for path, section in emitter.writes(corpus))]
    away = [i for i in due if not EMITTERS[i].here]
    forked = len(away) > 1 and len(corpus.graph.articles) <= corpus.settings.views_forked_upto
    with Workers(len(corpus.graph.articles) if forked else 0, corpus) as workers:
        rendered = workers.map_in_order(_render, away, "views", chunk=1)  # each view written as soon as it is made
        for i in due:
            for piece in _render(corpus, i) if EMITTERS[i].here else next(rendered):
                if piece.section is not None:
                    _update(piece.path, piece.section, piece.content, report, cache=cache, title=piece.title)
                    continue
                made = digest(piece.content)
                last = cache.get("section:" + WHOLE, piece.path)  # the file is the one written with this digest
                if last == made:
                    continue
                if write_if_changed(piece.path, piece.content, differs=last is not None):
                    report.written.append(str(piece.path))
                cache.put("section:" + WHOLE, piece.path, made)
        for _ in rendered:  # the progress bar ends
            pass


def _render(corpus: Corpus, emitter: int) -> list:
    """One view's pieces (``EMITTERS[emitter]``, by number: an emitter holds lambdas, which do not travel to a worker)."""
    return list(EMITTERS[emitter].render(corpus))
