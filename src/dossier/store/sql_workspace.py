"""Reads the web workspace needs beyond the listings: one row's comparisons, an entity's
mentions, and the aggregates behind the map and the actor graph, each one query."""

from __future__ import annotations

import json
from typing import Any

from dossier.records import Mention
from dossier.resolve.corroboration import Comparison
from dossier.store.base import Page
from dossier.store.rows import comparison_from_dict, from_row
from dossier.store.sql_base import SQLBase


class WorkspaceMixin(SQLBase):
    def comparisons_of(self, row_id: str) -> list[Comparison]:
        rows = self._q("SELECT body FROM comparisons WHERE row_id = ? ORDER BY position", (row_id,))
        return [comparison_from_dict(json.loads(r[0])) for r in rows]

    def page_entity_mentions(self, entity_id: str, limit: int, offset: int) -> Page[Mention]:
        total = int(
            self._q("SELECT COUNT(*) FROM mentions WHERE entity_id = ?", (entity_id,))[0][0]
        )
        rows = self._q(
            "SELECT * FROM mentions WHERE entity_id = ? ORDER BY article_id, start "
            "LIMIT ? OFFSET ?",
            (entity_id, limit, offset),
        )
        return Page([from_row(Mention, dict(r)) for r in rows], total, limit, offset)

    def place_counts(self, limit: int) -> list[dict[str, Any]]:
        rows = self._q(
            "SELECT n.id, n.name, n.lat, n.lon, n.country_code, COUNT(*) AS n_rows, "
            "SUM(json_array_length(t.article_ids)) AS n_reports, MIN(t.date) AS first, "
            "MAX(t.date) AS last FROM timeline t JOIN entities n ON n.id = t.place_entity_id "
            "WHERE n.lat IS NOT NULL AND n.lon IS NOT NULL GROUP BY n.id "
            "ORDER BY n_rows DESC, n.name LIMIT ?",
            (limit,),
        )
        return [dict(r) for r in rows]

    def actor_edges(self, limit: int) -> list[dict[str, Any]]:
        rows = self._q(
            "SELECT t.source_entity_id AS source, t.target_entity_id AS target, "
            "substr(t.code, 1, 2) AS family, COUNT(*) AS n FROM timeline t "
            "WHERE t.source_entity_id LIKE 'ent\\_%' ESCAPE '\\' "
            "AND t.target_entity_id LIKE 'ent\\_%' ESCAPE '\\' "
            "AND t.source_entity_id != t.target_entity_id "
            "GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?",
            (limit,),
        )
        return [dict(r) for r in rows]
