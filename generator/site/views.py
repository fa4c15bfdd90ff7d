"""Markdown for the analyst's views: timeline, map, relations graph, sources, agreement infobox.

Each view is a plain Markdown list or table first (readable in any engine, and when a
script or the map tiles cannot load); maps and the graph add a ``<div>`` that the site's
own scripts (``docs/assets/wiki/``) turn into Leaflet and Cytoscape views, reading their
data from inline JSON and their links from the rendered list.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from math import cos, pi, sin

from generator.content.links import link
from generator.content.model import ArticleRef, Entity, Event
from generator.content.pages import escape
from generator.settings import DEFAULTS
from generator.text.slugs import slugify
from generator.text.textnorm import fold_name

RELIABILITY = ("not verified", "not been verified", "could not be verified", "cannot be independently verified",
               "unverified", "responsibility for the information", "not independently verified")
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


def inline_json(element_id: str, data) -> str:
    """Data for a page script; ``<`` is escaped so no text in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def month_label(date: str) -> str:
    return f"{MONTH_NAMES[int(date[5:7]) - 1]} {date[:4]}" if date[:4].isdigit() else "Year unknown"


def day_label(date: str) -> str:
    month, day_of_month = date.split("-")[-2:]  # YYYY-MM-DD or --MM-DD
    day = f"{int(day_of_month)} {MONTH_NAMES[int(month) - 1]}"
    return f"{day} {date[:4]}" if date[:4].isdigit() else f"{day} (year unknown)"


def date_text(ref: ArticleRef) -> str:
    """An article's date in a list: "2020-06-08", "about 2023-06-21" when it is an estimate, or "undated"."""
    if not ref.published:
        return "undated"
    return f"about {ref.published}" if ref.published_estimate else ref.published


def published_text(ref: ArticleRef) -> str:
    """An article's date on its page: "8 June 2020, 14:30"; "about 21 June 2023 (estimated: why)" for an estimate."""
    day, _, time = ref.published.partition(" ")
    shown = day_label(day) + (f", {time}" if time else "")
    return f"about {shown} (estimated: {escape(ref.published_estimate)})" if ref.published_estimate else shown


def original_link(ref: ArticleRef) -> str:
    """A link out to the original, or ""; brackets in its address encoded, which Markdown would end the link at."""
    return f"[original]({ref.url.replace('(', '%28').replace(')', '%29')})" if ref.url else ""


def article_link(ref: ArticleRef, prefix: str) -> str:
    return f"[{escape(ref.title)}]({prefix}{ref.slug}.md)"


def events_list(events: Sequence[tuple[Event, ArticleRef]], prefix: str) -> str:
    """Dated events, oldest first, those without a year last."""
    ordered = sorted(events, key=lambda er: (not er[0].date[:4].isdigit(), er[0].date, er[1].slug, er[0].sentence))
    return "\n".join(f"- **{day_label(e.date)}** — {e.sentence} ({article_link(ref, prefix)})" for e, ref in ordered)


EVENT_DATES = "Dates named in the text; where the text omits the year, it is taken from the publication date."


def _year(date: str) -> str:
    return date[:4] if date[:4].isdigit() else ""


def timeline_years(refs: Sequence[ArticleRef]) -> dict[str, tuple[list[ArticleRef], list[tuple[Event, ArticleRef]]]]:
    """Per year, newest first: the articles published in it and the events the texts date in it."""
    years: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for ref in refs:
        if ref.published:
            years[_year(ref.published)][0].append(ref)
        for event in ref.events:
            if _year(event.date):
                years[_year(event.date)][1].append((event, ref))
    return {year: years[year] for year in sorted(years, reverse=True)}


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'s' if n != 1 else ''}"


def timeline_page(refs: Sequence[ArticleRef], years: dict[str, tuple[list, list]]) -> str:
    """The timeline's first page: one line per year (each year has its page, see ``year_page``), the undated articles and
    the events without a year.

    One page for all of it held 2.2 MB of Markdown at 10,000 articles: slow to load, and rendered again whenever one
    article's dates changed. ``years`` is ``timeline_years(refs)``, which the year pages use too.
    """
    out = ['<div class="wiki-timeline-period"></div>', "## Articles by publication date"]  # the period picker (wiki.js)
    out.append("\n".join(f"- [{year}](timeline/{year}.md) — {_count(len(articles), 'article')}, {_count(len(events), 'event')}"
                         for year, (articles, events) in years.items()) or "*No dated article yet.*")
    undated = sorted((r for r in refs if not r.published), key=lambda r: (r.title.casefold(), r.slug))
    out.append(f"## Articles without a date ({len(undated)})")
    out.append("Neither their text nor their source gives a date, nor a bound for one.")
    out.append("\n".join(f"- {article_link(r, 'articles/')}" for r in undated) or "*None.*")
    events = [(e, r) for r in refs for e in r.events if not _year(e.date)]
    if any(events for _, events in years.values()):
        out.append(f"## Events without a year ({len(events)})")
        out.append("Dates named in the text whose year neither the text nor the publication date gives; the others are on "
                   "their year's page.")
    else:
        out.append(f"## Events mentioned in the articles ({len(events)})")
        out.append(EVENT_DATES)
    out.append(events_list(events, "articles/") or "*None found.*")
    return "\n\n".join(out)


def year_page(year: str, articles: Sequence[ArticleRef], events: Sequence[tuple[Event, ArticleRef]], years: Sequence[str]) -> str:
    """One year of the timeline: its articles by month, newest first, and the events dated in it, oldest first."""
    out = ["[All years](../timeline.md): " + " · ".join(f"**{y}**" if y == year else f"[{y}]({y}.md)" for y in sorted(years))]
    out.append(f"## Articles published in {year} ({len(articles)})")
    month, lines = None, []
    for ref in sorted(articles, key=lambda r: (r.published, r.slug), reverse=True):
        if month_label(ref.published) != month:
            month = month_label(ref.published)
            lines += ["", f"### {month}", ""]
        lines.append(f"- {date_text(ref)} · {article_link(ref, '../articles/')}")
    out.append("\n".join(lines).strip() or "*None.*")
    out.append(f"## Events in {year} ({len(events)})")
    out.append(EVENT_DATES)
    out.append(events_list(events, "../articles/") or "*None found.*")
    return "\n\n".join(out)


@dataclass(frozen=True)
class EntityNames:
    """The actors and the places by each of their names (folded): what an agreement's infobox links."""

    actors: dict[str, Entity]
    locations: dict[str, Entity]


def entity_names(entities: Iterable[Entity]) -> EntityNames:
    """Titles first, then aliases, of the entities an editor accepted; made once per run."""
    named: dict[str, dict[str, Entity]] = {"actors": {}, "locations": {}}
    accepted = sorted((e for e in entities if e.type in named and not e.proposed), key=lambda e: e.key)
    for e in accepted:
        named[e.type].setdefault(fold_name(e.title), e)
    for e in accepted:
        for alias in e.aliases:
            named[e.type].setdefault(fold_name(alias), e)
    return EntityNames(named["actors"], named["locations"])


def agreement_infobox(entity: Entity, names: EntityNames) -> str:
    """A party is an actor and a place a location: "Turkey" the party is the state's page, "Turkey" the place the
    country's; each falls back to the other kind of page when only that one exists."""
    def linked(values: Sequence[str], first: dict[str, Entity], then: dict[str, Entity]) -> str:
        shown = []
        for name in values:
            target = first.get(fold_name(name)) or then.get(fold_name(name))
            shown.append(link(escape(target.title), target.type, target.slug, "agreements") if target else escape(name))
        return ", ".join(shown)

    rows = [("Date", escape(entity.published) or "unknown"),
            ("Parties", linked(entity.parties, names.actors, names.locations) or "unknown"),
            ("Places", linked(entity.places, names.locations, names.actors) or "unknown"),
            ("Status", escape(entity.status) if entity.status and not entity.proposed else "unknown")]
    return "\n".join(f"- **{k}:** {v}" for k, v in rows)  # a list: a table here had an empty header row


def small_map(entity: Entity) -> str:
    lat, lon = entity.coordinates
    return f'<div class="wiki-map" data-lat="{lat:.4f}" data-lon="{lon:.4f}" style="height: 260px"></div>'


def map_page(places: Sequence[Entity], counts: dict, latest: dict[tuple[str, str], list[ArticleRef]]) -> str:
    # The places articles name: a registry entry no article names yet is no news on a reader's map (editors: registry.md).
    located = sorted((e for e in places if e.coordinates and counts.get(e.key, 0)), key=lambda e: (-counts[e.key], e.title.casefold(), e.slug))
    data = [{"slug": e.slug, "name": e.title, "lat": e.coordinates[0], "lon": e.coordinates[1], "mentions": counts.get(e.key, 0),
             "latest": [{"slug": r.slug, "title": r.title} for r in latest.get(e.key, [])[:3]]} for e in located]
    lines = [f"- [{escape(e.title)}](locations/{e.slug}.md) — {escape(e.kind or 'place')} · {counts.get(e.key, 0)} mention"
             f"{'s' if counts.get(e.key, 0) != 1 else ''} · {e.coordinates[0]:.4f}, {e.coordinates[1]:.4f}" for e in located]
    return "\n\n".join([
        inline_json("map-data", data),
        '<div class="wiki-map" data-points="map-data" data-period style="height: 560px"></div>',
        f"{len(located)} places named in the articles; markers are sized by the number of articles that name them. "
        "Every place of the registry, with its count: [locations.geojson](exports/locations.geojson).",
        "\n".join(lines) or "*No article names a located place yet.*",
    ])


def graph_page(actors: Sequence[Entity], counts: dict, strongest_links: dict, listed: int = DEFAULTS.graph_listed) -> str:
    """Actors and their co-mentions: the strongest links of each actor (``strongest_links``: actor → [(actor, count)]),
    placed on rings by how often they appear; the ``listed`` most mentioned in words too. Every actor's page lists its
    own strongest links: a list of them all here would be the longest page of the wiki, and rendered on every run."""
    shown = sorted((e for e in actors if counts.get(e.key, 0)), key=lambda e: (-counts[e.key], e.title.casefold(), e.slug))
    partners = {e.key: strongest_links.get(e.key, []) for e in shown}
    edges: set[tuple[str, str]] = set()
    weights: dict[tuple[str, str], int] = {}
    for e in shown:
        for other, count in partners[e.key]:
            pair = tuple(sorted((e.slug, other[1])))
            edges.add(pair)
            weights[pair] = count
    nodes = []
    ring, placed = 0, 0
    for e in shown:
        capacity = 1 if ring == 0 else 8 * ring
        if placed >= capacity:
            ring, placed = ring + 1, 0
            capacity = 8 * ring
        angle = 2 * pi * placed / capacity
        radius = 140.0 * ring
        nodes.append({"id": e.slug, "label": e.title, "mentions": counts[e.key], "x": round(radius * cos(angle + ring), 1),
                      "y": round(radius * sin(angle + ring), 1)})
        placed += 1
    data = {"nodes": nodes, "edges": [{"source": a, "target": b, "weight": weights[(a, b)]} for a, b in sorted(edges)]}
    lines = []
    by_key = {e.key: e for e in actors}
    for e in shown[:listed]:
        with_text = ", ".join(f"[{escape(by_key[k].title)}](actors/{k[1]}.md) ({c})" for k, c in partners[e.key][:5] if k in by_key)
        lines.append(f"- [{escape(e.title)}](actors/{e.slug}.md) — {_count(counts[e.key], 'article')}"
                     + (f"; with {with_text}" if with_text else ""))
    return "\n\n".join([
        inline_json("graph-data", data),
        '<div class="wiki-graph" data-graph="graph-data" style="height: 620px"></div>',
        f"{len(nodes)} actors, {len(edges)} links. A link joins two actors mentioned in the same articles; "
        "click an actor to open its page."
        + (f" Below, the {listed} most mentioned; every actor's page names its own strongest links, and "
           "[Actors](actors/index.md) lists them all." if len(shown) > listed else ""),
        "\n".join(lines) or "*No actor mentioned yet.*",
    ])


def reliability_notes(refs: Sequence[ArticleRef]) -> list[tuple[str, int]]:
    notes: Counter = Counter()
    for ref in refs:
        for line in ref.attribution.splitlines():
            for sentence in line.replace(". ", ".\n").splitlines():
                if any(marker in sentence.lower() for marker in RELIABILITY):
                    notes[sentence.strip()] += 1
    return sorted(notes.items(), key=lambda nc: (-nc[1], nc[0]))


def sources_by_slug(refs: Sequence[ArticleRef]) -> dict[str, tuple[str, list[ArticleRef]]]:
    grouped: dict[str, tuple[str, list[ArticleRef]]] = {}
    names: dict[str, Counter] = defaultdict(Counter)
    for ref in refs:
        if ref.source:
            names[slugify(ref.source)][ref.source] += 1
            grouped.setdefault(slugify(ref.source), ("", []))[1].append(ref)
    return {slug: (names[slug].most_common(1)[0][0], articles) for slug, (_, articles) in sorted(grouped.items())}


def source_page(name: str, refs: Sequence[ArticleRef]) -> str:
    out = [f"{len(refs)} article{'s' if len(refs) != 1 else ''} from {escape(name)}, newest first."]
    out.append("\n".join(" · ".join(filter(None, (f"- {date_text(r)}", article_link(r, "../articles/"), original_link(r))))
                         for r in refs))
    notes = reliability_notes(refs)
    out.append("## Reliability notes")
    out.append("\n".join(f"- “{escape(n)}” ({c} article{'s' if c != 1 else ''})" for n, c in notes)
               or "*The articles carry no note on verification.*")
    return "\n\n".join(out)


def sources_index(sources: dict[str, tuple[str, list[ArticleRef]]]) -> str:
    rows = sorted(sources.items(), key=lambda kv: (-len(kv[1][1]), kv[1][0].casefold()))
    lines = [f"- [{escape(name)}]({slug}.md) — {len(refs)} article{'s' if len(refs) != 1 else ''}"
             + (" · has reliability notes" if reliability_notes(refs) else "") for slug, (name, refs) in rows]
    return f"{len(rows)} outlets named by the articles.\n\n" + ("\n".join(lines) or "*None yet.*")
