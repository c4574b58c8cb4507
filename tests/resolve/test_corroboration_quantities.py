"""Reading the range and the counted noun of a quantity phrase."""

from __future__ import annotations

import pytest

from dossier.resolve.corroboration.quantities import Quantity, overlap, parse_quantity, singular


@pytest.mark.parametrize(
    ("text", "low", "high", "noun"),
    [
        ("twelve armoured trucks", 12, 12, "truck"),
        ("1,500 troops", 1500, 1500, "troop"),
        ("4 million", 4e6, 4e6, None),
        ("nine", 9, 9, None),
        ("twenty-three drones", 23, 23, "drone"),
        ("three hundred and ten rockets", 310, 310, "rocket"),
        ("a dozen ships", 12, 12, "ship"),
        ("2.5bn dollars", 2.5e9, 2.5e9, "dollar"),
        ("3m rounds of ammunition", 3e6, 3e6, "round"),
    ],
)
def test_exact_counts_are_read_with_their_noun(
    text: str, low: float, high: float, noun: str | None
) -> None:
    assert parse_quantity(text) == Quantity(low, high, noun)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("three to six million rounds", 3e6, 6e6),
        ("between four and eight thousand", 4e3, 8e3),
        ("10-20 villages", 10, 20),
        ("two or three aircraft", 2, 3),
        ("500 to 2 million leaflets", 500, 2e6),
    ],
)
def test_ranges_share_their_scale_word(text: str, low: float, high: float) -> None:
    parsed = parse_quantity(text)
    assert parsed is not None and (parsed.low, parsed.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("at least 30 people", 30, None),
        ("more than 8 vessels", 8, None),
        ("no more than 11 blasts", None, 11),
        ("fewer than 600 soldiers", None, 600),
    ],
)
def test_bound_words_open_one_side(text: str, low: float | None, high: float | None) -> None:
    parsed = parse_quantity(text)
    assert parsed is not None and (parsed.low, parsed.high) == (low, high)


def test_a_stressed_figure_is_an_estimate_of_itself_not_a_range_from_zero() -> None:
    parsed = parse_quantity("as many as 2,000 troops")
    assert parsed is not None and parsed.low is not None and 1700 < parsed.low < 2000


def test_an_approximate_count_allows_some_slack() -> None:
    parsed = parse_quantity("about 200 tanks")
    assert parsed is not None and parsed.low == pytest.approx(180)
    assert parsed.high == pytest.approx(220)


def test_vague_plurals_give_a_wide_range() -> None:
    parsed = parse_quantity("hundreds of thousands of refugees")
    assert parsed == Quantity(2e5, 1e6, "refugee")


def test_a_verb_after_the_number_is_not_the_counted_noun() -> None:
    parsed = parse_quantity("five were brought down")
    assert parsed == Quantity(5, 5, None)


def test_a_phrase_without_a_number_is_not_read() -> None:
    assert parse_quantity("several large convoys") is None


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("casualties", "casualty"), ("people", "person"), ("boxes", "box"), ("press", "press")],
)
def test_nouns_are_made_singular(word: str, lemma: str) -> None:
    assert singular(word) == lemma


def test_open_ranges_overlap_with_counts_above_their_floor() -> None:
    assert overlap(Quantity(30, None, None), Quantity(45, 45, None))
    assert not overlap(Quantity(None, 11, None), Quantity(12, 12, None))
