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
