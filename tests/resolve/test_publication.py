from __future__ import annotations

from dossier.records import Article, Event, PublicationWindow, TimelineEntry
from dossier.resolve.publication import combine, from_events
from factories import timeline_row


def _undated() -> Article:
    return Article(id="u", text="x" * 100, path="u.txt", fmt="txt")


def _event(status: str) -> Event:
    return Event("e1", "u", 0, 10, "they met", "040", "t", "1", status=status)  # type: ignore[arg-type]


def _row(date: str, articles: list[str]) -> TimelineEntry:
    return timeline_row(["e1"], articles, id="tl1", date=date, date_precision="day")


def test_a_past_event_dated_by_others_sets_the_earliest_day() -> None:
    w = from_events(_undated(), [_event("asserted")], [_row("2023-09-13", ["u", "d"])])
    assert w is not None and (w.earliest, w.latest) == ("2023-09-13", None)


def test_an_expected_event_sets_the_latest_day() -> None:
    w = from_events(_undated(), [_event("expected")], [_row("2023-09-13", ["u", "d"])])
    assert w is not None and (w.earliest, w.latest) == (None, "2023-09-13")


def test_an_event_only_the_article_itself_reports_is_no_evidence() -> None:
    assert from_events(_undated(), [_event("asserted")], [_row("2023-09-13", ["u"])]) is None


def test_contradicting_windows_combine_to_nothing() -> None:
    a = PublicationWindow("2024-01-01", None, ["a"])
    b = PublicationWindow(None, "2023-01-01", ["b"])
    assert combine(a, b) is None


def test_windows_intersect_and_keep_all_evidence() -> None:
    a = PublicationWindow("2023-01-01", "2024-12-31", ["a"])
    b = PublicationWindow("2023-09-13", None, ["b"])
    assert combine(a, b) == PublicationWindow("2023-09-13", "2024-12-31", ["a", "b"])
