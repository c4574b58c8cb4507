"""Acts named as the content of a demand, appeal, refusal or protest are no events of
their own; the governing event's code is refined by them."""

from __future__ import annotations

from event_helpers import events_of

from dossier.annotate.events.lexicon import content_code


def _codes(text: str) -> list[tuple[str, str]]:
    return [(e.trigger, e.code) for e in events_of(text)]


def test_demanded_withdrawal_is_one_demand_to_yield() -> None:
    codes = _codes("The opposition demanded the withdrawal of foreign troops from the province.")
    assert codes == [("demanded", "105")]


def test_call_for_talks_is_an_appeal_to_meet() -> None:
    codes = _codes("Pakistan called for talks with India over the disputed region.")
    assert codes == [("called", "026")]


def test_refusal_keeps_the_refused_act_in_its_code() -> None:
    codes = _codes("The rebels refused to release the hostages.")
    assert codes == [("refused", "124")]


def test_protest_purpose_is_not_a_second_demand() -> None:
    codes = _codes("Farmers blocked the highway on Monday demanding higher grain prices.")
    assert [c for _, c in codes] == ["144"]
    codes = _codes("Students rallied outside parliament to demand the release of the activists.")
    assert [c[:2] for _, c in codes] == ["14"]


def test_demand_said_with_must_absorbs_its_clause() -> None:
    codes = _codes("The president said that the army must withdraw from the border.")
    assert codes == [("said", "105")]


def test_unrelated_acts_of_a_sentence_stay() -> None:
    codes = dict(_codes("The police arrested two men and the rebels demanded a ceasefire."))
    assert codes.get("arrested") == "173" and "demanded" in codes


def test_content_code_table() -> None:
    assert content_code("100", "04") == "106"
    assert content_code("020", "07") == "023"
    assert content_code("130", "14") == "133"
    assert content_code("120", "08") == "124"
    assert content_code("111", "04") is None
    assert content_code("100", "19") is None


def test_rejected_demand_or_aid_is_one_rejection() -> None:
    assert _codes("The government rejected the rebels' demand for a referendum.") == [
        ("rejected", "120")
    ]
    assert _codes("Iraq refused the aid offered by Kuwait.") == [("refused", "122")]
