"""The store interface. Stages never see it: only the API layer and the pipeline do.

A backend implements three groups of methods: the record (articles, sightings, failures,
annotations), the resolution state the incremental resolvers read and write (entity
leaves and votes, timeline rows and their candidate index, stories), and the listings,
which filter, sort and page in the database.
"""

from __future__ import annotations

import abc
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from dossier.records import (
    Annotations,
    Article,
    Entity,
    Event,
    IngestFailure,
    Mention,
    PublicationWindow,
    Quote,
    Sighting,
    Story,
    StoryMember,
    TimeExpr,
    TimelineEntry,
)
from dossier.resolve.corroboration import Comparison
from dossier.resolve.entities.leaves import Leaf

T = TypeVar("T")


@dataclass(frozen=True)
class StoredFailure:
    """A failure as stored, with its id and time; repeats are grouped (``count``, the
    last time in ``at``)."""

    id: int
    at: str
    failure: IngestFailure
    count: int = 1


@dataclass
class Page(Generic[T]):
    """One page of a listing, and how many rows match in all."""

    items: list[T]
    total: int
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Query:
    """What a listing asks the store for. ``entity_ids`` are the entities an ``--entity``
    filter resolved to (None: no entity filter); dates are ISO day bounds."""

    entity_ids: frozenset[str] | None = None
    since: str | None = None  # first day
    until: str | None = None  # last day
    source: str | None = None
    limit: int | None = None
    offset: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class RowState:
    """A timeline row as stored, with what the resolver needs to meet it again."""

    entry: TimelineEntry
    summary: dict[str, Any]
    members: dict[str, tuple[str, str]]  # event id -> (layer, why)
    # anchored members: event id -> (family, day it is anchored on, the event starting the row)
    anchors: dict[str, tuple[str, int, str]] = field(default_factory=dict)


class Store(abc.ABC):
    """Persistent record of articles, annotations and resolved entities and events."""

    location: str

    @abc.abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""

    def snapshot(self) -> AbstractContextManager[None]:
        """Reads inside see one committed state, whatever commits meanwhile (a listing's
        total and its page agree). Nothing may be written inside."""
        return nullcontext()

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def flag(self, key: str) -> str | None: ...

    @abc.abstractmethod
    def set_flag(self, key: str, value: str | None) -> None: ...

    # --- articles
    @abc.abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abc.abstractmethod
    def ingested_since(self, ids: Sequence[str], since: str) -> set[str]:
        """Those of ``ids`` stored at or after ``since`` (an ISO time)."""

    @abc.abstractmethod
    def put_article(self, article: Article, minhash: bytes | None) -> None: ...

    @abc.abstractmethod
    def put_articles(self, items: Sequence[tuple[Article, bytes | None]]) -> None:
        """Store new articles (with their near-duplicate signatures), in one batch."""

    @abc.abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abc.abstractmethod
    def article_prefix(self, prefix: str) -> list[str]:
        """Ids of (at most two) articles whose id starts with ``prefix``."""

    @abc.abstractmethod
    def article_paths(self, ids: Collection[str]) -> dict[str, str]:
        """Id -> path of the stored articles among ``ids``."""

    @abc.abstractmethod
    def articles(self, ids: Sequence[str] | None = None) -> list[Article]: ...

    @abc.abstractmethod
    def member_similarities(self, story_ids: Collection[str]) -> dict[str, float | None]:
        """Per member article of these stories, the cosine it joined on (None: it
        started its story)."""

    @abc.abstractmethod
    def article_heads(self, ids: Sequence[str]) -> list[Article]:
        """The articles among ``ids`` without their text (only the opening of a title-less
        one's): what a listing that shows metadata reads."""

    @abc.abstractmethod
    def unannotated_ids(self) -> list[str]: ...

    @abc.abstractmethod
    def article_ids(self) -> list[str]: ...

    @abc.abstractmethod
    def minhashes(self, ids: Collection[str] | None = None) -> Iterator[tuple[str, bytes]]: ...

    @abc.abstractmethod
    def band_candidates(self, bands: Sequence[tuple[int, int]]) -> set[str]:
        """Ids of stored articles sharing at least one LSH band with a signature."""

    @abc.abstractmethod
    def set_publication(self, article_id: str, window: PublicationWindow | None) -> None:
        """Store an inferred publication window (None clears an earlier inference).

        Articles whose date was stated (metadata or text) are never changed.
        """

    @abc.abstractmethod
    def set_doc_vectors(self, vectors: dict[str, bytes]) -> None: ...

    @abc.abstractmethod
    def doc_vectors(self, ids: Sequence[str]) -> dict[str, Any]:
        """Article id -> its stored document vector (float32 array)."""

    @abc.abstractmethod
    def set_text_windows(self, windows: dict[str, PublicationWindow | None]) -> None: ...

    @abc.abstractmethod
    def text_windows(self, ids: Collection[str]) -> dict[str, PublicationWindow | None]: ...

    @abc.abstractmethod
    def put_sighting(self, sighting: Sighting) -> None: ...

    @abc.abstractmethod
    def sightings_of(self, article_ids: Collection[str]) -> dict[str, list[Sighting]]: ...

    @abc.abstractmethod
    def sightings(self, article_id: str | None = None) -> list[Sighting]: ...

    @abc.abstractmethod
    def off_topic(self, article_ids: Collection[str]) -> set[str]: ...

    @abc.abstractmethod
    def entity_rows(self, entity_ids: Collection[str]) -> tuple[dict[str, int], int]: ...

    @abc.abstractmethod
    def put_failure(self, failure: IngestFailure) -> None: ...

    @abc.abstractmethod
    def failures(self) -> list[StoredFailure]: ...

    @abc.abstractmethod
    def clear_failures(self) -> int: ...

    @abc.abstractmethod
    def feed_items_seen(self, feed: str, items: Collection[str]) -> set[str]:
        """Those of ``items`` (feed item ids) of ``feed`` already read and stored."""

    @abc.abstractmethod
    def put_feed_items(self, rows: Sequence[tuple[str, str, str | None, str]]) -> None:
        """Remember feed items read: (feed, item id, link, the article id it is stored as)."""

    # --- annotations
    @abc.abstractmethod
    def put_annotations(self, ann: Annotations) -> None:
        """Replace everything annotated for ``ann.article_id`` and mark it annotated."""

    @abc.abstractmethod
    def mentions(self, article_ids: Sequence[str] | None = None) -> list[Mention]: ...

    @abc.abstractmethod
    def times(self, article_ids: Sequence[str] | None = None) -> list[TimeExpr]: ...

    @abc.abstractmethod
    def quotes(self, article_ids: Sequence[str] | None = None) -> list[Quote]: ...

    @abc.abstractmethod
    def events(self, article_ids: Sequence[str] | None = None) -> list[Event]: ...

    @abc.abstractmethod
    def events_by_id(self, ids: Collection[str]) -> list[Event]: ...

    @abc.abstractmethod
    def events_of_mentions(self, mention_ids: Collection[str]) -> list[str]:
        """Ids of the events whose actors or place are among these mentions."""

    # --- entity resolution state (the EntitySource of resolve.entities)
    @abc.abstractmethod
    def find_leaves(self, field: str, values: Collection[str]) -> list[Leaf]: ...

    @abc.abstractmethod
    def find_votes(self, folds: Collection[str]) -> dict[str, Any]: ...

    @abc.abstractmethod
    def articles_with_folds(self, folds: Collection[str]) -> list[str]: ...

    @abc.abstractmethod
    def article_mentions(self, article_ids: Collection[str]) -> list[Mention]: ...

    @abc.abstractmethod
    def save_entity_state(
        self,
        votes: dict[str, Any],
        leaves: Sequence[Leaf],
        mention_leaf: dict[str, str],
        leaf_entity: dict[str, str],
        entities: Sequence[Entity],
        removed: Sequence[str],
    ) -> list[str]:
        """Write what an entity run changed; returns the ids of mentions whose entity
        changed (besides the ones given in ``mention_leaf``)."""

    @abc.abstractmethod
    def entities_of_mentions(self, mention_ids: Collection[str]) -> dict[str, Entity]: ...

    @abc.abstractmethod
    def entities(self) -> list[Entity]: ...

    @abc.abstractmethod
    def entities_by_id(self, ids: Collection[str]) -> dict[str, Entity]: ...

    @abc.abstractmethod
    def entities_top(self, n: int) -> list[Entity]:
        """The ``n`` most mentioned entities."""

    @abc.abstractmethod
    def timeline_span(self) -> tuple[str, str] | None:
        """The first and last day of the dated timeline rows."""

    @abc.abstractmethod
    def set_entities(self, entities: Sequence[Entity], mention_entity: dict[str, str]) -> None:
        """Replace the entity table and every mention's entity link."""

    @abc.abstractmethod
    def match_entities(self, query: str) -> set[str]: ...

    # --- timeline state
    @abc.abstractmethod
    def loose_by_keys(self, keys: Collection[str]) -> list[tuple[str, int | None, int | None]]:
        """(event id, lo, hi) of the mentions that only join rows, by key."""

    @abc.abstractmethod
    def loose_near(self, keys: Sequence[tuple[str, int | None, int | None]]) -> set[str]:
        """Ids of the mentions that only join rows, kept under one of these keys for a day
        in [lo, hi] (or for any day; lo, hi None: any day asked)."""

    @abc.abstractmethod
    def rows_of_events(self, event_ids: Collection[str]) -> dict[str, str]: ...

    @abc.abstractmethod
    def anchored_in(self, family: str, lo: int, hi: int) -> list[tuple[str, int, str]]:
        """(event id, day, founder) of the anchored mentions of a family on days [lo, hi)."""

    @abc.abstractmethod
    def anchored_of(self, event_ids: Collection[str]) -> dict[str, tuple[str, int, str]]: ...

    @abc.abstractmethod
    def members_of_founders(self, founders: Collection[str]) -> dict[str, tuple[int, str, str]]:
        """Event id -> (day, founder, why) of the anchored members of these rows."""

    @abc.abstractmethod
    def rows_of_articles(self, article_ids: Collection[str]) -> set[str]: ...

    @abc.abstractmethod
    def best_rows(
        self,
        keys: Sequence[str],
        span: tuple[int, int] | None,
        exclude: Sequence[str],
        offset: int,
        limit: int,
    ) -> list[str]:
        """Ids of the rows with one of these keys whose days reach ``span`` (None: any
        day), the largest and best-dated first, a page at a time."""

    @abc.abstractmethod
    def row_summaries(self, row_ids: Collection[str]) -> dict[str, dict[str, Any]]: ...

    @abc.abstractmethod
    def row_states(self, row_ids: Collection[str]) -> list[RowState]: ...

    @abc.abstractmethod
    def replace_rows(
        self,
        removed: Collection[str],
        rows: Sequence[RowState],
        keys: dict[str, list[tuple[str, str, int | None, int | None]]],
        comparisons: dict[str, list[Comparison]],
    ) -> None:
        """Drop rows, write rows with their members, candidate keys and comparisons."""

    @abc.abstractmethod
    def timeline(self) -> list[TimelineEntry]: ...

    @abc.abstractmethod
    def clear_resolution(self, stories: bool = False) -> None:
        """Forget every resolved record (entities, timeline, windows; with ``stories``,
        the story grouping too)."""

    # --- stories
    @abc.abstractmethod
    def put_stories(self, stories: Sequence[Story], members: Sequence[StoryMember]) -> None:
        """Insert or replace these stories, and add these articles' memberships."""

    @abc.abstractmethod
    def stories(self, ids: Collection[str] | None = None) -> list[Story]: ...

    @abc.abstractmethod
    def active_stories(
        self, lo: str | None, hi: str | None, limit: int | None = None
    ) -> list[Story]:
        """Stories whose stated dates reach into [lo, hi], and those with no stated date
        (with no bounds: the ``limit`` most recently active stories); without their
        article lists (``stories`` reads those)."""

    @abc.abstractmethod
    def members_near(self, story_ids: Collection[str], lo: int, hi: int) -> list[StoryMember]:
        """Memberships of these stories placed on a day (ordinal) in [lo, hi]."""

    @abc.abstractmethod
    def set_row_stories(self, story_of_article: dict[str, str]) -> None: ...

    @abc.abstractmethod
    def story_members(self, article_ids: Collection[str] | None = None) -> list[StoryMember]: ...

    # --- listings
    @abc.abstractmethod
    def page_articles(self, q: Query) -> Page[Article]: ...

    @abc.abstractmethod
    def page_events(self, q: Query) -> Page[Event]: ...

    @abc.abstractmethod
    def page_quotes(self, q: Query) -> Page[Quote]: ...

    @abc.abstractmethod
    def page_timeline(self, q: Query) -> Page[TimelineEntry]: ...

    @abc.abstractmethod
    def page_entities(self, q: Query) -> Page[Entity]: ...

    @abc.abstractmethod
    def page_stories(self, q: Query) -> Page[Story]: ...

    @abc.abstractmethod
    def page_comparisons(
        self, q: Query, disagreeing: bool
    ) -> Page[tuple[TimelineEntry, Comparison]]: ...

    @abc.abstractmethod
    def row_by_prefix(self, prefix: str) -> list[TimelineEntry]: ...

    @abc.abstractmethod
    def day_counts(self) -> dict[str, dict[str, int]]: ...

    @abc.abstractmethod
    def day_rows(self, days: list[str], per_day: int) -> dict[str, list[dict[str, Any]]]: ...

    @abc.abstractmethod
    def member_why(self, row_id: str) -> dict[str, str]: ...

    @abc.abstractmethod
    def story_event_counts(self, story_ids: Collection[str]) -> dict[str, int]: ...

    # ---------------------------------------------------------------- workspace
    @abc.abstractmethod
    def comparisons_of(self, row_id: str) -> list[Comparison]:
        """The stored comparisons of one timeline row, in order."""

    @abc.abstractmethod
    def page_entity_mentions(self, entity_id: str, limit: int, offset: int) -> Page[Mention]:
        """One page of the mentions resolved to an entity."""

    @abc.abstractmethod
    def place_counts(self, limit: int) -> list[dict[str, Any]]:
        """Places with coordinates that timeline rows happen at, with row counts."""

    @abc.abstractmethod
    def actor_edges(self, limit: int) -> list[dict[str, Any]]:
        """Source entity, target entity, CAMEO family and row count, most rows first."""

    # ----------------------------------------------------------------- curation
    @abc.abstractmethod
    def add_curation(
        self, action: str, target: str, body: dict[str, Any], by: str, event_ids: Sequence[str]
    ) -> int:
        """Record one curation change on the event mentions it names; returns its id."""

    @abc.abstractmethod
    def curation(self, ids: Collection[int] | None = None) -> list[dict[str, Any]]:
        """The audit rows (all, or those ids), oldest first."""

    @abc.abstractmethod
    def undo_curation(self, cid: int, by: str) -> None:
        """Mark one change undone (it stays in the audit)."""

    @abc.abstractmethod
    def marks_of_events(self, event_ids: Collection[str]) -> dict[str, tuple[int, str]]:
        """Per event mention, the newest standing verdict on it: (curation id, verdict)."""

    @abc.abstractmethod
    def delete_articles(self, article_ids: Collection[str]) -> None:
        """Remove articles and everything stored on them (not the resolution)."""

    @abc.abstractmethod
    def deleted_articles(self) -> dict[str, int]:
        """Article ids deleted by a standing curation change, with its id."""

    @abc.abstractmethod
    def standing_curation(self, actions: Collection[str]) -> list[dict[str, Any]]:
        """The standing (not undone) changes of these actions, oldest first."""

    @abc.abstractmethod
    def mention_entities(self, mention_ids: Collection[str]) -> dict[str, tuple[str | None, str]]:
        """Per stored mention: (its entity id now, the entity its name leaf resolved to)."""

    @abc.abstractmethod
    def mentions_of_entities(self, entity_ids: Collection[str]) -> list[Mention]: ...

    @abc.abstractmethod
    def mentions_by_id(self, mention_ids: Collection[str]) -> list[Mention]: ...

    @abc.abstractmethod
    def set_mention_entity(self, mention_ids: Collection[str], entity_id: str) -> None: ...

    @abc.abstractmethod
    def replace_entities(self, entities: Sequence[Entity], removed: Collection[str]) -> None:
        """Write these entity rows (with their name indexes) and drop ``removed``."""

    @abc.abstractmethod
    def mention_counts(self, entity_ids: Collection[str]) -> dict[str, int]: ...
