"""Pronoun and description speakers, resolved by the small coreference step."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def _speaker_mention(mentions: list[Any], q: Any) -> str | None:
    found = [m.text for m in mentions if m.id == q.speaker_mention_id]
    return found[0] if found else None


def test_pronoun_gender_picks_the_woman(nlp: Any) -> None:
    text = (
        "Governor Linda Shaw met the union leader, George Miller, on Monday.\n\n"
        "She said the strike would end by Friday at the latest."
    )
    _, mentions, quotes = run(nlp, text)
    q = by_phrase(quotes, "strike would end")
    assert q.speaker_resolution == "coref"
    assert _speaker_mention(mentions, q) == "Linda Shaw"


def test_pronoun_gender_picks_the_man(nlp: Any) -> None:
    text = (
        "Governor Linda Shaw met the union leader, George Miller, on Monday.\n\n"
        "He said the strike would end by Friday at the latest."
    )
    _, mentions, quotes = run(nlp, text)
    q = by_phrase(quotes, "strike would end")
    assert _speaker_mention(mentions, q) == "George Miller"


def test_description_matches_title_before_name(nlp: Any) -> None:
    text = (
        "Austrian President Karl Huber visited the border on Monday.\n\n"
        "The Austrian president said the fence would not be extended."
    )
    _, mentions, quotes = run(nlp, text)
    q = by_phrase(quotes, "fence would not")
    assert q.speaker_resolution == "coref"
    assert _speaker_mention(mentions, q) == "Karl Huber"


def test_indefinite_speaker_is_never_guessed(nlp: Any) -> None:
    text = "Minister Karl Huber spoke first.\n\nA senior official said the talks had failed."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "talks had failed")
    assert q.speaker_resolution == "unresolved" and q.speaker_mention_id is None
    assert q.speaker_text == "A senior official"


def test_pronoun_without_antecedent_stays_unresolved(nlp: Any) -> None:
    _, _, quotes = run(nlp, "She said the vote would be held again in spring.")
    q = by_phrase(quotes, "vote would be held")
    assert q.speaker_resolution == "unresolved" and q.speaker_mention_id is None


def test_a_description_resolves_to_the_person_whose_role_is_of_its_kind(nlp: Any) -> None:
    text = (
        "Prime Minister Ana Costa met shipping magnate Felix Brandt in Lisbon on Monday. "
        "Costa thanked Brandt for the new terminal.\n\n"
        "The Danish-born investor said he would build a second one next year."
    )
    _, mentions, quotes = run(nlp, text)
    (q,) = [q for q in quotes if "second one" in q.text]
    speaker = next(m for m in mentions if m.id == q.speaker_mention_id)
    assert "Brandt" in speaker.text
