"""Data files for analysts' own tools: an RSS feed, the tags as CSV, the locations as GeoJSON.

Written under ``docs/exports/`` (and ``docs/feed.xml``) so every site engine copies them
as they are. Deterministic: no build time in them, rows and keys in a fixed order.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from email.utils import format_datetime
from functools import lru_cache
from xml.sax.saxutils import escape as xml_escape

from generator.content.model import ENTITY_TYPES, ArticleRef, Entity
from generator.settings import DEFAULTS

_ORDER = {type_: i for i, type_ in enumerate(ENTITY_TYPES)}


def _row(*values: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)  # which also says a value holding a line break is quoted
    return out.getvalue()[:-1]


@lru_cache(maxsize=65536)
def _entity_cells(type_: str, slug: str, title: str) -> str:
    """An entity's columns, quoted once per process: the same entity is in article after article."""
    return _row(type_[:-1], slug, title)


def tags_rows(ref: ArticleRef, entities: dict[tuple[str, str], Entity]) -> str:
    """One article's rows of ``tags.csv``: the article's columns are quoted once, not once per tag."""
    head, tail = _row(ref.slug, ref.title, ref.published, ref.source), _row(ref.url, ref.author, ref.published_estimate)
    lines = []
    for type_, slug in sorted(ref.tags, key=lambda k: (_ORDER[k[0]], k[1])):
        entity = entities.get((type_, slug))
        lines.append(f"{head},{_entity_cells(type_, slug, entity.title if entity else '')},{tail}\n")
    return "".join(lines)


def tags_csv_rows(refs: Sequence[ArticleRef], entities: dict[tuple[str, str], Entity], known: dict[str, str] | None = None,
                  fresh: set[str] | frozenset[str] = frozenset()) -> dict[str, str]:
    """Every article's rows of ``tags.csv`` by slug: ``known`` holds earlier rows, kept for the articles not in ``fresh``."""
    known = known or {}
    return {ref.slug: known[ref.slug] if ref.slug in known and ref.slug not in fresh else tags_rows(ref, entities) for ref in refs}


def tags_csv(refs: Sequence[ArticleRef], entities: dict[tuple[str, str], Entity], rows: dict[str, str] | None = None) -> list[str]:
    """Every tag of every article, one row each, as the pieces the file is the join of: the header, then each article's
    rows, the very strings ``rows`` (``tags_csv_rows``) holds. Never joined: it is 800 MB at 100,000 articles."""
    rows = rows or {}
    chunks = ["article,title,published,source,type,entity,entity_title,url,author,published_estimate\n"]
    for ref in sorted(refs, key=lambda r: r.slug):
        chunks.append(rows[ref.slug] if ref.slug in rows else tags_rows(ref, entities))
    return chunks


def locations_geojson(places: Sequence[Entity], counts: dict) -> str:
    features = [
        {"type": "Feature", "id": e.slug, "geometry": {"type": "Point", "coordinates": [e.coordinates[1], e.coordinates[0]]},
         "properties": {"name": e.title, "kind": e.kind, "mentions": counts.get(e.key, 0), "page": f"locations/{e.slug}.md",
                        "proposed": e.proposed}}
        for e in sorted(places, key=lambda e: e.slug) if e.coordinates
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def provenance(ref: ArticleRef) -> str:
    """An item's author, estimated date and link to the original, as the HTML description a feed reader shows (escaped
    once as HTML, once as XML); "" for none."""
    bits = [f"By {html.escape(ref.author)}." if ref.author else "",
            f"Published about {ref.published} (estimated: {html.escape(ref.published_estimate)})." if ref.published_estimate else "",
            f'<a href="{html.escape(ref.url)}">Original article</a>' if ref.url else ""]
    text = " ".join(b for b in bits if b)
    return f"<description>{xml_escape(text)}</description>" if text else ""


def rss_item(ref: ArticleRef, base: str) -> str:
    link = f"{base}articles/{ref.slug}/"
    pub = ""
    if ref.published and not ref.published_estimate:  # an estimate is no date to sort a reader's feed by
        pub = f"<pubDate>{rfc822(ref.published)}</pubDate>"
    source = f"<category>{xml_escape(ref.source)}</category>" if ref.source else ""
    return (f"<item><title>{xml_escape(ref.title)}</title><link>{xml_escape(link)}</link>"
            f'<guid isPermaLink="false">{xml_escape(ref.slug)}</guid>{pub}{source}{provenance(ref)}</item>')


def rss_feed(refs: Sequence[ArticleRef], site_url: str, site_name: str, feed_size: int = DEFAULTS.feed_size,
             about: Entity | None = None, made: dict[str, str] | None = None) -> str:
    """The ``feed_size`` newest articles as RSS 2.0 (``about``: only those naming this entity, for a reader who follows
    it); links assume the default directory URLs (``articles/<slug>/``). ``made``: items already made for other feeds of
    this run, by slug (an article is in the feed of each entity it names)."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    made = {} if made is None else made
    items = []
    for ref in refs[:feed_size]:
        item = made.get(ref.slug)
        if item is None:
            item = made[ref.slug] = rss_item(ref, base)
        items.append(item)
    body = "\n".join(items)
    title, link, about_what = site_name, base, f"New articles in {site_name}"
    if about is not None:
        title, link = f"{about.title} — {site_name}", f"{base}{about.type}/{about.slug}/"
        about_what = f"New articles in {site_name} naming {about.title}"
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n<title>{xml_escape(title)}</title>\n'
            f"<link>{xml_escape(link)}</link>\n<description>{xml_escape(about_what)}</description>\n"
            f"{body}\n</channel></rss>\n")


@lru_cache(maxsize=65536)
def rfc822(published: str) -> str:
    """A publication date as RSS writes it; an article is in the feed of each entity it names, so each date is made once."""
    when = datetime.fromisoformat(published) if " " in published else date.fromisoformat(published)
    return format_datetime(datetime(when.year, when.month, when.day, *when.timetuple()[3:5], tzinfo=UTC))


def feed_path(entity: Entity) -> str:
    """Where an entity's feed is, under docs/: beside the pages, not among them (editors browse those)."""
    return f"feeds/{entity.type}/{entity.slug}.xml"


def tiles_script(url: str, attribution: str) -> str:
    """The maps' tile server for assets/wiki/wiki.js, as data: a JSON literal, so no setting runs as code."""
    return ("// Written by the generator from mkdocs.yml (extra.map_tiles, extra.map_attribution); edit those, not this.\n"
            f"window.SITUATION_WIKI_TILES = {json.dumps({'url': url, 'attribution': attribution}, ensure_ascii=False)};\n")
