"""What each page's front matter may hold, and the problems a page has on its own: ``path:line: what — fix``.

The article schema is the one list of an article's front-matter keys: rendering writes them in this
order, reading takes them from it, and check validates against it, so a new key is added here once.
``accepted`` is the same rule seen from the other side: a page is read through it, so a value check
reports is never shown by a view or written to an export.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TEXTS = "text or list of text"
STR, LIST, COORDS, DATE, FLEXDATE = "text", "list of text", "[latitude, longitude]", "date YYYY-MM-DD", "date YYYY, YYYY-MM or YYYY-MM-DD"
DATETIME, URL = "date YYYY-MM-DD or YYYY-MM-DD HH:MM", "web address https://…"
STATUSES = {"proposed", "in force", "expired", "collapsed", "ongoing", "superseded", "implemented", ""}
STATUS = "one of: " + ", ".join(sorted(STATUSES - {""}))
# Every key of an article's front matter, in the order the generator writes them.
ARTICLE_SCHEMA = {
    "title": STR, "original": STR, "original_digest": STR, "source": STR, "published": DATETIME, "published_estimate": STR,
    "url": URL, "author": STR, "copy_of": STR, "actors": LIST, "locations": LIST, "agreements": LIST, "review": LIST, "attribution": STR,
}
ARTICLE_REQUIRED = ("title", "original", "actors", "locations", "agreements")
ENTITY_SCHEMA = {
    "title": STR, "aliases": LIST, "kind": STR, "status": STATUS, "ambiguous": LIST, "context": LIST,
    "metonyms": LIST, "demonyms": LIST, "coordinates": COORDS, "coordinates_source": STR, "parent": TEXTS,
    "date": FLEXDATE, "parties": LIST, "places": LIST, "predecessors": LIST, "successors": LIST, "sources": LIST,
}
ENTITY_REQUIRED = ("title", "aliases")
REDIRECT_SCHEMA = {"title": STR, "redirect": STR}


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what} — {self.fix}"


WEB_ADDRESS = re.compile(r"https?://[^\s<>]+")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DAY_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?")
PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def key_line(text: str, key: str) -> int:
    m = _key_at(key).search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


@lru_cache(maxsize=256)
def _key_at(key: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(key)}\s*:", re.M)


def type_error(kind: str, value) -> str | None:
    if kind == STR:
        return None if isinstance(value, str) and value.strip() else "must be non-empty text"
    if kind == LIST:
        return None if isinstance(value, list) and all(isinstance(v, str) for v in value) else "must be a list of text"
    if kind == TEXTS:
        return type_error(STR, value) if isinstance(value, str) else type_error(LIST, value)
    if kind == STATUS:
        return type_error(STR, value) or (None if value in STATUSES else f"is not a known status ({value})")
    if kind == COORDS:
        ok = isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        return None if ok and -90 <= value[0] <= 90 and -180 <= value[1] <= 180 else "must be [latitude, longitude] in degrees"
    if kind == URL:
        return None if isinstance(value, str) and WEB_ADDRESS.fullmatch(value.strip()) else "must be a web address (http:// or https://)"
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if not (DAY if kind == DATE else DAY_TIME if kind == DATETIME else PARTIAL_DATE).fullmatch(text):
        return f"must be a {kind}"
    try:
        day, _, time = text.partition(" ")
        parts = [int(p) for p in day.split("-")] + [1, 1]
        dt.date(parts[0], parts[1], parts[2])
        if time and (int(time[:2]) > 23 or int(time[3:]) > 59):
            raise ValueError(time)
    except ValueError:
        return f"is not a real calendar date ({text})"
    return None


def check_schema(path: Path, text: str, meta: dict, schema: dict, required: tuple[str, ...]) -> list[Problem]:
    problems = []
    for key in required:
        if key not in meta:
            problems.append(Problem(path, 1, f"missing `{key}`", f"add a `{key}:` line to the front matter"))
    for key, value in meta.items():
        if key not in schema:
            problems.append(Problem(path, key_line(text, str(key)), f"unknown key `{key}`",
                                    f"remove it, or use one of: {', '.join(sorted(schema))}"))
            continue
        error = type_error(schema[key], value)
        if error:
            problems.append(Problem(path, key_line(text, str(key)), f"`{key}` {error}", f"write `{key}` as {schema[key]}"))
    return problems


def accepted(meta: dict, schema: dict) -> dict:
    """The values of ``meta`` that check accepts: what a page is read as. A value check reports is left out, so
    every view and export sees it as missing (no marker at [136.4, 237.1], no "2020-02-30" in the feed)."""
    return {key: value for key, value in meta.items() if key in schema and type_error(schema[key], value) is None}
