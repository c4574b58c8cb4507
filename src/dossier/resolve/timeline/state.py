"""What the incremental timeline keeps between runs, and reads from the store.

:class:`TimelineSource` is what the engine asks of the store; a stored row comes back
as a :class:`StoredRow` (its summary), which attaching mentions are matched against.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from dossier.records import Article, Entity, Event, PublicationWindow
from dossier.resolve import dates
from dossier.resolve.timeline.rules import Cluster

Key = tuple[str, str, int | None, int | None]  # key, kind, lo, hi


class RowStateLike(Protocol):
    entry: Any
    summary: dict[str, Any]
    members: dict[str, tuple[str, str]]


class TimelineSource(Protocol):
    def loose_by_keys(self, keys: Collection[str]) -> list[tuple[str, int | None, int | None]]: ...
    def loose_near(self, keys: Sequence[tuple[str, int | None, int | None]]) -> set[str]: ...
    def rows_of_events(self, event_ids: Collection[str]) -> dict[str, str]: ...
    def anchored_in(self, family: str, lo: int, hi: int) -> list[tuple[str, int, str]]: ...
    def anchored_of(self, event_ids: Collection[str]) -> dict[str, tuple[str, int, str]]: ...
    def members_of_founders(self, founders: Collection[str]) -> dict[str, tuple[int, str, str]]: ...
    def rows_of_articles(self, article_ids: Collection[str]) -> set[str]: ...
    def best_rows(
        self,
        keys: Sequence[str],
        span: tuple[int, int] | None,
        exclude: Sequence[str],
        offset: int,
        limit: int,
    ) -> list[str]: ...
    def row_summaries(self, row_ids: Collection[str]) -> dict[str, dict[str, Any]]: ...
    def row_states(self, row_ids: Collection[str]) -> Sequence[RowStateLike]: ...
    def events_by_id(self, ids: Collection[str]) -> list[Event]: ...
    def articles(self, ids: Sequence[str] | None = None) -> list[Article]: ...
    def entities_of_mentions(self, mention_ids: Collection[str]) -> dict[str, Entity]: ...
    def text_windows(self, ids: Collection[str]) -> dict[str, PublicationWindow | None]: ...
    def events(self, article_ids: Sequence[str] | None = None) -> list[Event]: ...


@dataclass
class StoredRow:
    """A stored row as attaching mentions see it (the summary written with it)."""

    id: str
    family: str
    actors: frozenset[str]
    countries: frozenset[str]
    strong: str | None
    weak: list[str]
    sites: set[str]
    size: int
    first_id: str
    date: str | None
    articles: frozenset[str]  # of its anchored mentions
    labels: dict[str, str] = field(default_factory=dict)
    directions: set[tuple[str, str]] = field(default_factory=set)  # of directed mentions

    def name(self, entity_id: str) -> str:
        return self.labels.get(entity_id, entity_id)

    def names(self, ids: Sequence[str]) -> str:
        return ", ".join(sorted(self.name(i) for i in ids))


def summary(c: Cluster, date: str | None) -> dict[str, Any]:
    labels = {eid: name for m in [*c.members, *c.attached] for eid, name in m.names}
    return {
        "family": c.family,
        "actors": sorted(c.actors),
        "countries": sorted(c.countries),
        "strong": c.strong,
        "weak": sorted(c.weak),
        "sites": sorted(c.sites),
        "size": c.size,
        "first_id": c.first_id,
        "date": date,
        "articles": sorted({m.article.id for m in c.members}),
        "directions": sorted(c.directions),
        "labels": labels,
        "anchored": bool(c.members and c.members[0].anchored),
    }


def stored_row(row_id: str, s: dict[str, Any]) -> StoredRow:
    return StoredRow(
        row_id, s["family"], frozenset(s["actors"]), frozenset(s["countries"]), s["strong"],
        list(s["weak"]), set(s["sites"]), s["size"], s["first_id"], s["date"],
        frozenset(s["articles"]), dict(s.get("labels", {})),
        {(a, b) for a, b in s.get("directions", [])},
    )  # fmt: skip


@dataclass
class BuiltRow:
    cluster: Cluster
    summary: dict[str, Any]


@dataclass
class TimelineChanges:
    removed: set[str] = field(default_factory=set)  # row ids
    rows: list[BuiltRow] = field(default_factory=list)
    keys: dict[str, list[Key]] = field(default_factory=dict)  # event id -> its keys
    windows: dict[str, PublicationWindow | None] = field(default_factory=dict)  # changed


def row_days(strong: str | None, weak: Sequence[str]) -> tuple[int | None, int | None]:
    values = [v for v in [strong, *weak] if v]
    spans = [dates.interval(v) for v in values if dates.is_calendar(v)]
    days = [d for s in spans if s for d in (dates.to_date(s[0]), dates.to_date(s[1])) if d]
    if not days:
        return None, None
    return min(days).toordinal() - 11, max(days).toordinal() + 11
