"""Which attributions are speech or writing, and contents that attribute nothing."""

from __future__ import annotations

from typing import Any

import pytest
from quote_helpers import by_phrase, run

from dossier.annotate.quotes.lexicon import is_speech


@pytest.mark.parametrize("cue", ["say", "tell", "warn", "write", "explain", "recall"])
def test_verbs_of_speech_and_writing_are_speech(cue: str) -> None:
    assert is_speech(cue)


@pytest.mark.parametrize("cue", ["want", "hope", "show", "remember", "mean", "word", "believe"])
def test_wishes_views_and_findings_are_not_speech(cue: str) -> None:
    assert not is_speech(cue)


def test_a_quotation_with_no_cue_is_speech() -> None:
    assert is_speech(None)


def test_a_cue_whose_clause_is_cut_to_that_attributes_nothing(nlp: Any) -> None:
    _, _, quotes = run(nlp, "Mayor Carla Diaz explained that. The bridge stays shut.")
    assert all(q.text.strip().lower() != "that" for q in quotes)


def _quote(nlp: Any, text: str, words: str) -> Any:
    """The one quote whose content holds ``words``."""
    _, _, quotes = run(nlp, text)
    (q,) = [q for q in quotes if words in q.text]
    return q


def test_an_event_that_underscores_something_is_not_speech(nlp: Any) -> None:
    q = _quote(
        nlp,
        "The long strike underscores how weak the unions have become in the region.",
        "how weak",
    )
    assert not q.speech


def test_a_thing_that_highlights_is_not_speech_but_a_minister_who_highlights_is(
    nlp: Any,
) -> None:
    thing = _quote(
        nlp, "The closure highlights the pressure on small farms across the valley.", "pressure"
    )
    person = _quote(
        nlp,
        "Farm Minister Joan Ellery highlighted the pressure on small farms across the valley.",
        "pressure",
    )
    assert not thing.speech and person.speech


def test_claiming_land_is_not_speech_but_claiming_that_is(nlp: Any) -> None:
    land = _quote(nlp, "The kingdom claimed the three islands off its coast.", "islands")
    said = _quote(
        nlp, "The kingdom claimed that the three islands off its coast were its own.", "islands"
    )
    assert not land.speech and said.speech


def test_claiming_responsibility_is_speech(nlp: Any) -> None:
    q = _quote(nlp, "A little-known group claimed responsibility for the blast.", "responsibility")
    assert q.speech


def test_praising_someone_is_not_speech_unless_it_says_for_what(nlp: Any) -> None:
    bare = _quote(nlp, "Coach Dana Price praised the young goalkeeper.", "goalkeeper")
    why = _quote(
        nlp, "Coach Dana Price praised the young goalkeeper for his calm in the final.", "calm"
    )
    assert not bare.speech and why.speech


def test_content_that_only_names_a_speech_act_is_not_speech(nlp: Any) -> None:
    q = _quote(nlp, "Police chief Omar Haddad issued a stern warning.", "warning")
    assert not q.speech


def test_declining_to_comment_is_not_speech(nlp: Any) -> None:
    q = _quote(nlp, "The bank declined to comment on the merger talks.", "comment")
    assert not q.speech


def test_a_headline_quote_is_not_a_quote(nlp: Any) -> None:
    text = (
        'Harvest festival returns. "The square will be full again"\n\n'
        "The harvest festival comes back to the old square this weekend after three years.\n\n"
        '"The square will be full again," organiser Lise Brandt said on Friday.'
    )
    _, _, quotes = run(nlp, text)
    (q,) = [q for q in quotes if "full again" in q.text]
    assert q.start > text.index("\n")  # the body's quote, not the headline's
    assert "Brandt" in (q.speaker_text or "")


def test_a_headline_that_reports_speech_is_not_a_quote(nlp: Any) -> None:
    text = (
        "Mill to shut, workers say\n\n"
        "Workers at the paper mill said on Monday that the owners would shut it in spring."
    )
    _, _, quotes = run(nlp, text)
    assert [q.start for q in quotes] == [text.index("that the owners")]


def test_an_unpunctuated_list_item_is_not_a_heading(nlp: Any) -> None:
    text = (
        "What we know\n\n"
        "  1. The regional council said the ferry would run again from May\n"
        "  2. Nobody was hurt in the fire"
    )
    _, _, quotes = run(nlp, text)
    assert any("ferry would run" in q.text for q in quotes)


def test_a_dash_quote_closed_by_an_inflected_cue_is_found(nlp: Any) -> None:
    text = (
        "The orchard lost half its trees to the frost.\n\n"
        "– We had never seen anything like it, not in forty years, recalled farmer Ines Kowal."
    )
    q = _quote(nlp, text, "never seen")
    assert q.cue == "recall" and "Ines Kowal" in (q.speaker_text or "")


def test_a_headline_credited_to_its_writer_is_no_quote(nlp: Any) -> None:
    text = (
        'HARBOR NOTES—"Night ferry returns after a two-year pause," by the Ledger\'s Ann '
        'Lowe: "Islanders lined the quay at dawn to watch the first boat come in."'
    )
    _, _, quotes = run(nlp, text)
    assert all("two-year pause" not in q.text for q in quotes)
    assert by_phrase(quotes, "lined the quay").speaker_text == "the Ledger's Ann Lowe"


def test_a_book_title_in_quote_marks_is_the_source_not_a_quote(nlp: Any) -> None:
    text = (
        'According to Ann Lowe\'s "The Long Road: Three Winters on the Northern Coast," '
        "the mayor never lived there."
    )
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert q.text == "the mayor never lived there" and "The Long Road" in (q.speaker_text or "")


def test_continued_before_a_clause_reports_nothing_said(nlp: Any) -> None:
    text = "As the storm continued through the night, three villages lost their power lines."
    _, _, quotes = run(nlp, text)
    assert not [q for q in quotes if q.cue == "continue"]


def test_continued_after_quote_marks_still_cues_the_quote(nlp: Any) -> None:
    text = '"We will rebuild every bridge," the governor continued.'
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "rebuild every bridge")
    assert q.speaker_text == "the governor"
