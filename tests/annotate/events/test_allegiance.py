"""Allegiance participles describe a party; they are no event."""

from __future__ import annotations

import pytest
from event_helpers import events_of


def _codes(text: str) -> list[tuple[str, str]]:
    return [(e.trigger, e.code) for e in events_of(text)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Protesters opposed to the president marched through the capital.", "marched"),
        ("Groups opposed to the deal held a rally on Sunday.", "rally"),
        ("Militias opposed to the peace deal attacked a convoy.", "attacked"),
        ("Rebels allied with the army attacked the town.", "attacked"),
    ],
)
def test_an_allegiance_describing_a_party_is_no_event(text: str, kept: str) -> None:
    events = events_of(text)
    assert [e.trigger for e in events] == [kept]
    assert events[0].source_text is not None


def test_opposing_something_is_still_a_rejection() -> None:
    assert _codes("The senator opposed the bill.") == [("opposed", "120")]
