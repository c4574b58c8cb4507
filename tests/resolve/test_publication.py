from __future__ import annotations

from dossier.records import Article, Event, PublicationWindow, TimelineEntry
from dossier.resolve.publication import combine, from_events, likely
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


def _report(status: str, day: str, eid: str = "e1") -> tuple[Event, str, str]:
    ev = Event(eid, "u", 0, 10, "they met", "040", "t", "1", status=status)  # type: ignore[arg-type]
    return ev, day, f"row {eid}"


def test_a_report_of_a_past_event_makes_the_following_month_likely() -> None:
    w = likely([_report("asserted", "2023-09-13")])
    assert w is not None and (w.earliest, w.latest) == ("2023-09-10", "2023-10-13")


def test_a_preview_makes_the_month_before_the_event_likely() -> None:
    w = likely([_report("expected", "2024-06-18")])
    assert w is not None and (w.earliest, w.latest) == ("2024-05-19", "2024-06-21")


def test_a_report_read_against_the_wrong_row_is_left_out() -> None:
    reports = [
        _report("asserted", "2023-09-13", "e1"),
        _report("asserted", "2023-09-12", "e2"),
        _report("expected", "2019-04-25", "e3"),  # disagrees with both past reports
    ]
    w = likely(reports)
    assert w is not None and (w.earliest, w.latest) == ("2023-09-10", "2023-10-13")
    assert any("left out" in e for e in w.evidence)


def test_a_hypothetical_preview_weighs_less_than_a_past_report() -> None:
    reports = [_report("asserted", "2023-09-01", "e1"), _report("hypothetical", "2023-09-20", "e2")]
    w = likely(reports)
    assert w is not None and w.earliest == "2023-08-29"


def test_previews_that_outweigh_the_past_reports_date_the_article_before_the_event() -> None:
    reports = [
        _report("asserted", "2023-09-01", "e1"),
        _report("expected", "2023-09-20", "e2"),
        _report("expected", "2023-09-21", "e3"),
    ]
    w = likely(reports)
    assert w is not None and (w.earliest, w.latest) == ("2023-09-01", "2023-09-23")
