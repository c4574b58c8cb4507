"""Smoke runs of every `dossier bench` command on a few documents (skipped without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli.main import app

BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench"
runner = CliRunner()

CASES = {
    "time": (
        "time/timebank.jsonl",
        {
            "strict_f1",
            "relaxed_f1",
            "type_accuracy",
            "value_accuracy",
            "value_f1",
            "seconds_per_doc",
        },
    ),
    "quotes": (
        "quotes/polnear_dev.jsonl",
        {
            "precision_30",
            "recall_30",
            "f1_30",
            "f1_80",
            "speaker_accuracy",
            "f1_30_direct",
            "f1_30_indirect",
            "seconds_per_doc",
        },
    ),
    "places": (
        "places/geowebnews.jsonl",
        {
            "precision",
            "recall",
            "f1",
            "acc161",
            "acc161_e2e",
            "median_km",
            "id_accuracy",
            "seconds_per_doc",
        },
    ),
    "crossdoc": (
        "crossdoc/dev.docs.jsonl",
        {"conll_f1", "muc_f1", "b3_f1", "ceafe_f1", "lea_f1", "seconds"},
    ),
    "events": (
        "events/plover_gsr.jsonl",
        {"plover_accuracy", "cameo_root_f1", "country_f1", "exact_f1", "seconds_per_sentence"},
    ),
    "throughput": (
        "quotes/polnear_dev.jsonl",
        {
            "articles",
            "tokens",
            "spacy_seconds",
            "dossier_seconds",
            "ratio",
            "articles_per_second",
            "peak_rss_mb",
            "stages",
        },
    ),
}


@pytest.mark.parametrize("stage", sorted(CASES))
def test_bench_prints_its_metrics_as_json(stage: str) -> None:
    rel, keys = CASES[stage]
    data = BENCH / rel
    if not data.exists():
        pytest.skip(f"benchmark file {data} absent (../shared is not here)")
    result = runner.invoke(app, ["bench", stage, "--data", str(data), "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert keys <= metrics.keys()


@pytest.mark.parametrize("stage", ["time", "quotes", "places", "crossdoc"])
def test_bench_puts_the_baseline_beside_its_own_figures(stage: str) -> None:
    rel, keys = CASES[stage]
    data = BENCH / rel
    if not data.exists():
        pytest.skip(f"benchmark file {data} absent (../shared is not here)")
    result = runner.invoke(app, ["bench", stage, "--data", str(data), "--limit", "2", "--json"])
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert keys & metrics["baseline"].keys()


def test_bench_with_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bench", "time", "--data", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "not found" in result.stderr


def test_time_bench_scores_several_files_as_one_set() -> None:
    files = [BENCH / "time" / "timebank.jsonl", BENCH / "time" / "aquaint.jsonl"]
    if not all(f.exists() for f in files):
        pytest.skip("time benchmark files absent (../shared is not here)")
    args = ["bench", "time", "--data", str(files[0]), "--data", str(files[1])]
    result = runner.invoke(app, [*args, "--limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.strip().splitlines()[-1])["docs"] == 4


def test_throughput_scale_run_reports_its_table() -> None:
    data = BENCH / "quotes" / "polnear_dev.jsonl"
    if not data.exists():
        pytest.skip(f"benchmark file {data} absent (../shared is not here)")
    args = ["bench", "throughput", "--data", str(data), "--limit", "8", "--synthetic", "40"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    keys = {"seconds_per_1k_articles", "one_more_article_seconds", "timeline_query_ms"}
    assert keys <= metrics.keys() and metrics["articles"] == 40
    assert metrics["annotated_again"] == 0  # every recombined article kept its annotations


def test_throughput_on_a_dask_cluster_reports_its_workers() -> None:
    data = BENCH / "quotes" / "polnear_dev.jsonl"
    if not data.exists():
        pytest.skip(f"benchmark file {data} absent (../shared is not here)")
    args = ["bench", "throughput", "--data", str(data), "--limit", "4", "--dask", "local:1"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert (metrics["engine"], metrics["workers"], metrics["stored"]) == ("dask local:1", 1, 4)
    assert metrics["engine_start_seconds"] > 0


def test_throughput_into_a_postgresql_store_reports_it(pg_url: str) -> None:
    data = BENCH / "quotes" / "polnear_dev.jsonl"
    if not data.exists():
        pytest.skip(f"benchmark file {data} absent (../shared is not here)")
    args = ["bench", "throughput", "--data", str(data), "--limit", "3", "--store", pg_url]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert (metrics["store"], metrics["stored"]) == ("postgresql", 3)
    assert metrics["timeline_query_ms"] > 0
