"""The data behind the reader's situation picture: the home dashboard, the map and the timeline filter it by period.

JSON files the site ships beside its pages (``assets/wiki/situation.json`` and one per year under
``assets/wiki/situation/``), read by ``assets/wiki/wiki.js``: no outside service. Counts are of stories (a story
reported by several outlets counts once) and of the entities some article names: a registry entry no article names is
no news. Days are numbers counted from the first dated day; sparse series are flat ``[gap, count, gap, count…]`` lists,
each key given as the gap from the one before, which keeps the files small.

The home page loads only ``situation.json`` (under 300 kB at 10,000 articles: the bench measures it):

- ``days``: dated stories per day, the chart's bars (per week or per month, as the period asks);
- ``entities``: every entity some story names, ``[type, slug, title(, lat, lon)]``, most named first;
- ``periods``: for the periods a reader picks most (the last 30, 90 and 365 days of news, and all of it), each entity
  named in the period, ``[entity index, stories, stories in the period before]`` ("all" counts the undated too);
- ``latest``: the newest stories, ``[day, slug, title, source, 1 when the date is an estimate]``.

``names.json`` has the names alone, most named first: the search box looks for a typo's nearest name in it.

A period of the reader's own (months from–to) and the map's month-by-month replay load the years they cover: per
entity (by ``type:slug``, so a year's file changes only when its own stories do) its stories per month, and the newest
few stories of each month.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from generator.content.model import ArticleRef, Entity

PERIODS = (30, 90, 365)  # days back from the newest story; "all" is the fourth
NEWEST = 10  # the newest stories, listed whatever the period
PER_MONTH = 3  # the newest few of each month, in a year's file
TYPE_CODES = {"actors": "a", "locations": "l", "agreements": "g"}


def _day(ref: ArticleRef) -> date | None:
    try:
        return date.fromisoformat(ref.published[:10])
    except ValueError:
        return None


def _flat(counts: Counter) -> list[int]:
    """``{3: 1, 7: 2}`` → ``[3, 1, 4, 2]``: gaps from the previous key, then the count."""
    out, previous = [], 0
    for key in sorted(counts):
        out += [key - previous, counts[key]]
        previous = key
    return out


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _dated(stories: Sequence[ArticleRef]) -> list[tuple[date, ArticleRef]]:
    """Newest first; one day's stories in a fixed order."""
    return sorted(((day, ref) for ref in stories if (day := _day(ref))), key=lambda d: (d[0], d[1].slug), reverse=True)


def situation_years(stories: Sequence[ArticleRef]) -> list[str]:
    """The years from the first dated story to the last: each has a file."""
    days = [day for ref in stories if (day := _day(ref))]
    return [str(y) for y in range(min(days).year, max(days).year + 1)] if days else []


def situation_files(stories: Sequence[ArticleRef], entities: dict[tuple[str, str], Entity]) -> dict[str, str]:
    """``"situation.json"``, ``"names.json"`` and ``"situation/<year>.json"`` → their text. ``stories``: each story once (``Graph.stories``)."""
    dated = _dated(stories)
    if not dated:
        return {"situation.json": _dump({"first": "", "last": "", "days": [], "undated": len(stories), "entities": [],
                                         "periods": {}, "latest": []}), "names.json": _dump([])}
    first, last = dated[-1][0], dated[0][0]
    per_day: Counter = Counter()
    named: dict[tuple[str, str], list[date]] = defaultdict(list)
    monthly: dict[int, dict[tuple[str, str], Counter]] = defaultdict(lambda: defaultdict(Counter))  # year → key → month
    for day, ref in dated:
        per_day[(day - first).days] += 1
        for key in dict.fromkeys(ref.tags):
            if key in entities:
                named[key].append(day)
                monthly[day.year][key][day.month - 1] += 1
    total = Counter(key for ref in stories for key in dict.fromkeys(ref.tags) if key in entities)  # undated stories too
    order = sorted(total, key=lambda k: (-total[k], k))
    rows = []
    for key in order:
        entity = entities[key]
        row = [TYPE_CODES[key[0]], entity.slug, entity.title]
        if key[0] == "locations" and entity.coordinates:
            row += [round(entity.coordinates[0], 4), round(entity.coordinates[1], 4)]
        rows.append(row)
    periods: dict[str, list] = {}
    for days in PERIODS:
        start, before = last - timedelta(days=days - 1), last - timedelta(days=2 * days - 1)
        periods[str(days)] = rows_now = []
        for i, key in enumerate(order):
            now = sum(1 for d in named[key] if d >= start)
            if now:
                rows_now.append([i, now, sum(1 for d in named[key] if before <= d < start)])
    periods["all"] = [[i, total[key], 0] for i, key in enumerate(order)]
    files = {"situation.json": _dump({
        "first": first.isoformat(), "last": last.isoformat(), "days": _flat(per_day), "undated": len(stories) - len(dated),
        "entities": rows, "periods": periods, "latest": [_story(day, first, ref) for day, ref in dated[:NEWEST]],
    })}
    files["names.json"] = _dump([row[2] for row in rows])  # the search box's typo fallback: names only, most named first
    for year in situation_years(stories):
        files[f"situation/{year}.json"] = _dump(_year(int(year), first, dated, monthly[int(year)], entities))
    return files


def _story(day: date, first: date, ref: ArticleRef) -> list:
    """``[day, slug, title, source, 1 when the date is an estimate]``."""
    return [(day - first).days, ref.slug, ref.title, ref.source, int(bool(ref.published_estimate))]


def _year(year: int, first: date, dated, monthly: dict[tuple[str, str], Counter], entities) -> dict:
    months = {f"{TYPE_CODES[key[0]]}:{entities[key].slug}": _flat(monthly[key]) for key in sorted(monthly)}
    latest, in_month = [], Counter()
    for day, ref in dated:
        if day.year == year and in_month[day.month] < PER_MONTH:
            in_month[day.month] += 1
            latest.append(_story(day, first, ref))
    return {"year": year, "months": months, "latest": latest}
