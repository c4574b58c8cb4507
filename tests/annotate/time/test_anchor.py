"""Anchoring without an article date: X values, or the latest date the text gave."""

from __future__ import annotations

from time_helpers import find, tag


def test_relative_without_dct_is_unknown() -> None:
    t = find("The convoy left yesterday.", "yesterday", None)
    assert (t.value, t.precision, t.anchor) == ("XXXX-XX-XX", "unknown", None)


def test_next_day_anchors_on_text_date() -> None:
    text = "On 12 September 2023 the train reached the border. The next day the talks began."
    t = find(text, "The next day", None)
    assert (t.value, t.anchor) == ("2023-09-13", "text")


def test_same_day_anchors_on_text_date_even_with_dct() -> None:
    text = "The forum opened on 5 September. On the same day a missile was fired."
    t = find(text, "the same day", "2023-09-13")
    assert (t.value, t.anchor) == ("2023-09-05", "text")


def test_same_day_after_a_day_without_a_year_is_that_day_without_a_year() -> None:
    text = "The fair opened on 5 September. On the same day a storm hit the coast."
    t = find(text, "the same day", None)
    assert (t.value, t.precision) == ("XXXX-09-05", "day")


def test_the_day_before_a_day_without_a_year_crosses_the_month() -> None:
    text = "The vote took place on 1 March. The day before, the polls had closed early."
    t = find(text, "The day before", None)
    assert t.value == "XXXX-02-28"  # in a common year, as most are


def test_a_later_full_date_overrides_an_earlier_day_without_a_year() -> None:
    text = "The fair opened on 5 September. It closed on 9 October 2022. That same day it rained."
    t = find(text, "That same day", None)
    assert t.value == "2022-10-09"


def test_weekday_without_dct_uses_text_date() -> None:
    text = "The talks were held on 12 September 2023. On Wednesday the visitors toured a base."
    t = find(text, "Wednesday", None)
    assert (t.value, t.anchor) == ("2023-09-13", "text")


def test_weekday_without_any_anchor() -> None:
    t = find("The visitors toured a base on Wednesday.", "Wednesday", None)
    assert t.value == "XXXX-WXX-3"


def test_ids_are_stable() -> None:
    a = tag("They met on Friday.", "2023-09-13")
    b = tag("They met on Friday.", "2023-09-13")
    assert [t.id for t in a] == [t.id for t in b]


def test_clock_time_takes_the_day_written_before_it() -> None:
    text = "The blast came on 7 August 1998 at 10:35 a.m. local time."
    t = find(text, "10:35 a.m. local time", None)
    assert t.value == "1998-08-07T10:35"


def test_bare_year_does_not_anchor_deictic_words() -> None:
    text = "The pact dates from 2000. Trade fell last year."
    t = find(text, "last year", None)
    assert t.value == "XXXX"


def test_month_only_dct_anchors_months_but_not_days() -> None:
    text = "Output fell last month and again yesterday."
    assert find(text, "last month", "2023-09").value == "2023-08"
    assert find(text, "yesterday", "2023-09").value == "XXXX-XX-XX"


def test_dct_with_time_of_day_is_accepted() -> None:
    assert find("It rained yesterday.", "yesterday", "2023-09-13T10:15:00").value == "2023-09-12"
