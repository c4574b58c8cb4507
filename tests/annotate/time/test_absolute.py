"""Calendar dates, months, years, decades, quarters."""

from __future__ import annotations

import pytest
from time_helpers import find


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "precision"),
    [
        ("The treaty dates from 2000.", "2000", "2000", "year"),
        ("The plant opened in April 2019.", "April 2019", "2019-04", "month"),
        ("The leaders met on 12 September.", "12 September", "2023-09-12", "day"),
        ("The visit ended September 13, 2023.", "September 13, 2023", "2023-09-13", "day"),
        ("The talks began on Sept. 4.", "Sept. 4", "2023-09-04", "day"),
        ("Relations froze in the 1960s.", "the 1960s", "196", "decade"),
        ("Profit fell in the third quarter.", "the third quarter", "2023-Q3", "quarter"),
        ("The rail link was built in the 19th century.", "the 19th century", "18", "century"),
        ("The report is due 2023-10-01.", "2023-10-01", "2023-10-01", "day"),
    ],
)
def test_absolute(sentence: str, surface: str, value: str, precision: str) -> None:
    t = find(sentence, surface)
    assert (t.value, t.precision) == (value, precision)


def test_day_month_without_year_or_dct() -> None:
    t = find("The leaders met on 13 September.", "13 September", None)
    assert t.value == "XXXX-09-13"


def test_absolute_date_needs_no_dct() -> None:
    t = find("The leaders met on 13 September 2023.", "13 September 2023", None)
    assert (t.value, t.anchor) == ("2023-09-13", "absolute")


def test_bare_month_in_past_sentence() -> None:
    assert find("The rebels seized the port in March.", "March", "2023-09-13").value == "2023-03"


def test_mid_month_mod() -> None:
    t = find("Fighting eased in mid-July.", "mid-July")
    assert (t.value, t.mod) == ("2023-07", "MID")


def test_month_range() -> None:
    t = find("The drills run from March to May.", "May", "2023-01-10")
    assert (t.value, t.begin, t.end_value) == ("2023-05", "2023-03", "2023-05")


def test_weekday_and_date_header() -> None:
    t = find("Monday, 11 September 2023", "Monday, 11 September 2023", None)
    assert t.value == "2023-09-11"


def test_mid_year_keeps_year_and_mod() -> None:
    t = find("The alliance began to crack in mid-1996 after a defection.", "mid-1996")
    assert (t.value, t.mod) == ("1996", "MID")


def test_year_before_plural_noun_after_the() -> None:
    t = find("Turnout in the 1996 elections was low.", "1996")
    assert t.value == "1996"


def test_year_before_comma_and_plural_word() -> None:
    t = find("She arrived in the city in 1961, believes her brother.", "1961")
    assert t.value == "1961"


def test_quarter_ended_on_a_month() -> None:
    t = find("Sales rose in the quarter ended Sept. 30.", "the quarter", "2023-10-26")
    assert t.value == "2023-Q3"


def test_deadline_month_points_ahead() -> None:
    t = find("The loan must be repaid by February, the bank said.", "February", "2023-10-30")
    assert t.value == "2024-02"


@pytest.mark.parametrize(
    ("surface", "value"),
    [("13.09.2023", "2023-09-13"), ("20/09/2023", "2023-09-20"), ("9/13/2023", "2023-09-13")],
)
def test_numeric_dates(surface: str, value: str) -> None:
    assert find(f"The accord was signed on {surface} in the capital.", surface).value == value


def test_second_day_of_a_pair_gets_its_own_record() -> None:
    text = "The summit runs April 24 and 25 in the capital."
    t = find(text, "25", "2023-04-02")
    assert (t.value, t.begin, t.end_value) == ("2023-04-25", "2023-04-24", "2023-04-25")


def test_first_day_of_a_hyphenated_pair() -> None:
    text = "Talks were held on 12-13 September near the border."
    t = find(text, "12", "2023-09-14")
    assert (t.value, t.end_value) == ("2023-09-12", "2023-09-13")


def test_number_after_a_date_and_comma_is_not_a_day() -> None:
    from time_helpers import texts

    assert texts("On April 24, 25 people were hurt.", "2023-05-01") == ["April 24"]


def test_abbreviation_without_full_stop_next_to_a_day() -> None:
    assert find("Posted 13 Sep 2023 by the desk.", "13 Sep 2023", None).value == "2023-09-13"
