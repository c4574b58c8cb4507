"""Where an indirect quote's content ends: the writer's glosses and next reports stay out."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run


def test_a_descriptive_appositive_is_the_writers_gloss(nlp: Any) -> None:
    text = "The mayor has long opposed the Harbor Link, a toll tunnel that the council approved."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "Harbor Link").text == "the Harbor Link"


def test_an_indefinite_appositive_is_left_out(nlp: Any) -> None:
    text = "The mayor praised the fire crews, a group of forty volunteers."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "fire crews").text == "the fire crews"


def test_a_name_in_apposition_stays_with_its_noun(nlp: Any) -> None:
    text = "The mayor praised the harbor master, Anna Berg."
    _, _, quotes = run(nlp, text)
    assert by_phrase(quotes, "harbor master").text == "the harbor master, Anna Berg"


def test_a_next_report_joined_by_and_is_its_own_quote(nlp: Any) -> None:
    text = (
        "A spokesman noted that the senator may have been speaking about a different bill, "
        "and a memo released by her office quoted two lawyers who disagreed."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "different bill")
    assert q.text == "that the senator may have been speaking about a different bill"


def test_a_second_that_clause_stays_in_the_content(nlp: Any) -> None:
    text = "Councillor Ruiz said the ferry plan was dead and that the port board had ignored it."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "ferry plan")
    assert q.text == "the ferry plan was dead and that the port board had ignored it"


def test_according_to_is_not_part_of_an_object(nlp: Any) -> None:
    text = "The union leader criticized the pension reform, according to two delegates."
    _, _, quotes = run(nlp, text)
    assert not any(q.text.startswith("the pension reform") for q in quotes)
    q = by_phrase(quotes, "pension reform")
    assert q.kind == "according-to"


def test_a_trailing_participle_clause_is_the_writers_comment(nlp: Any) -> None:
    text = (
        "The union announced that its members will strike on Friday, "
        "leaving the ferry timetable in tatters."
    )
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "strike on Friday")
    assert q.text == "that its members will strike on Friday"


def test_a_next_report_made_finite_by_did_is_its_own_quote(nlp: Any) -> None:
    text = (
        "The mayor said that she would attend the ceremony "
        "but did not confirm the bridge would open."
    )
    _, _, quotes = run(nlp, text)
    said = by_phrase(quotes, "attend the ceremony")
    assert said.text == "that she would attend the ceremony"
    assert by_phrase(quotes, "bridge would open").cue == "confirm"
