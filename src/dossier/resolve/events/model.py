"""The pairwise model: a logistic regression over :data:`.features.FEATURES`.

Fitted with numpy (Newton's method on the L2-regularised log loss) so the product
does not depend on scikit-learn for twenty weights; the fitted weights, the feature
scaling and the clustering threshold ship as ``data/crossdoc_pairwise.json``.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from dossier.resolve.events.features import FEATURES, Lexicon
from dossier.resources import data_path

MODEL_FILE = "crossdoc_pairwise.json"


@dataclass
class PairModel:
    """Weights over standardised features, an intercept and the average-link threshold.

    ``threshold`` is tuned on blocks of given stories; ``predicted_threshold`` (when
    fitted) on blocks of stories predicted from the documents, whose blocks mix
    stories and so call for another cut. :meth:`for_predicted_stories` gives the model
    to use there."""

    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float = 0.5
    story_threshold: float = 0.8
    date_window_days: int = 3
    notes: dict[str, object] = field(default_factory=dict)
    predicted_threshold: float | None = None
    lexicon: Lexicon | None = None

    def for_predicted_stories(self) -> PairModel:
        """This model with ``threshold`` set to the one tuned on predicted stories."""
        if self.predicted_threshold is None:
            return self
        return replace(self, threshold=self.predicted_threshold)

    def logits(self, feats: np.ndarray) -> np.ndarray:
        """``feats`` is ``(k, ...)``; returns the logit for every pair. The scaling is
        folded into the weights, so the feature array is read once (in its own precision:
        float32 features give float32 logits)."""
        w = self.weights / self.scale
        offset = self.bias - float(w @ self.mean)
        if feats.dtype == np.float32:
            w = w.astype(np.float32)
        return np.tensordot(w, feats, axes=1) + offset

    def probability(self, feats: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(feats)))

    def contributions(self, vector: np.ndarray) -> dict[str, float]:
        """Each feature's share of one pair's logit."""
        z = (vector - self.mean) / self.scale
        return {name: float(w * v) for name, w, v in zip(FEATURES, self.weights, z, strict=True)}

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "threshold": self.threshold,
            "story_threshold": self.story_threshold,
            "date_window_days": self.date_window_days,
            "predicted_threshold": self.predicted_threshold,
            "notes": self.notes,
            "lexicon": self.lexicon.to_json() if self.lexicon is not None else None,
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | None = None) -> PairModel:
        """The model in ``path`` (default: the shipped one, read once per process)."""
        if path is None:
            return _shipped()
        return cls._read(path)

    @classmethod
    def _read(cls, path: Path) -> PairModel:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if list(raw["features"]) != list(FEATURES):
            raise ValueError(f"{MODEL_FILE} was fitted on other features: refit it")
        return cls(
            weights=np.asarray(raw["weights"], dtype=np.float64),
            bias=float(raw["bias"]),
            mean=np.asarray(raw["mean"], dtype=np.float64),
            scale=np.asarray(raw["scale"], dtype=np.float64),
            threshold=float(raw["threshold"]),
            story_threshold=float(raw["story_threshold"]),
            date_window_days=int(raw["date_window_days"]),
            notes=dict(raw.get("notes", {})),
            predicted_threshold=(
                float(raw["predicted_threshold"])
                if raw.get("predicted_threshold") is not None
                else None
            ),
            lexicon=Lexicon.from_json(raw["lexicon"]) if raw.get("lexicon") else None,
        )


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 50
) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Weights, intercept, mean and scale of an L2 logistic regression; ``x`` is
    ``(pairs, k)``. Classes are weighted to balance (coreferent pairs are rare). Newton's
    method: with a few dozen features each step is one ``k x k`` solve, and it converges
    in about ten steps (the intercept is not penalised)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    pos = y.mean()
    sample_w = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))
    sample_w /= sample_w.sum()
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (sample_w * (p - y)) + reg * w
        hess = (z * (sample_w * p * (1 - p))[:, None]).T @ z + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return w[:-1], float(w[-1]), mean, scale


@functools.lru_cache(maxsize=1)
def _shipped() -> PairModel:
    return PairModel._read(data_path(MODEL_FILE))
