"""The binary search over taken spans answers what a scan of every span would."""

from hypothesis import given
from hypothesis import strategies as st

from generator.text.spans import disjoint, overlaps

SPAN = st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda s: (s[0], s[0] + s[1]))


@given(st.lists(SPAN, max_size=30), SPAN)
def test_overlaps_agrees_with_a_scan_of_every_span(spans, query):
    start, end = query
    assert overlaps(disjoint(spans), start, end) == any(s < end and start < e for s, e in spans)


@given(st.lists(SPAN, max_size=30))
def test_disjoint_merges_overlapping_spans_and_keeps_the_rest_sorted(spans):
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):  # the plain merge: repeated spans and spans inside another change nothing
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    assert disjoint(spans) == merged
