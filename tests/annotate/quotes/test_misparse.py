"""Speech clauses the parser hung elsewhere are found again from their cue verb."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def test_a_gerund_subject_of_a_reported_clause_is_part_of_it(nlp: Any) -> None:
    text = "He said taxing it could bring millions of dollars to schools in rural counties."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "millions of dollars")
    assert q.text.startswith("taxing it could") and q.cue == "say"


def test_a_that_clause_after_adjuncts_is_what_was_said(nlp: Any) -> None:
    text = (
        "The senator said earlier on Tuesday during a town hall meeting that she may wait "
        "until the autumn to decide who to endorse."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "decide who to endorse")
    assert (q.cue, q.speaker_text) == ("say", "The senator")
    assert q.text.startswith("that she may wait")


def test_a_clause_after_the_addressee_and_a_date_is_what_was_told(nlp: Any) -> None:
    text = (
        "The clashes came as violence rose, with Senator Ann Marsh telling reporters on "
        'Thursday she viewed the minister as "directly responsible" for the attack.'
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "directly responsible")
    assert (q.cue, q.speaker_text) == ("tell", "Senator Ann Marsh")
    assert q.text.startswith("she viewed the minister")


def test_a_clause_whose_subject_was_read_as_the_object_of_say_is_what_was_said(
    nlp: Any,
) -> None:
    text = (
        "Okafor says the growth in tourism that the council praises also makes the island "
        "less quiet."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "less quiet")
    assert (q.cue, q.speaker_text) == ("say", "Okafor")
    assert q.text.startswith("the growth in tourism")


def test_a_gerund_whose_verb_lost_its_subject_is_what_was_said(nlp: Any) -> None:
    text = (
        "The harbor master, a veteran of the port, said letting cruise ships dock at night "
        "leaves the old pier in danger."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "old pier")
    assert q.text.startswith("letting cruise ships dock") and q.cue == "say"


def test_a_relative_clause_on_what_was_said_is_the_content(nlp: Any) -> None:
    text = "The clerk filed nine reports, which he said described every repair on the bridge."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "every repair")
    assert (q.cue, q.speaker_text) == ("say", "he")


def test_words_said_are_no_clause(nlp: Any) -> None:
    text = "She said a few words about the storm and left for the airport."
    _, _, quotes = run(nlp, text)
    assert all("airport" not in q.text for q in quotes)
