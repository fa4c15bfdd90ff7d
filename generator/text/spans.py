"""Whether a span of text is already taken: a sorted list of disjoint spans and a binary search."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

INF = float("inf")


def disjoint(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans merged where they overlap, sorted: what ``overlaps`` searches."""
    out: list[tuple[int, int]] = []
    last = -1  # where the last span of ``out`` ends
    for start, end in sorted(spans):
        if out and start < last:
            if end > last:  # a span repeated (a hit and its mention) or inside the last changes nothing
                out[-1] = (out[-1][0], end)
                last = end
        else:
            out.append((start, end))
            last = end
    return out


def overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span of ``spans`` (as ``disjoint`` gives them)."""
    i = bisect_right(spans, (start, INF))
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)
