"""Attribution frames beyond speech clauses: where the content of a frame starts and ends."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def test_infinitive_after_a_prepositional_object_is_content(nlp: Any) -> None:
    text = "The harbour workers called on the port authority to reopen the north pier."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "port authority")
    assert q.text == "the port authority to reopen the north pier"


def test_where_and_when_of_a_criticism_are_not_content(nlp: Any) -> None:
    text = "Senator Maria Lund criticized the water board at a town hall meeting in Dover."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "water board")
    assert q.text == "the water board"


def test_a_participle_on_a_noun_is_the_stance_of_its_people(nlp: Any) -> None:
    text = "Farmers backing the new irrigation levy met in the village hall on Tuesday."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "irrigation levy")
    assert (q.text, q.cue, q.speaker_text) == ("the new irrigation levy", "back", "Farmers")
    assert not q.speech  # a stance, not something said


def test_known_as_describes_its_subject_without_a_source(nlp: Any) -> None:
    text = "The flooded quarry is known as the Blue Basin among local divers."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "Blue Basin")
    assert (q.cue, q.speaker_text, q.speech) == ("know", None, False)


def test_a_passive_frame_without_an_agent_names_no_speaker(nlp: Any) -> None:
    text = "The county clerk was blamed for the slow count of mailed ballots."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "slow count")
    assert q.cue == "blame" and q.speaker_text is None


def test_a_preposition_before_the_verb_is_not_its_content(nlp: Any) -> None:
    text = "To loud cheers, the harbour master called for a new breakwater."
    _, _, quotes = run(nlp, text)
    assert [q.text for q in quotes if q.cue == "call"] == ["a new breakwater"]


def test_a_clause_opened_by_the_frames_preposition_is_content(nlp: Any) -> None:
    text = "A local pastor is calling for the casino to be closed before the summer."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "casino")
    assert q.cue == "call" and q.text.startswith("the casino to be closed")


def test_seems_with_an_adjective_is_a_view_without_a_source(nlp: Any) -> None:
    text = "After a week of rallies, the contest in Nevada seems closer than it did in June."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "closer than it did")
    assert q.text.startswith("the contest in Nevada")
    assert q.speaker_text is None


def test_what_a_prepositional_object_is_taken_for_is_content(nlp: Any) -> None:
    text = "The ferry captain pointed to the broken radar as the main cause of the delay."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "broken radar")
    assert q.text == "the broken radar as the main cause of the delay"


def test_an_as_clause_without_a_tense_is_what_the_object_is_seen_as(nlp: Any) -> None:
    text = "The union has described the lockout as management punishing its members."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "lockout")
    assert q.text == "the lockout as management punishing its members"


def test_an_as_clause_with_a_tense_is_when_not_what(nlp: Any) -> None:
    text = "The coach praised the goalkeeper as the crowd left the stadium."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "goalkeeper")
    assert q.text == "the goalkeeper"


def test_attacks_on_someone_are_a_stance_on_them(nlp: Any) -> None:
    text = "The senator stepped up her attacks on the harbour board this week."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "harbour board")
    assert (q.text, q.cue, q.speech) == ("the harbour board", "attack", False)


def test_a_view_of_something_is_not_an_attribution(nlp: Any) -> None:
    text = "His view of the harbour plan is well known."
    _, _, quotes = run(nlp, text)
    assert quotes == []
