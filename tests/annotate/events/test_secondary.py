"""Unreal acts of subordinate clauses are not events of their own."""

from __future__ import annotations

import pytest
from event_helpers import events_of


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (
            "The gunmen kidnapped the bank manager in Lima so that they could withdraw "
            "money from his account.",
            "kidnapped",
            "withdraw",
        ),
        (
            "Rebels abducted two engineers in Lagos and threatened to kill them if the "
            "company refused to pay.",
            "abducted",
            "refused",
        ),
        (
            "The police arrested the mayor of Izmir, who should have resigned years ago.",
            "arrested",
            "resigned",
        ),
    ],
)
def test_a_subordinate_unreal_act_is_dropped_beside_the_reported_event(
    text: str, kept: str, dropped: str
) -> None:
    triggers = [e.trigger for e in events_of(text)]
    assert kept in triggers and dropped not in triggers


def test_a_condition_beside_a_supposed_act_is_dropped() -> None:
    events = events_of("If Serbia deploys troops, Kosovo will protest.")
    assert [e.trigger for e in events] == ["protest"]


def test_an_unreal_act_of_the_main_clause_stays() -> None:
    events = events_of("Russia could invade Ukraine next month.")
    assert [(e.trigger, e.status) for e in events] == [("invade", "hypothetical")]


def test_an_unreal_act_alone_in_its_sentence_stays() -> None:
    text = "Officials said the army, which could attack Kiev, was waiting near the border."
    assert [(e.trigger, e.status) for e in events_of(text)] == [("attack", "hypothetical")]
