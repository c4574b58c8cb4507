"""Triggers for reduced relations, sanctions, truces, protests and verdicts."""

from __future__ import annotations

import pytest
from event_helpers import events_of

from dossier.annotate.events.lexicon import cameo_convention


def _codes(text: str) -> dict[str, str]:
    return {e.trigger: e.code for e in events_of(text)}


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Norway expelled four Iranian diplomats on Monday.", "expelled", "161"),
        ("Peru recalled its ambassador to Spain on Friday.", "recalled", "161"),
        ("Egypt expelled the UN peacekeepers from Sinai.", "expelled", "166"),
        ("Japan banned imports of pork from Spain.", "banned", "163"),
        ("India announced new tariffs on Chinese steel.", "tariffs", "163"),
        ("Bolivia quit the regional trade bloc on Tuesday.", "quit", "160"),
        ("Chile is pulling out of the court, its minister said.", "pulling", "160"),
        ("The army pulled out its troops from the town.", "pulled", "087"),
        ("The rebels accepted a truce on Sunday.", "accepted", "0871"),
        ("Ethiopia and Eritrea agreed to a ceasefire on Monday.", "agreed", "0871"),
        ("Tens of thousands of nurses took to the streets of Madrid.", "took", "141"),
        ("Dockers staged a nationwide strike over pay.", "strike", "143"),
        ("A jury found the former governor guilty of bribery.", "found", "116"),
        ("A court in Oslo ruled that the firm was liable for the damage.", "ruled", "116"),
        ("Iran cautioned Germany against sending warships to the Gulf.", "cautioned", "130"),
        ("Mexico sent 12 suspected drug lords to the United States.", "sent", "063"),
        ("Russia dismissed the accusations as lies.", "dismissed", "016"),
        ("The junta dissolved the main opposition party.", "dissolved", "1722"),
        ("The IMF halted new lending to Sri Lanka.", "halted", "1621"),
        ("Brazil recognised the opposition leader as interim president.", "recognised", "054"),
    ],
)
def test_trigger_code(text: str, trigger: str, code: str) -> None:
    assert _codes(text).get(trigger) == code


def test_taking_to_a_place_that_is_no_street_is_no_protest() -> None:
    assert "took" not in _codes("The minister took to social media to defend the plan.")


def test_finding_without_a_verdict_word_is_no_event() -> None:
    assert "found" not in _codes("Divers found the wreck of the ferry off Crete.")


def test_reported_decision_to_reduce_relations_is_coded_as_the_act() -> None:
    (ev,) = [e for e in events_of("Norway said on Monday it would expel four Russian diplomats.")]
    assert ev.status == "hypothetical"
    assert cameo_convention(ev.code, ev.status, ev.hedges) == "161"


def test_conditional_or_future_reduction_of_relations_stays_a_threat() -> None:
    assert cameo_convention("162", "hypothetical", ["if the junta stays"]) == "131"
    assert cameo_convention("166", "expected", []) == "131"
