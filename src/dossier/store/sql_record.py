"""The record in SQL: articles, near-duplicate bands, sightings, failures, annotations."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from dossier.records import (
    Annotations,
    Article,
    Event,
    IngestFailure,
    Mention,
    PublicationWindow,
    Quote,
    Sighting,
    TimeExpr,
)
from dossier.resolve.entities.local import votes_for
from dossier.resolve.timeline.mentions import article_label
from dossier.store.base import StoredFailure
from dossier.store.rows import columns, from_row, to_row
from dossier.store.sql_base import SQLBase, day_span, dumps, loads

T = TypeVar("T")
_ANNOTATION_TABLES = ("mentions", "times", "quotes", "events")
HEAD_CHARS = 1000  # of a title-less article's text, what a listing without text reads
_HEAD_COLUMNS = ", ".join(c for _, c in columns(Article) if c not in ("text", "removed"))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def insert_sql(table: str, cols: Sequence[str], verb: str = "INSERT") -> str:
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    return f"{verb} INTO {table} ({names}) VALUES ({marks})"


def stated(article: Article) -> str | None:
    return article.published if article.published_how in ("metadata", "text") else None


class RecordMixin(SQLBase):
    # ------------------------------------------------------------------ flags
    def flag(self, key: str) -> str | None:
        rows = self._q("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_flag(self, key: str, value: str | None) -> None:
        if value is None:
            self._x("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._x("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # ------------------------------------------------------------------ articles
    def has_article(self, article_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def _article_row(self, article: Article, minhash: bytes | None) -> dict[str, Any]:
        row = to_row(article)
        lo, hi = day_span(stated(article))
        row.update(
            minhash=minhash,
            annotated=0,
            ingested_at=now(),
            published_lo=lo,
            published_hi=hi,
            label=article_label(article),
            sort_key=f"{article.published or ''}\x1f{article.path}",
        )
        return row

    def put_article(self, article: Article, minhash: bytes | None) -> None:
        self.put_articles([(article, minhash)])

    def put_articles(self, items: Sequence[tuple[Article, bytes | None]]) -> None:
        if not items:
            return
        from dossier.ingest.dedup import SIGNATURE_BYTES, bands

        rows = [self._article_row(a, sig) for a, sig in items]
        cols = list(rows[0])
        self._many(insert_sql("articles", cols), [[r[c] for c in cols] for r in rows])
        self._many(
            "INSERT INTO minhash_bands (band, hash, article_id) VALUES (?, ?, ?)",
            [
                (b, h, a.id)
                for a, sig in items
                if sig and len(sig) == SIGNATURE_BYTES
                for b, h in bands(sig)
            ],
        )

    def get_article(self, article_id: str) -> Article | None:
        rows = self._q("SELECT * FROM articles WHERE id = ?", (article_id,))
        return from_row(Article, dict(rows[0])) if rows else None

    def article_prefix(self, prefix: str) -> list[str]:
        like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._q("SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (like,))
        return [r[0] for r in rows]

    def ingested_since(self, ids: Sequence[str], since: str) -> set[str]:
        sql = "SELECT id FROM articles WHERE ingested_at >= ? AND id IN ({marks})"
        return {r[0] for r in self._in(sql, ids, (since,))}

    def article_paths(self, ids: Collection[str]) -> dict[str, str]:
        sql = "SELECT id, path FROM articles WHERE id IN ({marks})"
        return {r[0]: r[1] for r in self._in(sql, ids)}

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self._q("SELECT * FROM articles ORDER BY sort_key")
            return [from_row(Article, dict(r)) for r in rows]
        found = {
            r["id"]: from_row(Article, dict(r))
            for r in self._in("SELECT * FROM articles WHERE id IN ({marks})", ids)
        }
        return [found[i] for i in ids if i in found]

    def article_heads(self, ids: Sequence[str]) -> list[Article]:
        """The articles among ``ids`` without their text (listings that show only the
        metadata): ``text`` holds the text's opening (``HEAD_CHARS``) where the article
        has no title, since a title-less article is shown by its opening, else ``""``;
        ``removed`` is left empty."""
        sql = (
            f"SELECT {_HEAD_COLUMNS}, CASE WHEN COALESCE(title, '') = '' "
            f"THEN substr(text, 1, {HEAD_CHARS}) ELSE '' END AS text "
            "FROM articles WHERE id IN ({marks})"
        )
        # no list column is read, so each row is the record's fields as they are
        found = {r["id"]: Article(**dict(r)) for r in self._in(sql, ids)}
        return [found[i] for i in ids if i in found]

    def unannotated_ids(self) -> list[str]:
        rows = self._q("SELECT id FROM articles WHERE annotated = 0 ORDER BY path")
        return [r[0] for r in rows]

    def article_ids(self) -> list[str]:
        return [r[0] for r in self._q("SELECT id FROM articles ORDER BY id")]

    def minhashes(self, ids: Collection[str] | None = None) -> Iterator[tuple[str, bytes]]:
        if ids is None:
            rows: Any = self._q("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL")
        else:
            rows = self._in(
                "SELECT id, minhash FROM articles WHERE minhash IS NOT NULL AND id IN ({marks})",
                ids,
            )
        for r in rows:
            yield r[0], bytes(r[1])

    def band_candidates(self, bands: Sequence[tuple[int, int]]) -> set[str]:
        out: set[str] = set()
        for band, value in bands:
            rows = self._q(
                "SELECT article_id FROM minhash_bands WHERE band = ? AND hash = ?", (band, value)
            )
            out.update(r[0] for r in rows)
        return out

    def set_publication(self, article_id: str, window: PublicationWindow | None) -> None:
        if window is None:
            values: tuple[object, ...] = ("unknown", None, None, None)
        else:
            values = ("inferred", window.earliest, window.latest, "; ".join(window.evidence))
        self._x(
            "UPDATE articles SET published_how = ?, published_earliest = ?, "
            "published_latest = ?, published_evidence = ? "
            "WHERE id = ? AND published_how IN ('unknown', 'inferred')",
            (*values, article_id),
        )

    def set_doc_vectors(self, vectors: dict[str, bytes]) -> None:
        self._many(
            "UPDATE articles SET doc_vector = ? WHERE id = ?",
            [(v, a) for a, v in sorted(vectors.items())],
        )

    def doc_vectors(self, ids: Sequence[str]) -> dict[str, Any]:
        import numpy as np

        sql = "SELECT id, doc_vector FROM articles WHERE doc_vector IS NOT NULL AND id IN ({marks})"
        return {r[0]: np.frombuffer(r[1], dtype=np.float32) for r in self._in(sql, ids)}

    def set_text_windows(self, windows: dict[str, PublicationWindow | None]) -> None:
        self._many(
            "UPDATE articles SET text_window = ? WHERE id = ?",
            [
                (dumps([w.earliest, w.latest, w.evidence]) if w else None, aid)
                for aid, w in windows.items()
            ],
        )

    def text_windows(self, ids: Collection[str]) -> dict[str, PublicationWindow | None]:
        out: dict[str, PublicationWindow | None] = {}
        for r in self._in("SELECT id, text_window FROM articles WHERE id IN ({marks})", ids):
            value = loads(r[1])
            out[r[0]] = PublicationWindow(value[0], value[1], list(value[2])) if value else None
        return out

    def put_sighting(self, sighting: Sighting) -> None:
        row = to_row(sighting)
        row["seen_at"] = now()
        self._x(insert_sql("sightings", list(row), "INSERT OR IGNORE"), list(row.values()))

    def sightings(self, article_id: str | None = None) -> list[Sighting]:
        if article_id is None:
            rows = self._q("SELECT * FROM sightings ORDER BY seen_at, path")
        else:
            rows = self._q(
                "SELECT * FROM sightings WHERE article_id = ? ORDER BY path", (article_id,)
            )
        return [from_row(Sighting, dict(r)) for r in rows]

    def sightings_of(self, article_ids: Collection[str]) -> dict[str, list[Sighting]]:
        out: dict[str, list[Sighting]] = {}
        sql = "SELECT * FROM sightings WHERE article_id IN ({marks}) ORDER BY path"
        for r in self._in(sql, article_ids):
            out.setdefault(r["article_id"], []).append(from_row(Sighting, dict(r)))
        return out

    def put_failure(self, failure: IngestFailure) -> None:
        row = to_row(failure)
        row["at"] = now()
        self._x(insert_sql("failures", list(row)), list(row.values()))

    def failures(self) -> list[StoredFailure]:
        rows = self._q(
            "SELECT MIN(id) AS id, MAX(at) AS at, path, line, stage, reason, COUNT(*) AS n "
            "FROM failures GROUP BY path, line, stage, reason ORDER BY MIN(id)"
        )
        return [
            StoredFailure(r["id"], r["at"], from_row(IngestFailure, dict(r)), r["n"]) for r in rows
        ]

    def clear_failures(self) -> int:
        n = self._q("SELECT COUNT(*) FROM failures")[0][0]
        self._x("DELETE FROM failures")
        return int(n)

    def feed_items_seen(self, feed: str, items: Collection[str]) -> set[str]:
        sql = "SELECT item FROM feed_items WHERE feed = ? AND item IN ({marks})"
        return {r[0] for r in self._in(sql, items, (feed,))}

    def put_feed_items(self, rows: Sequence[tuple[str, str, str | None, str]]) -> None:
        at = now()
        self._many(
            "INSERT INTO feed_items (feed, item, link, article_id, seen_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed, item) DO UPDATE SET "
            "link = excluded.link, article_id = excluded.article_id, seen_at = excluded.seen_at",
            [(*r, at) for r in rows],
        )

    # --------------------------------------------------------------- annotations
    def put_annotations(self, ann: Annotations) -> None:
        published = self._q(
            "SELECT published, published_how FROM articles WHERE id = ?", (ann.article_id,)
        )
        pub = published[0][0] if published and published[0][1] in ("metadata", "text") else None
        with self.transaction():
            for table in _ANNOTATION_TABLES:
                self._x(f"DELETE FROM {table} WHERE article_id = ?", (ann.article_id,))
            self._write(Mention, "mentions", ann.mentions, lambda m: {"name_fold": votes_for(m)})
            self._write(TimeExpr, "times", ann.times, lambda t: {})
            self._write(Quote, "quotes", ann.quotes, lambda q: _dated(q.date or pub))
            self._write(
                Event,
                "events",
                ann.events,
                lambda e: {**_dated(e.date or pub), "sort_key": e.date or pub or "9999"},
            )
            self._x("UPDATE articles SET annotated = 1 WHERE id = ?", (ann.article_id,))

    def _write(self, cls: type, table: str, records: Sequence[Any], extra: Any) -> None:
        if not records:
            return
        rows = [{**to_row(r), **extra(r)} for r in records]
        cols = list(rows[0])
        self._many(
            insert_sql(table, cols, "INSERT OR REPLACE"), [[r[c] for c in cols] for r in rows]
        )

    def _select(
        self, cls: type[T], table: str, article_ids: Sequence[str] | None, order: str
    ) -> list[T]:
        if article_ids is None:
            rows = self._q(f"SELECT * FROM {table} ORDER BY {order}")
            return [from_row(cls, dict(r)) for r in rows]
        found = list(
            self._in(f"SELECT * FROM {table} WHERE article_id IN ({{marks}})", article_ids)
        )
        records = [(r["article_id"], r["start"], from_row(cls, dict(r))) for r in found]
        records.sort(key=lambda t: (t[0], t[1]))
        return [r for _, _, r in records]

    def mentions(self, article_ids: Sequence[str] | None = None) -> list[Mention]:
        return self._select(Mention, "mentions", article_ids, "article_id, start")

    def times(self, article_ids: Sequence[str] | None = None) -> list[TimeExpr]:
        return self._select(TimeExpr, "times", article_ids, "article_id, start")

    def quotes(self, article_ids: Sequence[str] | None = None) -> list[Quote]:
        return self._select(Quote, "quotes", article_ids, "article_id, start")

    def events(self, article_ids: Sequence[str] | None = None) -> list[Event]:
        return self._select(Event, "events", article_ids, "article_id, start")

    def events_by_id(self, ids: Collection[str]) -> list[Event]:
        rows = self._in("SELECT * FROM events WHERE id IN ({marks})", ids)
        return sorted((from_row(Event, dict(r)) for r in rows), key=lambda e: e.id)

    def events_of_mentions(self, mention_ids: Collection[str]) -> list[str]:
        out: set[str] = set()
        for col in ("source_mention_id", "target_mention_id", "place_mention_id"):
            out.update(
                r[0]
                for r in self._in(f"SELECT id FROM events WHERE {col} IN ({{marks}})", mention_ids)
            )
        return sorted(out)


def _dated(value: str | None) -> dict[str, Any]:
    lo, hi = day_span(value)
    return {"date_lo": lo, "date_hi": hi}


__all__ = ["RecordMixin", "columns", "insert_sql", "now"]
