"""Questions put to a speaker are attributed to the asker, named or not."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def test_a_question_on_an_adjunct_phrase_is_what_was_asked(nlp: Any) -> None:
    text = (
        "Asked at a briefing on Monday in Oslo about the envoy's future role, the "
        "spokesman said the talks would go on."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "future role")
    assert (q.cue, q.speaker_text, q.text) == ("ask", None, "about the envoy's future role")


def test_the_asker_named_by_by_is_the_speaker(nlp: Any) -> None:
    text = 'When asked by Harlow on Thursday about raising the tax, Lund said: "I do not think so."'
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "raising the tax").speaker_text == "Harlow"
    assert by_phrase(quotes, "do not think so").speaker_text == "Lund"


def test_a_passive_question_names_the_asker_not_the_one_asked(nlp: Any) -> None:
    text = "Lund was asked by host Ann Ruiz whether her plan was like the old one."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "like the old one")
    assert q.speaker_text == "host Ann Ruiz" and q.text.startswith("whether")


def test_asking_someone_to_act_is_an_ordinary_cue(nlp: Any) -> None:
    text = "Lund has asked the board to meet on Friday."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "meet on Friday").speaker_text == "Lund"


def test_a_question_asked_by_someone_as_a_noun_phrase_is_no_quote(nlp: Any) -> None:
    text = "The question asked by reporters went unanswered for a week."
    _, _, quotes = run(nlp, text)
    assert quotes == []
