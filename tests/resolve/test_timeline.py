from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resolve.timeline import Similar, build_timeline, explain_timeline

PEOPLE = {
    "mA": Entity("eA", "Ana Lind", "PERSON"),
    "mB": Entity("eB", "Boris Kell", "PERSON"),
    "mP": Entity("eP", "Port Avel", "PLACE"),
    "mQ": Entity("eQ", "Quay City", "PLACE"),
}


def _bare(eid: str, aid: str, start: int = 0, **fields: Any) -> Event:
    """An event record with only the fields a test sets."""
    return Event(id=eid, article_id=aid, start=start, extractor="t", version="1", **fields)


def _article(aid: str, published: str | None, source: str) -> Article:
    return Article(
        id=aid,
        text="x" * 200,
        path=f"{aid}.txt",
        fmt="txt",
        source=source,
        published=published,
        published_how="text" if published else "unknown",
    )


def _event(
    eid: str,
    aid: str,
    date: str | None,
    place: str | None = None,
    status: str = "asserted",
    code: str = "040",
) -> Event:
    return _bare(
        eid,
        aid,
        end=20,
        text=f"text of {eid}",
        code=code,
        source_mention_id="mA",
        target_mention_id="mB",
        place_mention_id=place,
        date=date,
        status=status,
    )


def test_reports_of_one_meeting_merge_into_one_row() -> None:
    arts = {
        "a1": _article("a1", "2023-09-13", "Wire One"),
        "a2": _article("a2", None, "Think Tank"),
    }
    rows = build_timeline(
        [_event("e1", "a1", None, "mQ"), _event("e2", "a2", "XXXX-09-13", "mP")], arts, PEOPLE
    )
    assert len(rows) == 1
    assert rows[0].date == "2023-09-13"
    assert sorted(rows[0].sources) == ["Think Tank", "Wire One"]


def test_the_mention_dated_by_its_own_text_gives_the_place() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", None, "T")}
    rows = build_timeline(
        [_event("e1", "a1", None, "mQ"), _event("e2", "a2", "XXXX-09-13", "mP")], arts, PEOPLE
    )
    assert rows[0].place == "Port Avel"
    assert rows[0].places == ["Port Avel", "Quay City"]


def test_meetings_a_year_apart_stay_apart() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2024-06-19", "T")}
    rows = build_timeline(
        [_event("e1", "a1", "2023-09-13"), _event("e2", "a2", "2024-06-19")], arts, PEOPLE
    )
    assert [r.date for r in rows] == ["2023-09-13", "2024-06-19"]


def test_different_event_families_stay_apart() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W")}
    rows = build_timeline(
        [_event("e1", "a1", "2023-09-13"), _event("e2", "a1", "2023-09-13", code="190")],
        arts,
        PEOPLE,
    )
    assert len(rows) == 2


def test_an_expected_meeting_is_not_reported_as_having_happened() -> None:
    arts = {"a1": _article("a1", "2023-09-11", "W")}
    rows = build_timeline([_event("e1", "a1", None, status="expected")], arts, PEOPLE)
    assert rows[0].status == "expected"
    assert rows[0].date_how == "published"


def test_an_undated_report_with_two_candidate_events_stays_apart() -> None:
    arts = {
        "a1": _article("a1", "2023-09-13", "W"),
        "a2": _article("a2", "2024-06-19", "T"),
        "a3": _article("a3", None, "U"),
    }
    rows = build_timeline(
        [
            _event("e1", "a1", "2023-09-13"),
            _event("e2", "a2", "2024-06-19"),
            _event("e3", "a3", None),
        ],
        arts,
        PEOPLE,
    )
    assert len(rows) == 3
    assert rows[-1].date is None


def test_an_undated_report_joins_the_only_event_it_fits() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a3": _article("a3", None, "U")}
    rows = build_timeline(
        [_event("e1", "a1", "2023-09-13"), _event("e3", "a3", None)], arts, PEOPLE
    )
    assert len(rows) == 1 and rows[0].sources == ["W", "U"]


def test_an_event_with_no_entity_behind_it_stays_out_of_the_timeline() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W")}
    ev = _bare("e9", "a1", end=5, text="x", code="040", source_text="the crowd")
    assert build_timeline([ev], arts, PEOPLE) == []


def test_an_actor_meeting_itself_is_kept_once() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W")}
    ev = _bare(
        "e9", "a1", end=5, text="x", code="040", source_mention_id="mA", target_mention_id="mA"
    )
    (row,) = build_timeline([ev], arts, PEOPLE)
    assert (row.source_actor, row.target_actor) == ("Ana Lind", None)


def _two_visits_and_an_undated_report(earliest: str, latest: str | None) -> list[TimelineEntry]:
    arts = {
        "a1": _article("a1", "2000-06-14", "W"),
        "a2": _article("a2", "2024-06-19", "T"),
        "a3": Article(
            id="a3",
            text="x" * 200,
            path="a3.txt",
            fmt="txt",
            source="U",
            published_how="inferred",
            published_earliest=earliest,
            published_latest=latest,
        ),
    }
    events = [
        _event("e1", "a1", "2000-06-14"),
        _event("e2", "a2", "2024-06-19"),
        _event("e3", "a3", None),
    ]
    return build_timeline(events, arts, PEOPLE)


def test_an_undated_report_uses_its_inferred_window_to_pick_the_event() -> None:
    rows = _two_visits_and_an_undated_report("2024-01-01", "2024-06-19")
    (joined,) = [r for r in rows if "a3" in r.article_ids]
    assert joined.date == "2024-06-19" and len(rows) == 2


def test_an_open_ended_window_is_no_evidence() -> None:
    assert len(_two_visits_and_an_undated_report("1999-01-01", None)) == 3


def test_an_event_between_groups_no_country_stands_behind_stays_out_of_the_timeline() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W")}
    groups = {"g1": Entity("G1", "Northern", "GROUP"), "g2": Entity("G2", "Southern", "GROUP")}
    ev = _bare(
        "e9", "a1", end=5, text="x", code="040", source_mention_id="g1", target_mention_id="g2"
    )
    assert build_timeline([ev], arts, groups) == []


# --- the similarity pass (a stand-in score; the pairwise model is tested in resolve/events)


def _alike(score: float) -> Similar:
    def similar(a: Sequence[str], b: Sequence[str]) -> float:
        return score

    return similar


def _slip(score: float, place_b: str | None = None) -> list[TimelineEntry]:
    """Two sources date one meeting a day apart, and name only one participant each in
    common (so the rules keep them apart)."""
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-14", "T")}
    e1 = _event("e1", "a1", "2023-09-13", "mP")
    e2 = _event("e2", "a2", "2023-09-12", place_b)
    return build_timeline([e1, e2], arts, PEOPLE, _alike(score), 0.9)


def test_a_one_day_slip_merges_when_the_mentions_read_alike() -> None:
    (row,) = _slip(0.95)
    assert sorted(row.sources) == ["T", "W"]


def test_a_one_day_slip_stays_apart_when_the_mentions_read_differently() -> None:
    assert len(_slip(0.5)) == 2


def test_similarity_never_merges_across_different_places() -> None:
    assert len(_slip(0.99, place_b="mQ")) == 2


def test_without_a_similarity_a_one_day_slip_stays_apart() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-14", "T")}
    events = [_event("e1", "a1", "2023-09-13"), _event("e2", "a2", "2023-09-12")]
    assert len(build_timeline(events, arts, PEOPLE)) == 2


def _orphan(eid: str, aid: str) -> Event:
    return _bare(eid, aid, end=9, text="the talks", code="040", date="2023-09-13")


def test_a_mention_without_entities_joins_a_row_of_its_own_article() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W")}
    events = [_event("e1", "a1", "2023-09-13"), _orphan("e9", "a1")]
    (row,) = build_timeline(events, arts, PEOPLE, _alike(0.95), 0.9)
    assert row.event_ids == ["e1", "e9"]


def test_a_mention_without_entities_never_joins_another_article_row() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-13", "T")}
    events = [_event("e1", "a1", "2023-09-13"), _orphan("e9", "a2")]
    (row,) = build_timeline(events, arts, PEOPLE, _alike(0.99), 0.9)
    assert row.event_ids == ["e1"]


def test_explain_gives_the_probability_a_row_was_merged_on() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-14", "T")}
    events = [_event("e1", "a1", "2023-09-13", "mP"), _event("e2", "a2", "2023-09-12")]
    (why,) = explain_timeline(events, arts, PEOPLE, _alike(0.93), 0.9).values()
    # the earlier day starts the row; the later report joins it
    assert why["e2"] == "first mention of this event"
    assert "reads alike (p=0.93)" in why["e1"] and "one day apart" in why["e1"]


def test_same_day_attacks_in_two_cities_stay_apart() -> None:
    arts = {"a1": _article("a1", "2024-03-02", "W"), "a2": _article("a2", "2024-03-02", "T")}
    events = [
        _event("e1", "a1", "2024-03-02", "mP", code="190"),
        _event("e2", "a2", "2024-03-02", "mQ", code="190"),
    ]
    rows = build_timeline(events, arts, PEOPLE, _alike(0.99), 0.9)
    assert sorted(r.place or "" for r in rows) == ["Port Avel", "Quay City"]


def _placed_only(eid: str, aid: str, place: str) -> Event:
    """A mention whose actors were not resolved, at a named place."""
    return _bare(
        eid, aid, end=9, text="the signing", code="057", place_mention_id=place, date="2023-09-13"
    )


def test_a_row_naming_no_participant_joins_one_at_the_same_place_that_reads_alike() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-13", "T")}
    events = [_event("e1", "a1", "2023-09-13", "mP", code="057"), _placed_only("e2", "a2", "mP")]
    (row,) = build_timeline(events, arts, PEOPLE, _alike(0.95), 0.9)
    assert sorted(row.sources) == ["T", "W"]


def test_a_row_naming_no_participant_stays_apart_from_another_place() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-13", "T")}
    events = [_event("e1", "a1", "2023-09-13", "mP", code="057"), _placed_only("e2", "a2", "mQ")]
    assert len(build_timeline(events, arts, PEOPLE, _alike(0.99), 0.9)) == 2


def test_a_mention_without_entities_that_fits_two_rows_stays_out() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W")}
    other = _bare(
        "e2",
        "a1",
        start=30,
        end=40,
        text="x met y",
        code="040",
        source_mention_id="mC",
        date="2023-09-13",
    )
    people = {**PEOPLE, "mC": Entity("eC", "Cara Moss", "PERSON")}
    events = [_event("e1", "a1", "2023-09-13", "mP"), other, _orphan("e9", "a1")]
    rows = build_timeline(events, arts, people, _alike(0.95), 0.9)
    assert len(rows) == 2 and all("e9" not in r.event_ids for r in rows)


def test_a_status_tie_goes_to_the_firmer_status() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-13", "T")}
    events = [
        _event("e1", "a1", "2023-09-13", status="negated"),
        _event("e2", "a2", "2023-09-13", status="expected"),
    ]
    (row,) = build_timeline(events, arts, PEOPLE)
    assert row.status == "expected"


# --- ties, directions and places among the parties


def _two_meetings(third: list[Event]) -> list[TimelineEntry]:
    """Ana and Boris met at Port Avel in 2023 and somewhere unnamed in 2024; a third,
    undated article reports ``third``."""
    arts = {
        "a1": _article("a1", "2023-09-13", "W"),
        "a2": _article("a2", "2024-06-19", "T"),
        "a3": _article("a3", None, "U"),
    }
    events = [_event("e1", "a1", "2023-09-13", "mP"), _event("e2", "a2", "2024-06-19"), *third]
    return build_timeline(events, arts, PEOPLE)


def test_an_undated_report_at_a_place_joins_the_only_fitting_row_at_that_place() -> None:
    rows = _two_meetings([_event("e3", "a3", None, "mP")])
    (joined,) = [r for r in rows if "a3" in r.article_ids]
    assert joined.date == "2023-09-13" and len(rows) == 2


def test_an_undated_report_joins_the_row_its_article_other_mention_joined() -> None:
    later = _bare(
        "e4",
        "a3",
        start=120,
        end=140,
        text="text of e4",
        code="040",
        source_mention_id="mA",
        target_mention_id="mB",
        status="asserted",
    )
    rows = _two_meetings([_event("e3", "a3", None, "mP"), later])
    (joined,) = [r for r in rows if "e4" in r.event_ids]
    assert joined.date == "2023-09-13"


def _aid(eid: str, aid: str, giver: str, taker: str) -> Event:
    return _bare(
        eid,
        aid,
        end=20,
        text=f"text of {eid}",
        code="072",
        source_mention_id=giver,
        target_mention_id=taker,
        date="2023-09-13",
        status="asserted",
    )


def test_aid_in_opposite_directions_stays_two_rows() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-13", "T")}
    rows = build_timeline(
        [_aid("e1", "a1", "mA", "mB"), _aid("e2", "a2", "mB", "mA")], arts, PEOPLE
    )
    assert sorted((r.source_actor, r.target_actor) for r in rows) == [
        ("Ana Lind", "Boris Kell"),
        ("Boris Kell", "Ana Lind"),
    ]


def test_aid_in_one_direction_from_two_sources_is_one_row() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-13", "T")}
    rows = build_timeline(
        [_aid("e1", "a1", "mA", "mB"), _aid("e2", "a2", "mA", "mB")], arts, PEOPLE
    )
    assert len(rows) == 1


def test_a_visit_to_the_place_of_a_meeting_joins_the_meeting() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W"), "a2": _article("a2", "2023-09-13", "T")}
    meeting = _event("e1", "a1", "2023-09-13", "mP")
    visit = _bare(
        "e2",
        "a2",
        end=20,
        text="text of e2",
        code="042",
        source_mention_id="mA",
        target_mention_id="mP",
        date="2023-09-13",
        status="asserted",
    )
    (row,) = build_timeline([meeting, visit], arts, PEOPLE)
    assert sorted(row.sources) == ["T", "W"]


def test_a_group_named_by_a_demonym_acts_for_its_country() -> None:
    arts = {"a1": _article("a1", "2023-09-13", "W")}
    groups = {"g1": Entity("G1", "Ukrainian", "GROUP"), "mP": PEOPLE["mP"]}
    ev = _bare(
        "e9", "a1", end=5, text="x", code="195", source_mention_id="g1", place_mention_id="mP"
    )
    (row,) = build_timeline([ev], arts, groups)
    assert (row.source_actor, row.place) == ("Ukraine", "Port Avel")
