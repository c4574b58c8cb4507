"""Membership tests over character ranges, built once per article (bisect, not a scan)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable


def inside_test(ranges: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether a position lies inside any of ``ranges`` (``[start, end)``, may nest)."""
    ranges = sorted(ranges)
    starts = [s for s, _ in ranges]
    ends: list[int] = []
    best = -1
    for _, e in ranges:  # running max of ends, for nested/overlapping ranges
        best = max(best, e)
        ends.append(best)

    def inside(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and ends[k] > pos

    return inside


def overlap_test(ranges: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span ``[start, end)`` overlaps any of ``ranges``."""
    inside = inside_test(ranges)
    starts = sorted(s for s, _ in ranges)

    def overlaps(start: int, end: int) -> bool:
        k = bisect_left(starts, end)  # a range starting inside the span, or one around it
        return inside(start) or (k > 0 and starts[k - 1] >= start)

    return overlaps
