"""The pairwise event model applied to stored event mentions.

:class:`MentionScorer` turns stored :class:`~dossier.records.Event` records into the
resolver's :class:`~dossier.resolve.events.EventMention` (the clause, the trigger's span
in it, the event's day, its resolved actors and place) and scores them with the pairwise
model fitted on ECB+ (lemma, trigger and context embeddings from wordllama, participant,
place and time overlap). The timeline uses it three ways: the confidence of a merged
row (the mean pair probability of its mentions), the similarity that lets two rows
whose participants fit be merged although the rules alone would not join them, and the
per-pair features that ``dossier explain`` shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resolve import dates
from dossier.resolve.events import EventMention, EventResolver
from dossier.resolve.events.features import FEATURES
from dossier.resolve.events.mention import Parsed
from dossier.resolve.timeline import article_label


class MentionScorer:
    """Pair probabilities of stored event mentions (parses and vectors cached per run)."""

    def __init__(
        self,
        events: Sequence[Event] | dict[str, Event],
        entity_of: dict[str, Entity],
        resolver: EventResolver | None = None,
    ) -> None:
        self.resolver = resolver or EventResolver()
        self.model = self.resolver.model
        # a dict is used as given (a caller may keep filling it); a sequence is indexed
        self._events = events if isinstance(events, dict) else {e.id: e for e in events}
        self._entity_of = entity_of
        # every event of an article, for its document vector (None: the events known here)
        self.article_events: Callable[[str], Sequence[Event]] | None = None
        # document vectors kept in the store: ids -> vectors found (None: compute them)
        self.stored_vectors: Callable[[Sequence[str]], dict[str, np.ndarray]] | None = None
        self._mentions: dict[str, EventMention] = {}

    @property
    def threshold(self) -> float:
        return self.model.threshold

    def mention(self, event_id: str) -> EventMention:
        if event_id not in self._mentions:
            self._mentions[event_id] = to_mention(self._events[event_id], self._entity_of)
        return self._mentions[event_id]

    def _doc_vectors(self, block: Sequence[EventMention]) -> None:
        """Each article's vector from all its events, whichever of them are compared, so
        a pair scores the same in any run."""
        todo = sorted({m.doc_id for m in block} - self.resolver._doc_vecs.keys())
        if todo and self.stored_vectors is not None:
            self.resolver._doc_vecs.update(self.stored_vectors(todo))
            todo = [d for d in todo if d not in self.resolver._doc_vecs]
        for doc_id in todo:
            if self.article_events is not None:
                evs = self.article_events(doc_id)
            else:
                evs = [e for e in self._events.values() if e.article_id == doc_id]
            ms = [to_mention(e, self._entity_of) for e in sorted(evs, key=lambda e: e.id)]
            self.resolver._doc_vecs.update(self.resolver.analyser.doc_vectors(ms))

    def doc_vector(self, article_id: str, events: Sequence[Event]) -> np.ndarray:
        """An article's vector from all its events (what pairs of its mentions read)."""
        ms = [to_mention(e, self._entity_of) for e in sorted(events, key=lambda e: e.id)]
        vecs = self.resolver.analyser.doc_vectors(ms)
        return vecs.get(article_id, np.zeros(0, dtype=np.float32))

    def probabilities(self, event_ids: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Features and the model's probability for every pair of these mentions (the
        raw probability: dates and places are the timeline's own business)."""
        block = [self.mention(e) for e in event_ids]
        self._doc_vectors(block)
        feats, _ = self.resolver.score_block(block)
        return feats, np.asarray(self.model.probability(feats), dtype=np.float64)

    def confidence(self, event_ids: Sequence[str]) -> float | None:
        """Mean pair probability of a row's mentions (None for a single mention)."""
        if len(event_ids) < 2:
            return None
        _, probs = self.probabilities(event_ids)
        iu = np.triu_indices(len(event_ids), k=1)
        return round(float(probs[iu].mean()), 4)

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> float:
        """Mean probability over the pairs between two groups of mentions."""
        _, probs = self.probabilities([*a, *b])
        return float(probs[: len(a), len(a) :].mean())

    def pair(self, a: str, b: str) -> dict[str, Any]:
        """One pair: its probability, features and each feature's share of the logit
        (the largest first)."""
        feats, probs = self.probabilities([a, b])
        vector = feats[:, 0, 1].astype(np.float64)
        shares = self.model.contributions(vector)
        top = sorted(shares.items(), key=lambda kv: -abs(kv[1]))
        return {
            "probability": round(float(probs[0, 1]), 4),
            "features": {n: round(float(v), 4) for n, v in zip(FEATURES, vector, strict=True)},
            "contributions": {k: round(v, 4) for k, v in top},
        }


def to_mention(ev: Event, entity_of: dict[str, Entity]) -> EventMention:
    """A stored event as the resolver sees it."""
    text = ev.text or ev.trigger or " "
    start = end = 0
    if ev.trigger_start is not None and ev.trigger_end is not None:
        start, end = ev.trigger_start - ev.start, ev.trigger_end - ev.start
    if not (0 <= start < end <= len(text)):
        found = text.find(ev.trigger) if ev.trigger else -1
        start, end = (found, found + len(ev.trigger)) if found >= 0 else (0, len(text))
    # participants by entity id: two entities may share a name, and a renamed entity is
    # the same participant
    actors = tuple(
        e.id
        for mid in (ev.source_mention_id, ev.target_mention_id)
        if (e := entity_of.get(mid or "")) is not None
    )
    place = entity_of.get(ev.place_mention_id or "")
    parsed = None
    if ev.hint_lemma:  # the article's own parse, kept when it was annotated
        parsed = Parsed(
            ev.hint_lemma,
            frozenset(ev.hint_participants),
            frozenset(ev.hint_places),
            frozenset(ev.hint_times),
            frozenset(ev.hint_entities),
        )
    return EventMention(
        ev.id,
        ev.article_id,
        text,
        start,
        end,
        story="stored",
        date=dates.to_date(ev.date),
        actors=actors,
        place=place.id if place else None,
        parsed=parsed,
    )


def first_report(row: TimelineEntry, articles: dict[str, Article]) -> tuple[str, str, str] | None:
    """(outlet, article id, date) of the earliest article behind a row that states its
    publication date; None when none does. Ties go to the article listed first."""
    stated = [
        (a.published, i, a)
        for i, aid in enumerate(row.article_ids)
        if (a := articles.get(aid)) is not None
        and a.published
        and a.published_how != "inferred"
        and dates.is_calendar(a.published)
    ]
    if not stated:
        return None
    published, _, article = min(stated, key=lambda t: (dates.interval(t[0]) or ("9999",), t[1]))
    return article_label(article), article.id, published


def enrich(
    rows: Sequence[TimelineEntry],
    articles: dict[str, Article],
    story_of: dict[str, str],
    scorer: MentionScorer | None,
) -> list[TimelineEntry]:
    """Rows with their confidence, first report and story filled in (in place)."""
    for row in rows:
        first = first_report(row, articles)
        if first is not None:
            row.first_source, row.first_article_id, row.first_published = first
        row.story_id = story_of.get(row.article_id)
        if scorer is not None:
            row.confidence = scorer.confidence(row.event_ids)
    return list(rows)
