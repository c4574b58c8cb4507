"""Fitting the pairwise model on gold clusters (used by ``dossier.bench.crossdoc``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from dossier.resolve.events.cluster import average_link
from dossier.resolve.events.features import LemmaCounts, Lexicon, block_features
from dossier.resolve.events.mention import Analyser, Analysis, EventMention
from dossier.resolve.events.model import PairModel, fit_logistic


def block_analyses(
    mentions: Sequence[EventMention], analyser: Analyser
) -> list[tuple[list[EventMention], list[Analysis]]]:
    """Mentions grouped by their ``story`` (sorted by id) with their analyses."""
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
        out.append((block, analyses))
    return out


def block_matrices(
    mentions: Sequence[EventMention], analyser: Analyser, lexicon: Lexicon | None = None
) -> list[tuple[list[EventMention], np.ndarray]]:
    """Features of every block (mentions grouped by their ``story``, sorted by id)."""
    return [
        (block, block_features(block, analyses, lexicon))
        for block, analyses in block_analyses(mentions, analyser)
    ]


AnalysedBlocks = Sequence[tuple[list[EventMention], list[Analysis]]]


def group_counts(
    blocks: AnalysedBlocks, gold: dict[str, str], group: Callable[[str], str]
) -> dict[str, LemmaCounts]:
    """Lemma counts of each group (``group`` maps a document id to its topic)."""
    out: dict[str, LemmaCounts] = {}
    for block, analyses in blocks:
        counts = LemmaCounts.of_block([a.lemma for a in analyses], [gold[m.id] for m in block])
        key = group(block[0].doc_id)
        out[key] = out.get(key, LemmaCounts()) + counts
    return {k: v.group() for k, v in out.items()}


def fit_with_lexicon(
    blocks: AnalysedBlocks,
    gold: dict[str, str],
    group: Callable[[str], str],
    basis: np.ndarray,
    skip: frozenset[str] = frozenset(),
) -> PairModel:
    """The model fitted on the blocks whose group is not in ``skip``, with its lexicon
    learned from them. The lexicon features of a training block come from the other
    groups only, so the weights are learned on features as they are on unseen stories."""
    counts = {k: v for k, v in group_counts(blocks, gold, group).items() if k not in skip}
    total = sum(counts.values(), LemmaCounts())
    own: dict[str, Lexicon] = {}
    feats = []
    for block, analyses in blocks:
        key = group(block[0].doc_id)
        if key in skip:
            continue
        if key not in own:
            own[key] = Lexicon.from_counts(total - counts[key], basis)
        feats.append((block, block_features(block, analyses, own[key])))
    model = fit(feats, gold)
    model.lexicon = Lexicon.from_counts(total, basis)
    return model


Blocks = Sequence[tuple[list[EventMention], np.ndarray]]


def fit(blocks: Blocks, gold: dict[str, str]) -> PairModel:
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
    blocks: Blocks, model: PairModel | Sequence[PairModel], threshold: float
) -> dict[str, str]:
    """Average-link clusters of every block; with one model per block (cross-fitting),
    each block is scored by its own."""
    models = [model] * len(blocks) if isinstance(model, PairModel) else list(model)
    out: dict[str, str] = {}
    for (block, feats), block_model in zip(blocks, models, strict=True):
        labels = average_link(block_model.probability(feats), threshold)
        for m, lab in zip(block, labels, strict=True):
            out[m.id] = block[lab].id
    return out


def tune_threshold(
    blocks: Blocks,
    model: PairModel | Sequence[PairModel],
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


def cross_validate(
    blocks: AnalysedBlocks,
    gold: dict[str, str],
    group: Callable[[str], str],
    folds: Sequence[frozenset[str]],
    basis: np.ndarray,
    extra: Sequence[AnalysedBlocks] = (),
) -> list[tuple[Blocks, list[PairModel]]]:
    """Held-out features and models: for ``blocks`` and each of ``extra`` (the same
    mentions blocked otherwise), every block with the features and the model of the
    fold that left its group out."""
    models = [fit_with_lexicon(blocks, gold, group, basis, skip=fold) for fold in folds]
    fold_of = {key: k for k, fold in enumerate(folds) for key in fold}
    out: list[tuple[Blocks, list[PairModel]]] = []
    for bs in (blocks, *extra):
        feats: list[tuple[list[EventMention], np.ndarray]] = []
        chosen: list[PairModel] = []
        for block, analyses in bs:
            model = models[fold_of[group(block[0].doc_id)]]
            feats.append((block, block_features(block, analyses, model.lexicon)))
            chosen.append(model)
        out.append((feats, chosen))
    return out
