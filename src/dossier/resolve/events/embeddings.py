"""Static word embeddings from wordllama, loaded once from its own package folder."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

_lock = threading.Lock()
_model: Any = None


def load() -> Any:
    """The shared wordllama model; never downloads (its weights ship in the package)."""
    global _model
    with _lock:
        if _model is None:
            import wordllama
            from wordllama import WordLlama

            _model = WordLlama.load(
                cache_dir=Path(wordllama.__file__).parent, disable_download=True
            )
    return _model


def normalise(vec: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vec))
    return (vec / norm).astype(np.float32) if norm > 0 else vec.astype(np.float32)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length vectors, one row per text (256 dimensions)."""
    vecs = load().embed(list(texts), norm=True, batch_size=256)
    return np.asarray(vecs, dtype=np.float32)
