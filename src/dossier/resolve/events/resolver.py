"""Cross-document event resolution: blocks, pair probabilities, average-link clusters.

Mentions are blocked by story (given, or assigned by :class:`.stories.StoryIndex`) and,
inside a story, split where the dates leave a gap wider than the window; only mentions
of one block are ever compared. Inside a block the pairwise model gives a probability
for every pair; pairs whose dates are further apart than the window, or whose known
places differ, are never merged; average-link clustering joins clusters while their
mean pair probability reaches the tuned threshold.

Adding mentions re-clusters only the blocks they fall in, in a fixed order, so an
incremental run gives the clusters of a batch run over the same mentions (given stories,
or documents arriving in date order when stories are assigned here).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from dossier.resolve.events.cluster import CANNOT, average_link
from dossier.resolve.events.features import FEATURES, block_features
from dossier.resolve.events.mention import Analyser, EventMention
from dossier.resolve.events.model import PairModel
from dossier.resolve.events.stories import StoryIndex


class EventResolver:
    """Holds mentions and their clusters; :meth:`add` takes new mentions at any time."""

    def __init__(self, model: PairModel | None = None, date_window_days: int | None = None):
        self.model = model or PairModel.load()
        self.window = self.model.date_window_days if date_window_days is None else date_window_days
        self.analyser = Analyser()
        self.stories = StoryIndex(self.model.story_threshold, self.window)
        self.mentions: dict[str, EventMention] = {}
        self._story: dict[str, str] = {}  # mention id -> story
        self._members: dict[str, set[str]] = {}  # story -> mention ids
        self._doc_vecs: dict[str, np.ndarray] = {}
        self._of_doc: dict[str, list[EventMention]] = {}
        self._labels: dict[str, str] = {}
        self._predicted: set[str] = set()  # stories assigned here rather than given
        self._confidence: dict[str, float | None] = {}

    # ----------------------------------------------------------------- ingest
    def add(self, mentions: Iterable[EventMention]) -> None:
        new = [m for m in mentions if m.id not in self.mentions]
        for m in new:
            self.mentions[m.id] = m
            self._of_doc.setdefault(m.doc_id, []).append(m)
        docs = sorted({m.doc_id for m in new})
        all_of_doc = {d: self._of_doc[d] for d in docs}
        pending = [m for ms in all_of_doc.values() for m in ms]
        self._doc_vecs.update(self.analyser.doc_vectors(pending))
        vecs = self.analyser.story_vectors(pending)
        dirty: set[str] = set()
        for doc_id in sorted(docs, key=lambda d: (_doc_date_key(all_of_doc[d]), d)):
            for m in all_of_doc[doc_id]:
                story = m.story
                if story is None:
                    story = self.stories.add(doc_id, vecs[doc_id], _doc_date(all_of_doc[doc_id]))
                    self._predicted.add(story)
                self._story[m.id] = story
                self._members.setdefault(story, set()).add(m.id)
                dirty.add(story)
        for story in sorted(dirty):
            self._recluster(story)

    def clusters(self) -> dict[str, str]:
        """Mention id -> cluster id (``event:`` + the smallest mention id in the cluster)."""
        return dict(self._labels)

    def events(self) -> dict[str, dict[str, Any]]:
        """Event id -> its mention ids, documents and confidence (the mean pair
        probability inside the cluster; None for a single mention)."""
        out: dict[str, dict[str, Any]] = {}
        for mid in sorted(self._labels):
            ev = out.setdefault(
                self._labels[mid], {"mentions": [], "documents": [], "confidence": None}
            )
            ev["mentions"].append(mid)
            doc = self.mentions[mid].doc_id
            if doc not in ev["documents"]:
                ev["documents"].append(doc)
        for eid, ev in out.items():
            ev["confidence"] = self._confidence.get(eid)
        return out

    # ---------------------------------------------------------------- blocks
    def _blocks(self, story: str) -> list[list[EventMention]]:
        """The story's mentions split at date gaps wider than the window; undated
        mentions go with the block of their document's dated mentions (or the first)."""
        ms = sorted((self.mentions[i] for i in self._members[story]), key=lambda m: m.id)
        dated = sorted({m.date for m in ms if m.date is not None})
        if len(dated) < 2:
            return [ms]
        group_of_day: dict[Any, int] = {dated[0]: 0}
        for prev, cur in itertools.pairwise(dated):
            gap = (cur - prev).days
            group_of_day[cur] = group_of_day[prev] + (1 if gap > self.window else 0)
        doc_group: dict[str, int] = {}
        for m in ms:
            if m.date is not None:
                doc_group.setdefault(m.doc_id, group_of_day[m.date])
        blocks: dict[int, list[EventMention]] = {}
        for m in ms:
            g = group_of_day[m.date] if m.date is not None else doc_group.get(m.doc_id, 0)
            blocks.setdefault(g, []).append(m)
        return [blocks[g] for g in sorted(blocks)]

    def score_block(self, block: Sequence[EventMention]) -> tuple[np.ndarray, np.ndarray]:
        """Features ``(len(FEATURES), n, n)`` and pair scores ``(n, n)`` of any list of
        mentions (stored or not): the model's probability, or ``CANNOT`` for a pair kept
        apart by its dates or places. Document vectors come from the mentions given."""
        self._doc_vecs.update(
            self.analyser.doc_vectors([m for m in block if m.doc_id not in self._doc_vecs])
        )
        return self._scores(block)

    def _scores(self, block: Sequence[EventMention]) -> tuple[np.ndarray, np.ndarray]:
        analyses = self.analyser.analyse(block)
        for m, a in zip(block, analyses, strict=True):
            a.doc_vec = self._doc_vecs[m.doc_id]
        feats = block_features(block, analyses, self.model.lexicon)
        probs = self.model.probability(feats)
        days = np.array([m.date.toordinal() if m.date else -(10**9) for m in block])
        dated = days > -(10**9)
        far = (np.abs(days[:, None] - days[None, :]) > self.window) & np.outer(dated, dated)
        index: dict[str, int] = {}
        place = np.array(
            [index.setdefault(m.place.casefold(), len(index)) if m.place else -1 for m in block]
        )
        known = place >= 0
        elsewhere = (place[:, None] != place[None, :]) & np.outer(known, known)
        return feats, np.where(far | elsewhere, CANNOT, probs)

    def _recluster(self, story: str) -> None:
        # blocks of predicted stories mix stories, so they take their own tuned cut
        model = self.model.for_predicted_stories() if story in self._predicted else self.model
        for block in self._blocks(story):
            _, scores = self._scores(block)
            labels = average_link(scores, model.threshold)
            head: dict[int, str] = {}
            for idx, lab in enumerate(labels):  # block is sorted by id: first is smallest
                head.setdefault(lab, block[idx].id)
            for idx, lab in enumerate(labels):
                self._labels[block[idx].id] = "event:" + head[lab]
            lab_arr = np.array(labels)
            for lab, first in head.items():
                rows = np.flatnonzero(lab_arr == lab)
                pairs = scores[np.ix_(rows, rows)][np.triu_indices(len(rows), k=1)]
                self._confidence["event:" + first] = (
                    round(float(pairs.mean()), 4) if len(pairs) else None
                )

    # ---------------------------------------------------------------- explain
    def explain(self, a_id: str, b_id: str) -> dict[str, Any]:
        """Why two mentions were (or were not) joined: blocks, features, each feature's
        contribution to the logit, the pair probability and the clusters."""
        a, b = self.mentions[a_id], self.mentions[b_id]
        out: dict[str, Any] = {
            "a": {"id": a.id, "trigger": a.trigger, "story": self._story.get(a.id)},
            "b": {"id": b.id, "trigger": b.trigger, "story": self._story.get(b.id)},
            "same_cluster": self._labels.get(a.id) == self._labels.get(b.id),
            "threshold": self.model.threshold,
        }
        if self._story.get(a.id) != self._story.get(b.id):
            out["reason"] = "different stories: never compared"
            return out
        feats, scores = self._scores([a, b])
        vector = feats[:, 0, 1].astype(np.float64)
        out["features"] = {n: round(float(v), 4) for n, v in zip(FEATURES, vector, strict=True)}
        out["contributions"] = {k: round(v, 4) for k, v in self.model.contributions(vector).items()}
        out["probability"] = round(float(self.model.probability(vector)), 4)
        if scores[0, 1] == CANNOT:
            out["reason"] = "kept apart: dates beyond the window or different places"
        return out


def _doc_date(ms: Sequence[EventMention]) -> Any:
    dates = sorted(m.date for m in ms if m.date is not None)
    return dates[0] if dates else None


def _doc_date_key(ms: Sequence[EventMention]) -> str:
    d = _doc_date(ms)
    return d.isoformat() if d is not None else "9999"


def cluster_mentions(
    mentions: Iterable[EventMention], model: PairModel | None = None
) -> dict[str, str]:
    """Mention id -> event cluster id, in one batch."""
    resolver = EventResolver(model)
    resolver.add(mentions)
    return resolver.clusters()


def explain(a: EventMention, b: EventMention, model: PairModel | None = None) -> dict[str, Any]:
    """Features, contributions and probability of one pair, on its own."""
    resolver = EventResolver(model)
    resolver.add([a, b])
    return resolver.explain(a.id, b.id)
