"""Pairwise features of the mentions of one block, computed as matrices.

Every feature is an ``n x n`` array over the block, so a block of ``n`` mentions costs a
few matrix products rather than ``n^2`` Python calls. Set overlaps (participants,
places, times, sentence entities) are products of binary incidence matrices.

The :class:`Lexicon` features are learned from training clusters (stored in the model
file): how often two mentions with one lemma corefer ('say' rarely does, 'earthquake'
mostly does), how often a lemma's mention is a singleton, and a bilinear trigger
similarity over a few principal directions of the lemma vectors.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from dossier.resolve.events.mention import Analysis, EventMention
from dossier.resources import data_path

LEX_DIMS = 16  # principal directions of the lemma vectors in the bilinear similarity
PAIR_PRIOR = 10.0  # pseudo-pairs pulling a lemma's coreference rate to the overall rate
SINGLE_PRIOR = 3.0  # pseudo-mentions pulling a lemma's singleton rate to the overall rate
MIN_MENTIONS = 4  # a lemma enters the lexicon with this many mentions ...
MIN_GROUPS = 2  # ... in this many topics (so that it is a word of the language, not of one story)

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
    "lemma_prior",
    "singleton_max",
    "singleton_sum",
    *(f"lex_{d}" for d in range(LEX_DIMS)),
)


def _logit(p: float) -> float:
    return float(np.log(p / (1.0 - p)))


@dataclass
class LemmaCounts:
    """Per lemma: coreferent and all same-lemma pairs within blocks, singleton and all
    mentions, and the groups (topics) it was seen in. Counts add and subtract, so the
    counts of all topics but one are cheap (cross-fitting)."""

    coref: Counter[str] = field(default_factory=Counter)
    pairs: Counter[str] = field(default_factory=Counter)
    single: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    groups: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of_block(cls, lemmas: Sequence[str], labels: Sequence[str]) -> LemmaCounts:
        out = cls()
        size = Counter(labels)
        by_lemma: dict[str, list[str]] = {}
        for lemma, label in zip(lemmas, labels, strict=True):
            by_lemma.setdefault(lemma, []).append(label)
            out.mentions[lemma] += 1
            out.single[lemma] += size[label] == 1
        for lemma, labs in by_lemma.items():
            n = len(labs)
            out.pairs[lemma] += n * (n - 1) // 2
            out.coref[lemma] += sum(c * (c - 1) // 2 for c in Counter(labs).values())
        return out

    def group(self) -> LemmaCounts:
        """These counts as one group (each lemma seen once)."""
        return LemmaCounts(
            self.coref, self.pairs, self.single, self.mentions, Counter(self.mentions.keys())
        )

    def __add__(self, other: LemmaCounts) -> LemmaCounts:
        return LemmaCounts(*(a + b for a, b in zip(self._parts(), other._parts(), strict=True)))

    def __sub__(self, other: LemmaCounts) -> LemmaCounts:
        return LemmaCounts(*(a - b for a, b in zip(self._parts(), other._parts(), strict=True)))

    def _parts(self) -> tuple[Counter[str], ...]:
        return (self.coref, self.pairs, self.single, self.mentions, self.groups)


@dataclass
class Lexicon:
    """Learned lexical features: smoothed log-odds that two mentions of one lemma
    corefer (``pair``) and that a mention of a lemma is a singleton (``single``), with
    defaults for unlisted lemmas; ``basis`` rows are directions of the lemma vectors."""

    pair: dict[str, float]
    pair_default: float
    single: dict[str, float]
    single_default: float
    basis: np.ndarray

    @classmethod
    def from_counts(cls, counts: LemmaCounts, basis: np.ndarray) -> Lexicon:
        pair_rate = (sum(counts.coref.values()) + 1.0) / (sum(counts.pairs.values()) + 2.0)
        single_rate = (sum(counts.single.values()) + 1.0) / (sum(counts.mentions.values()) + 2.0)
        keep = sorted(
            w
            for w, n in counts.mentions.items()
            if n >= MIN_MENTIONS and counts.groups[w] >= MIN_GROUPS
        )
        pair = {
            w: _logit((counts.coref[w] + PAIR_PRIOR * pair_rate) / (counts.pairs[w] + PAIR_PRIOR))
            for w in keep
            if counts.pairs[w] > 0
        }
        single = {
            w: _logit(
                (counts.single[w] + SINGLE_PRIOR * single_rate)
                / (counts.mentions[w] + SINGLE_PRIOR)
            )
            for w in keep
        }
        return cls(pair, _logit(pair_rate), single, _logit(single_rate), basis)

    def to_json(self) -> dict[str, object]:
        return {
            "pair": {w: round(v, 4) for w, v in self.pair.items()},
            "pair_default": round(self.pair_default, 4),
            "single": {w: round(v, 4) for w, v in self.single.items()},
            "single_default": round(self.single_default, 4),
            "basis": [[round(float(x), 5) for x in row] for row in self.basis],
        }

    @classmethod
    def from_json(cls, raw: dict[str, object]) -> Lexicon:
        def floats(key: str) -> dict[str, float]:
            table = raw[key]
            assert isinstance(table, dict)
            return {str(k): float(v) for k, v in table.items()}

        return cls(
            floats("pair"),
            float(raw["pair_default"]),  # type: ignore[arg-type]
            floats("single"),
            float(raw["single_default"]),  # type: ignore[arg-type]
            np.asarray(raw["basis"], dtype=np.float32),
        )


def lemma_basis(vectors: np.ndarray, dims: int = LEX_DIMS) -> np.ndarray:
    """The first ``dims`` principal directions of a set of lemma vectors."""
    return np.linalg.svd(vectors - vectors.mean(axis=0), full_matrices=False)[2][:dims].astype(
        np.float32
    )


@functools.cache
def shipped_lexicon() -> Lexicon:
    """The lexicon fitted with the shipped model (``crossdoc_pairwise.json``)."""
    raw = json.loads(data_path("crossdoc_pairwise.json").read_text(encoding="utf-8"))
    return Lexicon.from_json(raw["lexicon"])


def _same(keys: Sequence[str]) -> np.ndarray:
    index: dict[str, int] = {}
    ids = np.array([index.setdefault(k, len(index)) for k in keys])
    return (ids[:, None] == ids[None, :]).astype(np.float32)


@functools.lru_cache(maxsize=1 << 16)
def _words(phrases: frozenset[str]) -> tuple[str, ...]:
    return tuple({w for p in phrases for w in p.split()})


def _overlap(sets: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Jaccard overlap and 'conflict' (both sides known, nothing shared) matrices, over
    the words of the phrases (so 'jackson' meets 'vincent jackson')."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, s in enumerate(sets):
        for w in _words(s):
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    n = len(sets)
    if not vocab:
        zero = np.zeros((n, n), dtype=np.float32)
        return zero, zero
    inc = np.zeros((n, len(vocab)), dtype=np.float32)
    inc[rows, cols] = 1.0
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


def _lexical(analyses: Sequence[Analysis], lexicon: Lexicon, out: np.ndarray) -> None:
    """Fills ``out`` (``(3 + dims, n, n)``) with the lexicon features."""
    lemmas = [a.lemma for a in analyses]
    prior = np.array([lexicon.pair.get(w, lexicon.pair_default) for w in lemmas])
    single = np.array([lexicon.single.get(w, lexicon.single_default) for w in lemmas])
    out[0] = _same(lemmas) * prior[:, None]
    out[1] = np.maximum.outer(single, single)
    out[2] = np.add.outer(single, single)
    proj = (np.stack([a.lemma_vec for a in analyses]) @ lexicon.basis.T).T.astype(np.float32)
    np.multiply(proj[:, :, None], proj[:, None, :], out=out[3:])


def block_features(
    mentions: Sequence[EventMention],
    analyses: Sequence[Analysis],
    lexicon: Lexicon | None = None,
) -> np.ndarray:
    """Array of shape ``(len(FEATURES), n, n)``; ``lexicon`` defaults to the shipped one.
    The features are written into one preallocated array (a block's matrices are the
    bulk of the resolver's memory traffic)."""
    n = len(analyses)
    out = np.empty((len(FEATURES), n, n), dtype=np.float32)
    lemma = _same([a.lemma for a in analyses])
    trig = np.stack([a.trigger_vec for a in analyses])
    sent = np.stack([a.sentence_vec for a in analyses])
    docv = np.stack([a.doc_vec for a in analyses])
    ctx = np.stack([a.context_vec for a in analyses])
    lem = np.stack([a.lemma_vec for a in analyses])
    trig_cos = np.clip(trig @ trig.T, -1.0, 1.0)
    sent_cos = np.clip(sent @ sent.T, -1.0, 1.0)
    doc_cos = np.clip(docv @ docv.T, -1.0, 1.0)
    ctx_cos = np.clip(ctx @ ctx.T, -1.0, 1.0)
    lemma_cos = np.clip(lem @ lem.T, -1.0, 1.0)
    same_doc = _same([m.doc_id for m in mentions])
    known = np.array([1.0 if a.participants else 0.0 for a in analyses], dtype=np.float32)
    out[0] = lemma
    out[1] = np.maximum(lemma, _same([a.stem for a in analyses]))
    out[2] = trig_cos
    out[3] = sent_cos
    out[4] = doc_cos
    out[5], out[6] = _overlap(_field(analyses, lambda a: a.participants))
    out[7], out[8] = _overlap(_field(analyses, lambda a: a.places))
    out[9], out[10] = _overlap(_field(analyses, lambda a: a.times))
    out[11] = _overlap(_field(analyses, lambda a: a.entities))[0]
    out[12] = same_doc
    out[13] = same_doc * _same([m.sentence for m in mentions])
    out[14] = lemma * doc_cos
    out[15] = lemma * sent_cos
    out[16] = trig_cos * trig_cos
    out[17] = _same([a.text for a in analyses])
    out[18] = ctx_cos
    out[19] = lemma * same_doc
    out[20] = trig_cos * ctx_cos
    out[21] = np.outer(known, known)
    out[22] = lemma_cos
    out[23] = np.maximum(lemma_cos, trig_cos)
    _lexical(analyses, lexicon or shipped_lexicon(), out[_LEXICAL:])
    return out


_LEXICAL = FEATURES.index("lemma_prior")
