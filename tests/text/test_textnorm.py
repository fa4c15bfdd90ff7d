"""The fold against the obvious character-by-character definition it replaced for speed."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from generator.text.textnorm import APOSTROPHES, DASHES, QUOTES, fold

LETTERS = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ß": "ss"}


def reference_fold(text: str, lower: bool = True) -> tuple[str, list[int]]:
    """One character at a time: separators collapse to one space, apostrophes vanish, accents go."""
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and (text[j] in APOSTROPHES or text[j] in DASHES or text[j].isspace()):
            j += 1
        if j > i:
            first = next((k for k in range(i, j) if text[k] not in APOSTROPHES), None)
            if first is not None and i > 0:
                out.append(" ")
                offsets.append(first)
            i = j
            continue
        ch = QUOTES.get(text[i], text[i])
        if ord(ch) >= 128:
            ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            ch = LETTERS.get(ch, ch)
        for c in ch.lower() if lower else ch:
            out.append(c)
            offsets.append(i)
        i += 1
    return "".join(out), offsets


NEWS_ALPHABET = st.sampled_from(list("aZ -/_'’‘`–—“”«»\u00a0\u2009\t\néğİıßæœøÅ\u0301ﬁ₂") + ["Deir", "al-", "Kafr A’wid", "  "])


@given(st.lists(NEWS_ALPHABET, max_size=30).map("".join), st.booleans())
def test_fold_matches_the_character_by_character_definition(text, lower):
    folded, offsets = fold(text, lower=lower)
    assert (folded, list(offsets)) == reference_fold(text, lower)


@given(st.text(max_size=40), st.booleans())
def test_fold_matches_on_any_text(text, lower):
    folded, offsets = fold(text, lower=lower)
    assert (folded, list(offsets)) == reference_fold(text, lower)


def test_fold_examples():
    assert fold("  Deir-ez-Zor’s  “Erdoğan”")[0] == "deir ez zors \"erdogan\""
    folded, offsets = fold("Kafr A’wid")
    assert folded == "kafr awid" and offsets[5] == 5 and offsets[6] == 7
