"""A quote repeated in one article is one quote that keeps the spans of its repeats."""

from __future__ import annotations

from typing import Any

from quote_helpers import run

BODY = (
    'Union leader Grace Mensah said the strike "will go on until the ministry listens."\n\n'
    "Talks are due to resume next week.\n\n"
)


def test_a_repeat_in_a_summary_list_is_one_quote_with_two_spans(nlp: Any) -> None:
    text = (
        BODY
        + 'In short:\n  • Mensah said the strike "will go on until the ministry listens." (ibid)'
    )
    _, _, quotes = run(nlp, text)
    found = [q for q in quotes if "ministry listens" in q.text]
    assert len(found) == 1
    (q,) = found
    assert q.start < len(BODY)
    assert [text[s:e] for s, e in q.repeats] == [q.text]


def test_a_cut_down_repeat_is_a_repeat(nlp: Any) -> None:
    text = (
        "Mayor Tom Reyes warned that the river would flood the lower town within days.\n\n"
        "Sandbags were handed out on Sunday.\n\n"
        "Reyes warned that the river would flood the lower town, again."
    )
    _, _, quotes = run(nlp, text)
    found = [q for q in quotes if "flood the lower town" in q.text]
    assert len(found) == 1 and len(found[0].repeats) == 1


def test_the_same_words_from_two_speakers_are_two_quotes(nlp: Any) -> None:
    text = (
        'Senator Alma Ruiz said: "We will not accept this budget."\n\n'
        'Hours later, Senator Victor Lund said: "We will not accept this budget."'
    )
    _, _, quotes = run(nlp, text)
    assert len([q for q in quotes if "accept this budget" in q.text]) == 2


def test_a_phrase_quoted_first_and_in_full_later_keeps_the_full_quote(nlp: Any) -> None:
    text = (
        '"The costliest mistake this city ever made," Ana Pereira said of the port plan.\n\n'
        '"I have read every page of it," Pereira said. "It was the costliest mistake this '
        'city ever made, and nobody has said sorry. We will pay for it for thirty years."'
    )
    _, _, quotes = run(nlp, text)
    found = [q for q in quotes if "costliest mistake" in q.text]
    assert len(found) == 1
    (q,) = found
    assert "thirty years" in q.text
    assert [text[s:e] for s, e in q.repeats] == ["The costliest mistake this city ever made"]
