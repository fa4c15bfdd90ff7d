"""Sentences end at a stop before a capital, not after an abbreviation."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text.sentences import ABBREVIATION, SENTENCE_END, sentence_spans, sentences


def sentences_slowly(paragraph: str) -> list[str]:
    """``sentences`` looking for an abbreviation from every position of the piece before."""
    out: list[str] = []
    for piece in SENTENCE_END.split(paragraph):
        if out and ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["Gen. ", "Lt. Col. ", "U.S. ", "U.S.A. ", "Mr. ", "No. ", "etc. ", "A. ", "said. ", "Brig.",
                                 "Sept. ", "It ended. ", "The ", "army", "X", ".", " ", "\n", "[Idlib](../locations/idlib.md). "]),
                max_size=25).map("".join))
def test_sentences_end_where_reading_every_position_says(paragraph):
    assert sentences(paragraph) == sentences_slowly(paragraph)


@pytest.mark.parametrize(("text", "expected"), [
    ("UNITED NATIONS, Sept. 27 (UPI) -- The U.N. Security Council voted. It was unanimous.",
     ["UNITED NATIONS, Sept. 27 (UPI) -- The U.N. Security Council voted.", "It was unanimous."]),
    ("Gen. Smith spoke. Talks went on!\nA new line", ["Gen. Smith spoke.", "Talks went on!", "A new line"]),
    ("The deal held. Mr. Assad said so.", ["The deal held.", "Mr. Assad said so."]),
])
def test_sentence_spans_do_not_end_on_an_abbreviation(text, expected):
    assert [text[s:e].strip() for s, e in sentence_spans(text)] == expected
