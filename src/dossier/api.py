"""The Python API: ``db = dossier.open(path)``, then ``db.ingest(...)`` and queries.

This is the product; the CLI and any server are thin adapters over it. Every listing
filters, sorts and pages in the store and returns a :class:`Listing` (a list of views
with ``total``, ``limit`` and ``offset``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Generic, TextIO, TypeVar, Unpack, cast

from dossier.api_curation import Curating
from dossier.errors import NotFound
from dossier.pipeline import IngestReport, Pipeline, Progress, default_workers
from dossier.query import FilterArgs, Filters, row_filters
from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.store import Page, Query, Store, StoredFailure, open_store
from dossier.views import (
    ArticleView,
    ContradictionView,
    EntityView,
    EventView,
    ExplanationView,
    QuoteView,
    StoryView,
    TimelineView,
)

if TYPE_CHECKING:
    from dossier.engine import Engine
    from dossier.export import ExportReport
    from dossier.workspace import ArticleDetail, EntityDetail, RowDetail

DEFAULT_DB = "dossier.sqlite"
ENV_DB = "DOSSIER_DB"
V = TypeVar("V")

__all__ = ["DEFAULT_DB", "ENV_DB", "Dossier", "IngestReport", "Listing", "Progress", "open"]


def default_db_path() -> str:
    """``$DOSSIER_DB`` if set, else ``dossier.sqlite`` in the current folder."""
    return os.environ.get(ENV_DB) or DEFAULT_DB


class Listing(list[V], Generic[V]):
    """One page of a listing: the views, and how many match in all."""

    def __init__(self, items: Sequence[V], total: int, limit: int | None, offset: int) -> None:
        super().__init__(items)
        self.total = total
        self.limit = limit
        self.offset = offset


def _label(article: Article) -> str:
    from dossier.resolve.timeline.mentions import article_label

    return article_label(article)


class Dossier(Curating):
    """A story record backed by a store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def location(self) -> str:
        return self.store.location

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dossier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------------- ingest
    def ingest(
        self,
        inputs: Sequence[str | Path],
        stdin: TextIO | None = None,
        progress: Progress | None = None,
        workers: int | None = 1,
        allow_private: bool = False,
        stop: Callable[[], bool] | None = None,
        dask: str | Engine | None = None,
    ) -> IngestReport:
        """Read, clean, annotate and store articles, and resolve what they touch.

        Inputs are files, folders, globs, ``-`` (stdin), web archives, feed files and
        http(s) URLs of pages or feeds; URLs on private, loopback or link-local addresses
        are refused unless ``allow_private``. Bad inputs never stop the batch: each
        becomes an ``IngestFailure``, stored and returned. Articles are stored in batches,
        each with its annotations and resolution in one transaction, so an interruption
        loses only the batch in flight; ``stop`` is asked after each article, and True
        ends the ingest there with everything read so far stored. ``workers`` processes
        parse and annotate (None: one per core); with ``dask`` (``tcp://HOST:PORT`` of a
        running scheduler, or ``local:N``) they run on a Dask cluster instead, and the
        record is the same.
        """
        from dossier.curation import reapply_deletions
        from dossier.ingest.web import FetchPolicy
        from dossier.settings import Limits

        n = default_workers() if workers is None else max(1, workers)
        limits = Limits.from_env()
        policy = FetchPolicy(allow_private=allow_private, limits=limits)
        pipe = Pipeline(
            self.store,
            workers=n,
            progress=progress,
            limits=limits,
            policy=policy,
            stop=stop,
            engine=dask,
        )
        report = pipe.run([str(i) for i in inputs], stdin=stdin)
        reapply_deletions(self, report)  # an article curation deleted stays deleted
        return report

    def resolve(self, stories: bool = False) -> None:
        """Rebuild every resolved record from the stored annotations (``resolve --all``):
        the same record the incremental path gives. Stories, grouped as articles arrived,
        are kept unless ``stories`` regroups them in date order."""
        from dossier.resolution import rebuild

        rebuild(self.store, stories=stories)
        self.store.set_flag("rebuild", None)

    # ------------------------------------------------------------------- queries
    def _query(self, filters: FilterArgs) -> Query:
        f = Filters(**filters)
        ids = frozenset(self.store.match_entities(f.entity)) if f.entity else None
        since, until = f.bounds()
        return Query(ids, since, until, f.source, f.limit, f.offset or 0)

    def _article_views(self, ids: Sequence[str], text: bool = True) -> dict[str, ArticleView]:
        """Views of the articles ``ids``; without ``text``, read without their text
        (``Store.article_heads``), for listings that show only metadata."""
        wanted = sorted(set(ids))
        sightings = self.store.sightings_of(wanted)
        lone = self.store.off_topic(wanted)
        found = self.store.articles(wanted) if text else self.store.article_heads(wanted)
        return {
            a.id: ArticleView(a, _label(a), sightings.get(a.id, []), a.id in lone) for a in found
        }

    @staticmethod
    def _listing(page: Page[Any], views: list[V]) -> Listing[V]:
        return Listing(views, page.total, page.limit, page.offset)

    def article(self, article_id: str) -> ArticleView:
        """One article by id (or unique id prefix)."""
        hits = self.store.article_prefix(article_id)
        if len(hits) != 1:
            raise NotFound(f"no single article with id {article_id!r}: see `dossier articles`")
        return self._article_views(hits)[hits[0]]

    def articles(self, **filters: Unpack[FilterArgs]) -> Listing[ArticleView]:
        """Stored articles (filters: ``entity`` mentioned, ``since``/``until`` on the stated
        publication date, ``source`` in outlet, site, path or title; ``limit``, ``offset``)."""
        page = self.store.page_articles(self._query(filters))
        views = self._article_views([a.id for a in page.items])
        return self._listing(page, [views[a.id] for a in page.items])

    def quotes(
        self, attributions: bool = False, **filters: Unpack[FilterArgs]
    ) -> Listing[QuoteView]:
        """Quotes with their resolved speakers (``entity`` is the speaker; dates are the
        quote's own or its article's; ``source`` also matches the relay chain). What was
        said or written only, unless ``attributions``: then also the views, wishes and
        findings attributed to someone ('wants to', 'believes', 'polls show')."""
        q = self._query(filters)
        if not attributions:
            q.extra["speech_only"] = True
        page = self.store.page_quotes(q)
        speakers = self.store.entities_of_mentions(
            [q.speaker_mention_id for q in page.items if q.speaker_mention_id]
        )
        views = self._article_views([q.article_id for q in page.items])
        return self._listing(
            page,
            [
                QuoteView(q, speakers.get(q.speaker_mention_id or ""), views[q.article_id])
                for q in page.items
            ],
        )

    def _event_views(self, events: Sequence[Event]) -> list[EventView]:
        mids = [
            m
            for e in events
            for m in (e.source_mention_id, e.target_mention_id, e.place_mention_id)
            if m
        ]
        of = self.store.entities_of_mentions(mids)
        views = self._article_views([e.article_id for e in events])
        return [
            EventView(
                e,
                of.get(e.source_mention_id or ""),
                of.get(e.target_mention_id or ""),
                of.get(e.place_mention_id or ""),
                views[e.article_id],
            )
            for e in events
        ]

    def events(self, **filters: Unpack[FilterArgs]) -> Listing[EventView]:
        """Event mentions, earliest first (``entity`` is any actor or the place)."""
        page = self.store.page_events(self._query(filters))
        return self._listing(page, self._event_views(page.items))

    def timeline(
        self,
        min_sources: int | None = None,
        dated: bool = False,
        status: Sequence[str] | None = None,
        min_confidence: float | None = None,
        off_topic: bool = False,
        **filters: Unpack[FilterArgs],
    ) -> Listing[TimelineView]:
        """The merged timeline: one row per real-world event (``entity`` is an actor or a
        place; ``since``/``until`` on the row's best-supported date; rows with at least
        ``min_sources`` articles, ``dated`` ones only, of a ``status``, merged with at
        least ``min_confidence``). Rows only off-topic articles report (alone in their
        story while others share one) are left out unless ``off_topic``."""
        q = self._query(filters)
        q.extra.update(row_filters(min_sources, dated, status, min_confidence))
        q.extra["on_topic"] = not off_topic
        page = self.store.page_timeline(q)
        return self._listing(page, self._weighed(page.items))

    def _weighed(self, rows: Sequence[TimelineEntry]) -> list[TimelineView]:
        """Rows with their importance (``resolve.salience.row_importance``)."""
        from dossier.annotate.events.lexicon import goldstein
        from dossier.resolve.salience import row_importance

        ids = {x for r in rows for x in (r.source_entity_id, r.target_entity_id) if x}
        counts, top = self.store.entity_rows(ids)

        def central(r: TimelineEntry) -> float:
            ns = [counts.get(x or "", 0) for x in (r.source_entity_id, r.target_entity_id)]
            return max(ns) / top if top else 0.0

        return [
            TimelineView(
                r,
                row_importance(
                    len(r.article_ids), len(r.event_ids), r.status, goldstein(r.code), central(r)
                ),
            )
            for r in rows
        ]

    def key_events(
        self,
        top: int = 15,
        min_sources: int | None = None,
        status: Sequence[str] | None = None,
        **filters: Unpack[FilterArgs],
    ) -> Listing[TimelineView]:
        """The story's key events: the rows of its most important days (``resolve.salience``),
        the best supported of each day first, at most ``top`` rows."""
        from dossier.resolve.salience import rank_days

        days = [d for d, _ in rank_days(self.store)]
        out: list[TimelineView] = []
        for start in range(0, len(days), 50):
            if len(out) >= top:
                break
            chunk = days[start : start + 50]
            q = self._query(cast(FilterArgs, {**filters, "limit": None, "offset": None}))
            q.extra.update(row_filters(min_sources, True, status, None))
            q.extra["days"] = chunk
            q.extra["on_topic"] = True
            page = self.store.page_timeline(q)
            rank = {d: i for i, d in enumerate(chunk)}
            ordered = sorted(
                self._weighed(page.items),
                key=lambda v: (rank[v.entry.date or ""], -(v.importance or 0.0), v.entry.id),
            )
            seen_day: dict[str, int] = {}
            for v in ordered:
                n = seen_day.get(v.entry.date or "", 0)
                if n < KEY_PER_DAY and len(out) < top:
                    out.append(v)
                    seen_day[v.entry.date or ""] = n + 1
        return Listing(out, len(out), top, 0)

    def explain(self, timeline_id: str) -> ExplanationView:
        """Why the mentions of one timeline row were joined: ``timeline_id`` is a row id
        (or unique prefix), or the id of an event mention, which explains its row."""
        from dossier.resolve.crossdoc import MentionScorer

        rows = self.store.row_by_prefix(timeline_id)
        if len(rows) != 1:
            raise NotFound(
                f"no single timeline row with id {timeline_id!r}: give a row id from "
                "`dossier timeline --json` or an event id from `dossier events --json`"
            )
        row = rows[0]
        why = self.store.member_why(row.id)
        events = {e.id: e for e in self.store.events_by_id(row.event_ids)}
        mids = [
            m
            for e in events.values()
            for m in (e.source_mention_id, e.target_mention_id, e.place_mention_id)
            if m
        ]
        entity_of = self.store.entities_of_mentions(mids)
        scorer = MentionScorer(events, entity_of)
        ordered = [events[e] for e in row.event_ids if e in events]
        views = {v.event.id: v for v in self._event_views(ordered)}
        best = row.event_ids[0] if row.event_ids else ""
        return ExplanationView(
            row,
            [
                (views[eid], why.get(eid, ""), scorer.pair(best, eid) if eid != best else None)
                for eid in row.event_ids
                if eid in views
            ],
            scorer.threshold,
        )

    def stories(self, **filters: Unpack[FilterArgs]) -> Listing[StoryView]:
        """Stories, newest first: the articles grouped as they arrived (``source`` keeps
        stories with an article from a matching source; ``since``/``until`` on their last
        stated date; ``entity`` keeps stories whose articles mention it)."""
        page = self.store.page_stories(self._query(filters))
        ids = [a for s in page.items for a in s.article_ids]
        views = self._article_views(ids, text=False)  # a story lists its articles' metadata
        similarity = self.store.member_similarities([s.id for s in page.items])
        counts = self.store.story_event_counts([s.id for s in page.items])
        return self._listing(
            page,
            [
                StoryView(
                    s,
                    [views[a] for a in s.article_ids if a in views],
                    [similarity[a] for a in s.article_ids if a in similarity],
                    counts.get(s.id, 0),
                )
                for s in page.items
            ],
        )

    def contradictions(self, **filters: Unpack[FilterArgs]) -> Listing[ContradictionView]:
        """Timeline events whose sources disagree on the date, the place, who acted (or
        on whom) or a count, with the sources behind each value (filters as for
        ``timeline``)."""
        return self._compare(filters, disagreeing=True)

    def corroboration(self, **filters: Unpack[FilterArgs]) -> Listing[ContradictionView]:
        """Every comparison of the sources of each timeline event, agreeing ones too, and
        details only one of several sources gives (filters as for ``timeline``)."""
        return self._compare(filters, disagreeing=False)

    def _compare(self, filters: FilterArgs, disagreeing: bool) -> Listing[ContradictionView]:
        page = self.store.page_comparisons(self._query(filters), disagreeing)
        return self._listing(page, [ContradictionView(r, c) for r, c in page.items])

    def entities(self, **filters: Unpack[FilterArgs]) -> Listing[EntityView]:
        """Entities, most mentioned first (``entity`` matches names and aliases; ``source``
        keeps those mentioned by a matching source)."""
        page = self.store.page_entities(self._query(filters))
        return self._listing(page, [EntityView(e) for e in page.items])

    def entity(self, entity_id: str) -> Entity:
        found = self.store.entities_by_id([entity_id])
        if entity_id not in found:
            raise NotFound(f"no entity with id {entity_id!r}: see `dossier entities --json`")
        return found[entity_id]

    def failures(self) -> list[StoredFailure]:
        """Every input that failed, across all ingests (repeats grouped, with a count)."""
        return self.store.failures()

    def clear_failures(self) -> int:
        """Forget the failures listed so far; returns how many there were."""
        with self.store.transaction():
            return self.store.clear_failures()

    # ----------------------------------------------------------------- workspace
    def row(self, timeline_id: str) -> RowDetail:
        """One timeline row (id, unique prefix or a mention's id) with every mention
        behind it, the sentence each source reports it in, and the row's comparisons."""
        from dossier.workspace import row_detail

        return row_detail(self, timeline_id)

    def article_detail(self, article_id: str) -> ArticleDetail:
        """One article's text and every span on it (mentions, times, quotes, events)."""
        from dossier.workspace import article_detail

        return article_detail(self, article_id)

    def entity_detail(self, entity_id: str) -> EntityDetail:
        """One entity: aliases, roles, its mentions, and the rows, events and quotes it is
        part of (each list capped, with its total)."""
        from dossier.workspace import entity_detail

        return entity_detail(self, entity_id)

    def places(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Places timeline rows happen at, with coordinates and row counts."""
        from dossier.workspace import places

        return places(self, limit)

    def actor_graph(self, limit: int = 2000) -> dict[str, Any]:
        """The actor network: nodes, and edges by CAMEO family weighted by row count."""
        from dossier.workspace import actor_graph

        return actor_graph(self, limit)

    # ------------------------------------------------------------------- exports
    def export(
        self, format: str, out: str | Path | IO[bytes], table: str | None = None, **filters: Any
    ) -> ExportReport:
        """Write the record in ``format`` (``dossier.export.FORMATS``: csv, parquet, gdelt,
        plover, acled, graphml, gexf, timelinejs) to ``out``, a path or a binary file.
        ``table`` (csv, parquet) is a listing (``export.TABLES``; default the timeline);
        ``filters`` are the listings' (entity, since, until, source, limit)."""
        from dossier.export import export

        return export(self, format, out, table, **filters)

    def datasette_metadata(self) -> dict[str, Any]:
        """Datasette metadata (titles, descriptions of tables and views) for this store,
        for ``datasette STORE -m metadata.json``."""
        from dossier.export.datasette import metadata

        return metadata(Path(self.location).stem)


KEY_PER_DAY = 2  # rows a key day shows at most


def open(path: str | Path | None = None, create: bool = True) -> Dossier:
    """Open the store at ``path`` (default: ``$DOSSIER_DB`` or ./dossier.sqlite); with
    ``create=False``, a store that does not exist is an error (nothing is created)."""
    return Dossier(open_store(path if path is not None else default_db_path(), create=create))
