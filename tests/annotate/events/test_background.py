"""Events named only as what the sentence's happening answers."""

from __future__ import annotations

import pytest
from event_helpers import events_of


def _codes(text: str) -> list[tuple[str, str]]:
    return [(e.trigger, e.code) for e in events_of(text)]


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


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("Pakistan cut ties with Congo on the eve of a visit by the PLO leader.", "cut", "visit"),
        ("Troops were deployed ahead of the talks.", "deployed", "talks"),
        ("Russia closed its borders because of fighting in the region.", "closed", "fighting"),
    ],
)
def test_an_event_named_as_a_time_or_cause_is_background(
    text: str, kept: str, dropped: str
) -> None:
    triggers = [t for t, _ in _codes(text)]
    assert kept in triggers and dropped not in triggers
