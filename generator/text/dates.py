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


def find_date(text: str) -> str:
    """The first full date in ``text``, or ``""``."""
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
