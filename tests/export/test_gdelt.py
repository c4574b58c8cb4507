"""The GDELT 2.0 Event export, checked column by column against the codebook."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from typing import Any

import pytest

from dossier.api import Dossier
from dossier.export import gdelt

# The GDELT 2.0 Event codebook's columns, in its order (written out here so that the data
# file the export reads is checked against the codebook, not against itself).
ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
CODEBOOK = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in ACTOR], *[f"Actor2{c}" for c in ACTOR],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in GEO],
    "DATEADDED", "SOURCEURL",
]  # fmt: skip


@pytest.fixture(scope="module")
def rows(exported: Any) -> list[dict[str, str]]:
    with open(exported("gdelt"), encoding="utf-8", newline="") as fh:
        lines = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(line) == 61 for line in lines)
    return [dict(zip(CODEBOOK, line, strict=True)) for line in lines]


def _col(rows: list[dict[str, str]], name: str) -> list[str]:
    return [r[name] for r in rows]


def test_the_column_list_is_the_codebooks() -> None:
    assert gdelt.columns() == CODEBOOK and len(CODEBOOK) == 61


def test_every_line_has_61_tab_separated_fields(exported: Any) -> None:
    with open(exported("gdelt"), encoding="utf-8") as fh:
        assert {line.rstrip("\n").count("\t") for line in fh} == {60}


def test_one_line_per_timeline_row(db: Dossier, rows: list[dict[str, str]]) -> None:
    assert len(rows) == db.timeline(limit=0).total


def test_there_is_no_header(rows: list[dict[str, str]]) -> None:
    assert rows[0]["GlobalEventID"].isdigit()


def test_event_ids_are_distinct_integers(rows: list[dict[str, str]]) -> None:
    ids = _col(rows, "GlobalEventID")
    assert all(i.isdigit() for i in ids) and len(set(ids)) == len(ids)


def test_days_are_sqldates_and_agree_with_month_year_and_fraction(
    rows: list[dict[str, str]],
) -> None:
    dated = [r for r in rows if r["Day"]]
    assert len(dated) > len(rows) * 0.9
    for r in dated:
        day = datetime.strptime(r["Day"], "%Y%m%d").date()
        assert r["MonthYear"] == r["Day"][:6] and r["Year"] == r["Day"][:4]
        assert re.fullmatch(r"\d{4}\.\d{4}", r["FractionDate"])
        assert int(float(r["FractionDate"])) == day.year


def test_an_undated_row_has_empty_date_columns(rows: list[dict[str, str]]) -> None:
    for r in rows:
        if not r["Day"]:
            assert r["MonthYear"] == r["Year"] == r["FractionDate"] == ""


def test_event_codes_are_cameo_with_base_and_root(rows: list[dict[str, str]]) -> None:
    for r in rows:
        assert re.fullmatch(r"\d{2,4}", r["EventCode"])
        assert r["EventBaseCode"] == r["EventCode"][:3]
        assert r["EventRootCode"] == r["EventCode"][:2]


def test_quad_class_follows_the_root_code(rows: list[dict[str, str]]) -> None:
    expect = {**dict.fromkeys(range(1, 6), 1), 6: 2, 7: 2, 8: 2}
    expect |= dict.fromkeys(range(9, 14), 3) | dict.fromkeys(range(14, 21), 4)
    assert all(int(r["QuadClass"]) == expect[int(r["EventRootCode"])] for r in rows)


def test_goldstein_is_within_minus_ten_and_ten(rows: list[dict[str, str]]) -> None:
    assert all(-10 <= float(r["GoldsteinScale"]) <= 10 for r in rows)


def test_counts_are_positive_and_tone_is_zero(rows: list[dict[str, str]]) -> None:
    for r in rows:
        assert int(r["NumMentions"]) >= 1 and int(r["NumArticles"]) >= 1
        assert 1 <= int(r["NumSources"]) <= int(r["NumArticles"])
        assert r["AvgTone"] == "0"


def test_is_root_event_is_a_flag(rows: list[dict[str, str]]) -> None:
    assert set(_col(rows, "IsRootEvent")) <= {"0", "1"}


def test_actor_codes_are_upper_case_cameo_segments(rows: list[dict[str, str]]) -> None:
    for r in rows:
        for a in ("Actor1", "Actor2"):
            assert re.fullmatch(r"([A-Z]{3})*", r[f"{a}Code"])
            assert r[f"{a}Code"].startswith(r[f"{a}CountryCode"])
            assert r[f"{a}EthnicCode"] == r[f"{a}Religion1Code"] == ""


def test_some_actors_are_coded_with_a_country(rows: list[dict[str, str]]) -> None:
    assert any(r["Actor1CountryCode"] for r in rows)


@pytest.mark.parametrize("geo", ["Actor1Geo", "Actor2Geo", "ActionGeo"])
def test_geo_columns_are_typed(rows: list[dict[str, str]], geo: str) -> None:
    for r in rows:
        assert r[f"{geo}_Type"] in {"", "1", "2", "3", "4", "5"}
        assert re.fullmatch(r"([A-Z]{2})?", r[f"{geo}_CountryCode"])
        assert r[f"{geo}_ADM1Code"].startswith(r[f"{geo}_CountryCode"])
        assert r[f"{geo}_Lat"] == "" or -90 <= float(r[f"{geo}_Lat"]) <= 90
        assert r[f"{geo}_Long"] == "" or -180 <= float(r[f"{geo}_Long"]) <= 180
        assert re.fullmatch(r"\d*", r[f"{geo}_FeatureID"])


def test_action_geo_is_filled_for_rows_at_a_known_place(rows: list[dict[str, str]]) -> None:
    placed = [r for r in rows if r["ActionGeo_Lat"]]
    assert placed and all(r["ActionGeo_Long"] and r["ActionGeo_FullName"] for r in placed)


def test_an_actor_with_a_country_is_placed_at_least_there(rows: list[dict[str, str]]) -> None:
    coded = [r for r in rows if r["Actor1CountryCode"]]
    assert coded and all(r["Actor1Geo_Type"] and r["Actor1Geo_Lat"] for r in coded)


def test_date_added_is_a_timestamp(rows: list[dict[str, str]]) -> None:
    for value in set(_col(rows, "DATEADDED")):
        datetime.strptime(value, "%Y%m%d%H%M%S")


def test_source_urls_are_given(rows: list[dict[str, str]]) -> None:
    assert all(r["SOURCEURL"] for r in rows)


def test_quad_class_of_each_cameo_family() -> None:
    got = [gdelt.quad_class(c) for c in ("036", "057", "0831", "112", "145", "193", "99")]
    assert got == [1, 1, 2, 3, 4, 4, None]


def test_an_actor_code_splits_into_country_types_and_group() -> None:
    f = gdelt.actor_fields("Actor1", "IGOUNO", "United Nations")
    assert (f["Actor1CountryCode"], f["Actor1Type1Code"], f["Actor1KnownGroupCode"]) == (
        "",
        "IGO",
        "UNO",
    )
    g = gdelt.actor_fields("Actor2", "UKRMILREB", None)
    assert (g["Actor2CountryCode"], g["Actor2Type1Code"], g["Actor2Type2Code"]) == (
        "UKR",
        "MIL",
        "REB",
    )


def test_fraction_date_is_the_share_of_the_year_gone() -> None:
    assert gdelt.fraction_date(date(2023, 7, 2)) == "2023.4986"
