"""Who acts in a clause hung on a verb's object: the object only when it controls."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def test_a_span_of_time_spent_is_not_the_speaker(nlp: Any) -> None:
    text = "Ms. Lund has spent much of the week touring the north without mentioning her rival."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "her rival").speaker_text == "Ms. Lund"


def test_the_means_used_is_not_the_speaker(nlp: Any) -> None:
    text = "Ms. Ortiz used her opening remarks to call for an audit of the ferry budget."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "ferry budget").speaker_text == "Ms. Ortiz"


def test_an_object_urged_to_act_is_still_the_actor(nlp: Any) -> None:
    text = "The mayor prompted the harbor board to demand a new audit."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "new audit").speaker_text == "the harbor board"


def test_a_credit_line_is_no_quote(nlp: Any) -> None:
    text = "The story ran on Monday.\n\nContributing: Ana Lund and Tom Berg."
    _, _, quotes = run(nlp, text)
    assert quotes == []


def test_a_misparsed_subject_before_the_cue_is_the_speaker(nlp: Any) -> None:
    text = (
        "The vote neared.\n\nBut harbor activists eager to block Berg from the ballot say "
        "they are suddenly in the midst of a surge."
    )
    _, _, quotes = run(nlp, text)
    speaker = by_phrase(quotes, "midst of a surge").speaker_text or ""
    assert speaker.startswith("activists")


def test_a_share_of_voters_before_the_cue_is_the_speaker(nlp: Any) -> None:
    text = (
        "The strike neared.\n\nAmong the port's dock workers, roughly three in five, "
        "61 percent, say they expect a walkout."
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "walkout").speaker_text == "roughly three in five, 61 percent"


def test_a_subject_read_onto_a_participle_before_the_cue_is_the_speaker(nlp: Any) -> None:
    # the misparse written out: 'Tallies' the subject of 'posted', 'suggest' hung on it
    from spacy.tokens import Doc

    from dossier.annotate.quotes.speakers import noun_before

    words = ["Tallies", "posted", "on", "Friday", "now", "suggest", "that", "it", "won", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 1, 2, 5, 1, 8, 8, 5, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "advmod", "dep", "mark", "nsubj", "ccomp", "punct"],
        pos=["NOUN", "VERB", "ADP", "PROPN", "ADV", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"],
        tags=["NNS", "VBD", "IN", "NNP", "RB", "VBP", "IN", "PRP", "VBD", "."],
        ents=["O", "O", "O", "B-DATE", "O", "O", "O", "O", "O", "O"],
        sent_starts=[True] + [False] * 9,
    )
    found = noun_before(doc, doc[5])
    assert found is not None and found.text == "Tallies"


def test_quoted_words_in_the_writers_sentence_take_its_subject(nlp: Any) -> None:
    text = (
        "The vote came late.\n\nMaria Lund, who chairs the port board, welcomed "
        '"the first real sign that the ministry is listening to the coast at last."'
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "listening to the coast").speaker_text == "Maria Lund"


def test_a_short_phrase_in_quote_marks_stays_a_scare_quote(nlp: Any) -> None:
    text = 'The plan, which the mayor dubbed "bold," goes to the council on Monday.'
    _, _, quotes = run(nlp, text)
    assert all("bold" not in q.text or q.cue is not None for q in quotes)


def test_an_it_that_stands_for_the_clause_is_no_speaker(nlp: Any) -> None:
    text = (
        "It is worth stressing that the tribunal has heard only two witnesses so far. It was "
        "disclosed on Monday that the mayor had paid for the survey."
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "two witnesses").speaker_text is None
    assert by_phrase(quotes, "paid for the survey").speaker_text is None


def test_an_it_that_names_a_body_still_speaks(nlp: Any) -> None:
    text = "The agency lost the case. It said on Friday that the ruling was wrong."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "ruling was wrong").speaker_text == "It"


def test_people_an_act_left_saying_something_say_it(nlp: Any) -> None:
    text = "The floods have left 70 percent of farmers saying the valley is lost."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "valley is lost").speaker_text == "70 percent of farmers"


def test_a_place_left_while_saying_something_says_nothing(nlp: Any) -> None:
    text = "The mayor left the hall saying the vote was rigged."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "vote was rigged").speaker_text == "The mayor"


def test_who_faces_criticism_is_not_its_source(nlp: Any) -> None:
    text = "Okafor now faces criticism of her plan to close the night ferry."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "close the night ferry")
    assert q.speaker_text is None and q.cue == "criticism"


def test_who_voices_support_is_its_source(nlp: Any) -> None:
    text = "Ruiz voiced support for the new ferry line."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "ferry line").speaker_text == "Ruiz"


def test_the_one_charged_or_told_is_not_the_speaker(nlp: Any) -> None:
    text = "Berg was charged with fraud in 2011. Lund was told that the ferry would not sail."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "fraud").speaker_text is None
    assert by_phrase(quotes, "ferry would not sail").speaker_text is None


def test_the_one_quoted_as_saying_is_the_speaker(nlp: Any) -> None:
    text = "Lund was quoted as saying the ferry would sail."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "ferry would sail").speaker_text == "Lund"
