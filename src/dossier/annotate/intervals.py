"""Overlap queries over a fixed list of character spans, without a scan of them all."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate


class Intervals:
    """The ``[start, end)`` spans of a list, sorted by start, with the furthest end
    reached so far (``reach``): every span overlapping a query starts before its end, and
    the walk back from there stops where nothing earlier reaches into it."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.order = sorted(range(len(spans)), key=lambda j: spans[j][0])
        self.starts = [spans[j][0] for j in self.order]
        self.ends = [spans[j][1] for j in self.order]
        self.reach = list(accumulate(self.ends, max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span overlaps ``[start, end)`` (``s < end and start < e``)."""
        j = bisect_left(self.starts, end)
        return j > 0 and self.reach[j - 1] > start

    def hits(self, start: int, end: int) -> list[int]:
        """Positions in the original list of the spans overlapping ``[start, end)``, in
        list order."""
        j = bisect_left(self.starts, end)
        out: list[int] = []
        while j > 0 and self.reach[j - 1] > start:
            j -= 1
            if self.ends[j] > start:
                out.append(self.order[j])
        out.sort()
        return out
