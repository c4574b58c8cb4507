"""A reported 'must' clause is a demand only when it is aimed at a party."""

from __future__ import annotations

import pytest
from event_helpers import events_of


@pytest.mark.parametrize(
    "sentence",
    [
        "The president said the country must be ready for a long winter.",
        "The minister said that we must work harder.",
        "Lawyers said the trial should be moved to another city.",
        "The senator said people should stay at home.",
    ],
)
def test_a_must_clause_addressed_to_no_party_is_no_demand(sentence: str) -> None:
    assert not [e for e in events_of(sentence) if e.code.startswith("10")]


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The opposition demanded that the government must resign.", "the government"),
        ("The ambassador said that Moscow should release the journalist.", "Moscow"),
        ("The union leader said they must return to the table.", None),
    ],
)
def test_a_must_clause_addressed_to_a_party_stays_a_demand(
    sentence: str, target: str | None
) -> None:
    demands = [e for e in events_of(sentence) if e.code.startswith("10")]
    assert demands
    if target is not None:
        assert demands[0].target_text == target
