"""Fitting the learned stance finder (``annotate/quotes/learned.py``) on PolNeAR train.

Each article is parsed and quoted by the rules; every candidate the learned finder
offers is labelled by whether it matches (overlap >= 0.3 of the longer span, the
benchmark's own test, from its shipped scorer) a gold attribution that the rules' quotes
left unmatched. A logistic model over the candidates' feature strings is fitted, and
its threshold chosen by cross-validation over articles to maximise the F1 of the rules'
quotes plus the accepted candidates. Only the train file is read.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from dossier.annotate import nlp as nlp_mod
from dossier.annotate.entities import extract_mentions
from dossier.annotate.quotes import EXTRACTOR, VERSION
from dossier.annotate.quotes.assemble import assemble
from dossier.annotate.quotes.learned import Candidate, StanceModel
from dossier.bench import common
from dossier.bench.quotes import SCORER, load_rows, system_row
from dossier.records import Article

OVERLAP = 0.3
MIN_COUNT = 2  # a feature seen once cannot be weighed
L2_GRID = (0.3, 1.0, 3.0)
FOLDS = 5


@dataclass
class Collected:
    """Candidates of every article with labels, and the rules' own counts per article."""

    doc: list[int] = field(default_factory=list)
    features: list[list[str]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    base_tp: list[int] = field(default_factory=list)
    base_pred: list[int] = field(default_factory=list)
    n_gold: int = 0


def _label(
    scorer: ModuleType,
    gold: list[dict[str, Any]],
    preds: list[dict[str, Any]],
    cands: list[Candidate],
) -> tuple[list[int], int]:
    matched = {gi for gi, _, _ in scorer.match_doc(gold, preds, OVERLAP, "longer")}
    open_gold = [g for gi, g in enumerate(gold) if gi not in matched]
    labels = []
    for k in cands:
        ivs = scorer.merge_intervals([(k.cand.start, k.cand.end)])
        # a candidate without a speaker stands for an attribution that names nobody
        # ('it appears that ...'), not for one whose source it failed to find
        hit = any(
            scorer.overlap_score(g["ivs"], ivs, "longer") >= OVERLAP
            and (k.cand.speaker is not None or not (g["spk_ivs"] or g["spk_text"]))
            for g in open_gold
        )
        labels.append(int(hit))
    return labels, len(matched)


def collect(data: Path, limit: int | None = None, scorer_path: Path | None = None) -> Collected:
    """Parse, quote and label the candidates of the primary rows of ``data`` (scored with
    the scorer next to it, or at ``scorer_path``)."""
    scorer = common.load_scorer(data if scorer_path is None else scorer_path, SCORER)
    gold_docs = scorer.load_gold(str(data))
    nlp = nlp_mod.load()
    out = Collected()
    for n, row in enumerate(load_rows(data, limit)):
        text = row["text"]
        article = Article(id=str(row["doc_id"]), text=text, path=str(data), fmt="jsonl")
        doc = nlp(nlp_mod.plain_spaces(text))
        mentions = extract_mentions(article, doc)
        sink: list[Candidate] = []
        quotes = assemble(article, doc, mentions, [], EXTRACTOR, VERSION, stance_sink=sink.extend)
        sys_row = system_row(article.id, text, quotes)
        preds = _system(scorer, sys_row)
        gold = gold_docs[row["doc_id"]]["quotes"]
        labels, tp = _label(scorer, gold, preds, sink)
        out.doc += [n] * len(sink)
        out.features += [k.features for k in sink]
        out.labels += labels
        out.base_tp.append(tp)
        out.base_pred.append(len(preds))
        out.n_gold += len(gold)
    return out


def _system(scorer: ModuleType, row: dict[str, Any]) -> list[dict[str, Any]]:
    """One system row in the scorer's own form (its ``load_system`` reads a file)."""
    preds = []
    for q in row["quotes"]:
        ivs = scorer.merge_intervals(q.get("spans") or [(q["start"], q["end"])])
        preds.append({"ivs": ivs, "spk_ivs": [], "spk_text": ""})
    return preds


def _matrix(features: list[list[str]], vocab: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    for i, feats in enumerate(features):
        for j in sorted({vocab[f] for f in feats if f in vocab}):
            rows.append(i)
            cols.append(j)
    data = np.ones(len(rows))
    return csr_matrix((data, (rows, cols)), shape=(len(features), len(vocab)))


def _vocab(features: list[list[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for feats in features:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    kept = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    return {f: i for i, f in enumerate(kept)}


def fit_sparse(x: Any, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """L2 logistic regression on sparse binary features (scipy's L-BFGS; the package ships
    no learner). Features are not rescaled, so a rare feature is shrunk harder than a
    frequent one, which is what a long tail of lemmas needs."""
    from scipy.optimize import minimize

    k = x.shape[1]

    def loss(wb: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = wb[:k], wb[k]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        ll = float(np.sum(np.logaddexp(0.0, z) - y * z)) + 0.5 * l2 * float(w @ w)
        g = p - y
        return ll, np.concatenate([x.T @ g + l2 * w, [g.sum()]])

    res = minimize(loss, np.zeros(k + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return res.x[:k], float(res.x[k])


def _best_threshold(
    scores: np.ndarray, labels: np.ndarray, tp: int, pred: int, gold: int
) -> tuple[float, float]:
    """The threshold that maximises F1 of the rules plus the candidates scored above it."""
    best = (1.0, 2 * tp / (pred + gold))
    for t in np.arange(0.2, 0.95, 0.025):
        keep = scores >= t
        t_tp = tp + int(labels[keep].sum())
        t_pred = pred + int(keep.sum())
        f1 = 2 * t_tp / (t_pred + gold)
        if f1 > best[1]:
            best = (float(t), f1)
    return best


def fit_stance(
    train: Path, out: Path, limit: int | None = None, scorer_path: Path | None = None
) -> dict[str, Any]:
    """Fit on ``train``, write the model to ``out``; returns the cross-validated figures."""
    col = collect(train, limit, scorer_path)
    y = np.array(col.labels, dtype=np.float64)
    n_docs = len(col.base_tp)
    order = list(range(n_docs))
    random.Random(13).shuffle(order)
    fold_of = {d: i % FOLDS for i, d in enumerate(order)}
    folds = np.array([fold_of[d] for d in col.doc])
    tp, pred = sum(col.base_tp), sum(col.base_pred)
    report: dict[str, Any] = {
        "candidates": len(y),
        "positives": int(y.sum()),
        "base_f1": round(2 * tp / (pred + col.n_gold), 4),
    }
    best: tuple[float, float, float] | None = None
    for l2 in L2_GRID:
        scores = np.zeros(len(y))
        for k in range(FOLDS):
            tr, te = folds != k, folds == k
            train_feats = [f for f, m in zip(col.features, tr, strict=True) if m]
            vocab = _vocab(train_feats)
            w, b = fit_sparse(_matrix(train_feats, vocab), y[tr], l2)
            xt = _matrix([f for f, m in zip(col.features, te, strict=True) if m], vocab)
            scores[te] = 1.0 / (1.0 + np.exp(-(xt @ w + b)))
        t, f1 = _best_threshold(scores, y, tp, pred, col.n_gold)
        report[f"cv_f1_l2_{l2}"] = round(f1, 4)
        report[f"cv_threshold_l2_{l2}"] = round(t, 3)
        if best is None or f1 > best[2]:
            best = (l2, t, f1)
    assert best is not None
    l2, t, _ = best
    vocab = _vocab(col.features)
    w, b = fit_sparse(_matrix(col.features, vocab), y, l2)
    weights = {f: round(float(w[j]), 4) for f, j in vocab.items() if abs(w[j]) >= 1e-4}
    model = StanceModel(weights, round(b, 4), round(t, 3))
    out.write_text(
        json.dumps({"fitted_on": train.name, "l2": l2, **model.to_json()}, indent=0, sort_keys=True)
        + "\n",
        encoding="utf-8",
    )
    report.update({"l2": l2, "threshold": round(t, 3), "features": len(weights)})
    return report
