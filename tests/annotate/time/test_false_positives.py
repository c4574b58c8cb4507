"""Words that look like dates but are not."""

from __future__ import annotations

import pytest
from time_helpers import texts


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials may decide to extend the talks.",
        "We spoke to the minister at length.",
        "The Sun reported the story first.",
        "Thousands march through the capital.",
        "Protesters joined the march on the embassy.",
        "The country lost between two and five million people.",
        "The missile flew 700 kilometers.",
        "Temperatures fell to minus 50 degrees.",
        "He is the second dictator to visit the city.",
        "April Ryan asked the first question.",
        "May I ask a question?",
        "The fall of the regime surprised nobody.",
        "The company employs 2000 workers.",
        "She led the March of the Mothers through the city.",
        "He spoke in the capital later in the day before returning home.",
        "The 2000 troops crossed the river.",
    ],
)
def test_not_a_time_expression(sentence: str) -> None:
    assert texts(sentence) == []


def test_capitalised_march_after_to_is_a_verb() -> None:
    assert texts("Organisers urged crowds to March on the capital.") == []
