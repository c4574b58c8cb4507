"""Smoke test of the event benchmark runner on a few PLOVER gold sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.bench.events import run_events_bench

DATA = (
    Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "events" / "plover_gsr.jsonl"
)
KEYS = {
    "plover_accuracy",
    "cameo_root_f1",
    "country_f1",
    "exact_f1",
    "seconds_per_sentence",
    "overhead_vs_parse",
}


@pytest.fixture(scope="module")
def data() -> Path:
    if not DATA.is_file():
        pytest.skip(f"benchmark data not found at {DATA} (../shared is absent): skipping")
    return DATA


def test_report_has_the_metrics(data: Path) -> None:
    report = run_events_bench(data, limit=5)
    assert set(report) >= KEYS and report["sentences"] == 5
    assert all(
        0.0 <= report[k] <= 1.0 for k in KEYS - {"seconds_per_sentence", "overhead_vs_parse"}
    )


def test_codebook_mode_reports_root_accuracy(data: Path) -> None:
    report = run_events_bench(data, limit=5, codebook=True)
    assert report["examples"] == 5 and 0.0 <= report["root_accuracy"] <= 1.0
