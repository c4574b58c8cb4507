"""Merging and keeping apart event mentions across documents (fixture sentences written
for these tests: fictional leaders, cities and dates)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dossier.resolve.events import EventMention, EventResolver, cluster_mentions, explain
from golden import check_golden


def mention(
    mid: str,
    doc: str,
    sentence: str,
    trigger: str,
    date: dt.date | None = None,
    place: str | None = None,
    story: str | None = "s1",
) -> EventMention:
    start = sentence.index(trigger)
    return EventMention(
        mid, doc, sentence, start, start + len(trigger), story=story, date=date, place=place
    )


D1 = dt.date(2021, 3, 4)
D2 = dt.date(2022, 3, 9)

ONE_MEETING = [
    mention(
        "m1",
        "d1",
        "President Alvarez met Chancellor Brandt in Porto on Thursday to discuss grain exports.",
        "met",
        D1,
    ),
    mention(
        "m2",
        "d2",
        "Alvarez and Brandt held talks in Porto on Thursday, their first meeting in two years.",
        "meeting",
        D1,
    ),
    mention(
        "m3",
        "d3",
        "The meeting between Alvarez and Brandt in Porto ended without a joint statement.",
        "meeting",
        dt.date(2021, 3, 5),
    ),
]

NEXT_YEAR = [
    mention(
        "m4",
        "d4",
        "President Alvarez met Chancellor Brandt in Porto again to discuss grain exports.",
        "met",
        D2,
    ),
    mention(
        "m5",
        "d5",
        "The meeting between Alvarez and Brandt in Porto lasted four hours.",
        "meeting",
        D2,
    ),
]

ATTACKS = [
    mention(
        "a1",
        "e1",
        "Gunmen attacked a crowded market in Lagos on Monday, killing six people.",
        "attacked",
        D1,
        place="Lagos",
        story="s2",
    ),
    mention(
        "a2",
        "e2",
        "The attack on the Lagos market was the deadliest this year.",
        "attack",
        D1,
        place="Lagos",
        story="s2",
    ),
    mention(
        "a3",
        "e3",
        "Gunmen attacked a bus station in Kano on Monday, killing four people.",
        "attacked",
        D1,
        place="Kano",
        story="s2",
    ),
]


def test_reports_of_one_meeting_merge() -> None:
    clusters = cluster_mentions(ONE_MEETING)
    assert len({clusters[m.id] for m in ONE_MEETING}) == 1


def test_meetings_a_year_apart_stay_apart() -> None:
    clusters = cluster_mentions(ONE_MEETING + NEXT_YEAR)
    assert {clusters[m.id] for m in ONE_MEETING}.isdisjoint(clusters[m.id] for m in NEXT_YEAR)


def test_meetings_a_year_apart_stay_apart_without_stories() -> None:
    mentions = [dataclasses.replace(m, story=None) for m in ONE_MEETING + NEXT_YEAR]
    clusters = cluster_mentions(mentions)
    assert {clusters[m.id] for m in ONE_MEETING}.isdisjoint(clusters[m.id] for m in NEXT_YEAR)


def test_same_day_attacks_in_two_cities_stay_apart() -> None:
    clusters = cluster_mentions(ATTACKS)
    assert clusters["a1"] == clusters["a2"] != clusters["a3"]


def test_golden_clusters() -> None:
    resolver = EventResolver()
    resolver.add(ONE_MEETING + NEXT_YEAR + ATTACKS)
    check_golden("crossdoc/fixture_clusters", resolver.clusters())


def test_incremental_ingest_gives_the_batch_clusters() -> None:
    everything = ONE_MEETING + NEXT_YEAR + ATTACKS
    incremental = EventResolver()
    for part in (everything[:2], everything[2:5], everything[5:]):
        incremental.add(part)
    assert incremental.clusters() == cluster_mentions(everything)


def test_explain_gives_features_and_probability() -> None:
    resolver = EventResolver()
    resolver.add(ONE_MEETING)
    why = resolver.explain("m1", "m2")
    assert why["same_cluster"] and 0.0 <= why["probability"] <= 1.0
    assert set(why["contributions"]) == set(why["features"])


def test_explain_names_the_constraint_that_kept_apart() -> None:
    resolver = EventResolver()
    resolver.add(ATTACKS)
    why = resolver.explain("a1", "a3")
    assert not why["same_cluster"] and "places" in why["reason"]


def test_explain_one_pair_on_its_own() -> None:
    why = explain(ONE_MEETING[0], ONE_MEETING[1])
    assert why["same_cluster"] and why["probability"] >= why["threshold"]


def test_events_keep_their_mentions_documents_and_confidence() -> None:
    resolver = EventResolver()
    resolver.add(ONE_MEETING)
    (event,) = resolver.events().values()
    assert event["mentions"] == ["m1", "m2", "m3"] and event["documents"] == ["d1", "d2", "d3"]
    assert resolver.model.threshold <= event["confidence"] <= 1.0
