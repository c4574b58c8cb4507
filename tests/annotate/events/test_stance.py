"""The writer's questions, recommendations and views are opinions, not reported events."""

from __future__ import annotations

import pytest
from event_helpers import by_trigger, events_of


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Will Turkey attack the Kurdish militias in Syria?", "attack"),
        ("Lasting peace can be achieved through more military aid to Kyiv.", "aid"),
        ("NATO should deploy troops to Poland.", "deploy"),
        ("We urge the European Union to impose sanctions on Iran.", "urge"),
    ],
)
def test_the_writers_view_is_an_opinion(sentence: str, trigger: str) -> None:
    assert by_trigger(events_of(sentence), trigger).status == "opinion"


def test_an_opinion_says_why_among_its_hedges() -> None:
    ev = by_trigger(events_of("Will Turkey attack the Kurdish militias in Syria?"), "attack")
    assert ev.hedges == ["opinion: a question"]


def test_a_view_someone_is_said_to_hold_is_theirs_not_the_writers() -> None:
    # the speaker's demand, which holds the act demanded: no opinion of the writer
    text = "Polish officials said NATO should deploy troops to Poland."
    (ev,) = events_of(text)
    assert (ev.trigger, ev.code, ev.status) == ("said", "100", "asserted")


def test_a_view_inside_a_quotation_is_the_speakers() -> None:
    text = '"NATO should deploy troops to Poland," the minister told reporters on Friday.'
    (ev,) = events_of(text)
    assert (ev.trigger, ev.code, ev.status) == ("told", "100", "asserted")


def test_a_reported_act_is_no_opinion() -> None:
    ev = by_trigger(events_of("NATO deployed troops to Poland on Monday."), "deployed")
    assert ev.status == "asserted"
