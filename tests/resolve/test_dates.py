from __future__ import annotations

from dossier.resolve import dates


def test_masked_year_is_compatible_with_a_full_date() -> None:
    assert dates.compatible("XXXX-09-13", "2023-09-13")


def test_different_days_are_incompatible() -> None:
    assert not dates.compatible("2023-09-13", "2023-09-12")


def test_month_is_compatible_with_a_day_inside_it() -> None:
    assert dates.compatible("2023-09", "2023-09-13")


def test_unite_fills_the_masked_parts() -> None:
    assert dates.unite("XXXX-09-13", "2023-09") == "2023-09-13"


def test_interval_of_a_month() -> None:
    assert dates.interval("2024-02") == ("2024-02-01", "2024-02-29")


def test_interval_without_a_year_is_unknown() -> None:
    assert dates.interval("XXXX-09-13") is None


def test_precision_follows_known_parts() -> None:
    assert [dates.precision_of(v) for v in ("2023-09-13", "2023-09", "2023", "XXXX-09")] == [
        "day",
        "month",
        "year",
        "month",
    ]
