"""The binary search over taken spans answers what a scan of every span would."""

from hypothesis import given
from hypothesis import strategies as st

from generator.text.spans import disjoint, overlaps

SPAN = st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda s: (s[0], s[0] + s[1]))


@given(st.lists(SPAN, max_size=30), SPAN)
def test_overlaps_agrees_with_a_scan_of_every_span(spans, query):
    start, end = query
    assert overlaps(disjoint(spans), start, end) == any(s < end and start < e for s, e in spans)
