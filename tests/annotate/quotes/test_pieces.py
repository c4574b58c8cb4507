"""A quote its own attribution interrupts is its quoted pieces, without the attribution."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run

from dossier.annotate.quotes.pieces import quote_pieces


def _words(text: str, pieces: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in pieces]


def test_a_direct_quote_split_by_its_cue_is_two_pieces(nlp: Any) -> None:
    text = '"The dam will hold," the engineer said on Friday, "but the road will not."'
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert _words(text, q.pieces) == ["The dam will hold,", "but the road will not."]
    assert q.text == "The dam will hold, but the road will not."


def test_a_cue_between_commas_inside_reported_words_is_cut_out(nlp: Any) -> None:
    text = "The two ferries, said a harbour official, will sail again on Monday."
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert q.text == "The two ferries will sail again on Monday"
    assert "official" not in q.text


def test_a_sentence_of_attribution_between_two_quoted_sentences_is_cut_out(nlp: Any) -> None:
    text = '"We counted every ballot," Ms. Okafor told reporters. "The count stands."'
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert _words(text, q.pieces) == ["We counted every ballot,", "The count stands."]


def test_a_quote_whose_cue_is_outside_is_one_piece(nlp: Any) -> None:
    text = 'The mayor said: "The bridge reopens in May."'
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert q.pieces == [] and q.spans() == [(q.start, q.end)]
    assert q.text == text[q.start : q.end]


def test_a_lead_in_word_before_the_second_mark_is_not_quoted() -> None:
    text = '"We are ready," he said, adding: "The rest is theirs."'
    cue = (text.index("said"), text.index("said") + 4)
    pieces = quote_pieces(text, 1, len(text) - 1, cue, (text.index("he"), 17), True)
    assert _words(text, pieces) == ["We are ready,", "The rest is theirs."]


def test_no_words_after_the_attribution_leaves_one_piece() -> None:
    text = "The plan is sound, said the minister."
    cue = (text.index("said"), text.index("said") + 4)
    assert quote_pieces(text, 0, len(text) - 1, cue, None, False) == []


def test_a_time_after_an_inverted_speaker_is_not_part_of_the_speaker(nlp: Any) -> None:
    text = "The two ferries, said a harbour official on Tuesday, will sail again soon."
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert q.speaker_text == "a harbour official"


def test_the_speaker_of_a_cue_set_off_by_commas_comes_after_it(nlp: Any) -> None:
    text = "The two ferries, said a harbour official, will sail again soon."
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert q.speaker_text == "a harbour official"


def test_an_apostrophe_in_a_lead_in_word_does_not_open_the_second_piece() -> None:
    text = '"We are ready," he said, then the mayor\'s aide added: "The rest is theirs."'
    cue = (text.index("said"), text.index("said") + 4)
    pieces = quote_pieces(text, 1, len(text) - 1, cue, (text.index("he"), 17), True)
    assert _words(text, pieces) == ["We are ready,", "The rest is theirs."]


def test_words_after_an_attribution_closed_by_a_semicolon_are_reported_too(nlp: Any) -> None:
    text = (
        "The plan stalled.\n\nThe delays were no accident, the auditor noted; "
        "the contractor had padded its invoices for months."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "no accident")
    assert q.text == "The delays were no accident the contractor had padded its invoices for months"


def test_a_relative_clause_naming_its_words_stays_whole(nlp: Any) -> None:
    text = 'The vote came late.\n\nOkafor attacked what she calls the "parade of excuses."'
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "parade of excuses")
    assert q.pieces == [] and q.text.startswith("what she calls the")


def test_a_speaker_list_set_off_by_commas_is_cut_out_of_the_content(nlp: Any) -> None:
    text = "The cost of the new bridge, said Ortiz and two engineers, will double by spring."
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert q.speaker_text == "Ortiz and two engineers"
    assert q.text == "The cost of the new bridge will double by spring"


def test_a_reported_subject_with_an_appositive_stays_in_the_content(nlp: Any) -> None:
    text = "The mayor, a former teacher, said Ruiz, the treasurer, had lied."
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert q.speaker_text == "The mayor, a former teacher" and q.text.startswith("Ruiz")


def test_a_reported_piece_keeps_its_own_quote_marks(nlp: Any) -> None:
    text = "The plan, said spokeswoman Eva Holm, “will save the night ferry” for another year."
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert q.text == "The plan “will save the night ferry” for another year"
