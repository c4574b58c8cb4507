"""The part of the incremental timeline every step shares: loading events, articles and
entities from the store once per run, and the timeline's view of each event."""

from __future__ import annotations

from collections.abc import Collection

from dossier.records import Article, Entity, Event
from dossier.resolve.timeline.mentions import TMention, to_mention
from dossier.resolve.timeline.rules import Similar
from dossier.resolve.timeline.state import RowStateLike, TimelineSource


class EngineCore:
    def __init__(
        self,
        source: TimelineSource,
        similar: Similar | None = None,
        threshold: float = 1.0,
    ) -> None:
        self.source = source
        self.similar = similar
        self.threshold = threshold
        self.events: dict[str, Event] = {}
        self.articles: dict[str, Article] = {}
        self.entity_of: dict[str, Entity] = {}
        self._mentions: dict[str, TMention | None] = {}
        self._rows: dict[str, RowStateLike] = {}

    # ---------------------------------------------------------------- loading
    def load(self, ids: Collection[str]) -> None:
        todo = sorted(set(ids) - self.events.keys())
        if not todo:
            return
        evs = self.source.events_by_id(todo)
        self.events.update((e.id, e) for e in evs)
        arts = sorted({e.article_id for e in evs} - self.articles.keys())
        if arts:
            self.articles.update((a.id, a) for a in self.source.articles(arts))
        mids = {
            m
            for e in evs
            for m in (e.source_mention_id, e.target_mention_id, e.place_mention_id)
            if m
        }
        self.entity_of.update(
            self.source.entities_of_mentions(sorted(mids - self.entity_of.keys()))
        )

    def mention(self, event_id: str) -> TMention | None:
        if event_id not in self._mentions:
            self.load([event_id])
            ev = self.events.get(event_id)
            art = self.articles.get(ev.article_id) if ev else None
            self._mentions[event_id] = (
                to_mention(ev, art, self.entity_of) if ev is not None and art is not None else None
            )
        return self._mentions[event_id]

    def rows(self, row_ids: Collection[str]) -> list[RowStateLike]:
        todo = sorted(set(row_ids) - self._rows.keys())
        if todo:
            for s in self.source.row_states(todo):
                self._rows[s.entry.id] = s
        return [self._rows[r] for r in sorted(set(row_ids)) if r in self._rows]

    # ---------------------------------------------------------------- update
    def _kind(self, event_id: str) -> str:
        m = self.mention(event_id)
        if m is None:
            return "none"
        if not m.anchored:
            return "loose"
        return "orphan" if m.orphan else "anchored"

    def _rows_of(self, events: Collection[str]) -> set[str]:
        return set(self.source.rows_of_events(events).values())

    # ------------------------------------------------------------------ sweep
