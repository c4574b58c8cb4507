"""Fitting the learned stance finder: the learner, the threshold, a fit end to end."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from dossier.bench.stance_fit import _best_threshold, fit_sparse, fit_stance

SCORER = (
    Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "quotes" / "score_quotes.py"
)

# articles of our own, in the benchmark's row schema: one stance each that no rule reads
ARTICLES = [
    ("The fishing cooperative fought the wind farm.", "the wind farm"),
    ("The bakers union attacked the new flour tax.", "the new flour tax"),
    ("Two mayors attacked the rail closure plan.", "the rail closure plan"),
    ("The parents group fought the school merger.", "the school merger"),
    ("The hikers club attacked the parking fee.", "the parking fee"),
    ("The farmers fought the river dam.", "the river dam"),
]


def _row(n: int, text: str, content: str) -> dict[str, object]:
    s = text.index(content)
    return {
        "doc_id": f"d{n}",
        "text": text,
        "meta": {"is_primary": True},
        "quotes": [
            {
                "quote_spans": [[s, s + len(content)]],
                "speaker_spans": [[0, text.index(" ", 4)]],
                "speaker_text": text[: text.index(" ", 4)],
                "has_quote_marks": False,
            }
        ],
    }


def test_the_learner_separates_what_its_features_separate() -> None:
    x = csr_matrix(np.array([[1, 0], [1, 0], [0, 1], [0, 1]], dtype=float))
    w, b = fit_sparse(x, np.array([1.0, 1.0, 0.0, 0.0]), l2=0.1)
    assert w[0] + b > 0 > w[1] + b


def test_no_candidate_is_added_when_none_helps() -> None:
    scores = np.array([0.9, 0.8])
    threshold, f1 = _best_threshold(scores, np.array([0.0, 0.0]), tp=8, pred=10, gold=10)
    assert threshold == 1.0 and f1 == pytest.approx(0.8)


def test_a_fit_writes_a_model_the_finder_can_read(tmp_path: Path) -> None:
    if not SCORER.is_file():
        pytest.skip(f"the shipped scorer is not at {SCORER} (../shared is absent): skipping")
    data = tmp_path / "train.jsonl"
    rows = [_row(n, text, content) for n, (text, content) in enumerate(ARTICLES)]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "model.json"
    report = fit_stance(data, out, scorer_path=SCORER)
    assert report["candidates"] >= len(ARTICLES) and report["positives"] >= len(ARTICLES)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert {"bias", "threshold", "weights", "l2"} <= set(saved)


def test_a_candidate_without_a_speaker_stands_only_for_an_unsourced_attribution() -> None:
    if not SCORER.is_file():
        pytest.skip(f"the shipped scorer is not at {SCORER} (../shared is absent): skipping")
    from dossier.annotate.quotes.cues import Cand
    from dossier.annotate.quotes.learned import Candidate
    from dossier.bench import common
    from dossier.bench.stance_fit import _label

    scorer = common.load_scorer(SCORER, "score_quotes.py")
    sourced = {"ivs": [(10, 30)], "spk_ivs": [(0, 5)], "spk_text": "Ames", "direct": False}
    unsourced = {"ivs": [(40, 60)], "spk_ivs": [], "spk_text": "", "direct": False}
    cands = [Candidate(Cand(10, 30, "indirect"), []), Candidate(Cand(40, 60, "indirect"), [])]
    labels, matched = _label(scorer, [sourced, unsourced], [], cands)
    assert (labels, matched) == ([0, 1], 0)
