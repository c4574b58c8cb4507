"""`dossier bench serve` over a given store: every route answers and is timed (no timed
assertion: the figures are printed, not checked)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dossier.bench.serve import run_serve_bench
from dossier.cli.main import app


def test_every_route_is_timed(built_store: Path) -> None:
    result = run_serve_bench(None, store=built_store, repeat=1)
    assert len(result["timings"]) >= 25 and result["articles"] == 4
    assert all(t["median_ms"] >= 0 for t in result["timings"].values())


def test_the_cli_needs_data_or_a_store() -> None:
    result = CliRunner().invoke(app, ["bench", "serve"])
    assert result.exit_code == 1 and "--store" in result.output


def test_the_cli_refuses_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "serve", "--store", str(tmp_path / "no.sqlite")])
    assert result.exit_code == 1 and "no store" in result.output
