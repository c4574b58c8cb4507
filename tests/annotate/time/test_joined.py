"""Calendar units joined to another date: half-years, 'the week of', spelled-out years."""

from __future__ import annotations

import pytest
from time_helpers import find


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("Output slowed in the last half of 2019.", "the last half of 2019", "2019-H2"),
        (
            "Margins recover in the first two quarters of 2024.",
            "the first two quarters of 2024",
            "2024-H1",
        ),
        ("The hearing is set for the week of October 2.", "the week of October 2", "2023-W40"),
        (
            "Prices peaked in the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
        ("It began in March nineteen ninety-seven.", "March nineteen ninety-seven", "1997-03"),
        ("The pier was rebuilt in the summer of 2011.", "the summer of 2011", "2011-SU"),
    ],
)
def test_joined(sentence: str, surface: str, value: str) -> None:
    assert find(sentence, surface).value == value


def test_past_quarter_not_yet_begun_is_last_years() -> None:
    t = find("The firm reported a loss for the fourth quarter.", "the fourth quarter", "2024-01-25")
    assert t.value == "2023-Q4"


def test_future_month_ties_follow_the_tense() -> None:
    # six months back or six months ahead: the future tense decides
    t = find("The crew will fly a mission in March.", "March", "2023-09-13")
    assert t.value == "2024-03"


def test_until_in_a_past_sentence_points_back() -> None:
    t = find("Until Tuesday, the police had not named a suspect.", "Tuesday", "2023-09-15")
    assert t.value == "2023-09-12"


def test_adjective_in_ed_is_not_a_past_cue() -> None:
    t = find(
        "The dividend would be paid on an unspecified date in January.", "January", "2023-10-26"
    )
    assert t.value == "2024-01"


def test_nth_day_after_today_is_is_today() -> None:
    t = find("In the capital, today is the fifth day of the strike.", "the fifth day", "2023-09-13")
    assert t.value == "2023-09-13"


def test_ordinal_day_without_today_is_not_tagged() -> None:
    from time_helpers import texts

    assert texts("She spent the first day in office reading.") == []


def test_then_current_is_a_past_reference() -> None:
    assert find("Holders may buy at the then current price.", "then current").value == "PAST_REF"


def test_next_to_is_not_a_future_cue() -> None:
    t = find("Crowds gather next to the embassy on Friday.", "Friday", "2023-09-13")
    assert t.value == "2023-09-08"


def test_abbreviation_does_not_end_the_sentence_for_tense() -> None:
    t = find(
        "In March, a week after the Smith vs. Jones ruling, a clinic was bombed.",
        "March",
        "2023-10-20",
    )
    assert t.value == "2023-03"


def test_easter_week_is_the_week_of_easter() -> None:
    t = find("Pilgrims arrived as Easter week began.", "Easter week", "2024-03-26")
    assert t.value == "2024-W13"


def test_one_day_after_a_modal_is_the_future() -> None:
    assert find("The port will one day reopen.", "one day").value == "FUTURE_REF"


def test_day_before_a_weekday_is_one_day_earlier() -> None:
    t = find(
        "The day before last Tuesday's vote, he resigned.", "day before last Tuesday", "2023-09-14"
    )
    assert t.value == "2023-09-11"


def test_generic_that_day_is_not_tagged() -> None:
    from time_helpers import texts

    # the story gave a year, not a day: 'that day' has nothing to point at
    assert texts("Since 1969 the index has doubled. Traders who sold that day lost.") == ["1969"]


@pytest.mark.parametrize("sentence", ["The blasts came minutes apart.", "It is a matter of days."])
def test_gaps_and_guesses_are_not_periods(sentence: str) -> None:
    from time_helpers import texts

    assert texts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The rebels will hold the town for a while.", "a while"),
        ("The line was closed for some time.", "some time"),
        ("He had not spoken to her for a fairly long period.", "a fairly long period"),
    ],
)
def test_vague_duration(sentence: str, surface: str) -> None:
    t = find(sentence, surface)
    assert (t.type, t.value) == ("DURATION", "PXX")


def test_in_the_morning_is_the_story_day() -> None:
    t = find("Shares slid on Friday. Buyers returned in the morning.", "the morning", "2023-09-13")
    assert (t.type, t.value) == ("TIME", "2023-09-08TMO")


def test_month_as_an_attribute_after_the() -> None:
    assert (
        find("The March accession will widen the bloc.", "March", "2023-02-10").value == "2023-03"
    )


def test_the_month_before_a_preposition_is_a_name() -> None:
    from time_helpers import texts

    assert texts("Veterans of the March on Rome spoke.") == []
