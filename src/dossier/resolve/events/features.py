"""Pairwise features of the mentions of one block, computed as matrices.

Every feature is an ``n x n`` array over the block, so a block of ``n`` mentions costs a
few matrix products rather than ``n^2`` Python calls. Set overlaps (participants,
places, times, sentence entities) are products of binary incidence matrices.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from dossier.resolve.events.mention import Analysis, EventMention

FEATURES = (
    "same_lemma",
    "same_stem",
    "trigger_cos",
    "sentence_cos",
    "doc_cos",
    "participant_jaccard",
    "participant_conflict",
    "place_jaccard",
    "place_conflict",
    "time_jaccard",
    "time_conflict",
    "entity_jaccard",
    "same_doc",
    "same_sentence",
    "lemma_x_doc_cos",
    "lemma_x_sentence_cos",
    "trigger_cos_sq",
    "same_text",
    "context_cos",
    "lemma_x_same_doc",
    "trigger_x_context_cos",
    "participant_known",
    "lemma_cos",
    "word_cos",
)


def _same(keys: Sequence[str]) -> np.ndarray:
    index: dict[str, int] = {}
    ids = np.array([index.setdefault(k, len(index)) for k in keys])
    return (ids[:, None] == ids[None, :]).astype(np.float32)


def _overlap(sets: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Jaccard overlap and 'conflict' (both sides known, nothing shared) matrices, over
    the words of the phrases (so 'jackson' meets 'vincent jackson')."""
    vocab: dict[str, int] = {}
    rows = [{vocab.setdefault(w, len(vocab)) for p in s for w in p.split()} for s in sets]
    n = len(sets)
    if not vocab:
        zero = np.zeros((n, n), dtype=np.float32)
        return zero, zero
    inc = np.zeros((n, len(vocab)), dtype=np.float32)
    for i, cols in enumerate(rows):
        inc[i, list(cols)] = 1.0
    inter = inc @ inc.T
    size = inc.sum(axis=1)
    union = size[:, None] + size[None, :] - inter
    jacc = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    known = (size > 0).astype(np.float32)
    conflict = (known[:, None] * known[None, :]) * (inter == 0)
    return jacc, conflict.astype(np.float32)


def _field(
    values: Sequence[Analysis], get: Callable[[Analysis], frozenset[str]]
) -> list[frozenset[str]]:
    return [get(a) for a in values]


def block_features(mentions: Sequence[EventMention], analyses: Sequence[Analysis]) -> np.ndarray:
    """Array of shape ``(len(FEATURES), n, n)``."""
    lemma = _same([a.lemma for a in analyses])
    stem = np.maximum(lemma, _same([a.stem for a in analyses]))
    trig = np.stack([a.trigger_vec for a in analyses])
    sent = np.stack([a.sentence_vec for a in analyses])
    docv = np.stack([a.doc_vec for a in analyses])
    trig_cos = np.clip(trig @ trig.T, -1.0, 1.0)
    sent_cos = np.clip(sent @ sent.T, -1.0, 1.0)
    doc_cos = np.clip(docv @ docv.T, -1.0, 1.0)
    part_j, part_c = _overlap(_field(analyses, lambda a: a.participants))
    place_j, place_c = _overlap(_field(analyses, lambda a: a.places))
    time_j, time_c = _overlap(_field(analyses, lambda a: a.times))
    ent_j, _ = _overlap(_field(analyses, lambda a: a.entities))
    same_doc = _same([m.doc_id for m in mentions])
    same_sent = same_doc * _same([m.sentence for m in mentions])
    ctx = np.stack([a.context_vec for a in analyses])
    ctx_cos = np.clip(ctx @ ctx.T, -1.0, 1.0)
    lem = np.stack([a.lemma_vec for a in analyses])
    lemma_cos = np.clip(lem @ lem.T, -1.0, 1.0)
    known = np.array([1.0 if a.participants else 0.0 for a in analyses], dtype=np.float32)
    return np.stack(
        [
            lemma,
            stem,
            trig_cos,
            sent_cos,
            doc_cos,
            part_j,
            part_c,
            place_j,
            place_c,
            time_j,
            time_c,
            ent_j,
            same_doc,
            same_sent,
            lemma * doc_cos,
            lemma * sent_cos,
            trig_cos * trig_cos,
            _same([a.text for a in analyses]),
            ctx_cos,
            lemma * same_doc,
            trig_cos * ctx_cos,
            np.outer(known, known),
            lemma_cos,
            np.maximum(lemma_cos, trig_cos),
        ]
    ).astype(np.float32)
