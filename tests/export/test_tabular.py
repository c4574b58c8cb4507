"""CSV and Parquet of every listing, read back with the csv module and pyarrow."""

from __future__ import annotations

import csv
import json
from typing import Any

import pytest

from dossier.api import Dossier
from dossier.export import TABLES
from dossier.export.common import PAGE


def _csv(path: Any) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _total(db: Dossier, table: str) -> int:
    return int(getattr(db, table)(limit=0).total)


@pytest.mark.parametrize("table", TABLES)
def test_csv_has_one_row_per_listed_record(db: Dossier, exported: Any, table: str) -> None:
    assert len(_csv(exported("csv", table))) == _total(db, table)


@pytest.mark.parametrize("table", TABLES)
def test_parquet_has_one_row_per_listed_record(db: Dossier, exported: Any, table: str) -> None:
    import pyarrow.parquet as pq

    assert pq.read_table(exported("parquet", table)).num_rows == _total(db, table)


def test_csv_columns_are_the_json_fields_of_the_listing(db: Dossier, exported: Any) -> None:
    header = list(_csv(exported("csv", "events"))[0])
    assert header == list(db.events(limit=1)[0].as_json())


def test_csv_rows_keep_the_listing_order_and_values(db: Dossier, exported: Any) -> None:
    first = db.timeline(limit=1)[0].as_json()
    row = _csv(exported("csv"))[0]
    assert (row["id"], row["code"], json.loads(row["sources"])) == (
        first["id"],
        first["code"],
        first["sources"],
    )


def test_the_entities_span_more_than_one_page(db: Dossier) -> None:
    assert _total(db, "entities") > PAGE  # so the paging itself is exercised


def test_entity_ids_are_unique_across_pages(exported: Any) -> None:
    ids = [r["id"] for r in _csv(exported("csv", "entities"))]
    assert len(ids) == len(set(ids))


def test_a_date_filter_applies_to_the_export(db: Dossier, exported: Any) -> None:
    rows = _csv(exported("csv", since="2019-11-01", until="2019-11-30"))
    assert len(rows) == db.timeline(since="2019-11-01", until="2019-11-30", limit=0).total > 0


def test_parquet_reads_back_with_typed_columns(exported: Any) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(exported("parquet", "entities"))
    assert schema.field("mentions").type == pa.int64()
    assert schema.field("lat").type == pa.float64()
    assert schema.field("aliases").type == pa.string()  # lists are JSON text


def test_parquet_reads_back_with_pyarrow_csv_too(exported: Any) -> None:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from_csv = pacsv.read_csv(exported("csv", "quotes"))
    from_parquet = pq.read_table(exported("parquet", "quotes"))
    assert from_csv.column("id").to_pylist() == from_parquet.column("id").to_pylist()


def test_an_export_matching_nothing_is_a_readable_empty_file(db: Dossier, tmp_path: Any) -> None:
    import pyarrow.parquet as pq

    db.export("parquet", tmp_path / "none.parquet", entity="Nobody Whatsoever Zzyzx")
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0
