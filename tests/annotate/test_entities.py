"""Entity mentions on own fixture sentences: spans, types, canonical names, roles."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from dossier.annotate.entities import extract_mentions
from dossier.annotate.entities.lexicon import lexicon
from dossier.annotate.entities.spans import (
    glued_place,
    is_junk,
    shouting_lines,
    split_glued,
    trim,
)
from dossier.records import Article, EntityType, Mention

KOWALSKA = "Maria Kowalska, the head of the Baltic Research Centre, said it was risky."


def _mentions(nlp: Any, text: str) -> list[Mention]:
    article = Article(id="fixture", text=text, path="fixture.txt", fmt="txt")
    return extract_mentions(article, nlp(text))


def _find(ms: list[Mention], text: str) -> Mention:
    hits = [m for m in ms if m.text == text]
    assert hits, f"no mention {text!r} in {[m.text for m in ms]}"
    return hits[0]


def test_spans_point_at_the_article_text(nlp: Any) -> None:
    text = "Defence Minister Ivan Petrov met Dr. Anna Novak in North Korea's capital."
    ms = _mentions(nlp, text)
    assert ms
    for m in ms:
        assert text[m.start : m.end] == m.text
        if m.role is not None:
            assert text[m.role_start : m.role_end] == m.role


def test_possessive_is_trimmed_from_a_place(nlp: Any) -> None:
    ms = _mentions(nlp, "The delegation landed in North Korea's capital after a long flight.")
    assert _find(ms, "North Korea").type == "PLACE"


def test_leading_article_is_trimmed_from_an_organisation(nlp: Any) -> None:
    ms = _mentions(
        nlp, "Maria Kowalska, the head of the Baltic Research Centre, said it was risky."
    )
    assert _find(ms, "Baltic Research Centre").type == "ORG"


def test_honorific_is_not_part_of_the_name(nlp: Any) -> None:
    ms = _mentions(nlp, "They met Comrade Lena Brandt at the airport.")
    assert _find(ms, "Lena Brandt").type == "PERSON"
    assert all("Comrade" not in m.text for m in ms)


def test_pronoun_is_not_a_mention(nlp: Any) -> None:
    ms = _mentions(nlp, "Us and them: the US and the UK agreed on Tuesday.")
    assert [m.text for m in ms if m.type == "PLACE"] == ["US", "UK"]


def test_misspelt_place_gets_its_canonical_name(nlp: Any) -> None:
    ms = _mentions(nlp, "Ivan Petrov arrived in Vladivostock on Monday.")
    m = _find(ms, "Vladivostock")
    assert (m.type, m.canonical) == ("PLACE", "Vladivostok")


def test_fuzzy_match_does_not_turn_austria_into_australia(nlp: Any) -> None:
    ms = _mentions(nlp, "It was not Australia but Austria that sent troops.")
    assert _find(ms, "Austria").canonical == "Austria"
    assert _find(ms, "Australia").canonical == "Australia"


def test_sea_of_a_town_is_the_sea_not_the_town(nlp: Any) -> None:
    ms = _mentions(nlp, "Farmers near the Azov Sea watched the storm.")
    assert _find(ms, "Azov Sea").canonical == "Sea of Azov"


def test_old_spelling_of_a_city_is_canonicalised(nlp: Any) -> None:
    ms = _mentions(nlp, "The news came from Kiev late on Friday.")
    m = _find(ms, "Kiev")
    assert (m.type, m.canonical) == ("PLACE", "Kyiv")


def test_facility_missed_by_the_model_is_added_from_the_gazetteer(nlp: Any) -> None:
    ms = _mentions(nlp, "The rocket lifted off from the Vostochny cosmodrome at dawn.")
    m = _find(ms, "Vostochny cosmodrome")
    assert (m.type, m.canonical) == ("PLACE", "Vostochny Cosmodrome")


def test_demonym_is_a_group_pointing_at_its_country(nlp: Any) -> None:
    ms = _mentions(nlp, "The Ukrainian delegation left early.")
    m = _find(ms, "Ukrainian")
    assert (m.type, m.canonical) == ("GROUP", "Ukraine")


def test_kremlin_is_an_organisation(nlp: Any) -> None:
    ms = _mentions(nlp, "The Kremlin said the visit would go ahead.")
    assert _find(ms, "Kremlin").type == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Kremlin spokesman Dmitry Orlov said the talks would last two days.",
            "Dmitry Orlov",
            "Kremlin spokesman",
        ),
        (
            "Officials said spokeswoman Olga Petrenko would travel to Minsk.",
            "Olga Petrenko",
            "spokeswoman",
        ),
        ("Defence Minister Ivan Petrov arrived on Monday.", "Ivan Petrov", "Defence Minister"),
        ("Secretary of State Jane Roe flew in on Monday.", "Jane Roe", "Secretary of State"),
        ("The president's spokeswoman, Olga Petrenko, agreed.", "Olga Petrenko", "spokeswoman"),
        (
            "The Kremlin spokesman, Dmitry Orlov, declined to comment.",
            "Dmitry Orlov",
            "Kremlin spokesman",
        ),
        ("The show's co-host Joe Barton disagreed on Sunday.", "Joe Barton", "co-host"),
        (
            "The Minister of Foreign Affairs of Vetland, Omar Lind, said little.",
            "Omar Lind",
            "Minister of Foreign Affairs of Vetland",
        ),
        (
            "Mr Petrov later met Chinese leader Xi Jinping in the capital.",
            "Xi Jinping",
            "Chinese leader",
        ),
    ],
)
def test_title_before_the_name_is_the_role(nlp: Any, text: str, name: str, role: str) -> None:
    m = _find(_mentions(nlp, text), name)
    assert (m.type, m.role) == ("PERSON", role)


def test_person_tagged_as_organisation_after_a_title_is_a_person(nlp: Any) -> None:
    ms = _mentions(nlp, "Kremlin spokesman Dmitry Orlov said the talks would last two days.")
    assert _find(ms, "Dmitry Orlov").type == "PERSON"


def test_organisation_in_the_title_phrase_is_the_affiliation(nlp: Any) -> None:
    ms = _mentions(nlp, "Kremlin spokesman Dmitry Orlov said the talks would last two days.")
    assert _find(ms, "Dmitry Orlov").org == "Kremlin"


def test_bare_lowercase_title_before_a_comma_is_not_a_role(nlp: Any) -> None:
    ms = _mentions(nlp, "He was elected president, Ivan Petrov said.")
    assert _find(ms, "Ivan Petrov").role is None


def test_portfolio_word_is_not_an_organisation(nlp: Any) -> None:
    ms = _mentions(nlp, "Defence Minister Ivan Petrov arrived on Monday.")
    assert _find(ms, "Ivan Petrov").org is None
    assert [m.text for m in ms] == ["Ivan Petrov"]


def test_apposition_gives_role_and_organisation(nlp: Any) -> None:
    ms = _mentions(
        nlp, "Maria Kowalska, the head of the Baltic Research Centre, said it was risky."
    )
    m = _find(ms, "Maria Kowalska")
    assert (m.role, m.org) == ("head", "Baltic Research Centre")


def test_apposition_with_an_article_gives_the_role(nlp: Any) -> None:
    ms = _mentions(nlp, "Pavel Dorn, a senior analyst at the Eastern Policy Group, disagreed.")
    m = _find(ms, "Pavel Dorn")
    assert (m.role, m.org) == ("senior analyst", "Eastern Policy Group")


def test_spokeswoman_for_an_organisation(nlp: Any) -> None:
    text = "Marta Kell, a spokeswoman for the Northern Fisheries Board, said talks would resume."
    m = _find(_mentions(nlp, text), "Marta Kell")
    assert (m.role, m.org) == ("spokeswoman", "Northern Fisheries Board")


def test_from_phrase_gives_the_organisation_and_doctor_the_role(nlp: Any) -> None:
    ms = _mentions(nlp, "Dr. Anna Novak from the Institute of Coastal Studies agreed.")
    m = _find(ms, "Anna Novak")
    assert (m.role, m.org) == ("Dr.", "Institute of Coastal Studies")


def test_of_phrase_gives_the_organisation(nlp: Any) -> None:
    ms = _mentions(nlp, "Tom Baker of the Northern Security Council declined to comment.")
    assert _find(ms, "Tom Baker").org == "Northern Security Council"


def test_possessive_outlet_and_comma_title(nlp: Any) -> None:
    ms = _mentions(nlp, "At the time, CNN's Asia Editor, Sarah Lund, was in Seoul.")
    m = _find(ms, "Sarah Lund")
    assert (m.role, m.org) == ("Asia Editor", "CNN")


def test_title_of_a_state_before_a_comma(nlp: Any) -> None:
    ms = _mentions(
        nlp, "They were greeted by the President of the Baltic Federation, Arvid Kalnins."
    )
    assert _find(ms, "Arvid Kalnins").role == "President of the Baltic Federation"


def test_person_with_title_apposition_missed_by_the_model_is_recovered(nlp: Any) -> None:
    text = "Oksana Hrytsenko, the head of the regional press office, issued a warning."
    doc = nlp(text)
    doc.ents = []  # as if the model had missed the name
    article = Article(id="fixture", text=text, path="fixture.txt", fmt="txt")
    m = _find(extract_mentions(article, doc), "Oksana Hrytsenko")
    assert (m.type, m.label, m.role) == ("PERSON", "SYNTAX", "head")


def test_person_after_a_lowercase_title_missed_by_the_model_is_recovered(nlp: Any) -> None:
    text = "Officials said spokeswoman Olga Petrenko would travel on Monday."
    doc = nlp(text)
    doc.ents = []
    article = Article(id="fixture", text=text, path="fixture.txt", fmt="txt")
    m = _find(extract_mentions(article, doc), "Olga Petrenko")
    assert (m.type, m.role) == ("PERSON", "spokeswoman")


def test_glued_names_are_split() -> None:
    text = "Halvorsen arrived. The Halvorsen-Kim Soo Min meeting ended late."
    start = text.index("Halvorsen-")
    parts = split_glued(text, start, text.index(" meeting"), "PERSON", lexicon())
    assert [text[s:e] for s, e in parts] == ["Halvorsen", "Kim Soo Min"]


def test_hyphenated_given_name_is_not_split() -> None:
    text = "Jean-Pierre Dumont spoke. Later Jean-Pierre Dumont left."
    assert split_glued(text, 0, len("Jean-Pierre Dumont"), "PERSON", lexicon()) == [(0, 18)]


def test_glued_demonyms_are_split() -> None:
    text = "Korean-Russian friendship"
    parts = split_glued(text, 0, 14, "GROUP", lexicon())
    assert [text[s:e] for s, e in parts] == ["Korean", "Russian"]


def test_span_does_not_run_across_a_line_break() -> None:
    text = "Harbour Patrol Unit\nNight Boats and Rescue Teams"
    start, end = trim(text, 0, len(text), "ORG", lexicon())
    assert text[start:end] == "Harbour Patrol Unit"


@pytest.mark.parametrize(
    ("text", "etype", "name"),
    [
        ("the Eastern Trade Forum", "ORG", "Eastern Trade Forum"),
        ("Ana Lis's", "PERSON", "Ana Lis"),
        ("Mr Ana Lis", "PERSON", "Ana Lis"),
        ("Dale Radio (Evening Edition", "ORG", "Dale Radio"),
        ("“Ostrava”,", "PLACE", "Ostrava"),
        ("―\xa0Ana Lis", "PERSON", "Ana Lis"),
        ("Ana Lis\xa0", "PERSON", "Ana Lis"),
    ],
)
def test_trim_keeps_the_name_proper(text: str, etype: EntityType, name: str) -> None:
    start, end = trim(text, 0, len(text), etype, lexicon())
    assert text[start:end] == name


def test_mentions_are_sorted_and_do_not_overlap(nlp: Any) -> None:
    ms = _mentions(nlp, "Kremlin spokesman Dmitry Orlov met the US envoy in Seoul and Vladivostok.")
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ms))


def test_unparsed_doc_still_gets_gazetteer_places(nlp: Any) -> None:
    text = "Talks in Vladivostock and Kyiv ended."
    article = Article(id="fixture", text=text, path="fixture.txt", fmt="txt")
    ms = extract_mentions(article, nlp.make_doc(text))
    assert [(m.text, m.canonical) for m in ms] == [
        ("Vladivostock", "Vladivostok"),
        ("Kyiv", "Kyiv"),
    ]


def test_empty_article_has_no_mentions(nlp: Any) -> None:
    article = Article(id="empty", text="", path="empty.txt", fmt="txt")
    assert extract_mentions(article, nlp("")) == []


def test_name_tagged_org_that_is_a_person_elsewhere_is_a_person(nlp: Any) -> None:
    from spacy.tokens import Span

    text = "Lena Brandt spoke first. Later Lena Brandt answered questions."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 8, label="ORG")]
    article = Article(id="fixture", text=text, path="fixture.txt", fmt="txt")
    ms = extract_mentions(article, doc)
    assert [(m.text, m.type) for m in ms] == [("Lena Brandt", "PERSON")] * 2


def test_shouted_headline_lines_are_found() -> None:
    text = "Quiet start\nLEADERS MEET AGAIN AS THE TALKS DRAG ON\nthe rest"
    (span,) = shouting_lines(text)
    assert text[span[0] : span[1]] == "LEADERS MEET AGAIN AS THE TALKS DRAG ON"


@pytest.mark.parametrize(
    ("name", "etype", "shouting", "junk"),
    [
        ("UN", "ORG", True, True),
        ("UN", "ORG", False, False),
        ("US", "PLACE", True, False),
        ("They", "PERSON", False, True),
        ("US", "PLACE", False, False),
        ("President", "PERSON", False, True),
        ("Comrade", "PERSON", False, True),
        ("Covid", "PERSON", False, True),
        ("pro-reform", "GROUP", False, True),
        ("National Security Advisor", "ORG", False, True),
        ("Lena Brandt", "PERSON", False, False),
        ("de Vries", "PERSON", False, False),
        ("al-Rashid", "PERSON", False, False),
        ("van der Berg", "PERSON", False, False),
        ("dear Friends", "PERSON", False, True),
    ],
)
def test_is_junk(name: str, etype: EntityType, shouting: bool, junk: bool) -> None:
    assert is_junk(name, etype, lexicon(), shouting) is junk


def test_title_word_after_mr_is_a_surname(nlp: Any) -> None:
    ms = _mentions(nlp, "Mr. King, 82, said he would not run again.")
    assert [(m.text, m.type) for m in ms] == [("King", "PERSON")]


def test_bare_surname_missed_by_the_model_is_propagated(nlp: Any) -> None:
    from spacy.tokens import Span

    text = "Anna Lynch spoke first. Later Lynch answered questions."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    article = Article(id="fixture", text=text, path="fixture.txt", fmt="txt")
    ms = extract_mentions(article, doc)
    assert [(m.text, m.type, m.label) for m in ms] == [
        ("Anna Lynch", "PERSON", "PERSON"),
        ("Lynch", "PERSON", "PROPAGATED"),
    ]


def test_surname_that_is_a_date_is_not_propagated(nlp: Any) -> None:
    from spacy.tokens import Span

    text = "Teresa May spoke in Leeds in May."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label="DATE")]
    article = Article(id="fixture", text=text, path="fixture.txt", fmt="txt")
    assert [m.text for m in extract_mentions(article, doc) if m.type == "PERSON"] == ["Teresa May"]


def test_surname_in_a_capitals_headline_is_propagated(nlp: Any) -> None:
    from spacy.tokens import Span

    text = "TALKS COLLAPSE AS LYNCH WALKS OUT\n\nAnna Lynch left the room early."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Anna")
    doc.ents = [Span(doc, start, start + 2, label="PERSON")]
    article = Article(id="fixture", text=text, path="fixture.txt", fmt="txt")
    ms = extract_mentions(article, doc)
    assert ("LYNCH", "PERSON") in [(m.text, m.type) for m in ms]


def test_full_name_found_once_is_found_again(nlp: Any) -> None:
    from spacy.tokens import Span

    text = "LEADERS GREET PAK SON HUI AT THE STATION\n\nPak Son Hui arrived by train."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Pak")
    doc.ents = [Span(doc, start, start + 3, label="PERSON")]
    article = Article(id="fixture", text=text, path="fixture.txt", fmt="txt")
    ms = extract_mentions(article, doc)
    assert [(m.text, m.type) for m in ms if m.type == "PERSON"] == [
        ("PAK SON HUI", "PERSON"),
        ("Pak Son Hui", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("word", "cut"),
    [("Russiawhere", "Russia"), ("Ukraineand", "Ukraine"), ("European", None), ("Asian", None)],
)
def test_place_glued_to_a_function_word(word: str, cut: str | None) -> None:
    end = glued_place(word, 0, len(word), lexicon())
    assert (word[:end] if end is not None else None) == cut


def test_gazetteer_facility_is_labelled_fac(nlp: Any) -> None:
    ms = _mentions(nlp, "The rocket lifted off from the Vostochny cosmodrome at dawn.")
    assert _find(ms, "Vostochny cosmodrome").label == "FAC"


@pytest.mark.parametrize(("role", "shouted"), [("TYRANT", True), ("CEO", False), ("Tyrant", False)])
def test_a_role_in_headline_capitals_is_not_a_role(role: str, shouted: bool) -> None:
    from dossier.annotate.entities.roles import _shouted

    assert _shouted(role) is shouted


def test_a_weapon_system_is_not_an_organisation(nlp: Any) -> None:
    ms = _mentions(nlp, "The army fired HIMARS rockets at a depot near the river.")
    assert all("HIMARS" not in m.text for m in ms)


def test_a_name_seen_only_in_a_title_case_headline_is_not_an_organisation(nlp: Any) -> None:
    text = "The Abbott and Costello of Diplomacy\n\nTwo envoys met in Oslo on Monday and argued."
    assert not [m for m in _mentions(nlp, text) if m.type == "ORG"]


def test_an_organisation_of_the_headline_named_again_in_the_text_stays() -> None:
    from dossier.annotate.entities.lexicon import lexicon
    from dossier.annotate.entities.spans import headline_only, title_lines

    text = "Nordvik Shipping Wins Port Deal\n\nNordvik Shipping signed the lease on Monday."
    titles = title_lines(text)
    assert titles == [(0, 31)]
    assert not headline_only("Nordvik Shipping", 0, "ORG", text, titles, lexicon())
    alone = "Nordvik Shipping Wins Port Deal\n\nThe firm signed the lease on Monday."
    assert headline_only("Nordvik Shipping", 0, "ORG", alone, title_lines(alone), lexicon())
