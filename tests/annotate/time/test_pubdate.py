"""Publication windows inferred from an undated article's own text."""

from __future__ import annotations

import re

import pytest
from time_helpers import tag

from dossier.annotate.time.pubdate import infer_publication
from dossier.records import PublicationWindow, to_dict
from golden import check_golden

_CITE = re.compile(r"text\[(\d+):(\d+)\]=")


def _window(text: str) -> PublicationWindow | None:
    return infer_publication(text, tag(text, None))


def _evidence_spans_point_at_text(text: str, window: PublicationWindow) -> None:
    for line in window.evidence:
        for m in _CITE.finditer(line):
            start, end = int(m.group(1)), int(m.group(2))
            assert line[m.end() :].startswith(repr(text[start:end]))


GOLDEN: dict[str, str] = {
    "pub_past_and_future": (
        "The bridge was closed in March 2021 after a flood. The governor said the new "
        "span will open on 3 October 2025, two years late."
    ),
    "pub_gap": (
        "The trawler fleet last sailed to the northern banks in 1998. This is the first "
        "sailing to the northern banks in 26 years, and crews are nervous."
    ),
    "pub_weekday": (
        "The ferry last crossed the strait in 2019. This is the first crossing of the "
        "strait in 5 years. Crews sailed on Saturday, 15 June, and the next ferry will "
        "sail on 1 August 2025."
    ),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_windows(name: str) -> None:
    text = GOLDEN[name]
    window = _window(text)
    assert window is not None
    _evidence_spans_point_at_text(text, window)
    check_golden(f"time/{name}", to_dict(window))


def test_past_month_gives_its_first_day_as_earliest() -> None:
    window = _window("The two cities signed a trade pact in April 2019.")
    assert window is not None
    assert (window.earliest, window.latest) == ("2019-04-01", None)


def test_future_day_gives_latest() -> None:
    window = _window("The envoy will arrive in the capital on 19 June 2024.")
    assert window is not None
    assert (window.earliest, window.latest) == (None, "2024-06-19")


def test_since_counts_as_past_whatever_the_verb() -> None:
    window = _window("Nobody has crossed the pass since 2011.")
    assert window is not None
    assert window.earliest == "2011-01-01"


def test_deadline_in_a_past_sentence_is_not_a_past_event() -> None:
    assert _window("The opening was postponed until 2031.") is None


def test_would_is_not_a_future_bound() -> None:
    assert _window("He said the plant would reopen in 2015.") is None


def test_gap_needs_a_year_about_the_same_thing() -> None:
    text = "The orchestra was founded in 1990. It is the first drought in 30 years."
    window = _window(text)
    assert window is not None
    assert window.latest is None


def test_gap_puts_the_article_within_a_year() -> None:
    text = (
        "The comet was last seen from here in 1986. "
        "It is the first sighting of the comet in 38 years."
    )
    window = _window(text)
    assert window is not None
    assert (window.earliest, window.latest) == ("2023-01-01", "2025-12-31")


def test_weekday_narrows_a_bounded_window() -> None:
    window = _window(GOLDEN["pub_weekday"])
    assert window is not None
    # 15 June is a Saturday in 2024 only among 2022-2026
    assert window.earliest == "2024-06-15"


def test_crossing_bounds_drop_the_future_reading() -> None:
    text = "The museum reopened in May 2022. The minister will visit it on 2 March 2020."
    window = _window(text)
    assert window is not None
    assert (window.earliest, window.latest) == ("2022-05-01", None)


def test_no_dates_no_window() -> None:
    assert _window("The talks went on late into the night.") is None


def test_yearless_dates_alone_give_no_window() -> None:
    assert _window("On 12 September the two leaders met; on 13 September they parted.") is None


def test_relative_year_in_apposition_gives_the_year() -> None:
    window = _window("Last year, in 2021, the old dam finally gave way.")
    assert window is not None
    assert (window.earliest, window.latest) == ("2022-01-01", "2022-12-31")


def test_years_ago_beside_a_year_allows_a_new_year_between() -> None:
    window = _window("The dam gave way in 2019 - two years ago.")
    assert window is not None
    assert (window.earliest, window.latest) == ("2021-01-01", "2022-12-31")


def test_relative_year_compared_with_another_year_is_not_paired() -> None:
    window = _window("Last year exports were double those of 2019.")
    assert window is None or window.latest is None


def test_year_naming_a_thing_is_no_evidence() -> None:
    assert _window("The 2030 target was agreed by the ministers.") is None


def test_past_verb_after_the_date_is_not_its_tense() -> None:
    # the option runs to 2031; 'was sold' belongs to the clause after it
    assert _window("The bond, redeemable early in 2031, was sold at par.") is None


def test_part_of_a_year_after_for_is_not_a_past_event() -> None:
    window = _window('He said it had not borrowed "for a large part of 2031."')
    assert window is None or window.earliest is None


def test_reported_question_keeps_its_future() -> None:
    window = _window('"Who will still be here in 2031?" she asked.')
    assert window is not None
    assert (window.earliest, window.latest) == (None, "2031-12-31")
