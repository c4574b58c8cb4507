"""Resolving what new articles touch: entities, stories, timeline, windows, corroboration.

This is the resolve stage run over a store: it reads only the state the new articles
reach through the store's indexes, and writes only what changed.

1. Entities (:class:`~dossier.resolve.entities.EntityEngine`): the new mentions join
   leaves and entities; mentions of other articles whose entity changed are reported.
2. Stories: each new article joins a story active near its date, or starts one.
3. Timeline (:class:`~dossier.resolve.timeline.engine.TimelineEngine`): the events of
   the new articles, and those whose entities changed, rebuild the rows they touch;
   undated articles get windows from their own text and the events they share.
4. Each rebuilt row gets its confidence, first report, story and comparisons.

:func:`rebuild` forgets every resolved record and runs the same steps over the whole
store, in one pass: ``dossier resolve --all``. Stories are the one grouping made in
arrival order (an article joins the story active when it arrives), so a rebuild keeps
them unless asked to regroup.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.records import Article, Event, Story
from dossier.store import Store
from dossier.store.base import RowState
from dossier.timing import Stages

UNDATED_STORIES = 200  # an undated article is compared with this many recent stories


def resolve_new(store: Store, article_ids: Sequence[str], stages: Stages | None = None) -> None:
    """Resolve the articles just stored (annotated, not yet resolved)."""
    clock = stages if stages is not None else Stages()
    if not article_ids:
        return
    with clock.time("resolve"):
        articles = store.articles(list(article_ids))
        moved = _entities(store, article_ids)
        _stories(store, articles)
        new_events = store.events(list(article_ids))
        dirty = {e.id for e in new_events}
        _doc_vectors(store, article_ids, new_events)
        dirty |= set(store.events_of_mentions(moved))
        _timeline(store, dirty, [a for a in articles if not _stated(a)])


def rebuild(store: Store, stages: Stages | None = None, stories: bool = False) -> None:
    """Forget every resolved record and resolve the whole store again.

    Stories group articles as they arrived, so they are kept unless ``stories`` asks to
    group every article again (in date order, as one batch would)."""
    with store.transaction():
        store.clear_resolution(stories=stories)
        resolve_new(store, store.article_ids(), stages)


def resolve_events(store: Store, event_ids: set[str]) -> None:
    """Rebuild the timeline rows these event mentions touch (after a curation change)."""
    _timeline(store, event_ids, [])


def _stated(article: Article) -> bool:
    return article.published_how in ("metadata", "text") and bool(article.published)


def _entities(store: Store, article_ids: Sequence[str]) -> list[str]:
    from dossier.curation_edits import reapply_entities
    from dossier.resolve.entities import EntityEngine

    mentions = store.mentions(list(article_ids))
    changes = EntityEngine(store).add(mentions)
    moved = store.save_entity_state(
        changes.votes,
        changes.leaves,
        changes.mention_leaf,
        changes.leaf_entity,
        changes.entities,
        changes.removed,
    )
    # Mentions of earlier articles placed again (a name whose type vote flipped moves
    # them to another leaf, so another entity) are moved too: unless their rows are
    # rebuilt, those keep naming the entity the mentions had.
    new = {m.id for m in mentions}
    again = sorted(m for m in changes.mention_leaf if m not in new)
    return [*moved, *again, *reapply_entities(store)]  # and standing merges and splits


def _doc_vectors(store: Store, article_ids: Sequence[str], events: Sequence[Event]) -> None:
    """Each new article's document vector (from all its events), kept for pair scores."""
    import numpy as np

    from dossier.resolve.crossdoc import MentionScorer

    by_article: dict[str, list[Event]] = {}
    for e in events:
        by_article.setdefault(e.article_id, []).append(e)
    scorer = MentionScorer([], {})
    vectors = {}
    for aid in article_ids:
        if by_article.get(aid):
            vec = scorer.doc_vector(aid, by_article[aid])
            vectors[aid] = np.asarray(vec, dtype=np.float32).tobytes()
    store.set_doc_vectors(vectors)


def _stories(store: Store, articles: Sequence[Article]) -> None:
    import datetime as dt

    from dossier.resolve.stories import WINDOW_DAYS, assign_stories
    from dossier.resolve.stories import _day as story_day

    placed = {m.article_id for m in store.story_members([a.id for a in articles])}
    new = [a for a in articles if a.id not in placed]
    if not new:
        return
    days = [d for a in new if (d := story_day(a)) is not None]
    found: dict[str, Story] = {}
    if days:
        lo = dt.date.fromordinal(min(days) - WINDOW_DAYS).isoformat()
        hi = dt.date.fromordinal(max(days) + WINDOW_DAYS).isoformat()
        found.update((s.id, s) for s in store.active_stories(lo, hi))
    if len(days) < len(new):
        found.update((s.id, s) for s in store.active_stories(None, None, UNDATED_STORIES))
    stories = list(found.values())
    # a dated article meets only the stories with an article within the window of its
    # day: only those days are read (a long story holds thousands)
    members = (
        store.members_near(
            [s.id for s in stories], min(days) - 2 * WINDOW_DAYS, max(days) + 2 * WINDOW_DAYS
        )
        if days
        else []
    )
    changed, joined = assign_stories(new, stories, members)
    store.put_stories(changed, joined)
    store.set_row_stories({m.article_id: m.story_id for m in joined})


def _timeline(store: Store, dirty: set[str], undated: Sequence[Article]) -> None:
    from dossier.annotate.time.pubdate import infer_publication
    from dossier.curation_edits import reapply_moves
    from dossier.resolve.corroboration import corroborate
    from dossier.resolve.crossdoc import MentionScorer, enrich
    from dossier.resolve.timeline.engine import TimelineEngine
    from dossier.resolve.timeline.rows import make_row
    from dossier.resolve.timeline.sweep import anchor

    if undated:
        times = store.times([a.id for a in undated])
        store.set_text_windows(
            {
                a.id: infer_publication(a.text, [t for t in times if t.article_id == a.id])
                for a in undated
            }
        )
    if not dirty and not undated:
        return
    engine = TimelineEngine(store)
    scorer = MentionScorer(engine.events, engine.entity_of)
    scorer.article_events = lambda aid: store.events([aid])
    scorer.stored_vectors = store.doc_vectors
    engine.similar, engine.threshold = scorer.similarity, scorer.threshold
    changes = engine.update(sorted(dirty), [a.id for a in undated])
    reapply_moves(store, engine, changes)  # event mentions curation moved stay moved
    for aid, window in sorted(changes.windows.items()):
        store.set_publication(aid, window)
    rows = [make_row(b.cluster) for b in changes.rows]
    best_articles = sorted({r.article_id for r in rows})
    story_of = {m.article_id: m.story_id for m in store.story_members(best_articles)}
    articles = dict(engine.articles)
    enrich(rows, articles, story_of, scorer)
    states: list[RowState] = []
    comparisons = {}
    for row, built in zip(rows, changes.rows, strict=True):
        c = built.cluster
        anchored = bool(built.summary.get("anchored"))
        members = {
            m.event.id: ("anchored" if anchored else "alone", c.why.get(m.event.id, ""))
            for m in c.members
        }
        members.update(
            {
                m.event.id: ("orphan" if m.orphan else "attached", c.why.get(m.event.id, ""))
                for m in c.attached
            }
        )
        founder = c.members[0].event.id
        anchors = (
            {m.event.id: (c.family, anchor(m), founder) for m in c.members} if anchored else {}
        )
        states.append(RowState(row, built.summary, members, anchors))
        comparisons[row.id] = [
            comp for _, comp in corroborate([row], engine.events, articles, engine.entity_of)
        ]
    store.replace_rows(changes.removed, states, changes.keys, comparisons)


__all__ = ["rebuild", "resolve_events", "resolve_new"]
