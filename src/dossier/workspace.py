"""The reads behind the web workspace: one timeline row with its sources, one article with
every span on it, one entity with what it took part in, and the map's places and the
actor graph. ``Dossier`` exposes each as a method; the HTTP API and the pages format them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dossier.records import Entity, Mention, TimelineEntry
from dossier.resolve.corroboration import Comparison
from dossier.store import Query
from dossier.views import ArticleView, EventView, QuoteView, TimelineView

if TYPE_CHECKING:
    from dossier.api import Dossier

ENTITY_PAGE = 200  # mentions, events, quotes and rows an entity page lists at most
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence (or paragraph line) holding ``text[start:end]``."""
    lo = 0
    for m in _BOUNDARY.finditer(text, 0, start):
        lo = m.end()
    after = _BOUNDARY.search(text, max(end, lo))
    hi = after.start() if after else len(text)
    return lo, max(hi, end)


@dataclass(frozen=True)
class Span:
    """One marked stretch of an article: ``kind`` is mention, time, quote, event, trigger,
    source, target or place; ``ref`` names the page it links to (an entity or row id)."""

    kind: str
    start: int
    end: int
    label: str = ""
    ref: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class SourceView:
    """One mention behind a timeline row: the event, and the sentence that reports it."""

    event: EventView
    sentence_start: int
    sentence: str
    spans: list[Span]  # inside the sentence, as article offsets

    def as_json(self) -> dict[str, Any]:
        a = self.event.article.article
        return {
            "event_id": self.event.event.id,
            "article_id": a.id,
            "outlet": self.event.article.label,
            "title": a.title,
            "published": a.published,
            "date": self.event.event.date,
            "status": self.event.event.status,
            "start": self.event.event.start,
            "end": self.event.event.end,
            "text": self.event.event.text,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "spans": [dataclasses.asdict(s) for s in self.spans],
            "event": self.event.as_json(),
        }


@dataclass(frozen=True)
class RowDetail:
    """A timeline row, every mention behind it, and how its sources compare."""

    entry: TimelineEntry
    sources: list[SourceView]
    comparisons: list[Comparison]
    verdict: str | None = None  # an analyst's 'wrong' or 'confirmed' (dossier.curation)

    def as_json(self) -> dict[str, Any]:
        return {
            **TimelineView(self.entry).as_json(),
            "verdict": self.verdict,
            "mentions": [s.as_json() for s in self.sources],
            "comparisons": [dataclasses.asdict(c) for c in self.comparisons],
        }


@dataclass(frozen=True)
class ArticleDetail:
    """An article's text and every span on it, as offsets into the text."""

    article: ArticleView
    spans: list[Span]

    def as_json(self) -> dict[str, Any]:
        return {**self.article.as_json(), "spans": [dataclasses.asdict(s) for s in self.spans]}


@dataclass(frozen=True)
class EntityDetail:
    """An entity with its mentions, the events (timeline rows) it is part of as an actor or
    the place, and the quotes it is the speaker of."""

    entity: Entity
    mentions: list[Mention]
    n_mentions: int
    rows: list[TimelineView]
    n_rows: int
    quotes: list[QuoteView]
    n_quotes: int
    labels: dict[str, str] = field(default_factory=dict)  # article id -> source label

    def as_json(self) -> dict[str, Any]:
        return {
            **dataclasses.asdict(self.entity),
            "mention_list": [
                {
                    "id": m.id,
                    "article_id": m.article_id,
                    "source": self.labels.get(m.article_id),
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "role": m.role,
                }
                for m in self.mentions
            ],
            "n_mentions": self.n_mentions,
            "events": [r.as_json() for r in self.rows],
            "n_events": self.n_rows,
            "quotes": [q.as_json() for q in self.quotes],
            "n_quotes": self.n_quotes,
        }


def _event_spans(view: EventView) -> list[Span]:
    e = view.event
    out = []
    parts = (
        ("trigger", e.trigger_start, e.trigger_end, e.trigger, None),
        ("source", e.source_start, e.source_end, e.source_text, view.source_actor),
        ("target", e.target_start, e.target_end, e.target_text, view.target_actor),
        ("place", e.place_start, e.place_end, e.place_text, view.place),
    )
    for kind, lo, hi, text, ent in parts:
        if lo is not None and hi is not None and hi > lo:
            out.append(
                Span(kind, lo, hi, ent.name if ent else (text or ""), ent.id if ent else None)
            )
    return out


def row_detail(db: Dossier, timeline_id: str) -> RowDetail:
    explained = db.explain(timeline_id)
    sources = []
    for view, _why, _pair in explained.mentions:
        text = view.article.article.text
        lo, hi = sentence_around(text, view.event.start, view.event.end)
        spans = [Span("event", view.event.start, view.event.end, view.event.code_name or "")]
        sources.append(SourceView(view, lo, text[lo:hi], spans + _event_spans(view)))
    entry = explained.entry
    verdict = db.verdicts([entry]).get(entry.id)
    return RowDetail(entry, sources, db.store.comparisons_of(entry.id), verdict)


def article_detail(db: Dossier, article_id: str) -> ArticleDetail:
    view = db.article(article_id)
    aid = view.article.id
    store = db.store
    mentions = store.mentions([aid])
    spans = [
        Span("mention", m.start, m.end, m.type, m.entity_id, m.id)
        for m in mentions
        if m.end > m.start
    ]
    spans += [Span("time", t.start, t.end, t.value, None, t.id) for t in store.times([aid])]
    spans += [
        Span("quote", a, b, q.kind, None, q.id) for q in store.quotes([aid]) for a, b in q.spans()
    ]
    events = store.events([aid])
    row_of = store.rows_of_events([e.id for e in events])
    spans += [
        Span("event", e.start, e.end, e.code_name or e.code, row_of.get(e.id), e.id) for e in events
    ]
    spans.sort(key=lambda s: (s.start, -s.end, s.kind))
    return ArticleDetail(view, spans)


def entity_detail(db: Dossier, entity_id: str) -> EntityDetail:
    entity = db.entity(entity_id)
    store = db.store
    q = Query(frozenset({entity.id}), limit=ENTITY_PAGE)
    mentions = store.page_entity_mentions(entity.id, ENTITY_PAGE, 0)
    rows = store.page_timeline(q)
    quotes = store.page_quotes(q)
    speakers = store.entities_of_mentions(
        [x.speaker_mention_id for x in quotes.items if x.speaker_mention_id]
    )
    articles = db._article_views(
        [m.article_id for m in mentions.items] + [x.article_id for x in quotes.items]
    )
    return EntityDetail(
        entity,
        mentions.items,
        mentions.total,
        [TimelineView(r) for r in rows.items],
        rows.total,
        [
            QuoteView(x, speakers.get(x.speaker_mention_id or ""), articles[x.article_id])
            for x in quotes.items
        ],
        quotes.total,
        {a: v.label for a, v in articles.items()},
    )


def places(db: Dossier, limit: int = 1000) -> list[dict[str, Any]]:
    """The places timeline rows happen at, with coordinates and how many rows each."""
    return db.store.place_counts(limit)


def actor_graph(db: Dossier, limit: int = 2000) -> dict[str, Any]:
    """Who did what to whom: a node per actor entity, an edge per (source, target, CAMEO
    family) with the number of timeline rows as its weight."""
    from dossier.annotate.events.lexicon import code_name

    edges = db.store.actor_edges(limit)
    ids = {x for e in edges for x in (e["source"], e["target"])}
    names = db.store.entities_by_id(ids)
    nodes = [
        {"id": i, "name": names[i].name, "type": names[i].type, "mentions": names[i].mentions}
        for i in sorted(ids)
        if i in names
    ]
    return {
        "nodes": nodes,
        "edges": [
            {**e, "family_name": code_name(e["family"]) or e["family"], "weight": e["n"]}
            for e in edges
            if e["source"] in names and e["target"] in names
        ],
    }
