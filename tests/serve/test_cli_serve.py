"""`dossier serve`: the store is checked before binding, the token is printed, and the
server is started on the address asked for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.cli.main import app

runner = CliRunner()


def test_serve_over_a_missing_store_is_one_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "none.sqlite"), "serve"])
    assert result.exit_code == 1 and "no store at" in result.output


def _fake_run(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def run(db: str, token: str, host: str, port: int, token_name: str) -> None:
        seen.update(db=db, token=token, host=host, port=port, name=token_name)

    monkeypatch.setattr("dossier.serve.run", run)
    return seen


def test_serve_binds_to_this_machine_by_default(
    built_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _fake_run(monkeypatch)
    monkeypatch.delenv("DOSSIER_TOKEN", raising=False)
    runner.invoke(app, ["--db", str(built_store), "serve"])
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8765)


def test_serve_prints_the_token_it_made(built_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _fake_run(monkeypatch)
    monkeypatch.delenv("DOSSIER_TOKEN", raising=False)
    result = runner.invoke(app, ["--db", str(built_store), "serve", "--port", "9001"])
    assert seen["port"] == 9001 and seen["token"] in result.output


def test_serve_takes_the_token_from_the_environment(
    built_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _fake_run(monkeypatch)
    monkeypatch.setenv("DOSSIER_TOKEN", "from-env")
    result = runner.invoke(app, ["--db", str(built_store), "serve"])
    assert seen["token"] == "from-env" and "from-env" not in result.output
