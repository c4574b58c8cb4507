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


def _own_file(tmp_path: Path, data: Path, rows: list[dict[str, object]]) -> Path:
    """A gold file of sentences written for these tests, beside the shipped scorer and
    codebook (copied into the temporary folder, never into the project)."""
    import json
    import shutil

    for name in ("score_events.py", "cameo_event_codes.csv"):
        shutil.copy(data.parent / name, tmp_path / name)
    path = tmp_path / "own.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_gold_codes_in_the_file_are_scored(tmp_path: Path, data: Path) -> None:
    rows = [
        {"id": "a", "text": "Police arrested two protesters in Lyon on Monday.", "date": "20240304",
         "gold_events": [{"source": "", "target": "", "code": "173"}]},
        {"id": "b", "text": "The weather was mild all week.", "date": None,
         "gold_events": [], "noevents": True},
    ]  # fmt: skip
    report = run_events_bench(_own_file(tmp_path, data, rows))
    assert report["cameo_scored"] == 2 and report["cameo_root_f1"] == 1.0


def test_every_event_of_a_sentence_is_scored(tmp_path: Path, data: Path) -> None:
    rows = [
        {"id": "a", "text": "Rebels attacked a convoy and the army arrested their leader.",
         "date": "2024-03-04", "gold_events": [{"source": "", "target": "", "code": "190"},
                                               {"source": "", "target": "", "code": "173"}]},
    ]  # fmt: skip
    report = run_events_bench(_own_file(tmp_path, data, rows))
    roots = report["cameo_levels"]["root_code"]
    assert roots["tp"] == 2  # the attack and the arrest
    assert report["main_event_only"]["cameo_root_f1"] < report["cameo_root_f1"]


def test_coordinated_sources_of_one_act_are_one_compound_event(tmp_path: Path, data: Path) -> None:
    rows = [
        {"id": "a", "text": "Chad and Niger condemned the coup in Bamako.",
         "date": "2024-03-04", "gold_events": [{"source": "TCD+NER", "target": "MLIGOV",
                                                "plover": "DISAPPROVE"}]},
    ]  # fmt: skip
    report = run_events_bench(_own_file(tmp_path, data, rows))
    exact = report["levels"]["exact"]
    assert (exact["tp"], exact["fp"]) == (1, 0)  # one condemnation, not one per source


def test_actors_of_a_coded_gold_are_scored_with_the_code(tmp_path: Path, data: Path) -> None:
    rows = [
        {"id": "a", "text": "Chad and Niger condemned the coup in Bamako.",
         "date": "2024-03-04", "gold_events": [{"source": "TCD+NER", "target": "MLIGOV",
                                                "code": "111"}]},
    ]  # fmt: skip
    report = run_events_bench(_own_file(tmp_path, data, rows))
    assert report["levels"]["country"]["tp"] == 1  # countries and root 11 together


def test_a_deal_two_parties_sign_is_one_event_each_way(tmp_path: Path, data: Path) -> None:
    rows = [
        {"id": "a", "text": "Chile and Peru signed a fishing treaty in Lima on Monday.",
         "date": "2024-03-04", "gold_events": [{"source": "CHL", "target": "PER", "code": "057"},
                                               {"source": "PER", "target": "CHL", "code": "057"}]},
    ]  # fmt: skip
    report = run_events_bench(_own_file(tmp_path, data, rows))
    country = report["levels"]["country"]
    assert (country["tp"], country["fp"]) == (2, 0)  # Chile->Peru and Peru->Chile
