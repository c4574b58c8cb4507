"""Transcripts: speaker-labelled turns are direct quotes of their labels' speakers."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run

INTERVIEW = (
    "The mayor spoke to us at city hall. The interview is lightly edited.\n\n"
    "Q: Why close the ferry now?\n\n"
    "A: Because the hull is rotten and the money ran out in the spring.\n\n"
    "The repairs would have taken two years.\n\n"
    "Q: Will it come back?\n\n"
    "A: Not while I hold this office, I think."
)


def test_each_labelled_turn_is_a_quote_of_its_label(nlp: Any) -> None:
    _, _, quotes = run(nlp, INTERVIEW)
    q = by_phrase(quotes, "hull is rotten")
    assert (q.kind, q.speaker_text) == ("direct", "A")
    assert by_phrase(quotes, "Will it come back").speaker_text == "Q"


def test_a_turn_goes_on_to_the_next_label(nlp: Any) -> None:
    _, _, quotes = run(nlp, INTERVIEW)
    q = by_phrase(quotes, "hull is rotten")
    assert q.text.endswith("would have taken two years.")


def test_a_report_inside_a_turn_is_left_to_the_turn(nlp: Any) -> None:
    _, _, quotes = run(nlp, INTERVIEW)
    assert [q.speaker_text for q in quotes if "I think" in q.text] == ["A"]


def test_broadcast_names_in_capitals_are_labels(nlp: Any) -> None:
    text = (
        "Part of the exchange follows.\n\n"
        '"HOST: Is the bridge safe tonight?\n\n'
        '"OKAFOR: The engineers tell me it is, and I trust them.\n\n'
        '"HOST: And tomorrow?\n\n'
        '"OKAFOR: Tomorrow we close it for checks."'
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "engineers tell me").speaker_text == "OKAFOR"
    assert by_phrase(quotes, "Tomorrow we close").speaker_text == "OKAFOR"


def test_one_labelled_headline_is_no_transcript(nlp: Any) -> None:
    text = "Senator Okafor: Bridge Will Close.\n\nThe bridge closes on Monday for repairs."
    _, _, quotes = run(nlp, text)
    assert [q.kind for q in quotes] == ["indirect"]


def test_a_table_of_figures_is_no_transcript(nlp: Any) -> None:
    text = (
        "The count so far.\n\nNorth: 412.\n\nSouth: 390.\n\nTHE TOTAL.\n\n"
        "North: 1,204.\n\nSouth: 1,187."
    )
    _, _, quotes = run(nlp, text)
    assert quotes == []
