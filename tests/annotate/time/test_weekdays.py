"""Weekdays point at the right day: same day, past or future by tense, last/next."""

from __future__ import annotations

from time_helpers import find

WED = "2023-09-13"  # a Wednesday


def test_weekday_of_the_article_is_the_article_day() -> None:
    t = find("The two leaders met on Wednesday at a spaceport.", "Wednesday", WED)
    assert t.value == "2023-09-13"
    assert t.anchor == "dct"


def test_past_tense_weekday_is_most_recent() -> None:
    assert find("The envoy arrived on Monday.", "Monday", WED).value == "2023-09-11"


def test_future_tense_weekday_is_next() -> None:
    assert find("The ministers will meet on Friday.", "Friday", WED).value == "2023-09-15"


def test_last_weekday_is_strictly_before() -> None:
    assert find("Talks collapsed last Friday.", "last Friday", WED).value == "2023-09-08"


def test_next_weekday_is_strictly_after() -> None:
    assert find("A vote is planned for next Wednesday.", "next Wednesday", WED).value == (
        "2023-09-20"
    )


def test_weekday_span_excludes_preposition() -> None:
    t = find("Officials said on Tuesday the visit went well.", "Tuesday", WED)
    assert t.value == "2023-09-12"


def test_weekday_part_of_day_is_a_time() -> None:
    t = find("The convoy left on Tuesday night.", "Tuesday night", WED)
    assert (t.type, t.value) == ("TIME", "2023-09-12TNI")


def test_weekday_range_marks_both_ends() -> None:
    text = "The delegation travelled between Tuesday and Wednesday."
    start = find(text, "Tuesday", WED)
    end = find(text, "Wednesday", WED)
    assert (start.value, end.value) == ("2023-09-12", "2023-09-13")
    assert (start.begin, start.end_value) == ("2023-09-12", "2023-09-13")
    assert (end.begin, end.end_value) == ("2023-09-12", "2023-09-13")


def test_range_end_never_precedes_its_start() -> None:
    text = "The exercise will run from Friday to Tuesday."
    end = find(text, "Tuesday", WED)
    assert (end.begin, end.end_value) == ("2023-09-15", "2023-09-19")


def test_weekday_with_tense_from_parse(nlp) -> None:
    text = "The two presidents will hold talks on Friday."
    t = find(text, "Friday", WED, nlp(text))
    assert t.value == "2023-09-15"


def test_newspaper_name_is_not_a_day() -> None:
    from time_helpers import texts

    assert texts("The Sunday Times ran the story.", WED) == []


def test_possessive_weekday_looks_back() -> None:
    t = find("Lawyers will appeal Wednesday's ruling.", "Wednesday", "2023-09-15")
    assert t.value == "2023-09-13"


def test_planned_departure_from_parse(nlp) -> None:
    text = "The team planned to leave the capital on Thursday."
    t = find(text, "Thursday", WED, nlp(text))
    assert t.value == "2023-09-14"
