"""Questions put to a speaker are attributed to the asker, named or not."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def test_a_question_on_an_adjunct_phrase_is_what_was_asked(nlp: Any) -> None:
    text = (
        "Asked during a call on Friday from Bergen about the ferry's winter schedule, the "
        "operator said the boats would keep sailing."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "winter schedule")
    assert (q.cue, q.speaker_text, q.text) == ("ask", None, "about the ferry's winter schedule")


def test_the_asker_named_by_by_is_the_speaker(nlp: Any) -> None:
    text = (
        'When asked by a caller on Tuesday about the bridge toll, Okafor said: "That is settled."'
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "bridge toll").speaker_text == "a caller"
    assert by_phrase(quotes, "That is settled").speaker_text == "Okafor"


def test_a_passive_question_names_the_asker_not_the_one_asked(nlp: Any) -> None:
    text = (
        "Okafor was asked by moderator Tim Berg whether the new tunnel would open before "
        "the winter."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "open before the winter")
    assert q.speaker_text == "moderator Tim Berg" and q.text.startswith("whether")


def test_asking_someone_to_act_is_an_ordinary_cue(nlp: Any) -> None:
    text = "Lund has asked the board to meet on Friday."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "meet on Friday").speaker_text == "Lund"


def test_a_question_asked_by_someone_as_a_noun_phrase_is_no_quote(nlp: Any) -> None:
    text = "The question asked by reporters went unanswered for a week."
    _, _, quotes = run(nlp, text)
    assert quotes == []


def test_the_one_asked_is_never_what_was_asked(nlp: Any) -> None:
    text = (
        "Okafor was asked by the moderator, Tim Berg, whether the tunnel would open before winter."
    )
    _, _, quotes = run(nlp, text)
    assert all(q.text != "Okafor" for q in quotes)
