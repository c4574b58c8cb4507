"""Relay chains and hedges."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def _relays(q: Any) -> list[tuple[str, str]]:
    return [(r.name, r.kind) for r in q.relayed_by]


def test_quoted_by_media_as_saying(nlp: Any) -> None:
    text = 'Asked about the dam, Rossi was quoted by Italian state media as saying "it will hold."'
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "it will hold")
    assert ("Italian state media", "media") in _relays(q)


def test_told_an_outlet(nlp: Any) -> None:
    _, _, quotes = run(nlp, "A ministry official told Reuters that the shipment had left port.")
    q = by_phrase(quotes, "shipment had left")
    assert ("Reuters", "outlet") in _relays(q)


def test_interview_with_an_outlet(nlp: Any) -> None:
    text = "The plan is “a dead end”, said Senator Ana Ruiz in an interview with CNN."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "dead end")
    assert ("CNN", "outlet") in _relays(q)


def test_relay_spans_point_at_names(nlp: Any) -> None:
    text = 'Rossi was quoted by Italian state media as saying "the dam will hold."'
    article, _, quotes = run(nlp, text)
    for q in quotes:
        for r in q.relayed_by:
            assert r.start is not None and r.end is not None
            assert article.text[r.start : r.end] == r.name


def test_block_quote_inner_speaker_keeps_the_chain(nlp: Any) -> None:
    text = (
        "As the Harbour Times reports,\n\n"
        '"Mayor Tom Reed told the council on Monday that the port would "stay open all winter."\n'
        "(Harbour Times : 3 January 2022)\n"
    )
    _, mentions, quotes = run(nlp, text)
    q = by_phrase(quotes, "stay open all winter")
    speaker = [m.text for m in mentions if m.id == q.speaker_mention_id]
    assert speaker == ["Tom Reed"]
    assert [(r.name, r.date) for r in q.relayed_by] == [("Harbour Times", "2022-01-03")]


def test_reportedly_is_a_hedge(nlp: Any) -> None:
    _, _, quotes = run(nlp, "Officials said the convoy had reportedly crossed the river at night.")
    q = by_phrase(quotes, "convoy had")
    assert "reportedly" in q.hedges


def test_according_to_at_sentence_end(nlp: Any) -> None:
    _, _, quotes = run(nlp, "The mine will close in June, according to the Labour Ministry.")
    (q,) = quotes
    assert q.kind == "according-to" and q.text == "The mine will close in June"
    assert q.speaker_text == "the Labour Ministry"


_COAUTHORS = (
    "Mia Lund, Omar Haddad and Lena Fischer wrote in their report:\n\n"
    '"[The mayor] warned the council that the levee "could fail within days" '
    'if repairs were delayed."\n(Harbour Gazette : 4 May 2024)\n'
)


def test_co_authors_of_one_report_are_one_relay(nlp: Any) -> None:
    _, _, quotes = run(nlp, _COAUTHORS)
    q = by_phrase(quotes, "could fail within days")
    names = [r.name for r in q.relayed_by]
    assert "Mia Lund, Omar Haddad and Lena Fischer" in names
    assert not {"Omar Haddad", "Lena Fischer"} & set(names)
