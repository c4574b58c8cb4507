"""``dossier migrate``: a store copied into PostgreSQL, and the read commands over it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dossier
from dossier.cli.main import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "api"
runner = CliRunner()


@pytest.fixture(scope="module")
def lite(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("db") / "cli.sqlite")
    with dossier.open(db) as d:
        d.ingest([str(FIXTURES)])
    return db


def _json(db: str, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["--db", db, *args, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_migrate_copies_a_store_into_postgres(lite: str, pg_url: str) -> None:
    result = runner.invoke(app, ["migrate", "--from", lite, "--to", pg_url])
    assert result.exit_code == 0, result.output
    n = len(_json(lite, "articles"))
    assert result.stdout.startswith(f"copied {n} articles")


@pytest.mark.parametrize("command", ["articles", "timeline", "quotes", "entities", "events"])
def test_read_commands_read_a_postgres_url(lite: str, pg_url: str, command: str) -> None:
    runner.invoke(app, ["migrate", "--from", lite, "--to", pg_url])
    assert _json(pg_url, command) == _json(lite, command)


def test_migrate_into_a_store_that_is_not_empty_is_one_error_line(lite: str, pg_url: str) -> None:
    runner.invoke(app, ["migrate", "--from", lite, "--to", pg_url])
    result = runner.invoke(app, ["migrate", "--from", lite, "--to", pg_url])
    assert result.exit_code == 1 and "is not empty" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_migrate_to_a_server_that_is_down_is_one_error_line(lite: str) -> None:
    url = "postgresql://dossier@127.0.0.1:1/none"
    result = runner.invoke(app, ["migrate", "--from", lite, "--to", url])
    assert result.exit_code == 1 and "start the server" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
