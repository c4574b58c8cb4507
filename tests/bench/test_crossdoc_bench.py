"""Smoke test of the cross-document event coreference bench on two ECB+ topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.bench.crossdoc import run_crossdoc_bench

DATA = (
    Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "crossdoc" / "dev.docs.jsonl"
)
KEYS = {"conll_f1", "muc_f1", "b3_f1", "ceafe_f1", "lea_f1"}


@pytest.fixture(scope="module")
def data() -> Path:
    if not DATA.is_file():
        pytest.skip(f"benchmark data not found at {DATA} (../shared is absent): skipping")
    return DATA


def test_report_has_the_metrics_and_the_baseline(data: Path) -> None:
    report = run_crossdoc_bench(data, limit=2)
    assert set(report) >= KEYS | {"seconds", "baseline"}
    assert set(report["baseline"]) >= KEYS
    assert all(0.0 <= report[k] <= 1.0 and 0.0 <= report["baseline"][k] <= 1.0 for k in KEYS)


def test_synthetic_mode_reports_cost_per_article(data: Path) -> None:
    report = run_crossdoc_bench(data, synthetic=20)
    assert report["articles"] == 20 and report["seconds_per_1k_articles"] > 0
    assert report["peak_rss_mb"] > 0


def test_fitting_on_a_few_train_topics_gives_a_loadable_model(tmp_path: Path) -> None:
    from dossier.bench.crossdoc import fit_crossdoc
    from dossier.resolve.events.model import PairModel

    train = DATA.with_name("train.docs.jsonl")
    if not train.is_file():
        pytest.skip(f"benchmark data not found at {train}: skipping")
    fit_crossdoc(train, tmp_path / "model.json", folds=3, limit=3)
    model = PairModel.load(tmp_path / "model.json")
    assert model.lexicon is not None and model.predicted_threshold is not None
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.story_threshold < 1.0
