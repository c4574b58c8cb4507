"""The embedded SQLite store: one file, schema from numbered migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from dossier.errors import StoreError
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
from dossier.store.base import Store, StoredFailure
from dossier.store.migrate import migrate_sqlite
from dossier.store.rows import from_row, to_row

T = TypeVar("T")

# Record class → table. Annotation tables are replaced per article.
_ANNOTATION_TABLES: list[tuple[str, str]] = [
    ("mentions", "mentions"),
    ("times", "times"),
    ("quotes", "quotes"),
    ("events", "events"),
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore(Store):
    """A store in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path) -> None:
        self.location = str(path)
        if self.location != ":memory:":
            parent = Path(self.location).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"cannot create the store {self.location}: folder {parent} does not exist"
                )
        try:
            self._conn = sqlite3.connect(self.location, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            migrate_sqlite(self._conn, self.location)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.location} is not a dossier store ({exc}): pass another --db file"
            ) from exc
        self._depth = 0

    # ------------------------------------------------------------------ plumbing
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self._conn.close()

    def _insert(self, table: str, row: dict[str, Any], verb: str = "INSERT") -> None:
        cols = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        self._conn.execute(f"{verb} INTO {table} ({cols}) VALUES ({marks})", list(row.values()))

    def _select(
        self, cls: type[T], table: str, article_ids: Sequence[str] | None, order: str
    ) -> list[T]:
        sql = f"SELECT * FROM {table}"
        params: list[Any] = []
        if article_ids is not None:
            if not article_ids:
                return []
            sql += f" WHERE article_id IN ({', '.join('?' for _ in article_ids)})"
            params = list(article_ids)
        sql += f" ORDER BY {order}"
        return [from_row(cls, dict(r)) for r in self._conn.execute(sql, params)]

    # ------------------------------------------------------------------ articles
    def has_article(self, article_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def put_article(self, article: Article, minhash: bytes | None) -> None:
        row = to_row(article)
        row.update(minhash=minhash, annotated=0, ingested_at=_now())
        self._insert("articles", row)

    def get_article(self, article_id: str) -> Article | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return from_row(Article, dict(row)) if row else None

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self._conn.execute("SELECT * FROM articles ORDER BY published, path")
            return [from_row(Article, dict(r)) for r in rows]
        found = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            for r in self._conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", chunk):
                found[r["id"]] = from_row(Article, dict(r))
        return [found[i] for i in ids if i in found]

    def unannotated_ids(self) -> list[str]:
        rows = self._conn.execute("SELECT id FROM articles WHERE annotated = 0 ORDER BY path")
        return [r[0] for r in rows]

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        for r in self._conn.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL"):
            yield r[0], bytes(r[1])

    def set_publication(self, article_id: str, window: PublicationWindow | None) -> None:
        if window is None:
            values: tuple[object, ...] = ("unknown", None, None, None)
        else:
            values = ("inferred", window.earliest, window.latest, "; ".join(window.evidence))
        self._conn.execute(
            "UPDATE articles SET published_how = ?, published_earliest = ?, "
            "published_latest = ?, published_evidence = ? "
            "WHERE id = ? AND published_how IN ('unknown', 'inferred')",
            (*values, article_id),
        )

    def put_sighting(self, sighting: Sighting) -> None:
        row = to_row(sighting)
        row["seen_at"] = _now()
        self._insert("sightings", row, "INSERT OR IGNORE")  # seen before: nothing changes

    def sightings(self, article_id: str | None = None) -> list[Sighting]:
        if article_id is None:
            rows = self._conn.execute("SELECT * FROM sightings ORDER BY seen_at, path")
        else:
            rows = self._conn.execute(
                "SELECT * FROM sightings WHERE article_id = ? ORDER BY path", (article_id,)
            )
        return [from_row(Sighting, dict(r)) for r in rows]

    def put_failure(self, failure: IngestFailure) -> None:
        row = to_row(failure)
        row["at"] = _now()
        self._insert("failures", row)

    def failures(self) -> list[StoredFailure]:
        rows = self._conn.execute("SELECT * FROM failures ORDER BY id")
        return [StoredFailure(r["id"], r["at"], from_row(IngestFailure, dict(r))) for r in rows]

    # --------------------------------------------------------------- annotations
    def put_annotations(self, ann: Annotations) -> None:
        with self.transaction():
            for table, _ in _ANNOTATION_TABLES:
                self._conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (ann.article_id,))
            for record in [*ann.mentions, *ann.times, *ann.quotes, *ann.events]:
                table = {
                    Mention: "mentions",
                    TimeExpr: "times",
                    Quote: "quotes",
                    Event: "events",
                }[type(record)]
                self._insert(table, to_row(record), "INSERT OR REPLACE")
            self._conn.execute("UPDATE articles SET annotated = 1 WHERE id = ?", (ann.article_id,))

    def mentions(self, article_ids: Sequence[str] | None = None) -> list[Mention]:
        return self._select(Mention, "mentions", article_ids, "article_id, start")

    def times(self, article_ids: Sequence[str] | None = None) -> list[TimeExpr]:
        return self._select(TimeExpr, "times", article_ids, "article_id, start")

    def quotes(self, article_ids: Sequence[str] | None = None) -> list[Quote]:
        return self._select(Quote, "quotes", article_ids, "article_id, start")

    def events(self, article_ids: Sequence[str] | None = None) -> list[Event]:
        return self._select(Event, "events", article_ids, "article_id, start")

    # ------------------------------------------------------------------- resolve
    def set_entities(self, entities: Sequence[Entity], mention_entity: dict[str, str]) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM entities")
            for entity in entities:
                self._insert("entities", to_row(entity))
            self._conn.execute("UPDATE mentions SET entity_id = NULL")
            self._conn.executemany(
                "UPDATE mentions SET entity_id = ? WHERE id = ?",
                [(eid, mid) for mid, eid in mention_entity.items()],
            )

    def entities(self) -> list[Entity]:
        rows = self._conn.execute("SELECT * FROM entities ORDER BY mentions DESC, name")
        return [from_row(Entity, dict(r)) for r in rows]

    def set_timeline(self, entries: Sequence[TimelineEntry]) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM timeline")
            for entry in entries:
                self._insert("timeline", to_row(entry))

    def timeline(self) -> list[TimelineEntry]:
        rows = self._conn.execute("SELECT * FROM timeline")
        return [from_row(TimelineEntry, dict(r)) for r in rows]

    # ------------------------------------------------------------------- stories
    def put_stories(self, stories: Sequence[Story], members: Sequence[StoryMember]) -> None:
        with self.transaction():
            for story in stories:
                self._insert("stories", to_row(story), "INSERT OR REPLACE")
            for member in members:
                self._insert("story_members", to_row(member), "INSERT OR REPLACE")

    def stories(self) -> list[Story]:
        rows = self._conn.execute("SELECT * FROM stories ORDER BY first_published, id")
        stories = [from_row(Story, dict(r)) for r in rows]
        members: dict[str, list[str]] = {}
        # rowid order is the order the articles joined their stories
        for story_id, article_id in self._conn.execute(
            "SELECT story_id, article_id FROM story_members ORDER BY rowid"
        ):
            members.setdefault(story_id, []).append(article_id)
        for story in stories:
            story.article_ids = members.get(story.id, [])
        return stories

    def story_members(self) -> list[StoryMember]:
        rows = self._conn.execute("SELECT * FROM story_members ORDER BY story_id, article_id")
        return [from_row(StoryMember, dict(r)) for r in rows]
