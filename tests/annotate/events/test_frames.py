"""Accusation frames: with no accuser named, the act charged is the event."""

from __future__ import annotations

import pytest
from event_helpers import by_trigger, events_of


@pytest.mark.parametrize(
    ("text", "act", "code", "doer"),
    [
        ("A soldier accused of raping a woman appeared in court on Monday.", "raping",
         "1821", "A soldier"),
        ("The governor was charged with plotting to kill the president.", "kill", "185",
         "The governor"),
        ("He was convicted of murdering two policemen.", "murdering", "1823", "He"),
    ],
)  # fmt: skip
def test_an_unattributed_charge_gives_way_to_the_act_charged(
    text: str, act: str, code: str, doer: str
) -> None:
    events = events_of(text)
    ev = by_trigger(events, act)
    assert ev.code == code and ev.source_text == doer
    assert not any(e.code.startswith("11") for e in events)


def test_an_accusation_with_its_accuser_stays() -> None:
    events = events_of("Prosecutors accused the colonel of torturing prisoners.")
    assert by_trigger(events, "accused").source_text == "Prosecutors"
    assert by_trigger(events, "torturing").source_text == "the colonel"


def test_the_one_arrested_on_charges_did_the_act() -> None:
    events = events_of("Police arrested a teacher in Lagos on charges of raping a student.")
    assert by_trigger(events, "arrested").code == "173"
    assert by_trigger(events, "raping").source_text == "a teacher"
