"""Every view the emit step writes, as data: what each one reads, and what it makes of the corpus.

An emitter names the parts of the corpus it is rendered from (``reads``); the emit step renders it
again only when one of those changed since the last run, or when a file it wrote is no longer the
file it wrote (an editor saved it, it was deleted). That is why a run after an unrelated change
writes nothing: not a flag per view, but what each view declares. A new view is one function and
one line in ``EMITTERS``; the entity pages and the articles' tag lines, rendered per page on every
core, are the emit step's own (``steps/link.py``).

A story published by several outlets (``graph.Graph.stories``, ``copies``) counts once: the views that count or list
stories (indexes, articles index, home, timeline, map, relations, feed, GeoJSON) read its main article only, those
about pages (sources, review, tags CSV) every article. Copies change only with ``ARTICLES`` (``copy_of`` and the dates
are in each article's listing) and ``MENTIONS`` (the entities of a regrouped story are touched).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.model import ENTITY_TYPES, Entity
from generator.content.pages import Text
from generator.settings import Settings
from generator.site.exports import locations_geojson, rss_feed, tags_csv, tiles_script
from generator.site.render import articles_index, entity_index, home, review_page, unmentioned_page
from generator.site.situation import situation_files, situation_years
from generator.site.views import graph_page, map_page, source_page, sources_by_slug, sources_index, timeline_page, timeline_years, year_page

# The parts of the corpus an emitter can read.
ARTICLES = "articles"  # what lists show of each article: title, date, source, events, review flags
MENTIONS = "mentions"  # which articles name which entity, and so the counts
REGISTRY = "registry"  # what pages show of each entity: titles, aliases, kinds, coordinates, status
PROPOSALS = "proposals"  # where proposed entities were found
PARTNERS = "partners"  # each actor's strongest co-mentions (made with the entity pages)
SITE = "site"  # site_url, site_name and the map tiles of mkdocs.yml
PARTS = frozenset({ARTICLES, MENTIONS, REGISTRY, PROPOSALS, PARTNERS, SITE})


@dataclass
class Corpus:
    """What the emitters read: the graph of the article pages, the registry, and what the emit step worked out."""

    docs: Path
    graph: object  # steps.graph.Graph
    entities: dict[tuple[str, str], Entity]
    counts: dict[tuple[str, str], int]
    partners: dict
    settings: Settings
    year_pages: list[str] = field(default_factory=list)  # years that have a page under timeline/ (an editor's included)
    source_pages: list[str] = field(default_factory=list)  # outlets' slugs that have a page under sources/
    csv_rows: dict[str, str] = field(default_factory=dict)  # slug → its rows of tags.csv (``exports.tags_csv_rows``)

    def of_type(self, type_: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == type_]


@dataclass(frozen=True)
class Piece:
    """One thing to write: a generated ``section`` of a page (``None``: the whole file)."""

    path: Path
    section: str | None
    content: Text  # a whole file's may be pieces (``pages.Text``); a section is one string
    title: str = ""


@dataclass(frozen=True)
class Emitter:
    name: str
    files: str  # under docs/, for readers of the pipeline
    reads: frozenset[str]
    render: Callable[[Corpus], Sequence[Piece]]
    writes: Callable[[Corpus], Sequence[tuple[Path, str | None]]]  # what it wrote last time, to tell if it is still there
    here: bool = False  # rendered in the main process: a worker would send its text back whole through a pipe


def _indexes(c: Corpus) -> list[Piece]:
    # Each entity's mentions are newest first (``graph.Lists``): its latest date is that of the first dated one.
    last = {key: next((r.published[:10] for r, _ in entries if r.published), "") for key, entries in c.graph.mentions.items()}
    return [Piece(c.docs / t / "index.md", "index", entity_index(t, c.of_type(t), c.counts, last)) for t in ENTITY_TYPES]


def _timeline(c: Corpus) -> list[Piece]:
    years = timeline_years(c.graph.stories)  # each story once: its copies are listed on its page
    pieces = [Piece(c.docs / "timeline.md", "timeline", timeline_page(c.graph.stories, years))]
    # A year no longer dated keeps its page, emptied (an editor may have written in it).
    for year in sorted(set(years) | set(c.year_pages)):
        articles, events = years.get(year, ([], []))
        pieces.append(Piece(c.docs / "timeline" / f"{year}.md", "timeline", year_page(year, articles, events, list(years)),
                            f"Timeline: {year}"))
    return pieces


def _map(c: Corpus) -> list[Piece]:
    places = c.of_type("locations")
    latest = {e.key: [ref for ref, _ in c.graph.mentions.get(e.key, [])[:3]] for e in places}
    return [Piece(c.docs / "map.md", "map", map_page(places, c.counts, latest))]


def _sources(c: Corpus) -> list[Piece]:
    sources = sources_by_slug(c.graph.articles)
    return [Piece(c.docs / "sources" / "index.md", "index", sources_index(sources))] + [
        Piece(c.docs / "sources" / f"{slug}.md", "articles", source_page(name, refs), name) for slug, (name, refs) in sources.items()]


def _csv(c: Corpus) -> list[Piece]:
    return [Piece(c.docs / "exports" / "tags.csv", None, tags_csv(c.graph.articles, c.entities, c.csv_rows))]


def _situation(c: Corpus) -> list[Piece]:
    return [Piece(c.docs / "assets" / "wiki" / name, None, text) for name, text in situation_files(c.graph.stories, c.entities).items()]


def _one(path: str, section: str | None) -> Callable[[Corpus], list[tuple[Path, str | None]]]:
    return lambda c: [(c.docs / path, section)]


EMITTERS = (
    Emitter("indexes", "actors/index.md, locations/index.md, agreements/index.md (section `index`)",
            frozenset({REGISTRY, MENTIONS, ARTICLES}), _indexes, lambda c: [(c.docs / t / "index.md", "index") for t in ENTITY_TYPES]),
    Emitter("not yet named", "registry.md (section `unmentioned`)", frozenset({REGISTRY, MENTIONS}),
            lambda c: [Piece(c.docs / "registry.md", "unmentioned", unmentioned_page(list(c.entities.values()), c.counts))],
            _one("registry.md", "unmentioned")),
    Emitter("articles index", "articles/index.md (section `index`)", frozenset({ARTICLES}),
            lambda c: [Piece(c.docs / "articles" / "index.md", "index", articles_index(c.graph.stories, c.graph.copies))],
            _one("articles/index.md", "index")),
    Emitter("home", "index.md (section `dashboard`)", frozenset({ARTICLES, MENTIONS, REGISTRY}),
            lambda c: [Piece(c.docs / "index.md", "dashboard", home(c.graph.stories, c.entities, c.counts, copies=c.graph.copies))],
            _one("index.md", "dashboard")),
    Emitter("review", "review.md (section `review`)", frozenset({ARTICLES, MENTIONS, REGISTRY, PROPOSALS}),
            lambda c: [Piece(c.docs / "review.md", "review", review_page(c.entities, c.graph.mentions, c.graph.articles))],
            _one("review.md", "review")),
    Emitter("timeline", "timeline.md and timeline/<year>.md (section `timeline`)", frozenset({ARTICLES}), _timeline,
            lambda c: [(c.docs / "timeline.md", "timeline")] + [(c.docs / "timeline" / f"{y}.md", "timeline") for y in c.year_pages]),
    Emitter("map", "map.md (section `map`)", frozenset({REGISTRY, MENTIONS, ARTICLES}), _map, _one("map.md", "map")),
    Emitter("relations", "graph.md (section `graph`)", frozenset({REGISTRY, MENTIONS, PARTNERS}),
            lambda c: [Piece(c.docs / "graph.md", "graph", graph_page(c.of_type("actors"), c.counts, c.partners,
                                                                          c.settings.graph_listed))],
            _one("graph.md", "graph")),
    Emitter("sources", "sources/index.md and sources/<outlet>.md", frozenset({ARTICLES}), _sources,
            lambda c: [(c.docs / "sources" / "index.md", "index")] + [(c.docs / "sources" / f"{s}.md", "articles") for s in c.source_pages]),
    Emitter("situation", "assets/wiki/situation.json, names.json and situation/<year>.json", frozenset({ARTICLES, MENTIONS, REGISTRY}),
            _situation, lambda c: [(c.docs / "assets" / "wiki" / "situation.json", None), (c.docs / "assets" / "wiki" / "names.json", None)]
            + [(c.docs / "assets" / "wiki" / "situation" / f"{y}.json", None) for y in situation_years(c.graph.stories)]),
    Emitter("map tiles", "assets/wiki/tiles.js", frozenset({SITE}),
            lambda c: [Piece(c.docs / "assets" / "wiki" / "tiles.js", None, tiles_script(c.settings.map_tiles, c.settings.map_attribution))],
            _one("assets/wiki/tiles.js", None)),
    Emitter("feed", "feed.xml", frozenset({ARTICLES, SITE}),
            lambda c: [Piece(c.docs / "feed.xml", None, rss_feed(c.graph.stories, c.settings.site_url, c.settings.site_name))],
            _one("feed.xml", None)),
    Emitter("tags CSV", "exports/tags.csv", frozenset({ARTICLES, MENTIONS, REGISTRY}), _csv, _one("exports/tags.csv", None), here=True),
    Emitter("GeoJSON", "exports/locations.geojson", frozenset({REGISTRY, MENTIONS}),
            lambda c: [Piece(c.docs / "exports" / "locations.geojson", None, locations_geojson(c.of_type("locations"), c.counts))],
            _one("exports/locations.geojson", None)),
)
