"""Range membership tests used to skip quoted text and taken content."""

from __future__ import annotations

from dossier.annotate.quotes.ranges import inside_test, overlap_test


def test_a_position_inside_a_nested_range_is_inside() -> None:
    inside = inside_test([(10, 50), (20, 30)])
    assert inside(35) and inside(10) and not inside(50) and not inside(5)


def test_a_span_overlaps_a_range_it_touches_or_surrounds() -> None:
    overlaps = overlap_test([(10, 20)])
    assert overlaps(15, 40)  # starts inside
    assert overlaps(0, 12)  # ends inside
    assert overlaps(0, 40)  # surrounds
    assert not overlaps(20, 30) and not overlaps(0, 10)  # ends are exclusive
