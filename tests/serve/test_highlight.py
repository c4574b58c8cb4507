"""Cutting text into marked segments."""

from __future__ import annotations

from dossier.serve.highlight import segments
from dossier.workspace import Span


def test_unmarked_text_is_one_plain_segment() -> None:
    (seg,) = segments("plain words", [])
    assert seg.text == "plain words" and seg.kinds == () and seg.href is None


def test_the_segments_give_back_the_text() -> None:
    spans = [Span("event", 0, 10), Span("mention", 4, 8, ref="ent_1")]
    assert "".join(s.text for s in segments("Ana met Rui today", spans)) == "Ana met Rui today"


def test_a_segment_inside_two_spans_carries_both_kinds() -> None:
    segs = segments("Ana met Rui", [Span("event", 0, 11), Span("mention", 8, 11, ref="ent_1")])
    assert segs[-1].kinds == ("event", "mention")


def test_the_innermost_linked_span_gives_the_link() -> None:
    spans = [Span("event", 0, 11, ref="tl_1"), Span("mention", 8, 11, ref="ent_1")]
    assert [s.href for s in segments("Ana met Rui", spans)] == ["/events/tl_1", "/entities/ent_1"]


def test_offsets_count_from_the_base() -> None:
    segs = segments("met Rui", [Span("mention", 104, 107, ref="ent_1")], base=100)
    assert [(s.text, s.href) for s in segs] == [("met ", None), ("Rui", "/entities/ent_1")]


def test_spans_outside_the_text_are_ignored() -> None:
    assert len(segments("abc", [Span("time", 10, 20)])) == 1


def test_a_span_without_a_page_links_nowhere() -> None:
    (seg,) = segments("May", [Span("time", 0, 3, label="2024-05")])
    assert seg.href is None and seg.css == "hl-time"
