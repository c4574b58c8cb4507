"""Resolution state in SQL: entity leaves and votes, timeline rows and keys, stories."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

from dossier.records import Entity, EntityType, Mention, Story, StoryMember, TimelineEntry
from dossier.resolve.corroboration import Comparison
from dossier.resolve.entities.leaves import Leaf
from dossier.store.base import RowState
from dossier.store.rows import comparison_from_dict, from_row, to_row
from dossier.store.sql_base import SQLBase, day_span, dumps, loads
from dossier.store.sql_record import insert_sql

_LEAF_COUNTERS = ("forms", "roles", "canonical", "points", "ccs")
_WORDS = re.compile(r"\w+")


def name_fold(text: str) -> str:
    """How ``--entity`` compares names: case-folded words, one space apart."""
    return " ".join(_WORDS.findall(text.casefold()))


def _leaf_row(leaf: Leaf) -> list[Any]:
    counters = [
        dumps(
            sorted([list(k) if isinstance(k, tuple) else k, n] for k, n in getattr(leaf, c).items())
        )
        for c in _LEAF_COUNTERS
    ]
    return [
        leaf.id, leaf.etype, leaf.key, leaf.gid, leaf.acro, leaf.n, leaf.unlisted,
        leaf.lexical, *counters, leaf.akey, leaf.skey, leaf.group, leaf.entity,
    ]  # fmt: skip


def _leaf(r: Any) -> Leaf:
    counters: dict[str, Counter[Any]] = {}
    for c in _LEAF_COUNTERS:
        items = loads(r[c]) or []
        counters[c] = Counter({(tuple(k) if isinstance(k, list) else k): n for k, n in items})
    return Leaf(
        id=r["id"], etype=r["etype"], key=r["key"], gid=r["gid"], acro=r["acro"], n=r["n"],
        unlisted=r["unlisted"], lexical=r["lexical"], akey=r["akey"], skey=r["skey"],
        group=r["grp"], entity=r["entity"], **counters,
    )  # fmt: skip


_LONGEST_SPAN = 400  # days: the longest span a mention that only joins rows is kept under
_UNDATED_STORIES = 200  # stories of undated articles alone that a dated article may join
_LONGEST_ROW = 120  # days: the longest a row's dates stand for (a month, and some days)
_FIELD_SQL = "SELECT l.* FROM leaf_lookups k JOIN name_leaves l ON l.id = k.leaf "


class StateMixin(SQLBase):
    # ------------------------------------------------------------ entity state
    def find_leaves(self, field: str, values: Collection[str]) -> list[Leaf]:
        if field == "id":
            rows = self._in("SELECT * FROM name_leaves WHERE id IN ({marks})", values)
        else:
            rows = self._in(
                _FIELD_SQL + "WHERE k.field = ? AND k.value IN ({marks})", values, [field]
            )
        return [_leaf(r) for r in rows]

    def find_votes(self, folds: Collection[str]) -> dict[str, Counter[EntityType]]:
        rows = self._in("SELECT fold, counts FROM name_votes WHERE fold IN ({marks})", folds)
        return {r[0]: Counter(loads(r[1])) for r in rows}

    def articles_with_folds(self, folds: Collection[str]) -> list[str]:
        sql = "SELECT DISTINCT article_id FROM mentions WHERE name_fold IN ({marks})"
        return sorted({r[0] for r in self._in(sql, folds)})

    def article_mentions(self, article_ids: Collection[str]) -> list[Mention]:
        return self.mentions(sorted(article_ids))

    def save_entity_state(
        self,
        votes: dict[str, Any],
        leaves: Sequence[Leaf],
        mention_leaf: dict[str, str],
        leaf_entity: dict[str, str],
        entities: Sequence[Entity],
        removed: Sequence[str],
    ) -> list[str]:
        self._many(
            "INSERT OR REPLACE INTO name_votes (fold, counts) VALUES (?, ?)",
            [(f, dumps(dict(c))) for f, c in votes.items()],
        )
        ids = [x.id for x in leaves]
        self._many("DELETE FROM leaf_lookups WHERE leaf = ?", [(i,) for i in ids])
        self._many(
            "INSERT OR REPLACE INTO name_leaves VALUES (" + ", ".join("?" * 17) + ")",
            [_leaf_row(x) for x in leaves],
        )
        self._many(
            "INSERT INTO leaf_lookups (field, value, leaf) VALUES (?, ?, ?)",
            [(f, v, x.id) for x in leaves for f, v in sorted(x.lookups())],
        )
        entity_of_leaf = {x.id: x.entity for x in leaves}
        self._many(
            "UPDATE mentions SET leaf = ?, entity_id = ? WHERE id = ?",
            [(leaf, entity_of_leaf.get(leaf) or None, mid) for mid, leaf in mention_leaf.items()],
        )
        moved: list[str] = []
        for leaf, eid in sorted(leaf_entity.items()):
            rows = self._q("SELECT id FROM mentions WHERE leaf = ?", (leaf,))
            moved.extend(r[0] for r in rows if r[0] not in mention_leaf)
            self._x("UPDATE mentions SET entity_id = ? WHERE leaf = ?", (eid or None, leaf))
        gone = [*removed, *(e.id for e in entities)]
        self._many("DELETE FROM entities WHERE id = ?", [(e,) for e in gone])
        self._put_entities(entities)
        return moved

    def _put_entities(self, entities: Sequence[Entity]) -> None:
        if not entities:
            return
        rows = [to_row(e) for e in entities]
        cols = list(rows[0])
        self._many(insert_sql("entities", cols), [[r[c] for c in cols] for r in rows])
        names: list[tuple[str, str]] = []
        words: list[tuple[str, str, int]] = []
        for e in entities:
            for i, name in enumerate([e.name, *e.aliases]):
                folded = name_fold(name)
                names.append((folded, e.id))
                words.extend((w, e.id, i) for w in sorted(set(folded.split())))
        self._many("INSERT INTO entity_names (fold, entity_id) VALUES (?, ?)", names)
        self._many("INSERT INTO entity_words (word, entity_id, name_no) VALUES (?, ?, ?)", words)

    def entities_of_mentions(self, mention_ids: Collection[str]) -> dict[str, Entity]:
        sql = (
            "SELECT m.id AS mid, e.* FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE m.id IN ({marks})"
        )
        return {r["mid"]: from_row(Entity, dict(r)) for r in self._in(sql, mention_ids)}

    def entities(self) -> list[Entity]:
        rows = self._q("SELECT * FROM entities ORDER BY mentions DESC, type, name, id")
        return [from_row(Entity, dict(r)) for r in rows]

    def entities_top(self, n: int) -> list[Entity]:
        rows = self._q(
            "SELECT * FROM entities ORDER BY mentions DESC, type, name, id LIMIT ?", (n,)
        )
        return [from_row(Entity, dict(r)) for r in rows]

    def timeline_span(self) -> tuple[str, str] | None:
        row = self._q("SELECT MIN(date_lo), MAX(date_hi) FROM timeline WHERE date_lo IS NOT NULL")
        return (row[0][0], row[0][1]) if row and row[0][0] else None

    def entities_by_id(self, ids: Collection[str]) -> dict[str, Entity]:
        rows = self._in("SELECT * FROM entities WHERE id IN ({marks})", ids)
        return {r["id"]: from_row(Entity, dict(r)) for r in rows}

    def set_entities(self, entities: Sequence[Entity], mention_entity: dict[str, str]) -> None:
        with self.transaction():
            self._x("DELETE FROM entities")
            self._put_entities(entities)
            self._x("UPDATE mentions SET entity_id = NULL")
            self._many(
                "UPDATE mentions SET entity_id = ? WHERE id = ?",
                [(eid, mid) for mid, eid in mention_entity.items()],
            )

    def match_entities(self, query: str) -> set[str]:
        q = name_fold(query)
        exact = {r[0] for r in self._q("SELECT entity_id FROM entity_names WHERE fold = ?", (q,))}
        if exact:
            return exact
        words = sorted(set(q.split()))
        if not words:
            return set()
        rows = self._q(
            "SELECT entity_id FROM entity_words WHERE word IN ("
            + ", ".join("?" for _ in words)
            + ") GROUP BY entity_id, name_no HAVING COUNT(DISTINCT word) = ?",
            [*words, len(words)],
        )
        return {r[0] for r in rows}

    # ---------------------------------------------------------- timeline state
    def loose_near(self, keys: Sequence[tuple[str, int | None, int | None]]) -> set[str]:
        out: set[str] = set()
        for key, lo, hi in keys:
            if lo is None or hi is None:
                rows = self._q(
                    "SELECT event_id FROM timeline_keys WHERE key = ? AND kind = 'loose'", (key,)
                )
            else:
                # spans are a year and some days long at most: the index range is bounded
                rows = self._q(
                    "SELECT event_id FROM timeline_keys WHERE key = ? AND kind = 'loose' "
                    "AND lo IS NULL UNION SELECT event_id FROM timeline_keys WHERE key = ? "
                    "AND kind = 'loose' AND lo BETWEEN ? AND ? AND hi >= ?",
                    (key, key, lo - _LONGEST_SPAN, hi, lo),
                )
            out.update(r[0] for r in rows)
        return out

    def loose_by_keys(self, keys: Collection[str]) -> list[tuple[str, int | None, int | None]]:
        sql = "SELECT event_id, lo, hi FROM timeline_keys WHERE kind = 'loose' AND key IN ({marks})"
        return sorted({(r[0], r[1], r[2]) for r in self._in(sql, keys)})

    def rows_of_events(self, event_ids: Collection[str]) -> dict[str, str]:
        sql = "SELECT event_id, row_id FROM timeline_members WHERE event_id IN ({marks})"
        return {r[0]: r[1] for r in self._in(sql, event_ids)}

    def anchored_in(self, family: str, lo: int, hi: int) -> list[tuple[str, int, str]]:
        rows = self._q(
            "SELECT event_id, day, founder FROM timeline_members "
            "WHERE family = ? AND day >= ? AND day < ?",
            (family, lo, hi),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def anchored_of(self, event_ids: Collection[str]) -> dict[str, tuple[str, int, str]]:
        sql = (
            "SELECT event_id, family, day, founder FROM timeline_members "
            "WHERE family IS NOT NULL AND event_id IN ({marks})"
        )
        return {r[0]: (r[1], r[2], r[3]) for r in self._in(sql, event_ids)}

    def members_of_founders(self, founders: Collection[str]) -> dict[str, tuple[int, str, str]]:
        sql = "SELECT event_id, day, founder, why FROM timeline_members WHERE founder IN ({marks})"
        return {r[0]: (r[1], r[2], r[3]) for r in self._in(sql, founders)}

    def best_rows(
        self,
        keys: Sequence[str],
        span: tuple[int, int] | None,
        exclude: Sequence[str],
        offset: int,
        limit: int,
    ) -> list[str]:
        if not keys:
            return []
        marks = ", ".join("?" for _ in keys)
        sql = f"SELECT DISTINCT row_id, size, spec, first_id FROM row_keys WHERE key IN ({marks})"
        params: list[Any] = list(keys)
        if span is not None:
            # a row spans a few weeks at most: the index range on lo is bounded
            sql += " AND lo BETWEEN ? AND ? AND hi >= ?"  # rows kept here always have days
            params += [span[0] - _LONGEST_ROW, span[1], span[0]]
        if exclude:
            sql += f" AND row_id NOT IN ({', '.join('?' for _ in exclude)})"
            params += list(exclude)
        sql += " ORDER BY size DESC, spec DESC, first_id LIMIT ? OFFSET ?"
        return [r[0] for r in self._q(sql, [*params, limit, offset])]

    def row_summaries(self, row_ids: Collection[str]) -> dict[str, dict[str, Any]]:
        sql = "SELECT id, summary FROM timeline WHERE id IN ({marks})"
        return {r[0]: loads(r[1]) or {} for r in self._in(sql, row_ids)}

    def rows_of_articles(self, article_ids: Collection[str]) -> set[str]:
        sql = "SELECT row_id FROM timeline_articles WHERE article_id IN ({marks})"
        return {r[0] for r in self._in(sql, article_ids)}

    def row_states(self, row_ids: Collection[str]) -> list[RowState]:
        members: dict[str, dict[str, tuple[str, str]]] = {}
        anchors: dict[str, dict[str, tuple[str, int, str]]] = {}
        sql = (
            "SELECT event_id, row_id, layer, why, family, day, founder FROM timeline_members "
            "WHERE row_id IN ({marks})"
        )
        for r in self._in(sql, row_ids):
            members.setdefault(r[1], {})[r[0]] = (r[2], r[3])
            if r[4] is not None:
                anchors.setdefault(r[1], {})[r[0]] = (r[4], r[5], r[6])
        out = []
        for r in self._in("SELECT * FROM timeline WHERE id IN ({marks})", row_ids):
            rid = r["id"]
            entry = from_row(TimelineEntry, dict(r))
            summary = loads(r["summary"]) or {}
            out.append(RowState(entry, summary, members.get(rid, {}), anchors.get(rid, {})))
        return sorted(out, key=lambda s: s.entry.id)

    def replace_rows(
        self,
        removed: Collection[str],
        rows: Sequence[RowState],
        keys: dict[str, list[tuple[str, str, int | None, int | None]]],
        comparisons: dict[str, list[Comparison]],
    ) -> None:
        gone = sorted(set(removed) | {s.entry.id for s in rows})
        for table, col in (
            ("timeline", "id"), ("timeline_members", "row_id"), ("timeline_entities", "row_id"),
            ("timeline_articles", "row_id"), ("comparisons", "row_id"), ("row_keys", "row_id"),
        ):  # fmt: skip
            self._many(f"DELETE FROM {table} WHERE {col} = ?", [(g,) for g in gone])
        events = sorted({e for s in rows for e in s.members} | set(keys))
        self._many("DELETE FROM timeline_members WHERE event_id = ?", [(e,) for e in events])
        self._many("DELETE FROM timeline_keys WHERE event_id = ?", [(e,) for e in sorted(keys)])
        if rows:
            trows = []
            for s in rows:
                row = to_row(s.entry)
                lo, hi = day_span(s.entry.date)
                row.update(summary=dumps(s.summary), date_lo=lo, date_hi=hi)
                trows.append(row)
            cols = list(trows[0])
            self._many(insert_sql("timeline", cols), [[r[c] for c in cols] for r in trows])
        self._many(
            "INSERT INTO timeline_members (event_id, row_id, layer, why, family, day, founder) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (e, s.entry.id, lw[0], lw[1], *s.anchors.get(e, (None, None, None)))
                for s in rows
                for e, lw in sorted(s.members.items())
            ],
        )
        self._many(
            "INSERT INTO timeline_entities (row_id, entity_id) VALUES (?, ?)",
            [(s.entry.id, e) for s in rows for e in _row_entities(s.entry)],
        )
        self._many(
            "INSERT INTO row_keys (key, lo, hi, size, spec, first_id, row_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    f"{s.summary['family']}|e:{a}",
                    *_extent(s.summary),
                    s.summary["size"],
                    _spec(s.summary.get("strong")),
                    s.summary["first_id"],
                    s.entry.id,
                )
                for s in rows
                if s.summary and s.summary.get("anchored")
                for a in s.summary["actors"]
            ],
        )
        self._many(
            "INSERT INTO timeline_articles (row_id, article_id) VALUES (?, ?)",
            [(s.entry.id, a) for s in rows for a in s.entry.article_ids],
        )
        self._many(
            "INSERT INTO timeline_keys (key, kind, lo, hi, event_id) VALUES (?, ?, ?, ?, ?)",
            [(k, kind, lo, hi, e) for e, ks in sorted(keys.items()) for k, kind, lo, hi in ks],
        )
        self._many(
            "INSERT INTO comparisons (row_id, position, disagree, body) VALUES (?, ?, ?, ?)",
            [
                (rid, i, int(_disagrees(c)), dumps(dataclasses.asdict(c)))
                for rid, comps in sorted(comparisons.items())
                for i, c in enumerate(comps)
            ],
        )

    def timeline(self) -> list[TimelineEntry]:
        rows = self._q("SELECT * FROM timeline ORDER BY (date IS NULL), date, code, id")
        return [from_row(TimelineEntry, dict(r)) for r in rows]

    def clear_resolution(self, stories: bool = False) -> None:
        tables = [
            "name_votes", "leaf_lookups", "name_leaves", "entity_words", "entity_names",
            "entities", "timeline", "timeline_members", "timeline_entities",
            "timeline_articles", "timeline_keys", "comparisons",
        ]  # fmt: skip
        if stories:
            tables += ["story_members", "stories"]
        for table in tables:
            self._x(f"DELETE FROM {table}")
        self._x("UPDATE mentions SET leaf = NULL, entity_id = NULL")
        self._x(
            "UPDATE articles SET published_how = 'unknown', published_earliest = NULL, "
            "published_latest = NULL, published_evidence = NULL WHERE published_how = 'inferred'"
        )

    # ------------------------------------------------------------------ stories
    def put_stories(self, stories: Sequence[Story], members: Sequence[StoryMember]) -> None:
        with self.transaction():
            for story in stories:
                row = to_row(story)
                self._x(insert_sql("stories", list(row), "INSERT OR REPLACE"), list(row.values()))
            for member in members:
                row = to_row(member)
                self._x(
                    insert_sql("story_members", list(row), "INSERT OR REPLACE"), list(row.values())
                )

    def _with_members(self, stories: list[Story]) -> list[Story]:
        members: dict[str, list[str]] = {}
        # rowid order is the order the articles joined their stories
        sql = (
            "SELECT story_id, article_id FROM story_members WHERE story_id IN ({marks}) "
            "ORDER BY rowid"
        )
        for r in self._in(sql, [s.id for s in stories]):
            members.setdefault(r[0], []).append(r[1])
        for story in stories:
            story.article_ids = members.get(story.id, [])
        return stories

    def stories(self, ids: Collection[str] | None = None) -> list[Story]:
        if ids is None:
            rows = self._q("SELECT * FROM stories ORDER BY first_published, id")
        else:
            rows = sorted(
                self._in("SELECT * FROM stories WHERE id IN ({marks})", ids),
                key=lambda r: (r["first_published"] or "", r["id"]),
            )
        return self._with_members([from_row(Story, dict(r)) for r in rows])

    def active_stories(
        self, lo: str | None, hi: str | None, limit: int | None = None
    ) -> list[Story]:
        if lo is None or hi is None:
            rows = self._q(
                "SELECT * FROM stories ORDER BY (last_published IS NULL), last_published DESC, "
                "id LIMIT ?",
                (limit if limit is not None else -1,),
            )
            return [from_row(Story, dict(r)) for r in rows]
        # stories with a stated date that reaches [lo, hi] (an index range from lo), and
        # the most recent stories of undated articles alone
        rows = self._q(
            "SELECT * FROM stories WHERE last_published >= ? "
            "AND (first_published IS NULL OR first_published <= ?)",
            (lo, hi + "\uffff"),
        )
        rows += self._q(
            "SELECT * FROM stories WHERE last_published IS NULL ORDER BY rowid DESC LIMIT ?",
            (_UNDATED_STORIES,),
        )
        out = [from_row(Story, dict(r)) for r in rows]
        return sorted(out, key=lambda s: (s.first_published or "", s.id))

    def story_members(self, article_ids: Collection[str] | None = None) -> list[StoryMember]:
        if article_ids is None:
            rows = self._q("SELECT * FROM story_members ORDER BY story_id, article_id")
        else:
            rows = list(
                self._in("SELECT * FROM story_members WHERE article_id IN ({marks})", article_ids)
            )
        return [from_row(StoryMember, dict(r)) for r in rows]

    def members_near(self, story_ids: Collection[str], lo: int, hi: int) -> list[StoryMember]:
        sql = "SELECT * FROM story_members WHERE day BETWEEN ? AND ? AND story_id IN ({marks})"
        return [from_row(StoryMember, dict(r)) for r in self._in(sql, story_ids, [lo, hi])]

    def story_event_counts(self, story_ids: Collection[str]) -> dict[str, int]:
        sql = (
            "SELECT story_id, COUNT(*) FROM timeline WHERE story_id IN ({marks}) GROUP BY story_id"
        )
        return {r[0]: int(r[1]) for r in self._in(sql, story_ids)}

    def set_row_stories(self, story_of_article: dict[str, str]) -> None:
        """Rows whose best mention's article now sits in a story get it."""
        self._many(
            "UPDATE timeline SET story_id = ? WHERE article_id = ?",
            [(s, a) for a, s in sorted(story_of_article.items())],
        )


def _extent(summary: dict[str, Any]) -> tuple[int | None, int | None]:
    """The days (ordinals, widened by a report's window) a row's dates stand for."""
    from dossier.resolve.timeline.engine import row_days

    return row_days(summary.get("strong"), summary.get("weak", []))


def _spec(value: str | None) -> int:
    return sum(ch.isdigit() for ch in value) if value else 0


def _row_entities(e: TimelineEntry) -> list[str]:
    ids = {x for x in (e.source_entity_id, e.target_entity_id, e.place_entity_id) if x}
    ids |= {r for r in e.place_refs if r.startswith("ent_")}
    return sorted(ids)


def _disagrees(c: Comparison) -> bool:
    return not c.agree and (c.detail == "place" or c.between_articles)


__all__ = ["StateMixin", "comparison_from_dict", "name_fold"]
