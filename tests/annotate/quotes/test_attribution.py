"""Cues and speakers: where the speaker stands, how it is written, what it resolves to."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def _speaker_mention(mentions: list[Any], q: Any) -> str | None:
    found = [m.text for m in mentions if m.id == q.speaker_mention_id]
    return found[0] if found else None


def test_inverted_cue_after_quote(nlp: Any) -> None:
    _, mentions, quotes = run(nlp, "“The bridge stays shut,” said Mayor Carla Diaz.")
    q = by_phrase(quotes, "bridge stays shut")
    assert (q.cue, q.speaker_text) == ("say", "Mayor Carla Diaz")
    assert _speaker_mention(mentions, q) == "Carla Diaz"


def test_speaker_before_colon_quote(nlp: Any) -> None:
    _, mentions, quotes = run(nlp, "Paul Novak told reporters: “We expect a ruling soon.”")
    q = by_phrase(quotes, "ruling soon")
    assert q.cue == "tell" and _speaker_mention(mentions, q) == "Paul Novak"


def test_honorific_stays_in_speaker_text(nlp: Any) -> None:
    text = "– The soil is poisoned for a decade, said Dr. Ruth Adler from the Soil Institute."
    _, mentions, quotes = run(nlp, text)
    q = by_phrase(quotes, "soil is poisoned")
    assert q.speaker_text == "Dr. Ruth Adler"
    assert _speaker_mention(mentions, q) == "Ruth Adler"


def test_dash_without_cue_is_not_a_quote(nlp: Any) -> None:
    _, _, quotes = run(nlp, "The plan has three parts.\n\n- roads and bridges in the north")
    assert quotes == []


def test_split_quote_is_one_quote(nlp: Any) -> None:
    text = "“We tried,” she said, “and we will try again next spring.”"
    _, _, quotes = run(nlp, text)
    (q,) = quotes
    assert q.text.startswith("We tried") and q.text.endswith("next spring.")


def test_floating_quote_inherits_the_speaker(nlp: Any) -> None:
    text = (
        "“Prices will fall by summer,” said Finance Minister Olaf Berg.\n\n"
        "“Every household will feel the difference within a few months.”"
    )
    _, mentions, quotes = run(nlp, text)
    q = by_phrase(quotes, "Every household")
    assert q.speaker_resolution == "floating"
    assert _speaker_mention(mentions, q) == "Olaf Berg"


def test_floating_needs_a_recent_speaker(nlp: Any) -> None:
    text = (
        "“Prices will fall by summer,” said Finance Minister Olaf Berg.\n\n"
        "Markets rose.\n\nBanks rallied.\n\nBonds were flat.\n\n"
        "“Every household will feel the difference within a few months.”"
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "Every household")
    assert q.speaker_resolution == "unresolved" and q.speaker_mention_id is None


def test_short_scare_quote_is_dropped(nlp: Any) -> None:
    _, _, quotes = run(nlp, "The so-called “peace plan” was shelved in May.")
    assert quotes == []


def test_relative_pronoun_speaker_resolves_to_its_antecedent(nlp: Any) -> None:
    text = "The report came from Oxfam, which said that hunger had doubled in the region."
    _, mentions, quotes = run(nlp, text)
    q = by_phrase(quotes, "hunger had doubled")
    assert q.speaker_text == "which" and q.speaker_resolution == "coref"
    assert _speaker_mention(mentions, q) == "Oxfam"


def test_headline_colon_attribution(nlp: Any) -> None:
    _, _, quotes = run(nlp, "Senator Jones: Deal Is Dead For This Year.")
    q = by_phrase(quotes, "Deal Is Dead")
    assert q.speaker_text == "Senator Jones"


def test_organisation_naming_a_generic_head(nlp: Any) -> None:
    text = "The Interfax news agency said that the ferry had been stopped at the border."
    _, mentions, quotes = run(nlp, text)
    q = by_phrase(quotes, "ferry had been")
    assert q.speaker_resolution == "direct"
    assert _speaker_mention(mentions, q) == "Interfax"


def test_passive_report_takes_the_agent_as_speaker(nlp: Any) -> None:
    text = "The new toll was criticised by Mayor Carla Diaz on Friday."
    _, mentions, quotes = run(nlp, text)
    (q,) = quotes
    assert q.text == "The new toll" and q.cue == "criticise"
    assert _speaker_mention(mentions, q) == "Carla Diaz"


def test_name_after_a_dash_is_the_speaker(nlp: Any) -> None:
    text = "Readers wrote in.\n\n“The debate told me nothing new about either man.” ― Mia Lund\n"
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "told me nothing")
    assert q.speaker_text == "Mia Lund"


def test_a_day_after_a_pledge_is_not_what_was_pledged(nlp: Any) -> None:
    text = 'Marsh promised Sunday at a rally in Reno to end "the wasteful road program."'
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "road program")
    assert q.text.startswith("to end")


def test_a_name_with_a_party_tag_before_the_verb_is_the_speaker(nlp: Any) -> None:
    text = "Saturday at the state party convention Sen. Ann Marsh (D-OR) said the levy was a fraud."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "levy was a fraud")
    assert q.speaker_text == "Sen. Ann Marsh (D-OR)"


def test_a_second_speech_act_joined_by_and_is_a_quote_of_its_own(nlp: Any) -> None:
    text = 'He says he respects the mayor and calls her "a very capable woman with a long record."'
    _, _, quotes = run(nlp, text)
    said = by_phrase(quotes, "respects the mayor")
    called = by_phrase(quotes, "capable woman")
    assert said.text == "he respects the mayor" and said is not called
    assert (called.cue, called.speaker_text) == ("call", "He")


def test_a_reporting_clause_with_an_adjunct_gives_the_cue(nlp: Any) -> None:
    text = 'The vote failed.\n\n"They never meant to pass it," Okafor fumed on Tuesday.'
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "never meant")
    assert (q.cue, q.speaker_text) == ("fume", "Okafor")


def test_a_cue_between_split_pieces_serves_both(nlp: Any) -> None:
    text = (
        "The ads ran in May.\n\n''Whoever my clients were,'' Mr. Lund, the strategist, "
        "said, ''the first question was always taxes.''"
    )
    _, _, quotes = run(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Whoever my clients were")
    assert quotes[0].speaker_text == "Mr. Lund, the strategist"


def test_a_phrase_inside_the_intro_clause_is_not_the_speaker(nlp: Any) -> None:
    text = (
        "The plan stalled.\n\nThe harbor commission left no doubt in its statement: "
        '"The pier stays closed."'
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "pier stays closed").speaker_text == "The harbor commission"


def test_a_source_phrase_before_the_colon_stays_the_speaker(nlp: Any) -> None:
    text = 'The plan stalled.\n\nThe memo ends with a warning from the treasurer: "We cannot pay."'
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "cannot pay").speaker_text == "the treasurer"


def test_a_time_is_never_the_speaker(nlp: Any) -> None:
    text = (
        "The plan stalled.\n\nWe spent the evening deciding how to turn down the offer "
        'without saying, "This is the worst deal we have seen."'
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "worst deal").speaker_text == "We"


def test_a_show_title_in_the_attribution_is_not_the_rest_of_the_quote(nlp: Any) -> None:
    text = (
        "The vote came late.\n\n"
        '"That claim is false," Ms. Okafor said on Channel 4\'s "Island Hour." "They twist '
        'every number they publish, from fares to timetables."'
    )
    _, _, quotes = run(nlp, text)
    first = by_phrase(quotes, "claim is false")
    assert "Island Hour" not in first.text
    assert by_phrase(quotes, "twist every number").speaker_text == "Ms. Okafor"


def test_an_intro_line_with_an_inverted_verb_names_the_speaker(nlp: Any) -> None:
    text = (
        "The vote came late.\n\nStated Okafor:\n\n"
        '"We will not close a single school on the islands while I hold this office."'
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "single school").speaker_text == "Okafor"


def test_an_intro_line_with_any_speech_verb_names_the_speaker(nlp: Any) -> None:
    text = (
        "The vote came late.\n\nBerg continued:\n\n"
        '"Every family on the coast pays for this mistake, and the council knows it."'
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "pays for this mistake").speaker_text == "Berg"


def test_a_colon_after_a_dash_names_the_speaker_after_the_dash(nlp: Any) -> None:
    text = (
        "Polls closed late.\n\nThe harbor report is out - Notes from Ruiz and Ortiz: "
        '"Our counts at the pier show fewer boats every single month."'
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "fewer boats").speaker_text == "Ruiz and Ortiz"


def test_a_colon_after_a_relative_clause_names_the_main_subject(nlp: Any) -> None:
    text = (
        "Polls closed late.\n\nThe fisherman Ole Dahl explained just what went wrong at the "
        'auction: "The prices were set before the boats came in."'
    )
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "prices were set").speaker_text == "The fisherman Ole Dahl"


def test_a_name_before_a_colon_is_not_replaced_by_a_subject_inside_the_quote(
    nlp: Any,
) -> None:
    text = 'The pollster Jane Roe: "It was close all night, and we never knew the end."'
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "close all night").speaker_text == "Jane Roe"


def test_a_relative_clause_after_a_quote_is_not_its_reporting_clause(nlp: Any) -> None:
    text = (
        '"We can still win the county," said Ana Ruiz, an organizer. '
        '"We have volunteers all the way to Fresno," which votes in June.'
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "volunteers all the way")
    assert (q.cue, q.speaker_text) == ("say", "Ana Ruiz, an organizer")


def test_an_as_clause_with_its_own_object_is_when_not_a_report(nlp: Any) -> None:
    text = "“We never gave up on the mill,” Varga said as she accepted the medal from the mayor."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "gave up on the mill")
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "say", "Varga")
