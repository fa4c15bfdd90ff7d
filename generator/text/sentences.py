"""Where sentences end: at a full stop, a question or an exclamation mark and a space before a capital, not after
"Col.", "U.S." or "Sept."."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\[A-Z“\"])")
ABBREVIATION = re.compile(r"(?:\b(?:Col|Gen|Lt|Maj|Brig|Capt|Sgt|Adm|Cmdr|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Prof|No|Jr|Sr|vs|etc"
                          r"|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$")


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not cut after "Col." or "U.S."."""
    out: list[str] = []
    for piece in SENTENCE_END.split(paragraph):
        # An abbreviation ends the piece: looked for in its last characters only (any longer match ends in "X.", found
        # there too), not from every position of the sentence.
        if out and ABBREVIATION.search(out[-1], max(0, len(out[-1]) - 8)):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


PIECE = re.compile(r"[^.!?\n]+[.!?]*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, lines apart, a piece that ends on an abbreviation joined to the next:
    "The U.N. Security Council voted" is one sentence."""
    spans: list[tuple[int, int]] = []
    joined = False  # whether the last span ended on an abbreviation
    for m in PIECE.finditer(text):
        start, end = m.span()
        if joined and text[spans[-1][1]:start].strip(" ") == "":
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        joined = ABBREVIATION.search(text, max(spans[-1][0], end - 8), end) is not None
    return spans
