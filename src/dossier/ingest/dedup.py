"""Near-duplicate detection with MinHash over word 5-shingles of the normalised text.

Signatures are plain bytes (128 little-endian uint64 hash values) so the store can keep
them. Texts under ``MIN_WORDS`` words are too short for shingle statistics; their
signature is the MinHash of one token standing for the whole normalised text, so two
short texts only match when they are the same text (estimated Jaccard 1.0 or 0.0).

Candidates come from LSH bands (``BANDS`` bands of ``ROWS`` values each), which the store
indexes: a new article meets only the stored articles that share a band with it, however
many are stored. The banding is tuned below the real threshold so that pairs just above
it are not missed; the estimate itself then decides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from dossier.ingest.identity import words

NUM_PERM = 128
SHINGLE = 5
MIN_WORDS = 20
THRESHOLD = 0.8
# Bands for an LSH threshold of 0.65 (THRESHOLD minus a margin of 0.15) with equal weight
# on false positives and negatives: datasketch's optimal parameters for 128 permutations.
BANDS, ROWS = 16, 8
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


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes for storage."""
    from datasketch import MinHash  # imported here: it pulls in scipy

    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return m.hashvalues.astype("<u8").tobytes()


def _values(sig: bytes) -> Any:
    import numpy as np  # here: a listing that never compares signatures does not load it

    if len(sig) != SIGNATURE_BYTES:
        raise ValueError(f"a signature is {SIGNATURE_BYTES} bytes, got {len(sig)}")
    return np.frombuffer(sig, dtype="<u8")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    return float((_values(a) == _values(b)).mean())


def bands(sig: bytes) -> list[tuple[int, int]]:
    """(band number, hash of the band's values) of a signature, as signed 64-bit ints."""
    if len(sig) != SIGNATURE_BYTES:
        raise ValueError(f"a signature is {SIGNATURE_BYTES} bytes, got {len(sig)}")
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS * 8 : (b + 1) * ROWS * 8]
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append((b, int.from_bytes(digest, "little", signed=True)))
    return out


Candidates = Callable[[list[tuple[int, int]]], Iterable[str]]
Lookup = Callable[[list[str]], Iterable[tuple[str, bytes]]]


class NearDuplicateIndex:
    """Signatures by LSH band: in memory, and (with ``candidates`` and ``lookup``) those a
    store keeps. ``find`` returns the best match at or above the threshold."""

    def __init__(
        self,
        pairs: Iterable[tuple[str, bytes]] = (),
        threshold: float = THRESHOLD,
        candidates: Candidates | None = None,
        lookup: Lookup | None = None,
    ) -> None:
        self.threshold = threshold
        self._candidates = candidates
        self._lookup = lookup
        self._sigs: dict[str, bytes] = {}
        self._bands: dict[tuple[int, int], set[str]] = {}
        self.skipped: list[str] = []  # ids whose signature is unusable (wrong size)
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
        for band in bands(sig):
            self._bands.setdefault(band, set()).add(article_id)
        self._sigs[article_id] = sig

    def find(self, sig: bytes) -> tuple[str, float] | None:
        """(article id, estimated Jaccard) of the most similar known article, if any
        reaches the threshold; ties go to the smallest id so results are stable."""
        mine = bands(sig)
        cands: set[str] = set()
        for band in mine:
            cands |= self._bands.get(band, set())
        sigs = {c: self._sigs[c] for c in cands}
        if self._candidates is not None and self._lookup is not None:
            stored = set(self._candidates(mine)) - cands
            if stored:
                sigs.update(self._lookup(sorted(stored)))
        best: tuple[str, float] | None = None
        for cand in sorted(sigs):
            try:
                score = similarity(sigs[cand], sig)
            except ValueError:
                continue
            if score >= self.threshold and (best is None or score > best[1]):
                best = (cand, score)
        return best
