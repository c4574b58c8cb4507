"""Smoke test of the places benchmark runner on a few GeoWebNews documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.bench.places import run_places_bench

DATA = (
    Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "places" / "geowebnews.jsonl"
)

KEYS = {
    "precision",
    "recall",
    "f1",
    "acc161",
    "acc161_e2e",
    "median_km",
    "id_accuracy",
    "seconds_per_doc",
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    if not DATA.is_file():
        pytest.skip(f"benchmark data not found at {DATA} (../shared is absent): skipping")
    return run_places_bench(DATA, limit=3)


def test_report_has_metrics_for_dossier_and_baseline(report: dict[str, Any]) -> None:
    assert set(report) >= KEYS | {"gazetteer_load_seconds", "gazetteer_memory_mb"}
    assert set(report["baseline"]) >= KEYS
    assert report["docs"] == 3


def test_geoparser_finds_and_places_most_gold_toponyms(report: dict[str, Any]) -> None:
    assert report["f1"] > 0.3
    assert report["acc161"] > 0.7


def test_gazetteer_is_light(report: dict[str, Any]) -> None:
    assert report["gazetteer_load_seconds"] < 2.0
    assert report["gazetteer_memory_mb"] < 1024
