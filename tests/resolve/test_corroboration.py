from __future__ import annotations

from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resolve.corroboration import Claim, compare, contradictions, places_conflict
from factories import timeline_row

FAR_A = Claim("Harbour Town", lat=43.1, lon=131.9)
FAR_B = Claim("Launch Field", lat=51.9, lon=128.3)
NEAR_B = Claim("Harbour Suburb", lat=43.2, lon=132.0)


def test_two_points_far_apart_conflict() -> None:
    assert places_conflict(FAR_A, FAR_B, {})


def test_two_points_close_together_agree() -> None:
    assert not places_conflict(FAR_A, NEAR_B, {})


def test_a_city_and_its_own_country_agree() -> None:
    city = Claim("Pyongyang", lat=39.0, lon=125.7)
    country = Claim("North Korea", lat=40.0, lon=127.0)
    assert not places_conflict(city, country, {"Pyongyang": "KP", "North Korea": "KP"})


def test_a_city_and_another_country_conflict() -> None:
    city = Claim("Pyongyang", lat=39.0, lon=125.7)
    country = Claim("Russia", lat=60.0, lon=100.0)
    assert places_conflict(city, country, {"Pyongyang": "KP", "Russia": "RU"})


def _setup(qty_a: str, qty_b: str) -> tuple[TimelineEntry, dict[str, Event], dict[str, Article]]:
    arts = {
        a: Article(id=a, text="x", path=f"{a}.txt", fmt="txt", source=f"Outlet {a}")
        for a in ("a1", "a2")
    }
    events = {
        "e1": Event(
            "e1", "a1", 0, 1, "x", "072", "t", "1", quantities=[qty_a], hedges=["reportedly"]
        ),
        "e2": Event("e2", "a2", 0, 1, "x", "072", "t", "1", quantities=[qty_b]),
    }
    row = timeline_row(["e1", "e2"], ["a1", "a2"], code="072")
    return row, events, arts


def test_different_counts_from_two_sources_are_a_contradiction() -> None:
    row, events, arts = _setup("one million shells", "two million shells")
    (found,) = contradictions([row], events, arts, {})
    assert found[1].detail == "quantity"
    assert [c.sources for c in found[1].claims] == [["Outlet a1"], ["Outlet a2"]]


def test_a_hedge_stays_with_its_source() -> None:
    row, events, arts = _setup("one million shells", "two million shells")
    (comp,) = compare(row, events, arts, {})
    hedged = {c.value: c.hedges for c in comp.claims}
    assert hedged == {"one million shells": ["reportedly"], "two million shells": []}


def test_the_same_count_is_corroboration() -> None:
    row, events, arts = _setup("ten missiles", "ten missiles")
    assert contradictions([row], events, arts, {}) == []
    (comp,) = compare(row, events, arts, {})
    assert comp.agree and comp.claims[0].sources == ["Outlet a1", "Outlet a2"]


def test_entities_give_places_their_coordinates() -> None:
    row, events, arts = _setup("x", "x")
    ents = _far_places(events)
    comps = {c.detail: c for c in compare(row, events, arts, ents)}
    assert not comps["place"].agree


def _far_places(row_events: dict[str, Event]) -> dict[str, Entity]:
    row_events["e1"].place_mention_id = "p1"
    row_events["e2"].place_mention_id = "p2"
    return {
        "p1": Entity("E1", "Harbour Town", "PLACE", lat=43.1, lon=131.9),
        "p2": Entity("E2", "Launch Field", "PLACE", lat=51.9, lon=128.3),
    }


def test_a_place_disagreement_within_one_article_counts() -> None:
    row, events, arts = _setup("x", "x")
    events["e2"].article_id = "a1"
    ents = _far_places(events)
    found = contradictions([row], events, arts, ents)
    assert [comp.detail for _, comp in found] == ["place"]


def test_a_count_disagreement_within_one_article_does_not() -> None:
    row, events, arts = _setup("one million shells", "two million shells")
    events["e2"].article_id = "a1"
    assert contradictions([row], events, arts, {}) == []
