"""Event status and hedges from negation, modals, governing verbs and attributions."""

from __future__ import annotations

import pytest
from event_helpers import by_trigger, events_of


@pytest.mark.parametrize(
    ("sentence", "trigger", "status"),
    [
        ("Brazil did not supply weapons to Ukraine.", "supply", "negated"),
        ("Chancellor Olaf Scholz will visit Warsaw next week.", "visit", "expected"),
        ("Pedro Sanchez is expected to meet Giorgia Meloni in Rome.", "meet", "expected"),
        ("Turkey could attack the Kurdish militias in Syria.", "attack", "hypothetical"),
        ("If Serbia deploys troops, the region will become unstable.", "deploys", "hypothetical"),
        ("Rebels reportedly attacked a police station in Mopti.", "attacked", "reported"),
        ("Moscow claims that Ukrainian saboteurs attacked the dam.", "attacked", "reported"),
        (
            "The alleged attack by Serbian police on the village drew protests.",
            "attack",
            "reported",
        ),
        ("Viktor Orban praised Donald Trump on Monday.", "praised", "asserted"),
    ],
)
def test_status(sentence: str, trigger: str, status: str) -> None:
    assert by_trigger(events_of(sentence), trigger).status == status


def test_denied_deal_is_negated_and_keeps_parties() -> None:
    ev = by_trigger(events_of("Iran and Venezuela deny any arms deal."), "deal")
    assert (ev.status, ev.source_text, ev.target_text) == ("negated", "Iran", "Venezuela")


def test_denial_is_an_event_of_its_own() -> None:
    ev = by_trigger(events_of("Iran and Venezuela deny any arms deal."), "deny")
    assert ev.code == "016"


def test_accused_act_is_reported() -> None:
    events = events_of("Lithuania accused Belarus of sending weapons to the rebels.")
    ev = by_trigger(events, "sending")
    assert (ev.code, ev.status, ev.source_text) == ("072", "reported", "Belarus")


def test_reportedly_is_a_hedge() -> None:
    ev = by_trigger(events_of("Rebels reportedly attacked a police station in Mopti."), "attacked")
    assert ev.hedges == ["reportedly"]


def test_according_to_is_a_hedge_and_reports() -> None:
    text = "According to local officials, the army shelled the village of Bakhmut."
    ev = by_trigger(events_of(text), "shelled")
    assert (ev.status, ev.hedges) == ("reported", ["According to local officials"])


def test_threat_of_future_consequence_is_expected() -> None:
    text = "Antony Blinken warned that Iran will pay a heavy price."
    ev = by_trigger(events_of(text), "warned")
    assert (ev.code[:2], ev.target_text, ev.status) == ("13", "Iran", "expected")


def test_condition_is_kept_as_a_hedge() -> None:
    text = "Nigeria will withdraw its troops from Chad unless the fighting stops."
    ev = by_trigger(events_of(text), "withdraw")
    assert ev.status == "expected" and ev.hedges == ["unless the fighting stops"]


def test_a_prevented_attack_is_negated() -> None:
    ev = by_trigger(
        events_of("Coast guards prevented an attack on the harbour of Split."), "attack"
    )
    assert ev.status == "negated"


def test_a_foiled_strike_is_negated() -> None:
    ev = by_trigger(
        events_of("The army foiled a rocket strike on the capital on Monday."), "strike"
    )
    assert ev.status == "negated"


def test_a_supply_that_is_the_topic_of_talks_is_not_done() -> None:
    events = events_of("The ministers met in Oslo to talk about the supply of fuel to Riga.")
    supplies = [e for e in events if e.code.startswith("07")]
    assert supplies and all(e.status == "hypothetical" for e in supplies)


def test_a_meeting_to_talk_is_still_a_meeting() -> None:
    ev = by_trigger(events_of("The ministers met in Oslo to talk about fuel."), "met")
    assert ev.status == "asserted"
