"""Finding calendar dates in text, as YYYY-MM-DD."""

from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
)


# "18/9/2014", "3.12.2019": day and month in either order, read only when one of them can only be the day.
NUMERIC = re.compile(r"\b(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>(?:19|20)\d\d)\b")


def find_date(text: str) -> str:
    """The first full date in ``text``, or ``""``."""
    m = NUMERIC.search(text)
    if m and not any(p.search(text, 0, m.start()) for p in PATTERNS):
        a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
        day, month = (a, b) if a > 12 >= b else (b, a) if b > 12 >= a else (a, a) if a == b else (0, 0)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    for pattern in PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        month = int(m.group("m")) if "m" in m.groupdict() and m.group("m") else MONTHS[m.group("mon").lower()]
        day, year = int(m.group("d")), int(m.group("y"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
EVENT_PATTERNS = (
    re.compile(_MONTH + r"\s+" + _DAY + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", re.I),
    re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", re.I),
)


def event_dates(sentence: str, published: str = "") -> list[str]:
    """Dates of events named in a sentence: YYYY-MM-DD, or --MM-DD when no year can be known.

    "On June 8th" in an article published 2023-07-02 is 2023-06-08; in one published
    2023-03-01 it is 2022-06-08 (news reports the past). Without a year or a publication
    date the year stays unknown.
    """
    found = []
    for pattern in EVENT_PATTERNS:
        for m in pattern.finditer(sentence):
            word = m.group("mon")
            if word[0].islower() or word.lower() == "may" and not re.search(r"\d", sentence[m.start():m.end()]):
                continue  # "may" the verb, lower-case words
            month, day = MONTHS[word.lower().rstrip(".")], int(m.group("d"))
            if not 1 <= day <= 31:
                continue
            if m.group("y"):
                year = int(m.group("y"))
            elif published[:4].isdigit():
                year = int(published[:4])
                if (month, day) > (int(published[5:7]), int(published[8:10])):
                    year -= 1
            else:
                found.append(f"--{month:02d}-{day:02d}")
                continue
            found.append(f"{year:04d}-{month:02d}-{day:02d}")
    return sorted(set(found))


TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<min>[0-5]\d)\b(?:\s*(?P<ampm>[ap])\.?m\b\.?)?", re.I)


def find_date_time(text: str) -> str:
    """The first full date in ``text`` with the time written after it when there is one ("YYYY-MM-DD HH:MM"), else
    the date alone: a "Published: June 8, 2020 14:30" line."""
    day = find_date(text)
    if not day:
        return ""
    m = TIME.search(NUMERIC.sub(" ", text))  # not the "3.12" of "3.12.2019"
    if not m:
        return day
    hour = int(m["h"]) % 12 + (12 if (m["ampm"] or "").lower() == "p" else 0) if m["ampm"] else int(m["h"])
    return f"{day} {hour:02d}:{m['min']}"


FUTURE = re.compile(r"\b(?:will|shall|scheduled|expected to|due to|planned|upcoming|next|until|deadline)\b", re.I)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def past_dates(text: str) -> list[str]:
    """Full dates (a year included) that ``text`` names in sentences about the past, in order: what an article
    published after them can refer to. A sentence that looks ahead ("talks scheduled for May 3, 2024") names none."""
    found: set[str] = set()
    for sentence in SENTENCE.split(text):
        if not re.search(r"(?:19|20)\d\d", sentence) or FUTURE.search(sentence):
            continue
        found.update(d for d in event_dates(sentence) if d[:1] != "-")
        found.update(m[0] for m in PATTERNS[0].finditer(sentence) if find_date(m[0]))
    return sorted(found)


def _full(date: str) -> str:
    """An agreement's date (YYYY, YYYY-MM or YYYY-MM-DD) as the first day it can be."""
    return (date + "-01-01"[len(date) - 4:]) if re.fullmatch(r"\d{4}(?:-\d\d){0,2}", date) else ""


def estimate_published(text: str, agreements=(), dateline_date: str = "") -> tuple[str, str]:
    """(a lower bound of the publication date, why) for an article that says nothing of its date, or ("", "").

    The bound is the latest past date the text names or the date of the latest agreement it is tagged with
    (``agreements``: (date, title) pairs), whichever is later. A dateline's day without a year ("June 8") is then
    placed in the first year that puts it on or after the bound: news is filed after what it refers to.
    """
    candidates = [(d, f"the text names {d}") for d in past_dates(text)]
    candidates += [(_full(d), f"names the {title}") for d, title in agreements if _full(d)]
    if not candidates:
        return "", ""
    bound, why = max(candidates)
    day = next(iter(event_dates(dateline_date)), "") if dateline_date else ""
    if day.startswith("--"):
        year = int(bound[:4]) + (day[2:] < bound[5:])
        return f"{year}{day[1:]}", f"{dateline_date} in the dateline, in the first year not before {bound} ({why})"
    return bound, f"not before {bound} ({why})"
