"""Attempts on a life: attempted and plotted killings are coded 185."""

from __future__ import annotations

import pytest
from event_helpers import by_trigger, events_of


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Rebels tried to assassinate the governor of the province on Monday.", "assassinate"),
        ("Two officers conspired to kill the commander of the garrison.", "kill"),
        ("Police foiled an assassination attempt on the defence minister in Quito.", "attempt"),
    ],
)
def test_an_attempt_on_a_life_is_an_attempted_assassination(sentence: str, trigger: str) -> None:
    assert by_trigger(events_of(sentence), trigger).code == "185"


def test_a_killing_that_took_place_keeps_its_code() -> None:
    ev = by_trigger(events_of("Gunmen assassinated the governor of the province."), "assassinated")
    assert ev.code == "186"
