"""Near-duplicate detection with MinHash over word 5-shingles of the normalised text.

Signatures are plain bytes (128 little-endian uint64 hash values) so the store can keep
them. Texts under ``MIN_WORDS`` words are too short for shingle statistics; their
signature is the MinHash of one token standing for the whole normalised text, so two
short texts only match when they are the same text (estimated Jaccard 1.0 or 0.0).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from dossier.ingest.identity import words

NUM_PERM = 128
SHINGLE = 5
MIN_WORDS = 20
THRESHOLD = 0.8
# LSH only proposes candidates; its banding is tuned below the real threshold so that
# pairs just above it are not missed, then the estimate itself decides.
LSH_MARGIN = 0.15
SIGNATURE_BYTES = NUM_PERM * 8
# datasketch >= 2.0 has several permutation schemes and stored hash values carry no trace
# of theirs, so it is pinned: 64-bit values, stored as 128 little-endian uint64.
SCHEME = "affine64"
_SHORT_MARK = "\x00short\x00"


def shingles(text: str) -> set[str]:
    """Word 5-shingles of the normalised text (one whole-text token for short texts)."""
    toks = words(text)
    if len(toks) < MIN_WORDS:
        return {_SHORT_MARK + " ".join(toks)}
    return {" ".join(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}


def _minhash(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return m


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes for storage."""
    return _minhash(text).hashvalues.astype("<u8").tobytes()


def _from_bytes(sig: bytes) -> MinHash:
    if len(sig) != SIGNATURE_BYTES:
        raise ValueError(f"a signature is {SIGNATURE_BYTES} bytes, got {len(sig)}")
    values = np.frombuffer(sig, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    return float(_from_bytes(a).jaccard(_from_bytes(b)))


class NearDuplicateIndex:
    """Stored signatures; ``find`` returns the best stored match at or above threshold."""

    def __init__(
        self, pairs: Iterable[tuple[str, bytes]] = (), threshold: float = THRESHOLD
    ) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=max(0.3, threshold - LSH_MARGIN), num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}
        self.skipped: list[str] = []  # stored ids whose signature is unusable (wrong size)
        for article_id, sig in pairs:
            try:
                self.add(article_id, sig)
            except ValueError:
                self.skipped.append(article_id)

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._sigs

    def add(self, article_id: str, sig: bytes) -> None:
        """Remember an article's signature (adding the same id again is a no-op)."""
        if article_id in self._sigs:
            return
        m = _from_bytes(sig)
        self._sigs[article_id] = m
        self._lsh.insert(article_id, m)

    def find(self, sig: bytes) -> tuple[str, float] | None:
        """(article id, estimated Jaccard) of the most similar stored article, if any
        reaches the threshold; ties go to the smallest id so results are stable."""
        m = _from_bytes(sig)
        best: tuple[str, float] | None = None
        for cand in sorted(self._lsh.query(m)):
            score = float(self._sigs[cand].jaccard(m))
            if score >= self.threshold and (best is None or score > best[1]):
                best = (cand, score)
        return best
