"""Folding text so that spelling noise does not hide a name.

Accents, curly quotes, dashes, apostrophes and runs of spaces all vary between outlets
("Kafr A’wid", "Kafr A'wid", "Deir-ez-Zor", "Erdoğan"). Text and aliases go through the
same fold; the fold keeps, for every output character, the offset of the input character
it came from, so a match in folded text maps back to the original span.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = frozenset("'’‘`´ʼʻ′")
DASHES = frozenset("-‐‑‒–—―−_/")
QUOTES = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}


def fold(text: str, *, lower: bool = True) -> tuple[str, list[int]]:
    """Return the folded text and, per folded character, its offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in APOSTROPHES:
            continue
        if ch in DASHES or ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                offsets.append(i)
            continue
        ch = QUOTES.get(ch, ch)
        if ord(ch) < 128:
            base = ch
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            base = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ß": "ss"}.get(base, base)
        for c in base.lower() if lower else base:
            out.append(c)
            offsets.append(i)
    return "".join(out), offsets


def fold_name(name: str, *, lower: bool = True) -> str:
    """Fold a name the way ``fold`` folds text, trimmed."""
    return fold(name, lower=lower)[0].strip()


def is_acronym(name: str) -> bool:
    """Names without lower-case letters (SDF, US, M4, IS) only match their exact case."""
    return any(c.isalpha() for c in name) and not any(c.islower() for c in name)
