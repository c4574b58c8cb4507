"""The Python API: ``db = dossier.open(path)``, then ``db.ingest(...)`` and queries.

This is the product; the CLI and any server are thin adapters over it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO, Unpack

from dossier.annotate import annotate
from dossier.annotate.time.pubdate import infer_publication
from dossier.errors import DossierError, NotFound
from dossier.ingest import prepare, read_inputs
from dossier.ingest.dedup import NearDuplicateIndex, signature
from dossier.query import FilterArgs, Filters, match_entities
from dossier.records import Article, Entity, Event, IngestFailure, Sighting, TimelineEntry
from dossier.resolve.corroboration import Comparison, corroborate
from dossier.resolve.corroboration import contradictions as find_contradictions
from dossier.resolve.crossdoc import MentionScorer, enrich
from dossier.resolve.entities import resolve_entities
from dossier.resolve.publication import combine, from_events
from dossier.resolve.stories import assign_stories
from dossier.resolve.timeline import article_label, build_timeline, explain_timeline
from dossier.store import Store, StoredFailure, open_store
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

DEFAULT_DB = "dossier.sqlite"
ENV_DB = "DOSSIER_DB"
ANNOTATE_BATCH = 32

Progress = Callable[[str, int, int], None]  # (phase, done, total)


def default_db_path() -> str:
    """``$DOSSIER_DB`` if set, else ``dossier.sqlite`` in the current folder."""
    return os.environ.get(ENV_DB) or DEFAULT_DB


@dataclass
class IngestReport:
    """What one ``ingest`` call did."""

    added: list[str] = field(default_factory=list)  # ids of newly stored articles
    duplicates: list[Sighting] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # paths already stored as they are
    failures: list[IngestFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


class Dossier:
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
    ) -> IngestReport:
        """Read, clean, annotate and store articles; then re-resolve the whole store.

        Bad inputs never stop the batch: each becomes an ``IngestFailure``, stored and
        returned. Each article is stored with its annotations in one transaction, so an
        interruption loses nothing already stored.
        """
        report = IngestReport()
        index = NearDuplicateIndex(self.store.minhashes())
        fresh: list[tuple[Article, bytes]] = []
        seen_now: set[str] = set()
        for item in read_inputs([str(i) for i in inputs], stdin=stdin):
            if isinstance(item, IngestFailure):
                self._fail(report, item)
                continue
            try:
                article = prepare(item)
            except DossierError as exc:
                self._fail(report, IngestFailure(item.path, "clean", str(exc), item.line))
                continue
            existing = self.store.get_article(article.id)
            if existing is not None or article.id in seen_now:
                if existing is not None and existing.path == article.path:
                    report.unchanged.append(article.path)
                    continue
                self._sighting(
                    report,
                    Sighting(
                        article.id,
                        article.path,
                        "exact",
                        1.0,
                        article.url,
                        article.source,
                        article.title,
                        article.published,
                    ),
                )
                continue
            sig = signature(article.text)
            near = index.find(sig)
            if near is not None:
                self._sighting(
                    report,
                    Sighting(
                        near[0],
                        article.path,
                        "near",
                        near[1],
                        article.url,
                        article.source,
                        article.title,
                        article.published,
                    ),
                )
                continue
            index.add(article.id, sig)
            seen_now.add(article.id)
            fresh.append((article, sig))

        with self.store.transaction():
            for article, article_sig in fresh:
                self.store.put_article(article, article_sig)
        pending = self.store.articles(self.store.unannotated_ids())
        self._annotate(pending, report, progress)
        report.added = [a.id for a, _ in fresh]
        self._place_in_stories()
        self.resolve()
        return report

    def _place_in_stories(self) -> None:
        """Stories for the articles not yet in one (new ones; all after an upgrade)."""
        members = self.store.story_members()
        placed = {m.article_id for m in members}
        articles = {a.id: a for a in self.store.articles()}
        new = [a for a in articles.values() if a.id not in placed]
        if new:
            stories, joined = assign_stories(new, self.store.stories(), members, articles)
            self.store.put_stories(stories, joined)

    def _fail(self, report: IngestReport, failure: IngestFailure) -> None:
        report.failures.append(failure)
        self.store.put_failure(failure)

    def _sighting(self, report: IngestReport, sighting: Sighting) -> None:
        report.duplicates.append(sighting)
        self.store.put_sighting(sighting)

    def _annotate(
        self, articles: list[Article], report: IngestReport, progress: Progress | None
    ) -> None:
        total = len(articles)
        done = 0
        if progress:
            progress("annotate", 0, total)
        for start in range(0, total, ANNOTATE_BATCH):
            batch = articles[start : start + ANNOTATE_BATCH]
            try:
                results = list(annotate(batch))
            except DossierError:
                raise
            except Exception:  # one bad article must not sink the batch: retry one by one
                results = []
                for article in batch:
                    try:
                        results.extend(annotate([article]))
                    except Exception as exc:
                        self._fail(
                            report,
                            IngestFailure(article.path, "annotate", f"{type(exc).__name__}: {exc}"),
                        )
            for ann in results:
                self.store.put_annotations(ann)
            done += len(batch)
            if progress:
                progress("annotate", done, total)

    # ------------------------------------------------------------------- resolve
    def resolve(self) -> None:
        """Rebuild entities and the merged timeline across the whole store."""
        mentions = self.store.mentions()
        entities, mention_entity = resolve_entities(mentions)
        self.store.set_entities(entities, mention_entity)
        by_id = {e.id: e for e in entities}
        entity_of = {mid: by_id[eid] for mid, eid in mention_entity.items() if eid in by_id}
        # The first timeline ignores windows inferred by an earlier resolve, so the record
        # depends on the articles alone, not on how many ingests came before.
        articles = {
            a.id: (
                replace(a, published_earliest=None, published_latest=None)
                if a.published_how == "inferred"
                else a
            )
            for a in self.store.articles()
        }
        events = self.store.events()
        scorer = MentionScorer(events, entity_of)
        rows = build_timeline(events, articles, entity_of, scorer.similarity, scorer.threshold)
        undated = [a for a in articles.values() if a.published is None]
        if undated:
            # Undated articles get windows from the first timeline; the second timeline
            # lets their undated events use those windows.
            self._infer_publication(undated, events, rows)
            articles = {a.id: a for a in self.store.articles()}
            rows = build_timeline(events, articles, entity_of, scorer.similarity, scorer.threshold)
        story_of = {m.article_id: m.story_id for m in self.store.story_members()}
        self.store.set_timeline(enrich(rows, articles, story_of, scorer))

    def _infer_publication(
        self, undated: list[Article], events: list[Event], rows: list[TimelineEntry]
    ) -> None:
        """Windows for undated articles: their own text, then events dated by others."""
        if not undated:
            return
        times = self.store.times([a.id for a in undated])
        with self.store.transaction():
            for article in undated:
                own = [t for t in times if t.article_id == article.id]
                window = combine(
                    infer_publication(article.text, own), from_events(article, events, rows)
                )
                self.store.set_publication(article.id, window)

    # ------------------------------------------------------------------- queries
    def _entity_maps(self) -> tuple[dict[str, Entity], dict[str, Entity]]:
        entities = {e.id: e for e in self.store.entities()}
        of_mention = {
            m.id: entities[m.entity_id]
            for m in self.store.mentions()
            if m.entity_id and m.entity_id in entities
        }
        return entities, of_mention

    def _wanted(self, filters: Filters, entities: Iterable[Entity]) -> set[str] | None:
        return match_entities(filters.entity, entities) if filters.entity else None

    def _article_views(self) -> dict[str, ArticleView]:
        by_article: dict[str, list[Sighting]] = {}
        for s in self.store.sightings():
            by_article.setdefault(s.article_id, []).append(s)
        return {
            a.id: ArticleView(a, article_label(a), by_article.get(a.id, []))
            for a in self.store.articles()
        }

    def article(self, article_id: str) -> ArticleView:
        """One article by id (or unique id prefix)."""
        views = self._article_views()
        hits = [v for i, v in views.items() if i.startswith(article_id)]
        if len(hits) != 1:
            raise NotFound(f"no single article with id {article_id!r}: see `dossier articles`")
        return hits[0]

    def articles(self, **filters: Unpack[FilterArgs]) -> list[ArticleView]:
        """Stored articles (filters: ``entity`` mentioned, ``since``/``until`` on the stated
        publication date, ``source`` in outlet, site, path or title; ``limit``)."""
        f = Filters(**filters)
        views = list(self._article_views().values())
        wanted = self._wanted(f, self.store.entities())
        if wanted is not None:
            having = {m.article_id for m in self.store.mentions() if m.entity_id in wanted}
            views = [v for v in views if v.article.id in having]
        out = [
            v
            for v in views
            if f.date_ok(v.article.published)
            and f.source_ok(v.label, v.article.url, v.article.path, v.article.title)
        ]
        return out[: f.limit] if f.limit is not None else out

    def quotes(self, **filters: Unpack[FilterArgs]) -> list[QuoteView]:
        """Quotes with their resolved speakers (``entity`` is the speaker; dates are the
        quote's own or its article's; ``source`` also matches the relay chain)."""
        f = Filters(**filters)
        entities, of_mention = self._entity_maps()
        wanted = self._wanted(f, entities.values())
        views = self._article_views()
        out: list[QuoteView] = []
        for q in self.store.quotes():
            speaker = of_mention.get(q.speaker_mention_id or "")
            if wanted is not None and (speaker is None or speaker.id not in wanted):
                continue
            art = views[q.article_id]
            if not f.date_ok(q.date or art.article.published):
                continue
            if not f.source_ok(art.label, art.article.url, *(r.name for r in q.relayed_by)):
                continue
            out.append(QuoteView(q, speaker, art))
        return out[: f.limit] if f.limit is not None else out

    def events(self, **filters: Unpack[FilterArgs]) -> list[EventView]:
        """Event mentions, earliest first (``entity`` is any actor or the place)."""
        f = Filters(**filters)
        entities, of_mention = self._entity_maps()
        wanted = self._wanted(f, entities.values())
        views = self._article_views()
        out: list[EventView] = []
        for e in self.store.events():
            src = of_mention.get(e.source_mention_id or "")
            tgt = of_mention.get(e.target_mention_id or "")
            place = of_mention.get(e.place_mention_id or "")
            if wanted is not None and not ({x.id for x in (src, tgt, place) if x} & wanted):
                continue
            art = views[e.article_id]
            if not f.date_ok(e.date or art.article.published):
                continue
            if not f.source_ok(art.label, art.article.url, art.article.path):
                continue
            out.append(EventView(e, src, tgt, place, art))
        out.sort(key=lambda v: (v.event.date or v.article.article.published or "9999", v.event.id))
        return out[: f.limit] if f.limit is not None else out

    def timeline(self, **filters: Unpack[FilterArgs]) -> list[TimelineView]:
        """The merged timeline: one row per real-world event (``entity`` is an actor or a
        place; ``since``/``until`` on the row's best-supported date)."""
        f = Filters(**filters)
        rows = self.store.timeline()
        if f.entity:
            entities = self.store.entities()
            wanted_names = {e.name for e in entities if e.id in match_entities(f.entity, entities)}
            rows = [
                r
                for r in rows
                if {r.source_actor, r.target_actor, r.place, *r.places} & wanted_names
            ]
        if f.source:
            views = self._article_views()
            rows = [
                r
                for r in rows
                if any(
                    f.source_ok(views[a].label, views[a].article.url)
                    for a in r.article_ids
                    if a in views
                )
            ]
        rows = [r for r in rows if f.date_ok(r.date)]
        out = [TimelineView(r) for r in rows]
        return out[: f.limit] if f.limit is not None else out

    def explain(self, timeline_id: str) -> ExplanationView:
        """Why the mentions of one timeline row were joined: ``timeline_id`` is a row id
        (or unique prefix), or the id of an event mention, which explains its row."""
        rows = [
            r
            for r in self.store.timeline()
            if r.id.startswith(timeline_id) or timeline_id in r.event_ids
        ]
        if len(rows) != 1:
            raise NotFound(
                f"no single timeline row with id {timeline_id!r}: give a row id from "
                "`dossier timeline --json` or an event id from `dossier events --json`"
            )
        row = rows[0]
        _, entity_of = self._entity_maps()
        events = self.store.events()
        articles = {a.id: a for a in self.store.articles()}
        scorer = MentionScorer(events, entity_of)
        why = explain_timeline(
            events, articles, entity_of, scorer.similarity, scorer.threshold
        ).get(row.id, {})
        views = {v.event.id: v for v in self.events()}
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

    def stories(self, **filters: Unpack[FilterArgs]) -> list[StoryView]:
        """Stories, newest first: the articles grouped as they arrived (``source`` keeps
        stories with an article from a matching source; ``since``/``until`` on their last
        stated date; ``entity`` keeps stories whose articles mention it)."""
        f = Filters(**filters)
        views = self._article_views()
        stories = self.store.stories()
        members = {m.article_id: m for m in self.store.story_members()}
        rows = self.store.timeline()
        if f.entity:
            wanted = match_entities(f.entity, self.store.entities())
            having = {m.article_id for m in self.store.mentions() if m.entity_id in wanted}
            stories = [s for s in stories if having & set(s.article_ids)]
        out = [
            StoryView(
                s,
                [views[a] for a in s.article_ids if a in views],
                [members[a].similarity for a in s.article_ids if a in members],
                sum(1 for r in rows if r.story_id == s.id),
            )
            for s in stories
            if f.date_ok(s.last_published)
            and (
                not f.source
                or any(
                    f.source_ok(views[a].label, views[a].article.url)
                    for a in s.article_ids
                    if a in views
                )
            )
        ]
        out.sort(key=lambda v: (v.story.last_published or "", len(v.articles)), reverse=True)
        return out[: f.limit] if f.limit is not None else out

    def contradictions(self, **filters: Unpack[FilterArgs]) -> list[ContradictionView]:
        """Timeline events whose sources disagree on the date, the place, who acted (or
        on whom) or a count, with the sources behind each value (filters as for
        ``timeline``)."""
        return self._compare(find_contradictions, filters)

    def corroboration(self, **filters: Unpack[FilterArgs]) -> list[ContradictionView]:
        """Every comparison of the sources of each timeline event, agreeing ones too, and
        details only one of several sources gives (filters as for ``timeline``)."""
        return self._compare(corroborate, filters)

    def _compare(
        self,
        how: Callable[..., list[tuple[TimelineEntry, Comparison]]],
        filters: FilterArgs,
    ) -> list[ContradictionView]:
        limit = filters.pop("limit", None)
        rows = [v.entry for v in self.timeline(**filters)]
        _, entity_of = self._entity_maps()
        events = {e.id: e for e in self.store.events()}
        articles = {a.id: a for a in self.store.articles()}
        out = [ContradictionView(row, comp) for row, comp in how(rows, events, articles, entity_of)]
        return out[:limit] if limit is not None else out

    def entities(self, **filters: Unpack[FilterArgs]) -> list[EntityView]:
        """Entities, most mentioned first (``entity`` matches names and aliases; ``source``
        keeps those mentioned by a matching source)."""
        f = Filters(**filters)
        entities = self.store.entities()
        if f.entity:
            wanted = match_entities(f.entity, entities)
            entities = [e for e in entities if e.id in wanted]
        if f.source:
            views = self._article_views()
            having = {
                m.entity_id
                for m in self.store.mentions()
                if m.article_id in views and f.source_ok(views[m.article_id].label)
            }
            entities = [e for e in entities if e.id in having]
        out = [EntityView(e) for e in entities]
        return out[: f.limit] if f.limit is not None else out

    def failures(self) -> list[StoredFailure]:
        """Every input that failed, across all ingests."""
        return self.store.failures()


def open(path: str | Path | None = None) -> Dossier:
    """Open the store at ``path`` (default: ``$DOSSIER_DB`` or ./dossier.sqlite)."""
    return Dossier(open_store(path if path is not None else default_db_path()))
