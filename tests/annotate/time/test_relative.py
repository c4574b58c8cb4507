"""Expressions relative to the article date."""

from __future__ import annotations

import pytest
from time_helpers import find

JUNE = "2024-06-19"


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("It rained yesterday in the capital.", "yesterday", "2023-09-12"),
        ("The summit opens today.", "today", "2023-09-13"),
        ("They fly home tomorrow.", "tomorrow", "2023-09-14"),
        ("Prices rose last year.", "last year", "2022"),
        ("Sales are up this year.", "this year", "2023"),
        ("The plan starts next month.", "next month", "2023-10"),
        ("Troops moved last week.", "last week", "2023-W36"),
    ],
)
def test_deictic(sentence: str, surface: str, value: str) -> None:
    assert find(sentence, surface).value == value


def test_last_fall_in_a_june_article() -> None:
    t = find("The deal was first floated last fall.", "last fall", JUNE)
    assert (t.value, t.precision) == ("2023-FA", "season")


def test_last_september_in_a_june_article() -> None:
    t = find("They last met in Moscow last September.", "last September", JUNE)
    assert (t.value, t.precision) == ("2023-09", "month")


def test_coming_winter() -> None:
    t = find("Shortages are feared in the coming winter.", "the coming winter", "2023-10-02")
    assert t.value == "2023-WI"


def test_beginning_of_the_year_has_start_mod() -> None:
    t = find("Exports have doubled since the beginning of the year.", "the beginning of the year")
    assert (t.value, t.mod) == ("2023", "START")


def test_this_morning_is_a_time() -> None:
    t = find("The talks resumed this morning.", "this morning")
    assert (t.type, t.value) == ("TIME", "2023-09-13TMO")


def test_ago() -> None:
    assert find("The pact was signed two years ago.", "two years ago").value == "2021"


def test_vague_references() -> None:
    text = "He recently toured the plant; now it is closed, and in the future it may reopen."
    assert find(text, "recently").value == "PAST_REF"
    assert find(text, "now").value == "PRESENT_REF"
    assert find(text, "the future").value == "FUTURE_REF"


def test_currently() -> None:
    assert find("The factory is currently idle.", "currently").value == "PRESENT_REF"
