"""Documents into stories, incrementally, with a date-windowed embedding index.

A document joins the story whose centroid (mean document vector) is most similar, if
the cosine reaches the threshold, among the stories that have a document within
``window_days`` of its date; otherwise it starts a story. Only the stories active in the
window are compared (one matrix product over their centroids), so the cost per document
depends on how many stories run at once, not on how many were ever seen. Undated
documents are compared with the stories that hold undated documents, or with every
story when ``undated_any`` is set (stored articles: an undated report still belongs to
a story). :meth:`restore` reloads stored stories, so a new document is placed without
a rebuild.
"""

from __future__ import annotations

import datetime as dt

import numpy as np


class StoryIndex:
    def __init__(self, threshold: float, window_days: int = 3, undated_any: bool = False) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.undated_any = undated_any
        self._sums: list[np.ndarray] = []
        self._ids: list[str] = []
        self._by_day: dict[int | None, set[int]] = {}
        self.story_of: dict[str, str] = {}
        self._last: tuple[str, np.ndarray, float | None] = ("", np.zeros(0), None)

    def restore(self, story_id: str, total: np.ndarray, days: list[int | None]) -> None:
        """Reload one stored story: the sum of its documents' vectors and their days."""
        idx = len(self._sums)
        self._sums.append(total.astype(np.float64))
        self._ids.append(story_id)
        for day in days:
            self._by_day.setdefault(day, set()).add(idx)

    def last(self) -> tuple[str, np.ndarray, float | None]:
        """The story the last :meth:`add` placed its document in, that story's vector sum,
        and the cosine it joined on (None when it started the story)."""
        return self._last

    def _candidates(self, day: int | None) -> list[int]:
        if day is None:
            if self.undated_any:
                return list(range(len(self._sums)))
            return sorted(self._by_day.get(None, set()))
        found: set[int] = set()
        for d in range(day - self.window_days, day + self.window_days + 1):
            found |= self._by_day.get(d, set())
        return sorted(found)

    def add(self, doc_id: str, vec: np.ndarray, date: dt.date | None = None) -> str:
        """The story of a document (assigned on first sight, then kept)."""
        if doc_id in self.story_of:
            return self.story_of[doc_id]
        day = date.toordinal() if date is not None else None
        cands = self._candidates(day)
        best = -1
        joined: float | None = None
        if cands:
            cent = np.stack([self._sums[c] for c in cands])
            cent /= np.linalg.norm(cent, axis=1, keepdims=True) + 1e-12
            sims = cent @ vec
            k = int(np.argmax(sims))
            if sims[k] >= self.threshold:
                best = cands[k]
                joined = float(sims[k])
        if best < 0:
            best = len(self._sums)
            self._sums.append(np.zeros_like(vec, dtype=np.float64))
            self._ids.append(f"story:{doc_id}")
        self._sums[best] += vec
        self._by_day.setdefault(day, set()).add(best)
        self.story_of[doc_id] = self._ids[best]
        self._last = (self._ids[best], self._sums[best], joined)
        return self._ids[best]
