"""Folding text so that spelling noise does not hide a name.

Accents, curly quotes, dashes, apostrophes and runs of spaces all vary between outlets
("Kafr A’wid", "Kafr A'wid", "Deir-ez-Zor", "Erdoğan"). Text and aliases go through the
same fold; the fold keeps, for every output character, the offset of the input character
it came from, so a match in folded text maps back to the original span.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

APOSTROPHES = frozenset("'’‘`´ʼʻ′")
DASHES = frozenset("-‐‑‒–—―−_/")
QUOTES = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}


_SEPARATOR_CHARS = re.escape("".join(sorted(APOSTROPHES | DASHES)))
_SEPARATOR = re.compile(f"[{_SEPARATOR_CHARS}\\s]")
# What the fold does not copy one for one: runs of two or more separators, a separator at
# the very start, apostrophes, and non-ASCII characters. News text has few of these.
# The lookahead, one class that every edit starts with, lets most characters fail one test instead of four.
_EDITS = re.compile(f"(?=[{_SEPARATOR_CHARS}\\s\\x80-\\U0010ffff])"
                    f"(?:[{_SEPARATOR_CHARS}\\s]{{2,}}|^[{_SEPARATOR_CHARS}\\s]|[{re.escape(''.join(sorted(APOSTROPHES)))}]|[^\\x00-\\x7f])")
_ONE_FOR_ONE = {ord(c): " " for c in DASHES | set("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f") if ord(c) < 128}
_UPPER = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_LOWER = str.maketrans(_ONE_FOR_ONE | _UPPER)
_KEEP_CASE = str.maketrans(_ONE_FOR_ONE)
_LETTERS = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ß": "ss"}


@lru_cache(maxsize=8192)
def _fold_char(ch: str, lower: bool) -> str:
    """One non-ASCII character: accents off, quotes unified, ligatures opened."""
    ch = QUOTES.get(ch, ch)
    if ord(ch) >= 128:
        ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        ch = _LETTERS.get(ch, ch)
    return ch.lower() if lower else ch


class Offsets:
    """Per folded character, the offset in the input of the character it came from.

    Kept as pieces (a copied stretch maps one for one, an edit maps all its characters to
    one offset), so the cost follows the number of edits rather than of characters.
    """

    __slots__ = ("_starts", "_bases", "_steps", "_length")

    def __init__(self, starts: list[int], bases: list[int], steps: list[int], length: int):
        self._starts, self._bases, self._steps, self._length = starts, bases, steps, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i: int) -> int:
        if not 0 <= i < self._length:
            raise IndexError(i)
        k = bisect_right(self._starts, i) - 1
        return self._bases[k] + self._steps[k] * (i - self._starts[k])

    def __iter__(self):
        return (self[i] for i in range(self._length))


def fold(text: str, *, lower: bool = True) -> tuple[str, Offsets]:
    """Return the folded text and, per folded character, its offset in ``text``.

    Runs of spaces and dashes become one space (none at the very start); apostrophes
    disappear. Everything else is copied, lower-cased, by C-level ``translate``.
    """
    return _fold(text, lower)


# An article is folded several times in a row (the two matchers, its fingerprint): the last few results are kept.
@lru_cache(maxsize=8)
def _fold(text: str, lower: bool) -> tuple[str, Offsets]:
    """The matcher folds each text both ways: lower case is the other fold's text lowered when that is ASCII (as news
    text nearly always is once folded), with the same offsets."""
    if lower:
        kept, offsets = _fold(text, False)
        if kept.isascii():
            return kept.translate(_ASCII_LOWER), offsets
    return _fold_anew(text, lower)


_ASCII_LOWER = str.maketrans(_UPPER)


def _fold_anew(text: str, lower: bool) -> tuple[str, Offsets]:
    table = _LOWER if lower else _KEEP_CASE
    out: list[str] = []
    starts: list[int] = []
    bases: list[int] = []
    steps: list[int] = []
    n = pos = 0
    for m in _EDITS.finditer(text):
        a, b = m.span()
        if a > pos:  # ASCII only (every other character is an edit): translate's fast path
            starts.append(n), bases.append(pos), steps.append(1), out.append(text[pos:a].translate(table))
            n += a - pos
        token = m.group()
        if _SEPARATOR.match(token):
            first = next((i for i, c in enumerate(token) if c not in APOSTROPHES), None)
            piece, at = (" ", a + first) if first is not None and a > 0 else ("", a)
        else:
            piece, at = _fold_char(token, lower), a
        if piece:
            starts.append(n), bases.append(at), steps.append(0), out.append(piece)
            n += len(piece)
        pos = b
    if pos < len(text):
        starts.append(n), bases.append(pos), steps.append(1), out.append(text[pos:].translate(table))
        n += len(text) - pos
    return "".join(out), Offsets(starts, bases, steps, n)


@lru_cache(maxsize=65536)
def fold_name(name: str, *, lower: bool = True) -> str:
    """Fold a name the way ``fold`` folds text, trimmed."""
    return fold(name, lower=lower)[0].strip()


def is_acronym(name: str) -> bool:
    """Names without lower-case letters (SDF, US, M4, IS) only match their exact case."""
    return any(c.isalpha() for c in name) and not any(c.islower() for c in name)
