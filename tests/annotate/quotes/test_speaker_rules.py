"""Speaker rules for cues without a subject of their own (sentences written for the tests)."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def test_participle_on_a_noun_speaks_for_the_noun(nlp: Any) -> None:
    text = "Most farmers saying the new levy is unfair have signed the petition."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "levy is unfair")
    assert q.speaker_text is not None and "farmers" in q.speaker_text


def test_issued_document_speaks_for_its_issuer(nlp: Any) -> None:
    text = "The water board sent households a letter saying the supply is safe again."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "supply is safe")
    assert q.speaker_text == "The water board"


def test_likely_to_say_takes_the_subject_of_be(nlp: Any) -> None:
    text = "Younger renters are far more likely to say that the housing plan has failed them."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "housing plan has failed")
    assert q.speaker_text == "Younger renters"


def test_participle_before_a_quote_keeps_the_speaker_before_it(nlp: Any) -> None:
    text = "The mayor looked tired, telling reporters, “Some people want the bridge shut.”"
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "bridge shut")
    assert q.speaker_text == "The mayor"


def test_shot_back_is_a_cue(nlp: Any) -> None:
    text = "After the senator attacked her record, Maria Lopez shot back, “I have nothing to hide.”"
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "nothing to hide")
    assert (q.cue, q.speaker_text) == ("shoot", "Maria Lopez")


def test_second_verb_of_a_because_clause_keeps_its_subject(nlp: Any) -> None:
    text = (
        "Farm groups have never warmed to her, partly because she backs a water levy "
        "and rejects any cut to the grain subsidy."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "grain subsidy")
    assert q.speaker_text == "she"


def test_a_passive_second_verb_does_not_make_the_subject_its_source(nlp: Any) -> None:
    text = "The ferry company ignored the warnings, and was told to halt its crossings."
    _, _, quotes = run(nlp, text)
    assert all(q.speaker_text != "The ferry company" for q in quotes)
