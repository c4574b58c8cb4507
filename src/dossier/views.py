"""What the API returns for queries: stored records joined with their resolved names.

Views are read-only records for callers (CLI, HTTP, notebooks). ``as_json()`` gives the
documented JSON Lines shape of each command.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from dossier.records import (
    Article,
    Entity,
    Event,
    Quote,
    Relay,
    Sighting,
    Story,
    TimelineEntry,
)
from dossier.resolve.corroboration import Comparison


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class ArticleView:
    article: Article
    label: str  # how the source is named: outlet, site or file name
    duplicates: list[Sighting] = field(default_factory=list)
    off_topic: bool = False  # alone in its story while other articles share one

    def as_json(self, with_text: bool = True) -> dict[str, Any]:
        a = self.article
        out: dict[str, Any] = {
            "id": a.id,
            "path": a.path,
            "url": a.url,
            "title": a.title,
            "source": a.source,
            "label": self.label,
            "author": a.author,
            "published": a.published,
            "published_how": a.published_how,
            "published_evidence": a.published_evidence,
            "published_window": (
                [a.published_earliest, a.published_latest]
                if a.published_how == "inferred"
                else None
            ),
            "format": a.fmt,
            "language": a.language,
            "dateline": a.dateline,
            "duplicates": _plain(self.duplicates),
            "off_topic": self.off_topic,
        }
        if with_text:
            out["text"] = a.text
        return out


@dataclass(frozen=True)
class QuoteView:
    quote: Quote
    speaker: Entity | None
    article: ArticleView

    def as_json(self) -> dict[str, Any]:
        q = self.quote
        return {
            "id": q.id,
            "article_id": q.article_id,
            "text": q.text,
            "speech": q.speech,
            "speaker": self.speaker.name if self.speaker else None,
            "speaker_id": self.speaker.id if self.speaker else None,
            "speaker_text": q.speaker_text,
            "speaker_resolution": q.speaker_resolution,
            "cue": q.cue,
            "kind": q.kind,
            "relayed_by": [r.name for r in q.relayed_by],
            "relay_chain": _plain(q.relayed_by),
            "hedges": q.hedges,
            "date": q.date,
            "source": self.article.label,
            "start": q.start,
            "end": q.end,
            "repeats": [list(r) for r in q.repeats],
            "pieces": [list(p) for p in q.pieces],
            "extractor": f"{q.extractor}/{q.version}",
        }

    @property
    def relays(self) -> list[Relay]:
        return self.quote.relayed_by


@dataclass(frozen=True)
class EventView:
    event: Event
    source_actor: Entity | None
    target_actor: Entity | None
    place: Entity | None
    article: ArticleView

    def _name(self, entity: Entity | None, text: str | None) -> str | None:
        return entity.name if entity else text

    def as_json(self) -> dict[str, Any]:
        e = self.event
        return {
            "id": e.id,
            "date": e.date,
            "date_precision": e.date_precision,
            "date_how": e.date_how,
            "code": e.code,
            "code_name": e.code_name,
            "source_actor": self._name(self.source_actor, e.source_text),
            "target_actor": self._name(self.target_actor, e.target_text),
            "place": self._name(self.place, e.place_text),
            "place_geonameid": self.place.geonameid if self.place else None,
            "place_coordinates": (
                [self.place.lat, self.place.lon]
                if self.place and self.place.lat is not None and self.place.lon is not None
                else None
            ),
            "status": e.status,
            "source_code": e.source_code,
            "target_code": e.target_code,
            "plover": e.plover,
            "plover_mode": e.plover_mode,
            "plover_context": e.plover_context,
            "goldstein": e.goldstein,
            "trigger": e.trigger,
            "quote_id": e.quote_id,
            "quantities": e.quantities,
            "hedges": e.hedges,
            "article_ids": [e.article_id],
            "sources": [self.article.label],
            "text": e.text,
            "start": e.start,
            "end": e.end,
            "extractor": f"{e.extractor}/{e.version}",
        }


@dataclass(frozen=True)
class TimelineView:
    entry: TimelineEntry
    importance: float | None = None  # resolve.salience.row_importance

    def as_json(self) -> dict[str, Any]:
        d = dataclasses.asdict(self.entry)
        d["n_sources"] = len(self.entry.article_ids)
        d["importance"] = self.importance
        return d


@dataclass(frozen=True)
class EntityView:
    entity: Entity

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self.entity)


@dataclass(frozen=True)
class ContradictionView:
    """How the sources of a timeline event compare on one detail (date, place, actor,
    target or a quantity): agreeing or not, with the sources behind each value."""

    entry: TimelineEntry
    comparison: Comparison

    def as_json(self) -> dict[str, Any]:
        e = self.entry
        return {
            "timeline_id": e.id,
            "date": e.date,
            "code": e.code,
            "code_name": e.code_name,
            "source_actor": e.source_actor,
            "target_actor": e.target_actor,
            "detail": self.comparison.detail,
            "about": self.comparison.about,
            "agree": self.comparison.agree,
            "verdict": self.comparison.verdict,
            "single_source": self.comparison.single_source,
            "summary": self.comparison.summary,
            "note": self.comparison.note,
            "positions": [dataclasses.asdict(p) for p in self.comparison.positions],
            "claims": [dataclasses.asdict(c) for c in self.comparison.claims],
            "article_ids": e.article_ids,
            "sources": e.sources,
        }


@dataclass(frozen=True)
class ExplanationView:
    """Why the event mentions of one timeline row were joined."""

    entry: TimelineEntry
    # each mention, why it joined, and the pairwise model's view of it against the row's
    # best mention (probability, features, each feature's share of the logit; None for
    # the best mention itself)
    mentions: list[tuple[EventView, str, dict[str, Any] | None]]
    threshold: float | None = None  # the probability the similarity pass merges at

    def as_json(self) -> dict[str, Any]:
        return {
            "timeline_id": self.entry.id,
            "date": self.entry.date,
            "code": self.entry.code,
            "confidence": self.entry.confidence,
            "threshold": self.threshold,
            "mentions": [
                {**v.as_json(), "why": why, "model": pair} for v, why, pair in self.mentions
            ],
        }


@dataclass(frozen=True)
class StoryView:
    """A story: its articles in the order they joined, with the cosine each joined on."""

    story: Story
    articles: list[ArticleView]
    similarities: list[float | None]
    events: int  # timeline rows whose best mention sits in this story

    def as_json(self) -> dict[str, Any]:
        s = self.story
        return {
            "id": s.id,
            "label": s.label,
            "first_published": s.first_published,
            "last_published": s.last_published,
            "n_articles": len(self.articles),
            "n_events": self.events,
            "articles": [
                {
                    "id": a.article.id,
                    "source": a.label,
                    "title": a.article.title,
                    "published": a.article.published,
                    "published_how": a.article.published_how,
                    "similarity": None if sim is None else round(sim, 4),
                }
                for a, sim in zip(self.articles, self.similarities, strict=False)
            ],
        }
