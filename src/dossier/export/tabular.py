"""CSV and Parquet of any listing: one row per record of ``dossier <table> --json``, one
column per field; lists and objects (sources, aliases, positions) are JSON text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from dossier.errors import ExportError
from dossier.export.common import flat, pages
from dossier.query import FilterArgs

if TYPE_CHECKING:
    from dossier.api import Dossier


def records(db: Dossier, table: str, filters: FilterArgs) -> Iterator[list[dict[str, Any]]]:
    """Flat records of the listing ``table``, a page at a time."""
    for views in pages(db, table, filters):
        yield [flat(v.as_json()) for v in views]


def write(db: Dossier, out: IO[bytes], table: str | None, filters: FilterArgs, fmt: str) -> int:
    batches = records(db, table or "timeline", filters)
    return write_parquet(batches, out) if fmt == "parquet" else write_csv(batches, out)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(batches: Iterator[list[dict[str, Any]]], out: IO[bytes]) -> int:
    """A header, then one line per record (UTF-8, RFC 4180 quoting)."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    columns: list[str] | None = None
    n = 0
    for batch in batches:
        for record in batch:
            if columns is None:
                columns = list(record)
                writer.writerow(columns)
            writer.writerow([_cell(record.get(c)) for c in columns])
            n += 1
    text.flush()
    text.detach()  # the caller closes ``out``
    return n


def _kind(values: list[Any]) -> str:
    """The Parquet column kind of a column's first page: bool, int, float or string."""
    seen = {type(v) for v in values if v is not None}
    if not seen:
        return "string"
    if seen == {bool}:
        return "bool"
    if seen <= {int}:
        return "int"
    if seen <= {int, float}:
        return "float"
    return "string"


def _coerce(kind: str, column: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "string":
        return value if isinstance(value, str) else _cell(value)
    if kind == "int" and isinstance(value, float):
        if not value.is_integer():
            raise ExportError(f"column {column} holds {value} where whole numbers were")
        return int(value)
    return value


def write_parquet(batches: Iterator[list[dict[str, Any]]], out: IO[bytes]) -> int:
    """One row group per page; the column types are read off the first page (a column
    empty there is text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64(), "string": pa.string()}
    kinds: dict[str, str] = {}
    writer: Any = None
    n = 0
    try:
        for batch in batches:
            if not batch:
                continue
            if writer is None:
                columns = list(batch[0])
                kinds = {c: _kind([r.get(c) for r in batch]) for c in columns}
                schema = pa.schema([(c, types[k]) for c, k in kinds.items()])
                writer = pq.ParquetWriter(out, schema)
            data = {c: [_coerce(k, c, r.get(c)) for r in batch] for c, k in kinds.items()}
            writer.write_table(pa.table(data, schema=writer.schema))
            n += len(batch)
        if writer is None:  # nothing matched: a valid file with no columns
            pq.write_table(pa.table({}), out)
    finally:
        if writer is not None:
            writer.close()
    return n
