"""`dossier export` and `dossier datasette-metadata`: thin adapters, one line on errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dossier
from dossier.cli.main import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "api"
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("db") / "cli.sqlite"
    with dossier.open(path) as db:
        db.ingest([FIXTURES])
    return str(path)


def test_export_writes_the_file_and_says_so(store: str, tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    result = runner.invoke(app, ["--db", store, "export", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    with dossier.open(store, create=False) as db:
        total = db.timeline(limit=0).total
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == total
    assert f"wrote {total} record(s)" in result.stderr


def test_export_takes_a_table_and_the_listing_filters(store: str, tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    args = ["export", "--db", store, "--format", "csv", "--table", "quotes", "--out", str(out)]
    result = runner.invoke(app, [*args, "--entity", "Rui Alves", "--since", "2024"])
    assert result.exit_code == 0, result.output
    with dossier.open(store, create=False) as db:
        want = [q.quote.id for q in db.quotes(entity="Rui Alves", since="2024", limit=None)]
    assert [r["id"] for r in csv.DictReader(out.open(encoding="utf-8"))] == want


def test_out_dash_writes_to_stdout(store: str) -> None:
    args = ["--db", store, "export", "--format", "plover", "--out", "-", "--limit", "5"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "to stdout" in result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(json.loads(line)["event_type"] for line in lines)


def test_an_unknown_format_is_one_line_and_exit_2(store: str, tmp_path: Path) -> None:
    out = tmp_path / "x"
    result = runner.invoke(app, ["--db", store, "export", "--format", "xls", "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "csv, parquet" in result.stderr
    assert not out.exists()


def test_a_missing_store_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite"
    args = ["--db", str(db), "export", "--format", "gdelt", "--out", str(tmp_path / "g")]
    assert runner.invoke(app, args).exit_code == 1 and not db.exists()


def test_datasette_metadata_names_the_store(store: str) -> None:
    result = runner.invoke(app, ["datasette-metadata", "--db", store])
    assert result.exit_code == 0 and set(json.loads(result.stdout)["databases"]) == {"cli"}


def test_datasette_metadata_writes_a_file(store: str, tmp_path: Path) -> None:
    out = tmp_path / "metadata.json"
    result = runner.invoke(app, ["datasette-metadata", "--db", store, "--out", str(out)])
    assert result.exit_code == 0
    assert "timeline_with_sources" in json.loads(out.read_text())["databases"]["cli"]["tables"]
