"""Durations and sets."""

from __future__ import annotations

import pytest
from time_helpers import find


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The pair met for the first time in 24 years.", "24 years", "P24Y"),
        ("The siege lasted two weeks.", "two weeks", "P2W"),
        ("Repairs took several months.", "several months", "PXM"),
        ("The ban ran for 18 months.", "18 months", "P18M"),
        ("A 10-year deal was signed.", "10-year", "P10Y"),
        ("Talks went on for three hours.", "three hours", "PT3H"),
        ("Output fell over the past two years.", "the past two years", "P2Y"),
        ("A ruling is expected within weeks.", "weeks", "PXW"),
    ],
)
def test_duration(sentence: str, surface: str, value: str) -> None:
    t = find(sentence, surface)
    assert (t.type, t.value) == ("DURATION", value)


def test_duration_mod() -> None:
    t = find("The blockade lasted more than four months.", "more than four months")
    assert (t.value, t.mod) == ("P4M", "MORE_THAN")


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The forum is held every year.", "every year", "P1Y"),
        ("The ferry sails twice a week.", "twice a week", "P1W"),
        ("Ferries sail daily.", "daily", "P1D"),
        ("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
    ],
)
def test_set(sentence: str, surface: str, value: str) -> None:
    t = find(sentence, surface)
    assert (t.type, t.value) == ("SET", value)


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The talks lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("The works took a year and a half.", "a year and a half", "P1Y6M"),
    ],
)
def test_half_units(sentence: str, surface: str, value: str) -> None:
    assert find(sentence, surface).value == value


def test_age_is_not_a_duration() -> None:
    from time_helpers import texts

    assert texts("The envoy, 52 years old, retired.") == []


def test_fraction_is_not_a_duration() -> None:
    from time_helpers import texts

    assert texts("The country imports three-quarters of its grain.") == []


def test_annual_adjective_is_not_tagged() -> None:
    from time_helpers import texts

    assert texts("The annual summit took place.") == []


def test_rate_of_an_amount_is_not_tagged() -> None:
    from time_helpers import texts

    assert texts("Rooms cost $40 a night and the line carries 500 seats a week.") == []


def test_capitalised_time_word_in_a_title_is_not_tagged() -> None:
    from time_helpers import texts

    assert texts('She said on the talk show "Morning Brief" that she liked High Noon.') == []
