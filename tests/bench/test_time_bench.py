"""Smoke test of the temporal benchmark runner on a few TimeBank documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.bench.time import run_time_bench

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "time" / "timebank.jsonl"

KEYS = {
    "strict_f1",
    "relaxed_f1",
    "type_accuracy",
    "value_accuracy",
    "value_f1",
    "seconds_per_doc",
    "docs",
}


@pytest.fixture(scope="module")
def report() -> dict:
    if not DATA.is_file():
        pytest.skip(f"benchmark data not found at {DATA} (../shared is absent): skipping")
    return run_time_bench(DATA, limit=3)


def test_report_has_metrics_for_tagger_and_baseline(report: dict) -> None:
    assert set(report) >= KEYS
    assert set(report["baseline"]) >= KEYS
    assert report["docs"] == 3


def test_tagger_finds_most_gold_expressions(report: dict) -> None:
    assert report["relaxed_f1"] > 0.6
    assert 0.0 <= report["value_f1"] <= report["relaxed_f1"]
