"""Dates, actors, quantities and provenance of the claims compared across sources."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resolve.corroboration import compare, contradictions, corroborate
from factories import timeline_row

TEXTS = {
    "a1": "Officials of the two states met at a lakeside resort on the twelfth.",
    "a2": "According to the wire, the talks by the lake took place a day later.",
    "a3": "A third paper described the lakeside meeting in a short note.",
}
ENTITIES = {
    "m_minister": Entity("E_min", "Oleg Sample", "PERSON"),
    "m_home": Entity("E_home", "Russia", "PLACE", country_code="RU"),
    "m_north": Entity("E_north", "North Korea", "PLACE", country_code="KP"),
    "m_china": Entity("E_china", "China", "PLACE", country_code="CN"),
    "m_people": Entity("E_people", "Koreans", "GROUP"),
}


def _articles() -> dict[str, Article]:
    return {
        aid: Article(id=aid, text=text, path=f"{aid}.txt", fmt="txt", source=f"Paper {aid}")
        for aid, text in TEXTS.items()
    }


def _event(eid: str, aid: str, **fields: Any) -> Event:
    text = TEXTS[aid]
    return Event(eid, aid, 0, len(text), text, "040", "test", "1", **fields)


def _row(events: list[Event]) -> TimelineEntry:
    return timeline_row([e.id for e in events], sorted({e.article_id for e in events}))


def _compare(*events: Event) -> dict[str, Any]:
    row = _row(list(events))
    comps = compare(row, {e.id: e for e in events}, _articles(), ENTITIES)
    return {c.detail: c for c in comps}


def _contradictions(*events: Event) -> list[str]:
    found = contradictions([_row(list(events))], {e.id: e for e in events}, _articles(), ENTITIES)
    return [comp.detail for _, comp in found]


# ------------------------------------------------------------------------------ dates


def test_a_month_and_a_day_in_it_agree() -> None:
    comp = _compare(
        _event("e1", "a1", date="2023-09", date_how="text"),
        _event("e2", "a2", date="2023-09-13", date_how="text"),
    )["date"]
    assert comp.agree
    assert comp.agreeing_sources == ["Paper a1", "Paper a2"]


def test_two_different_days_disagree() -> None:
    found = _contradictions(
        _event("e1", "a1", date="2023-09-12", date_how="text"),
        _event("e2", "a2", date="2023-09-13", date_how="text"),
    )
    assert found == ["date"]


def test_a_date_taken_from_publication_is_not_a_claim() -> None:
    comps = _compare(
        _event("e1", "a1", date="2023-09-12", date_how="published"),
        _event("e2", "a2", date="2023-09-13", date_how="text"),
    )
    assert [c.value for c in comps["date"].claims] == ["2023-09-13"]


# ----------------------------------------------------------------------------- actors


def test_a_person_and_their_own_country_agree_as_actor() -> None:
    comp = _compare(
        _event("e1", "a1", source_mention_id="m_minister", source_code="RUSGOV"),
        _event("e2", "a2", source_mention_id="m_home", source_code="RUS"),
    )["actor"]
    assert comp.agree
    assert {c.value: c.country for c in comp.claims} == {"Oleg Sample": "RUS", "Russia": "RUS"}


def test_suppliers_of_two_countries_disagree() -> None:
    found = _contradictions(
        _event("e1", "a1", source_mention_id="m_north", target_mention_id="m_home"),
        _event("e2", "a2", source_mention_id="m_china", target_mention_id="m_home"),
    )
    assert found == ["actor"]


def test_a_target_named_by_one_source_only_is_no_disagreement() -> None:
    comps = _compare(
        _event("e1", "a1", source_mention_id="m_home", target_mention_id="m_north"),
        _event("e2", "a2", source_mention_id="m_home"),
    )
    assert comps["target"].agree and comps["actor"].agree


def test_swapped_roles_are_not_a_disagreement() -> None:
    found = _contradictions(
        _event("e1", "a1", source_mention_id="m_home", target_mention_id="m_north"),
        _event("e2", "a2", source_mention_id="m_north", target_mention_id="m_home"),
    )
    assert found == []


def test_group_actors_are_too_vague_to_compare() -> None:
    comps = _compare(
        _event("e1", "a1", source_mention_id="m_people", source_code="PRK"),
        _event("e2", "a2", source_mention_id="m_china"),
    )
    assert [c.value for c in comps["actor"].claims] == ["China"]


# ------------------------------------------------------------------------- quantities


def test_a_count_inside_a_range_agrees() -> None:
    comp = _compare(
        _event("e1", "a1", quantities=["two to five million shells"]),
        _event("e2", "a2", quantities=["3 million shells"]),
    )["quantity"]
    assert comp.agree and comp.about == "shell"


def test_a_count_outside_a_range_disagrees() -> None:
    found = _contradictions(
        _event("e1", "a1", quantities=["two to five million shells"]),
        _event("e2", "a2", quantities=["one million shells"]),
    )
    assert found == ["quantity"]


def test_singular_and_plural_nouns_are_compared() -> None:
    found = _contradictions(
        _event("e1", "a1", quantities=["one tank"]),
        _event("e2", "a2", quantities=["4 tanks"]),
    )
    assert found == ["quantity"]


def test_counts_without_a_noun_in_one_event_are_compared() -> None:
    found = _contradictions(
        _event("e1", "a1", quantities=["about one million"]),
        _event("e2", "a2", quantities=["as many as two million"]),
    )
    assert found == ["quantity"]


def test_counts_of_different_nouns_are_not_compared() -> None:
    events = [
        _event("e1", "a1", quantities=["ten cruise missiles"]),
        _event("e2", "a2", quantities=["two warships"]),
    ]
    comps = compare(_row(events), {e.id: e for e in events}, _articles(), ENTITIES)
    assert sorted((c.about, c.agree) for c in comps) == [("missile", True), ("warship", True)]


def test_a_hedge_stays_with_the_source_that_made_it() -> None:
    comp = _compare(
        _event("e1", "a1", quantities=["up to two million shells"], hedges=["allegedly"]),
        _event("e2", "a2", quantities=["two million shells"]),
    )["quantity"]
    hedged = {c.value: (c.sources, c.hedges) for c in comp.claims}
    assert hedged["up to two million shells"] == (["Paper a1"], ["allegedly"])
    assert "hedged: allegedly" in comp.summary


# -------------------------------------------------------------------- who said what


def test_corroborate_returns_agreements_too() -> None:
    events = [
        _event("e1", "a1", date="2023-09-12", date_how="text"),
        _event("e2", "a2", date="2023-09-12", date_how="text"),
        _event("e3", "a3", date="2023-09-12", date_how="text"),
    ]
    found = corroborate([_row(events)], {e.id: e for e in events}, _articles(), ENTITIES)
    (comp,) = [c for _, c in found]
    assert comp.agree and comp.summary == "Paper a1, Paper a2, Paper a3 agree on 2023-09-12"


def test_one_claim_from_one_source_is_not_a_corroboration() -> None:
    events = [_event("e1", "a1", date="2023-09-12", date_how="text")]
    assert corroborate([_row(events)], {e.id: e for e in events}, _articles(), ENTITIES) == []


def test_disagreeing_positions_name_their_sources() -> None:
    comp = _compare(
        _event("e1", "a1", date="2023-09-12", date_how="text"),
        _event("e2", "a2", date="2023-09-13", date_how="text"),
        _event("e3", "a3", date="2023-09-13", date_how="text"),
    )["date"]
    assert comp.agreeing_sources == ["Paper a2", "Paper a3"]
    assert [(p.value, p.sources) for p in comp.disagreeing] == [("2023-09-12", ["Paper a1"])]


def test_each_claim_points_back_to_its_text() -> None:
    comp = _compare(
        _event("e1", "a1", date="2023-09", date_how="text", status="reported"),
        _event("e2", "a2", date="2023-09", date_how="text"),
    )["date"]
    (claim,) = comp.claims
    assert claim.statuses == ["reported", "asserted"]
    arts = _articles()
    for span in claim.spans:
        assert arts[span.article_id].text[span.start : span.end] == TEXTS[span.article_id]


def test_comparisons_stay_plain_json() -> None:
    comp = _compare(
        _event("e1", "a1", quantities=["at least 40 drones"]),
        _event("e2", "a2", quantities=["some 50 drones"]),
    )["quantity"]
    data = json.loads(json.dumps(dataclasses.asdict(comp)))
    assert data["claims"][0]["spans"][0]["article_id"] in TEXTS


def test_a_time_of_day_is_claimed_as_its_day() -> None:
    comp = _compare(
        _event("e1", "a1", date="2023-09-13T09:30", date_how="text"),
        _event("e2", "a2", date="2023-09-13", date_how="text"),
    )["date"]
    assert [c.value for c in comp.claims] == ["2023-09-13"]


def test_disagreeing_days_say_how_far_apart_they_are() -> None:
    comp = _compare(
        _event("e1", "a1", date="2023-09-12", date_how="text"),
        _event("e2", "a2", date="2023-09-14", date_how="text"),
    )["date"]
    assert comp.note == "2 days apart"


def test_a_count_only_one_source_gives_is_listed_with_its_hedge() -> None:
    events = [
        _event("e1", "a1", quantities=["up to 90 trucks"], hedges=["one official claimed"]),
        _event("e2", "a2"),
    ]
    found = corroborate([_row(events)], {e.id: e for e in events}, _articles(), ENTITIES)
    (comp,) = [c for _, c in found]
    assert comp.single_source and comp.claims[0].hedges == ["one official claimed"]
    assert comp.summary == "Paper a1 says up to 90 trucks (hedged: one official claimed)"


def _aid_row(events: list[Event]) -> TimelineEntry:
    return timeline_row([e.id for e in events], sorted({e.article_id for e in events}), code="072")


def test_swapped_roles_in_a_directed_act_disagree() -> None:
    text = TEXTS["a1"]
    give = [
        Event(
            "e1",
            "a1",
            0,
            len(text),
            text,
            "072",
            "test",
            "1",
            source_mention_id="m_home",
            target_mention_id="m_north",
        ),
        Event(
            "e2",
            "a2",
            0,
            len(TEXTS["a2"]),
            TEXTS["a2"],
            "072",
            "test",
            "1",
            source_mention_id="m_north",
            target_mention_id="m_home",
        ),
    ]
    comps = {
        c.detail: c for c in compare(_aid_row(give), {e.id: e for e in give}, _articles(), ENTITIES)
    }
    assert not comps["actor"].agree


def test_two_actors_that_do_not_contradict_are_not_called_agreement() -> None:
    comps = _compare(
        _event("e1", "a1", source_mention_id="m_home", target_mention_id="m_north"),
        _event("e2", "a2", source_mention_id="m_north", target_mention_id="m_home"),
    )
    assert comps["actor"].agree
    assert comps["actor"].verdict == "sources differ on the actor, without contradicting each other"


def test_one_actor_from_two_sources_is_agreement() -> None:
    comps = _compare(
        _event("e1", "a1", source_mention_id="m_home"),
        _event("e2", "a2", source_mention_id="m_home"),
    )
    assert comps["actor"].verdict == "sources agree on the actor"


def test_a_country_a_source_gives_beside_its_own_city_is_not_a_second_place() -> None:
    places = {**ENTITIES, "m_city": Entity("E_city", "Kazan", "PLACE", country_code="RU")}
    events = [
        _event("e1", "a1", place_mention_id="m_home"),
        _event("e3", "a1", place_mention_id="m_city"),
        _event("e2", "a2", place_mention_id="m_city"),
    ]
    comps = {
        c.detail: c for c in compare(_row(events), {e.id: e for e in events}, _articles(), places)
    }
    assert [c.value for c in comps["place"].claims] == ["Kazan"]
