"""The merged timeline: one row per real-world event, across the articles reporting it.

Owner: timeline. Modules: ``mentions`` (the timeline's view of an event: participants,
dates), ``rules`` (when a mention fits a row), ``sweep`` (rows from mentions dated
to a day, in time order), ``attach`` (mentions dated to a month, a year or not at all
join a row afterwards),
``rows`` (a row's date, place, status and sources), ``engine`` (incremental runs over
the store, with publication windows for undated articles).

An explainable resolver: each row keeps, for each of its mentions, why it joined.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resolve.timeline.attach import attach
from dossier.resolve.timeline.mentions import article_label, family, to_mentions
from dossier.resolve.timeline.rows import make_row
from dossier.resolve.timeline.rules import Cluster, Similar
from dossier.resolve.timeline.sweep import place_orphans, sweep

__all__ = [
    "Similar",
    "article_label",
    "build_clusters",
    "build_timeline",
    "explain_timeline",
    "family",
    "sort_rows",
]


def build_clusters(
    events: Sequence[Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
    similar: Similar | None = None,
    threshold: float = 1.0,
) -> list[Cluster]:
    """Rows of mentions dated to a day, with the other mentions attached, and a row of
    its own for each mention that fits none."""
    ms = to_mentions(events, articles, entity_of)
    rows = sweep([m for m in ms if m.anchored], similar, threshold)
    if similar is not None:
        place_orphans([m for m in ms if m.anchored and m.orphan], rows, similar, threshold)
    return rows + attach([m for m in ms if not m.anchored], rows)


def sort_rows(rows: list[TimelineEntry]) -> list[TimelineEntry]:
    rows.sort(key=lambda r: (r.date is None, r.date or "", r.code, r.id))
    return rows


def build_timeline(
    events: Sequence[Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
    similar: Similar | None = None,
    threshold: float = 1.0,
) -> list[TimelineEntry]:
    """Merge event mentions into timeline rows, sorted by date (undated last).

    ``entity_of`` maps mention ids to their resolved entities; with ``similar``, rows and
    orphan mentions whose mean pair probability reaches ``threshold`` are merged too.
    """
    clusters = build_clusters(events, articles, entity_of, similar, threshold)
    return sort_rows([make_row(c) for c in clusters])


def explain_timeline(
    events: Sequence[Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
    similar: Similar | None = None,
    threshold: float = 1.0,
) -> dict[str, dict[str, str]]:
    """For each timeline row id, why each of its event mentions joined it."""
    clusters = build_clusters(events, articles, entity_of, similar, threshold)
    return {make_row(c).id: dict(c.why) for c in clusters}
