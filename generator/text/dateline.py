"""Datelines: "DAMASCUS, June 8 (Reuters) -", "BEIRUT (AP) —", "Idlib, Syria, March 3, 2020 (AFP) -", and a press
release's "WASHINGTON, Aug. 16, 2016 —".

A dateline says where a story was filed and by whom; it is provenance, not text. Its city is no actor
("DAMASCUS" there is not the Syrian government acting), so cleaning takes it out of the story and
the tagger reads no name inside one (pages written before still hold theirs). The place it was filed from is
still a place the article names: ingest tags it as one (``filed_from``), and only as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.text.dates import MONTHS

_WORD = r"[A-Z][\w'’./-]*"  # BEIRUT, Deir, EZ-ZOR, BEIRUT/AMMAN
_PLACE = rf"{_WORD}(?: (?:{_WORD}|[a-z][\w'’-]*)){{0,3}}"  # Deir ez-Zor, Idlib city
_MONTH = r"(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DATE = rf"{_MONTH} \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {_MONTH}(?:,? \d{{4}})?"
DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:, {_PLACE}){{0,2}})?(?P<sep>,?) ?(?P<date>{_DATE})? ?"
    r"(?:\((?:(?P<time>\d{1,2}[:.]\d{2}(?: ?[AaPp]\.?[Mm]\.?)?)|(?P<agency>[A-Za-z][^()\n]{0,40}))\) ?)?[-–—]+(?: +|(?=\n)|$)"
)

# A dateline of a place in capitals alone ("MOSCOW —", "BEIRUT/AMMAN -"): cleaning reads one as an "Outlet –"
# (``read.clean.opening``), and keeps it as the article's dateline too.
PLACE_ONLY = re.compile(r"(?P<place>[A-Z][A-Z'’./-]+(?:(?: / | )[A-Z][A-Z'’./-]+){0,3}) ?[-–—]+")  # "CAIRO / NEW YORK –"
LEADS = frozenset("In On At By From For The A An After Before Since Until".split())  # a sentence's first words, no place
DATELINE_END = re.compile(r"[)\d] ?[-–—]")  # what every dateline ends with: its agency or its date, then a dash


@dataclass(frozen=True)
class Dateline:
    """What a dateline says, kept as provenance."""

    text: str  # as written, without the space after its dash
    place: str
    date: str  # as written: "June 8", "March 3, 2020"
    agency: str
    end: int  # where the story begins


def read_dateline(line: str, pos: int = 0) -> Dateline | None:
    """The dateline ``line`` opens with at ``pos``, if any.

    A place without a comma or a date after it must be in capitals ("BEIRUT (AP) —"): "Free Syrian Army (FSA) –"
    is a name and its acronym. Without an agency, a dateline is a city in capitals and a date ("WASHINGTON, Aug. 16,
    2016 —"), or a place and a full date ("Geneva/Damascus, 20 June 2012 –"): "Geneva, March 3 - talks resumed" is a
    sentence.
    """
    m = DATELINE.match(line, pos)
    if not m:
        return None
    place = m["place"] or ""
    if place and not (m["sep"] or m["date"] or "," in place or place.isupper()):
        return None
    if m["agency"] is None and not ((m["date"] or m["time"]) and place and (
            place.split(",")[0].isupper() or (re.search(r"\d{4}$", m["date"] or "") and place.split()[0] not in LEADS))):
        return None
    return Dateline(line[pos:m.end()].rstrip(), place, m["date"] or "", (m["agency"] or "").strip(), m.end())


def filed_from(dateline: str) -> list[str]:
    """The places a dateline says the story was filed from, as written: "DAMASCUS" of "DAMASCUS, June 8 (Reuters) -",
    "MOSCOW" of "MOSCOW —", "BEIRUT" and "AMMAN" of "BEIRUT/AMMAN (AP) —"; the first part of a place with commas
    only ("Idlib" of "Idlib, Syria, March 3, 2020 (AFP) -"): what follows it says where that is."""
    found = read_dateline(dateline)
    m = None if found else PLACE_ONLY.fullmatch(dateline.strip())
    place = found.place if found else m["place"] if m else ""
    return [p.strip() for p in place.split(",")[0].split("/") if p.strip()]


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has a dateline at the start of a line."""
    spans: list[tuple[int, int]] = []
    if not DATELINE_END.search(text):
        return spans  # most texts: no ") -" or "2016 —" anywhere
    for start in (0, *(m.end() for m in re.finditer(r"\n", text))):
        if start < len(text) and (text[start] == "(" or text[start].isupper()):
            found = read_dateline(text, start)
            if found:
                spans.append((start, found.end))
    return spans
