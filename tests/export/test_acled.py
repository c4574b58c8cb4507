"""The ACLED-style CSV, read back with the csv module, and the CAMEO/PLOVER mapping."""

from __future__ import annotations

import csv
from datetime import date
from typing import Any

import pytest

from dossier.export import acled

TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
}


@pytest.fixture(scope="module")
def rows(exported: Any) -> list[dict[str, str]]:
    with open(exported("acled"), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_header_is_the_acled_columns(exported: Any) -> None:
    with open(exported("acled"), encoding="utf-8") as fh:
        assert fh.readline().strip().split(",") == list(acled.COLUMNS)


def test_rows_are_acled_event_types(rows: list[dict[str, str]]) -> None:
    assert rows and {r["event_type"] for r in rows} <= TYPES


def test_every_event_has_a_sub_type_and_a_day(rows: list[dict[str, str]]) -> None:
    for r in rows:
        assert r["sub_event_type"]
        date.fromisoformat(r["event_date"])


def test_coordinates_are_numbers_or_empty(rows: list[dict[str, str]]) -> None:
    for r in rows:
        assert r["latitude"] == "" or -90 <= float(r["latitude"]) <= 90
        assert r["longitude"] == "" or -180 <= float(r["longitude"]) <= 180


def test_sources_and_notes_are_given(rows: list[dict[str, str]]) -> None:
    assert all(r["source"] and r["notes"] for r in rows)


@pytest.mark.parametrize(
    ("code", "plover", "expect"),
    [
        ("141", "PROTEST", ("Protests", "Peaceful protest")),
        ("145", "PROTEST", ("Riots", "Violent demonstration")),
        ("195", "ASSAULT", ("Explosions/Remote violence", "Air/drone strike")),
        ("173", "COERCE", ("Strategic developments", "Arrests")),
        ("190", "ASSAULT", ("Battles", "Armed clash")),
        ("036", "CONSULT", None),
        ("172", "COERCE", None),
    ],
)
def test_the_mapping_reads_the_longest_cameo_prefix(
    code: str, plover: str, expect: tuple[str, str] | None
) -> None:
    assert acled.acled_type(code, plover) == expect


def test_the_plover_category_decides_where_no_cameo_prefix_is_listed() -> None:
    assert acled.acled_type("99", "PROTEST") == ("Protests", "Peaceful protest")
