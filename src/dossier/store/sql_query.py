"""Listings in SQL: every filter, sort and page runs in the database, on indexed columns.

Date filters keep rows whose day interval meets [since, until]; the intervals are at most
a year long, so the index range on ``date_lo`` is bounded. Entity filters go through the
entity ids a name resolved to; source filters match outlet, site, path or title.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from dossier.records import Article, Entity, Event, Quote, Story, TimelineEntry
from dossier.resolve.corroboration import Comparison
from dossier.resolve.salience import LOOK_BACK_DAYS
from dossier.store.base import Page, Query
from dossier.store.rows import comparison_from_dict, from_row
from dossier.store.sql_base import SQLBase

T = TypeVar("T")
# The stories of more than one article. An article alone in its story, in a store where
# other articles share one, that names no person, organisation or place another article
# names, is off-topic: its rows are left out of the timeline. (Stories are bounded in
# time, and which story an article joins may depend on the order articles came in: a
# report of an earlier chapter of the same affair names its people, and stays.)
_SHARED_STORIES = "SELECT story_id FROM story_members GROUP BY story_id HAVING COUNT(*) > 1"
_SHARES_NAMES = (
    "EXISTS (SELECT 1 FROM mentions m JOIN mentions o ON o.entity_id = m.entity_id "
    "AND o.article_id != m.article_id WHERE m.article_id = {article} "
    "AND m.entity_id IS NOT NULL AND m.type != 'GROUP')"
)
_OFF_TOPIC = (
    "{article} IN (SELECT article_id FROM story_members WHERE story_id NOT IN "
    f"({_SHARED_STORIES})) AND NOT {_SHARES_NAMES}"
)
_OFF_TOPIC_ARTICLES = (
    "SELECT sm.article_id FROM story_members sm WHERE sm.story_id NOT IN "
    f"({_SHARED_STORIES}) AND NOT " + _SHARES_NAMES.format(article="sm.article_id")
)
_LONGEST = 366  # days: the longest interval a stored date stands for (a year)


def _back(day: str, days: int) -> str:
    return (date.fromisoformat(day) - timedelta(days=days)).isoformat()


class _Where:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def dates(self, q: Query, lo_col: str, hi_col: str) -> None:
        if q.until is not None:
            self.add(f"{lo_col} <= ?", q.until)
        if q.since is not None:
            self.add(f"{lo_col} >= ? AND {hi_col} >= ?", _back(q.since, _LONGEST), q.since)
        if q.since is not None or q.until is not None:
            self.add(f"{lo_col} IS NOT NULL")

    def source(self, q: Query, *cols: str) -> None:
        if not q.source:
            return
        like = f"%{_escape(q.source)}%"
        self.add(
            "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in cols) + ")", *([like] * len(cols))
        )

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _entity_ids(sql: str, ids: frozenset[str]) -> tuple[str, list[str]]:
    marks = ", ".join("?" for _ in ids)
    n = sql.count("{marks}")
    return sql.replace("{marks}", marks), sorted(ids) * n


class QueryMixin(SQLBase):
    def _page(
        self,
        cls: type[T],
        base: str,
        where: _Where,
        order: str,
        q: Query,
        make: Callable[[Any], T] | None = None,
    ) -> Page[T]:
        count = f"SELECT COUNT(*) FROM ({base}{where.sql()}) AS matched"
        total = int(self._q(count, where.params)[0][0])
        sql = f"{base}{where.sql()} ORDER BY {order}"
        params = list(where.params)
        if q.limit is not None or q.offset:
            sql += " LIMIT ? OFFSET ?"
            params += [q.limit if q.limit is not None else -1, q.offset or 0]
        rows = self._q(sql, params)
        build = make or (lambda r: from_row(cls, dict(r)))
        return Page([build(r) for r in rows], total, q.limit, q.offset)

    def _entity_filter(self, where: _Where, sql: str, q: Query) -> None:
        if q.entity_ids is None:
            return
        if not q.entity_ids:
            where.add("1 = 0")
            return
        text, params = _entity_ids(sql, q.entity_ids)
        where.add(text, *params)

    # ---------------------------------------------------------------- listings
    def page_articles(self, q: Query) -> Page[Article]:
        w = _Where()
        self._entity_filter(
            w,
            "a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ({marks}))",
            q,
        )
        w.dates(q, "a.published_lo", "a.published_hi")
        w.source(q, "a.label", "a.url", "a.path", "a.title")
        return self._page(Article, "SELECT a.* FROM articles a", w, "a.sort_key", q)

    def page_events(self, q: Query) -> Page[Event]:
        w = _Where()
        self._entity_filter(
            w,
            "(e.source_mention_id IN (SELECT id FROM mentions WHERE entity_id IN ({marks})) "
            "OR e.target_mention_id IN (SELECT id FROM mentions WHERE entity_id IN ({marks})) "
            "OR e.place_mention_id IN (SELECT id FROM mentions WHERE entity_id IN ({marks})))",
            q,
        )
        w.dates(q, "e.date_lo", "e.date_hi")
        if q.source:
            w.source(q, "a.label", "a.url", "a.path")
        base = "SELECT e.* FROM events e" + (
            " JOIN articles a ON a.id = e.article_id" if q.source else ""
        )
        return self._page(Event, base, w, "e.sort_key, e.id", q)

    def page_quotes(self, q: Query) -> Page[Quote]:
        w = _Where()
        self._entity_filter(
            w, "x.speaker_mention_id IN (SELECT id FROM mentions WHERE entity_id IN ({marks}))", q
        )
        w.dates(q, "x.date_lo", "x.date_hi")
        if q.source:
            w.source(q, "a.label", "a.url", "x.relayed_by")
        if q.extra.get("speech_only"):
            w.add("x.speech = 1")
        base = "SELECT x.* FROM quotes x" + (
            " JOIN articles a ON a.id = x.article_id" if q.source else ""
        )
        return self._page(Quote, base, w, "x.article_id, x.start", q)

    def _timeline_where(self, q: Query) -> _Where:
        w = _Where()
        self._entity_filter(
            w, "t.id IN (SELECT row_id FROM timeline_entities WHERE entity_id IN ({marks}))", q
        )
        w.dates(q, "t.date_lo", "t.date_hi")
        if q.source:
            like = f"%{_escape(q.source)}%"
            w.add(
                "t.id IN (SELECT ta.row_id FROM timeline_articles ta JOIN articles a "
                "ON a.id = ta.article_id WHERE a.label LIKE ? ESCAPE '\\' "
                "OR a.url LIKE ? ESCAPE '\\')",
                like,
                like,
            )
        x = q.extra
        if x.get("min_sources"):
            w.add("json_array_length(t.article_ids) >= ?", int(x["min_sources"]))
        if x.get("dated"):
            w.add("t.date IS NOT NULL")
        if x.get("status"):
            statuses = sorted(x["status"])
            w.add(f"t.status IN ({', '.join('?' for _ in statuses)})", *statuses)
        if x.get("min_confidence") is not None:
            w.add("t.confidence >= ?", float(x["min_confidence"]))
        if x.get("on_topic"):
            # the off-topic articles as one set (few: the lone ones), not a test per row
            off = _OFF_TOPIC_ARTICLES
            w.add(f"(NOT EXISTS ({_SHARED_STORIES}) OR t.id IN (SELECT ta.row_id FROM "
                  f"timeline_articles ta WHERE ta.article_id NOT IN ({off})))")  # fmt: skip
        if x.get("days"):
            days = list(x["days"])
            w.add(f"t.date IN ({', '.join('?' for _ in days)})", *days)
        return w

    def entity_rows(self, entity_ids: Collection[str]) -> tuple[dict[str, int], int]:
        """How many timeline rows name each of ``entity_ids``, and the most any entity is in."""
        sql = (
            "SELECT entity_id, COUNT(DISTINCT row_id) FROM timeline_entities "
            "WHERE entity_id IN ({marks}) GROUP BY entity_id"
        )
        counts = {r[0]: int(r[1]) for r in self._in(sql, entity_ids)}
        top = self._q(
            "SELECT COUNT(*) FROM timeline_entities GROUP BY entity_id ORDER BY 1 DESC LIMIT 1"
        )
        return counts, int(top[0][0]) if top else 0

    def off_topic(self, article_ids: Collection[str]) -> set[str]:
        """Of ``article_ids``, the off-topic ones (see ``_OFF_TOPIC``)."""
        shared = {r[0] for r in self._q(_SHARED_STORIES)}  # once, not once per chunk
        if not shared:
            return set()
        sql = "SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})"
        alone = [r[0] for r in self._in(sql, article_ids) if r[1] not in shared]
        lone = "SELECT a.id FROM articles a WHERE a.id IN ({marks}) AND NOT "
        return {r[0] for r in self._in(lone + _SHARES_NAMES.format(article="a.id"), alone)}

    def page_timeline(self, q: Query) -> Page[TimelineEntry]:
        w = self._timeline_where(q)
        page = self._page(
            TimelineEntry,
            "SELECT t.* FROM timeline t",
            w,
            "(t.date IS NULL), t.date, t.code, t.id",
            q,
        )
        self._names(page.items)
        return page

    def _names(self, rows: Sequence[TimelineEntry]) -> None:
        """Actor and place names as the entities are named now."""
        ids = {
            x
            for r in rows
            for x in (r.source_entity_id, r.target_entity_id, *r.place_refs)
            if x and x.startswith("ent_")
        }
        if not ids:
            return
        names = {
            r[0]: r[1] for r in self._in("SELECT id, name FROM entities WHERE id IN ({marks})", ids)
        }
        for r in rows:
            if r.source_entity_id in names:
                r.source_actor = names[r.source_entity_id]
            if r.target_entity_id in names:
                r.target_actor = names[r.target_entity_id]
            if r.place_refs:
                r.places = [names.get(x, x) for x in r.place_refs]
            if r.place_entity_id in names:
                r.place = names[r.place_entity_id]

    def page_entities(self, q: Query) -> Page[Entity]:
        w = _Where()
        self._entity_filter(w, "n.id IN ({marks})", q)
        if q.source:
            like = f"%{_escape(q.source)}%"
            w.add(
                "n.id IN (SELECT m.entity_id FROM mentions m JOIN articles a "
                "ON a.id = m.article_id WHERE a.label LIKE ? ESCAPE '\\')",
                like,
            )
        return self._page(
            Entity, "SELECT n.* FROM entities n", w, "n.mentions DESC, n.type, n.name, n.id", q
        )

    def page_stories(self, q: Query) -> Page[Story]:
        w = _Where()
        self._entity_filter(
            w,
            "s.id IN (SELECT sm.story_id FROM story_members sm JOIN mentions m "
            "ON m.article_id = sm.article_id WHERE m.entity_id IN ({marks}))",
            q,
        )
        if q.since is not None or q.until is not None:
            w.add("s.last_published IS NOT NULL")
            # the days a partial date may stand for, as strings ('2023-09' ~ 2023-09-00..99)
            if q.since is not None:
                w.add("substr(s.last_published || '-99-99', 1, 10) >= ?", q.since)
            if q.until is not None:
                w.add("substr(s.last_published || '-00-00', 1, 10) <= ?", q.until)
        if q.source:
            like = f"%{_escape(q.source)}%"
            w.add(
                "s.id IN (SELECT sm.story_id FROM story_members sm JOIN articles a "
                "ON a.id = sm.article_id WHERE a.label LIKE ? ESCAPE '\\' OR a.url LIKE ? "
                "ESCAPE '\\')",
                like,
                like,
            )
        order = (
            "COALESCE(s.last_published, '') DESC, "
            "(SELECT COUNT(*) FROM story_members sm WHERE sm.story_id = s.id) DESC, s.id"
        )
        page = self._page(Story, "SELECT s.* FROM stories s", w, order, q)
        self._with_members(page.items)  # type: ignore[attr-defined]
        return page

    def member_similarities(self, story_ids: Collection[str]) -> dict[str, float | None]:
        sql = "SELECT article_id, similarity FROM story_members WHERE story_id IN ({marks})"
        return {r[0]: r[1] for r in self._in(sql, story_ids)}

    def page_comparisons(
        self, q: Query, disagreeing: bool
    ) -> Page[tuple[TimelineEntry, Comparison]]:
        w = self._timeline_where(q)
        if disagreeing:
            w.add("c.disagree = 1")
        base = (
            "SELECT t.*, c.body AS comparison_body FROM comparisons c "
            "JOIN timeline t ON t.id = c.row_id"
        )

        def make(r: Any) -> tuple[TimelineEntry, Comparison]:
            return from_row(TimelineEntry, dict(r)), comparison_from_dict(
                json.loads(r["comparison_body"])
            )

        order = "(t.date IS NULL), t.date, t.code, t.id, c.position"
        page: Page[tuple[TimelineEntry, Comparison]] = self._page(tuple, base, w, order, q, make)
        self._names([row for row, _ in page.items])
        return page

    def day_counts(self) -> dict[str, dict[str, int]]:
        """Per day: articles published, articles referring to it (a time expression dated
        to it), those published more than a day and more than ``LOOK_BACK_DAYS`` later, and
        row sources beyond the first."""
        out: dict[str, dict[str, int]] = {}
        day = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
        for d, n in self._q(
            "SELECT substr(published, 1, 10), COUNT(*) FROM articles "
            f"WHERE published_how IN ('metadata', 'text') AND substr(published, 1, 10) GLOB {day} "
            "GROUP BY 1"
        ):
            out.setdefault(d, {})["published"] = int(n)
        for d, n, later, far in self._q(
            "SELECT substr(t.value, 1, 10) AS d, COUNT(DISTINCT t.article_id), "
            "COUNT(DISTINCT CASE WHEN substr(a.published, 1, 10) > date(substr(t.value, 1, 10), "
            "'+1 day') THEN t.article_id END), "
            "COUNT(DISTINCT CASE WHEN substr(a.published, 1, 10) > date(substr(t.value, 1, 10), "
            f"'+{LOOK_BACK_DAYS} day') THEN t.article_id END) "
            "FROM times t JOIN articles a ON a.id = t.article_id "
            f"WHERE t.precision = 'day' AND substr(t.value, 1, 10) GLOB {day} GROUP BY d"
        ):
            out.setdefault(d, {}).update(
                referred=int(n), referred_later=int(later), referred_far=int(far)
            )
        for d, n in self._q(
            "SELECT date, SUM(json_array_length(article_ids) - 1) FROM timeline "
            "WHERE date_precision = 'day' GROUP BY date"
        ):
            out.setdefault(d, {})["reported"] = int(n or 0)
        return out

    def day_rows(self, days: list[str], per_day: int) -> dict[str, list[dict[str, Any]]]:
        """The top rows of each day (most sources, then most mentions)."""
        out: dict[str, list[dict[str, Any]]] = {}
        sql = (
            "SELECT id, date, text, json_array_length(article_ids) AS n, "
            "json_array_length(event_ids) AS m FROM timeline "
            "WHERE date_precision = 'day' AND date IN ({marks})"
        )
        for r in self._in(sql, days):
            out.setdefault(r["date"], []).append(dict(r))
        for d in out:
            out[d] = sorted(out[d], key=lambda r: (-r["n"], -r["m"], r["id"]))[:per_day]
        return out

    def row_by_prefix(self, prefix: str) -> list[TimelineEntry]:
        like = _escape(prefix) + "%"
        rows = self._q(
            "SELECT * FROM timeline WHERE id LIKE ? ESCAPE '\\' OR id IN "
            "(SELECT row_id FROM timeline_members WHERE event_id = ?) LIMIT 2",
            (like, prefix),
        )
        out = [from_row(TimelineEntry, dict(r)) for r in rows]
        self._names(out)
        return out

    def member_why(self, row_id: str) -> dict[str, str]:
        rows = self._q("SELECT event_id, why FROM timeline_members WHERE row_id = ?", (row_id,))
        return {r[0]: r[1] for r in rows}
