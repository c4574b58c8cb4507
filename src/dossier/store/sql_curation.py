"""Curation in SQL: the audit rows, and the verdicts on the event mentions they name."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from dossier.records import Entity, Mention
from dossier.store.rows import from_row
from dossier.store.sql_base import SQLBase, dumps, loads


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CurationMixin(SQLBase):
    def add_curation(
        self, action: str, target: str, body: dict[str, Any], by: str, event_ids: Sequence[str]
    ) -> int:
        cur = self._x(
            "INSERT INTO curation (at, by, action, target, body) VALUES (?, ?, ?, ?, ?)",
            (_now(), by, action, target, dumps(body)),
        )
        cid = int(cur.lastrowid)
        self._many(
            "INSERT INTO curation_events (curation_id, event_id) VALUES (?, ?)",
            [(cid, e) for e in dict.fromkeys(event_ids)],
        )
        return cid

    def curation(self, ids: Collection[int] | None = None) -> list[dict[str, Any]]:
        if ids is None:
            rows = self._q("SELECT * FROM curation ORDER BY id")
        else:
            rows = list(self._in("SELECT * FROM curation WHERE id IN ({marks}) ORDER BY id", ids))
        return [{**dict(r), "body": loads(r["body"])} for r in rows]

    def undo_curation(self, cid: int, by: str) -> None:
        self._x(
            "UPDATE curation SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL",
            (_now(), by, cid),
        )

    def marks_of_events(self, event_ids: Collection[str]) -> dict[str, tuple[int, str]]:
        """Per event mention: the newest standing mark on it (curation id, verdict)."""
        sql = (
            "SELECT ce.event_id, c.id, c.body FROM curation_events ce JOIN curation c "
            "ON c.id = ce.curation_id WHERE c.action = 'mark' AND c.undone_at IS NULL "
            "AND ce.event_id IN ({marks})"
        )
        out: dict[str, tuple[int, str]] = {}
        for r in self._in(sql, event_ids):
            if r[0] not in out or r[1] > out[r[0]][0]:
                out[r[0]] = (int(r[1]), str(loads(r[2])["verdict"]))
        return out

    def delete_articles(self, article_ids: Collection[str]) -> None:
        """Remove articles with everything stored on them (annotations, sightings, story
        membership, near-duplicate bands cascade); resolution is rebuilt by the caller."""
        for aid in article_ids:
            self._x("DELETE FROM articles WHERE id = ?", (aid,))

    def deleted_articles(self) -> dict[str, int]:
        """Article ids a standing curation change deleted, with the change's id."""
        rows = self._q(
            "SELECT target, id FROM curation WHERE action = 'delete_article' AND undone_at IS NULL"
        )
        return {r[0]: int(r[1]) for r in rows}

    # ------------------------------------------------- entity and row curation
    def standing_curation(self, actions: Collection[str]) -> list[dict[str, Any]]:
        """The standing (not undone) changes of these actions, oldest first."""
        sql = "SELECT * FROM curation WHERE undone_at IS NULL AND action IN ({marks}) ORDER BY id"
        return [{**dict(r), "body": loads(r["body"])} for r in self._in(sql, actions)]

    def mention_entities(self, mention_ids: Collection[str]) -> dict[str, tuple[str | None, str]]:
        """Per stored mention: (its entity id now, the entity its name leaf resolved to)."""
        sql = (
            "SELECT m.id, m.entity_id, COALESCE(l.entity, '') FROM mentions m "
            "LEFT JOIN name_leaves l ON l.id = m.leaf WHERE m.id IN ({marks})"
        )
        return {r[0]: (r[1], r[2]) for r in self._in(sql, mention_ids)}

    def mentions_of_entities(self, entity_ids: Collection[str]) -> list[Mention]:
        sql = "SELECT * FROM mentions WHERE entity_id IN ({marks}) ORDER BY id"
        return [from_row(Mention, dict(r)) for r in self._in(sql, entity_ids)]

    def mentions_by_id(self, mention_ids: Collection[str]) -> list[Mention]:
        sql = "SELECT * FROM mentions WHERE id IN ({marks}) ORDER BY id"
        return [from_row(Mention, dict(r)) for r in self._in(sql, mention_ids)]

    def set_mention_entity(self, mention_ids: Collection[str], entity_id: str) -> None:
        self._many(
            "UPDATE mentions SET entity_id = ? WHERE id = ?", [(entity_id, m) for m in mention_ids]
        )

    def replace_entities(self, entities: Sequence[Entity], removed: Collection[str]) -> None:
        """Write these entity rows (with their name indexes) and drop ``removed``."""
        gone = [*removed, *(e.id for e in entities)]
        self._many("DELETE FROM entities WHERE id = ?", [(e,) for e in dict.fromkeys(gone)])
        self._put_entities(entities)  # type: ignore[attr-defined]

    def mention_counts(self, entity_ids: Collection[str]) -> dict[str, int]:
        sql = "SELECT entity_id, COUNT(*) FROM mentions WHERE entity_id IN ({marks}) GROUP BY 1"
        return {r[0]: int(r[1]) for r in self._in(sql, entity_ids)}
