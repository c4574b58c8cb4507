"""Triggers that name no happening of the sentence's own."""

from __future__ import annotations

import pytest
from event_helpers import events_of


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


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Beijing cancelled the talks in response to the arms sale to Taiwan.", "cancelled"),
        ("The president praised the army in response to the attack on the base.", "praised"),
        (
            "Moscow recalled its ambassador in retaliation for the expulsion of its diplomats.",
            None,
        ),
        ("The ministry froze aid to the country as punishment for the attack.", "froze"),
        ("Police detained the mayor in reprisal for the strike.", "detained"),
        ("Rebels retaliated for the bombing of their camp by attacking a police post.", None),
    ],
)
def test_the_act_answered_is_background_not_an_event(text: str, kept: str | None) -> None:
    triggers = [t for t, _ in _codes(text)]
    assert not {"sale", "attack", "expulsion", "strike", "bombing"} & set(triggers)
    if kept is not None:
        assert kept in triggers


def test_a_strike_in_response_to_an_arrest_is_the_strike_only() -> None:
    codes = dict(_codes("The union went on strike in response to the arrest of its leader."))
    assert codes.get("strike") == "143" and "arrest" not in codes
