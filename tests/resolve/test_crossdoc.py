from __future__ import annotations

from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resolve.crossdoc import MentionScorer, enrich, first_report, to_mention
from factories import timeline_row

PEOPLE = {"mA": Entity("eA", "Ana Lind", "PERSON"), "mB": Entity("eB", "Boris Kell", "PERSON")}
TEXT = "Ana Lind met Boris Kell in the port on Monday"


def _event(eid: str, aid: str, text: str = TEXT, trigger: str = "met") -> Event:
    at = text.index(trigger)
    return Event(
        id=eid,
        article_id=aid,
        start=100,
        end=100 + len(text),
        text=text,
        code="040",
        extractor="t",
        version="1",
        trigger=trigger,
        trigger_start=100 + at,
        trigger_end=100 + at + len(trigger),
        source_mention_id="mA",
        target_mention_id="mB",
        date="2025-03-03",
    )


def _article(aid: str, published: str | None, how: str = "text") -> Article:
    return Article(
        id=aid,
        text="x",
        path=f"{aid}.txt",
        fmt="txt",
        source=f"Outlet {aid}",
        published=published,
        published_how=how,  # type: ignore[arg-type]
    )


def _row(*article_ids: str) -> TimelineEntry:
    return timeline_row(["e1", "e2"], list(article_ids), article_id=article_ids[0])


def test_a_stored_event_keeps_its_trigger_span_in_the_clause() -> None:
    m = to_mention(_event("e1", "a1"), PEOPLE)
    assert m.trigger == "met" and m.actors == ("eA", "eB")  # participants by entity id


def test_the_first_report_is_the_earliest_stated_date() -> None:
    arts = {"a1": _article("a1", "2025-03-05"), "a2": _article("a2", "2025-03-03")}
    assert first_report(_row("a1", "a2"), arts) == ("Outlet a2", "a2", "2025-03-03")


def test_an_inferred_date_never_makes_a_first_report() -> None:
    arts = {"a1": _article("a1", "2025-03-05"), "a2": _article("a2", "2025-03-01", "inferred")}
    assert first_report(_row("a1", "a2"), arts) == ("Outlet a1", "a1", "2025-03-05")


def test_two_tellings_of_one_meeting_score_higher_than_a_different_event() -> None:
    events = [
        _event("e1", "a1"),
        _event("e2", "a2", "Boris Kell held talks with Ana Lind in the port", "held talks"),
        _event("e3", "a3", "A storm flooded the valley road on Monday", "flooded"),
    ]
    scorer = MentionScorer(events, PEOPLE)
    assert scorer.similarity(["e1"], ["e2"]) > scorer.similarity(["e1"], ["e3"])


def test_a_pair_explanation_lists_every_feature_and_its_share() -> None:
    events = [_event("e1", "a1"), _event("e2", "a2")]
    pair = MentionScorer(events, PEOPLE).pair("e1", "e2")
    assert set(pair["features"]) == set(pair["contributions"])
    assert 0.0 <= pair["probability"] <= 1.0


def test_enrich_gives_a_merged_row_a_confidence_and_its_story() -> None:
    events = [_event("e1", "a1"), _event("e2", "a2")]
    arts = {"a1": _article("a1", "2025-03-04"), "a2": _article("a2", "2025-03-03")}
    (row,) = enrich([_row("a1", "a2")], arts, {"a1": "story:a1"}, MentionScorer(events, PEOPLE))
    assert row.confidence is not None and row.story_id == "story:a1"
    assert row.first_source == "Outlet a2"
