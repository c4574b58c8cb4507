"""The store interface. Stages never see it: only the API layer reads and writes it.

A new backend (PostgreSQL) implements this class; nothing in ingest, annotate or
resolve changes.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

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


@dataclass(frozen=True)
class StoredFailure:
    """A failure as stored, with its id and time."""

    id: int
    at: str
    failure: IngestFailure


class Store(abc.ABC):
    """Persistent record of articles, annotations and resolved entities and events."""

    location: str

    @abc.abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""

    @abc.abstractmethod
    def close(self) -> None: ...

    # --- articles
    @abc.abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abc.abstractmethod
    def put_article(self, article: Article, minhash: bytes | None) -> None: ...

    @abc.abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abc.abstractmethod
    def articles(self, ids: Sequence[str] | None = None) -> list[Article]: ...

    @abc.abstractmethod
    def unannotated_ids(self) -> list[str]: ...

    @abc.abstractmethod
    def minhashes(self) -> Iterator[tuple[str, bytes]]: ...

    @abc.abstractmethod
    def set_publication(self, article_id: str, window: PublicationWindow | None) -> None:
        """Store an inferred publication window (None clears an earlier inference).

        Articles whose date was stated (metadata or text) are never changed.
        """

    @abc.abstractmethod
    def put_sighting(self, sighting: Sighting) -> None: ...

    @abc.abstractmethod
    def sightings(self, article_id: str | None = None) -> list[Sighting]: ...

    @abc.abstractmethod
    def put_failure(self, failure: IngestFailure) -> None: ...

    @abc.abstractmethod
    def failures(self) -> list[StoredFailure]: ...

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

    # --- resolve output
    @abc.abstractmethod
    def set_entities(self, entities: Sequence[Entity], mention_entity: dict[str, str]) -> None:
        """Replace the entity table and every mention's entity link."""

    @abc.abstractmethod
    def entities(self) -> list[Entity]: ...

    @abc.abstractmethod
    def set_timeline(self, entries: Sequence[TimelineEntry]) -> None: ...

    @abc.abstractmethod
    def timeline(self) -> list[TimelineEntry]: ...

    # --- stories
    @abc.abstractmethod
    def put_stories(self, stories: Sequence[Story], members: Sequence[StoryMember]) -> None:
        """Insert or replace these stories, and add these articles' memberships."""

    @abc.abstractmethod
    def stories(self) -> list[Story]: ...

    @abc.abstractmethod
    def story_members(self) -> list[StoryMember]: ...
