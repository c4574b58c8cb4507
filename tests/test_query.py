from __future__ import annotations

import pytest

from dossier.errors import QueryError
from dossier.query import Filters, match_entities
from dossier.records import Entity

PEOPLE = [
    Entity("e1", "Vladimir Putin", "PERSON", ["Vladimir Putin", "Putin"]),
    Entity("e2", "Kim Jong Un", "PERSON", ["Kim Jong Un", "Kim Jon Un", "Kim"]),
    Entity("e3", "Kim Jong Il", "PERSON", ["Kim Jong Il"]),
]


def test_a_malformed_date_is_refused_with_the_expected_shape() -> None:
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        Filters(since="13/09/2023")


def test_a_month_value_overlaps_a_window_starting_inside_it() -> None:
    assert Filters(since="2023-09-10").date_ok("2023-09")


def test_undated_items_are_left_out_of_a_dated_query() -> None:
    assert not Filters(until="2024").date_ok(None)


def test_value_after_the_window_is_left_out() -> None:
    assert not Filters(until="2023-12-31").date_ok("2024-06-19")


def test_alias_match_is_exact_first() -> None:
    assert match_entities("kim", PEOPLE) == {"e2"}


def test_words_of_a_name_match_when_no_alias_does() -> None:
    assert match_entities("jong", PEOPLE) == {"e2", "e3"}


def test_source_filter_is_a_case_insensitive_substring() -> None:
    assert Filters(source="wire").source_ok("Eastline Wire")
