"""The export entry point: formats, tables and filters checked before a file is written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dossier.api import Dossier
from dossier.errors import DossierError, ExportError, QueryError
from dossier.export import FORMATS, TABLES, check, format_of


def test_an_unknown_format_lists_the_formats() -> None:
    with pytest.raises(ExportError) as info:
        format_of("xlsx")
    assert all(name in str(info.value) for name in FORMATS)


def test_export_errors_are_dossier_errors_of_a_bad_argument() -> None:
    assert issubclass(ExportError, DossierError) and issubclass(ExportError, QueryError)


def test_format_names_ignore_case_and_spaces() -> None:
    assert format_of(" GDELT ").name == "gdelt"


def test_an_unknown_table_lists_the_tables() -> None:
    with pytest.raises(ExportError) as info:
        check("csv", "sightings", {})
    assert all(name in str(info.value) for name in TABLES)


def test_a_table_is_refused_by_a_format_that_writes_the_timeline() -> None:
    with pytest.raises(ExportError, match="--table"):
        check("gdelt", "events", {})


def test_a_filter_exports_do_not_take_is_named() -> None:
    with pytest.raises(ExportError, match="offset"):
        check("csv", None, {"offset": 3})


def test_a_bad_date_is_refused_before_any_file_is_made(db: Dossier, tmp_path: Path) -> None:
    out = tmp_path / "never.csv"
    with pytest.raises(QueryError):
        db.export("csv", out, since="2024-13")
    assert not out.exists()


def test_a_tabular_export_defaults_to_the_timeline() -> None:
    assert check("parquet", None, {}) == (FORMATS["parquet"], "timeline")


def test_download_names_carry_the_table_and_suffix() -> None:
    assert FORMATS["csv"].filename("quotes") == "dossier-quotes.csv"
    assert FORMATS["graphml"].filename() == "dossier-graphml.graphml"


def test_an_export_writes_to_an_open_binary_file(db: Dossier) -> None:
    buf = io.BytesIO()
    report = db.export("timelinejs", buf)
    assert report.path is None and buf.getvalue().startswith(b"{")


def test_the_report_counts_the_rows_written(db: Dossier, tmp_path: Path) -> None:
    report = db.export("csv", tmp_path / "t.csv", limit=7)
    assert (report.rows, report.table, report.path) == (7, "timeline", str(tmp_path / "t.csv"))


def test_a_folder_that_does_not_exist_is_a_clear_error(db: Dossier, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        db.export("csv", tmp_path / "no" / "such" / "t.csv")
