"""Triggers that name no happening of the sentence's own."""

from __future__ import annotations

from event_helpers import by_trigger, events_of


def _codes(text: str) -> list[tuple[str, str]]:
    return [(e.trigger, e.code) for e in events_of(text)]


def test_an_event_named_after_a_preposition_of_time_only_dates_the_sentence() -> None:
    codes = _codes("Police arrested two men in Lyon after the attack on the embassy.")
    assert codes == [("arrested", "173")]
    text = "The government imposed a curfew in the capital following the killing of a protester."
    assert [c[:2] for _, c in _codes(text)] == ["17"]


def test_a_clause_of_time_keeps_its_event() -> None:
    codes = dict(_codes("Soldiers detained the mayor after he criticized the army."))
    assert codes.get("detained") == "173" and codes.get("criticized") == "111"


def test_committing_a_crime_is_no_pledge() -> None:
    events = events_of("Officials said the guards had committed grave abuses at the camp.")
    assert all(not e.code.startswith("03") for e in events)


def test_committing_to_talks_is_a_pledge() -> None:
    ev = by_trigger(events_of("Both sides committed to a new round of talks in May."), "committed")
    assert ev.code.startswith("03")
