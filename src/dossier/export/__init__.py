"""Exports of the record in the formats other tools read: CSV and Parquet of any listing,
GDELT 2.0 events, PLOVER JSON lines, ACLED-style CSV, the actor network (GraphML, GEXF)
and TimelineJS. One module per format; each has ``write(db, out, table, filters) -> int``
(rows written) and reads its rows through the same ``Dossier`` queries the listings use,
a page at a time.

Heavy libraries (pyarrow, networkx) load only when their format is written.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from dossier.errors import ExportError
from dossier.query import FilterArgs, Filters

if TYPE_CHECKING:
    from dossier.api import Dossier

__all__ = ["FORMATS", "TABLES", "ExportReport", "Format", "export", "format_of"]

TABLES = ("timeline", "events", "quotes", "entities", "articles", "contradictions")
FILTERS = ("entity", "since", "until", "source", "limit")


@dataclass(frozen=True)
class Format:
    name: str
    module: str  # dossier.export.<module> has write(db, out, table, filters)
    media_type: str
    suffix: str
    tables: bool = False  # takes a table (csv, parquet); the others write the timeline
    what: str = ""

    def filename(self, table: str | None = None) -> str:
        """The name a download of this export is offered under."""
        part = (table or "timeline") if self.tables else self.name
        return f"dossier-{part}{self.suffix}"


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("csv", "tabular", "text/csv; charset=utf-8", ".csv", True, "any table as CSV"),
        Format(
            "parquet",
            "tabular",
            "application/vnd.apache.parquet",
            ".parquet",
            True,
            "any table as Parquet",
        ),
        Format(
            "gdelt",
            "gdelt",
            "text/tab-separated-values; charset=utf-8",
            ".export.CSV",
            False,
            "GDELT 2.0 events (61 tab-separated columns, no header)",
        ),
        Format(
            "plover",
            "plover",
            "application/x-ndjson",
            ".plover.jsonl",
            False,
            "PLOVER events as JSON lines, POLECAT style",
        ),
        Format("acled", "acled", "text/csv; charset=utf-8", ".acled.csv", False, "ACLED-style CSV"),
        Format("graphml", "network", "application/graphml+xml", ".graphml", False, "actor network"),
        Format("gexf", "network", "application/gexf+xml", ".gexf", False, "actor network"),
        Format(
            "timelinejs",
            "timelinejs",
            "application/json",
            ".timeline.json",
            False,
            "TimelineJS3 JSON of the key events",
        ),
    )
}


@dataclass(frozen=True)
class ExportReport:
    format: str
    table: str | None
    rows: int  # records written (lines, rows, nodes + edges, events)
    path: str | None = None  # the file written, when given a path


def format_of(name: str) -> Format:
    """The format called ``name``, or an ExportError listing the formats."""
    found = FORMATS.get(name.strip().lower())
    if found is None:
        raise ExportError(f"unknown export format {name!r}: use one of {', '.join(FORMATS)}")
    return found


def check(fmt: str, table: str | None, filters: Mapping[str, Any]) -> tuple[Format, str | None]:
    """The format and table of an export, checked before anything is written."""
    spec = format_of(fmt)
    if table is not None:
        if not spec.tables:
            tabular = ", ".join(n for n, f in FORMATS.items() if f.tables)
            raise ExportError(
                f"--table is for the {tabular} exports: {spec.name} always writes the timeline"
            )
        if table not in TABLES:
            raise ExportError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise ExportError(f"exports take no filter {', '.join(unknown)}: use {', '.join(FILTERS)}")
    Filters(**cast(FilterArgs, filters))  # a bad date or limit: one clear error first
    return spec, (table or "timeline") if spec.tables else None


def export(
    db: Dossier, fmt: str, out: str | Path | IO[bytes], table: str | None = None, **filters: Any
) -> ExportReport:
    """Write the export ``fmt`` of ``db`` to ``out`` (a path, or a binary file opened for
    writing). ``table`` (csv and parquet) is one of ``TABLES``, the timeline by default;
    ``filters`` are the listings' (``entity``, ``since``, ``until``, ``source``, ``limit``).
    A path that fails half-written is removed."""
    given = {k: v for k, v in filters.items() if v is not None}
    spec, table = check(fmt, table, given)
    module = importlib.import_module(f"dossier.export.{spec.module}")
    args = cast(FilterArgs, given)
    if not isinstance(out, str | Path):
        n = int(module.write(db, out, table, args, spec.name))
        return ExportReport(spec.name, table, n)
    path = Path(out)
    try:
        fh = path.open("wb")
    except OSError as exc:
        raise ExportError(
            f"cannot write {path}: {exc.strerror or exc}: give --out a file in a folder that "
            "exists and can be written"
        ) from exc
    try:
        with fh:
            n = int(module.write(db, fh, table, args, spec.name))
    except BaseException:
        if path.exists() and not path.is_dir():
            os.unlink(path)
        raise
    return ExportReport(spec.name, table, n, str(path))
