"""Fitting the pairwise model on gold clusters (used by ``dossier.bench.crossdoc``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from dossier.resolve.events.cluster import average_link
from dossier.resolve.events.features import block_features
from dossier.resolve.events.mention import Analyser, EventMention
from dossier.resolve.events.model import PairModel, fit_logistic


def block_matrices(
    mentions: Sequence[EventMention], analyser: Analyser
) -> list[tuple[list[EventMention], np.ndarray]]:
    """Features of every block (mentions grouped by their ``story``, sorted by id)."""
    doc_vecs = analyser.doc_vectors(mentions)
    blocks: dict[str, list[EventMention]] = {}
    for m in mentions:
        blocks.setdefault(m.story or "", []).append(m)
    out = []
    for key in sorted(blocks):
        block = sorted(blocks[key], key=lambda m: m.id)
        analyses = analyser.analyse(block)
        for m, a in zip(block, analyses, strict=True):
            a.doc_vec = doc_vecs[m.doc_id]
        out.append((block, block_features(block, analyses)))
    return out


def fit(blocks: Sequence[tuple[list[EventMention], np.ndarray]], gold: dict[str, str]) -> PairModel:
    """Logistic regression on every within-block pair."""
    xs, ys = [], []
    for block, feats in blocks:
        n = len(block)
        iu = np.triu_indices(n, k=1)
        xs.append(feats[:, iu[0], iu[1]].T)
        labels = np.array([gold[m.id] for m in block])
        ys.append((labels[iu[0]] == labels[iu[1]]).astype(np.float64))
    x = np.concatenate(xs).astype(np.float64)
    y = np.concatenate(ys)
    w, b, mean, scale = fit_logistic(x, y)
    return PairModel(weights=w, bias=b, mean=mean, scale=scale, notes={"pairs": len(y)})


def cluster_blocks(
    blocks: Sequence[tuple[list[EventMention], np.ndarray]], model: PairModel, threshold: float
) -> dict[str, str]:
    out: dict[str, str] = {}
    for block, feats in blocks:
        labels = average_link(model.probability(feats), threshold)
        for m, lab in zip(block, labels, strict=True):
            out[m.id] = block[lab].id
    return out


def tune_threshold(
    blocks: Sequence[tuple[list[EventMention], np.ndarray]],
    model: PairModel,
    score: Callable[[dict[str, str]], float],
    grid: Sequence[float] = tuple(np.round(np.arange(0.3, 0.96, 0.025), 3)),
) -> tuple[float, float]:
    """The average-link threshold with the best ``score`` of the clusters, and that score."""
    best = (0.5, -1.0)
    for t in grid:
        s = score(cluster_blocks(blocks, model, float(t)))
        if s > best[1]:
            best = (float(t), s)
    return best
