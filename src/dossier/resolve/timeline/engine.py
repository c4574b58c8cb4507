"""Incremental timeline: new or changed event mentions rebuild only the rows they touch.

:meth:`TimelineEngine.update` takes the ids of events that are new or whose entities or
article dates changed, and:

1. re-sweeps, family by family, the mentions dated to a day from ``WINDOW`` days before
   the earliest changed one (:mod:`.sweep`): the rows started in the window before are
   restored from the store as they were, and the sweep stops once a whole window comes
   out as it was stored, since nothing later can change then;
2. re-attaches the mentions not dated to a day that the changed rows concern;
3. infers anew the publication window of the undated articles among them (their own
   text, then the events they share with dated rows), and re-attaches their mentions;
4. returns the rows to drop and the rows to write, with their members and keys.

Run over every event of an empty store, it is the full resolution (``resolve --all``).
The store is reached only through :class:`TimelineSource`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

from dossier.resolve.timeline.attach import Siblings, choose, span, undated
from dossier.resolve.timeline.mentions import TMention, window_of
from dossier.resolve.timeline.resweep import ResweepMixin
from dossier.resolve.timeline.rows import make_row
from dossier.resolve.timeline.rules import Cluster, RowView
from dossier.resolve.timeline.state import (
    BuiltRow,
    Key,
    RowStateLike,
    StoredRow,
    TimelineChanges,
    TimelineSource,
    row_days,
    stored_row,
    summary,
)
from dossier.resolve.timeline.sweep import order_key, place_orphans
from dossier.resolve.timeline.windows import WindowsMixin

_PAGE = 20  # stored rows read at a time for one attaching mention


class TimelineEngine(ResweepMixin, WindowsMixin):
    def update(self, dirty: Collection[str], undated: Collection[str] = ()) -> TimelineChanges:
        """Rebuild the rows these events (new, or with changed entities or dates) touch;
        ``undated`` are articles whose window is inferred anew in any case (new ones)."""
        self.load(dirty)
        dirty = set(dirty)
        changes = TimelineChanges()
        changes.removed |= set(self.source.rows_of_events(dirty).values())
        # 1. mentions dated to a day: swept again where they changed
        l1 = self._sweep(dirty, changes)
        anchored = {m.event.id for c in l1 for m in c.members}
        changes.removed |= self._rows_of(anchored)
        # 2. mentions to attach again: dirty, members of dropped rows, and those keyed by
        # the participants of any row that changed
        kinds = {e: self._kind(e) for e in dirty}
        loose = {e for e, k in kinds.items() if k == "loose"}
        orphans = {e for e, k in kinds.items() if k == "orphan"}
        for state in self.rows(changes.removed):
            for e, (layer, _) in state.members.items():
                if layer in ("attached", "alone"):
                    loose.add(e)
                elif layer == "orphan":
                    orphans.add(e)
        loose |= self._loose_near(l1, changes.removed)
        keys = sorted({f"{c.family}|a:{m.article.id}" for c in l1 for m in c.members})
        orphans |= {e for e, _, _ in self.source.loose_by_keys(keys)}
        self.load(loose | orphans)
        loose = {e for e in loose if self._kind(e) == "loose"}
        orphans = {e for e in orphans if self._kind(e) == "orphan"}
        # 3. windows of the undated articles concerned
        candidates = self._candidates(l1, changes.removed)
        undated_articles = set(undated) | {
            m.article.id
            for e in loose | anchored
            if (m := self.mention(e)) is not None
            and m.article.published_how in ("unknown", "inferred")
        }
        for aid, window in self._windows(undated_articles, l1, candidates).items():
            changes.windows[aid] = window
            self._rewindow(aid, window)
            loose |= {
                e for e, m in self._mentions.items() if m and m.article.id == aid and not m.anchored
            }
        self.load(loose)
        loose = self._with_siblings(loose)
        # 4. attach: to the rebuilt rows, or to a stored row (which is then rebuilt)
        grown: dict[str, list[tuple[TMention, str, str]]] = {}
        alone: list[Cluster] = []
        pending = [m for e in sorted(loose) if (m := self.mention(e)) and not m.anchored]
        # twice: a mention several rows fit may join the one its article's others joined
        for last in (False, True):
            left = []
            for m in pending:
                near, stored = candidates(m)
                chosen = choose(m, near, stored, siblings=_siblings(m, grown) if last else None)
                if chosen is None:
                    left.append(m)
                elif isinstance(chosen[0], Cluster):
                    chosen[0].attached.append(m)
                    chosen[0].why[m.event.id] = chosen[1]
                else:
                    assert isinstance(chosen[0], StoredRow)
                    grown.setdefault(chosen[0].id, []).append((m, chosen[1], "attached"))
            pending = left
        for m in pending:
            alone.append(Cluster(m.family, [m], {m.event.id: "first mention of this event"}))
        self._orphans(orphans, l1, changes, grown)
        rebuilt = self._regrow(grown, loose | orphans, changes)
        for c in [*l1, *rebuilt, *alone]:
            row = make_row(c)
            changes.rows.append(BuiltRow(c, summary(c, row.date)))
        for e in sorted(anchored | loose | orphans | dirty):
            changes.keys[e] = self._keys(e)
        return changes

    def _with_siblings(self, loose: set[str]) -> set[str]:
        """The loose mentions with every other loose mention of their articles: an
        article's mentions are attached together (one may follow another, see
        :func:`.attach.untie`)."""
        arts = sorted({m.article.id for e in loose if (m := self.mention(e)) is not None})
        if not arts:
            return loose
        ids = [e.id for e in self.source.events(arts)]
        self.load(ids)
        return loose | {e for e in ids if self._kind(e) == "loose"}

    def _keys(self, event_id: str) -> list[Key]:
        m = self.mention(event_id)
        if m is None:
            return []
        if m.anchored and m.orphan:
            return [(f"{m.family}|a:{m.article.id}", "loose", None, None)]
        if m.anchored:
            return []  # rows are found through timeline_members and row_keys
        sp = None if undated(m) else span(m)
        lo_, hi_ = sp if sp else (None, None)
        return [(f"{m.family}|e:{a}", "loose", lo_, hi_) for a in sorted(m.actors)]

    def _orphans(
        self,
        orphans: set[str],
        l1: Sequence[Cluster],
        changes: TimelineChanges,
        grown: dict[str, list[tuple[TMention, str, str]]],
    ) -> None:
        """Mentions with no entity join the one row of their article they read like: a
        rebuilt row, or a stored one (then rebuilt)."""
        if not orphans or self.similar is None:
            return
        ms = [m for e in sorted(orphans) if (m := self.mention(e)) is not None]
        stored_ids = self.source.rows_of_articles({m.article.id for m in ms}) - changes.removed
        stored: dict[str, Cluster] = {}
        for state in self.rows(stored_ids):
            built = self._cluster_of(state)
            if built is not None:
                stored[state.entry.id] = built
        pool = [*l1, *stored.values()]
        before = {id(c): len(c.attached) for c in pool}
        place_orphans(ms, pool, self.similar, self.threshold)
        for rid, c in stored.items():
            for m in c.attached[before[id(c)] :]:
                grown.setdefault(rid, []).append((m, c.why[m.event.id], "orphan"))
            del c.attached[before[id(c)] :]

    def _cluster_of(self, state: RowStateLike) -> Cluster | None:
        """A stored row as a cluster of its anchored members (None: a row of its own)."""
        if not state.summary or not state.summary.get("anchored", True):
            return None
        ids = sorted(e for e, (layer, _) in state.members.items() if layer == "anchored")
        self.load(ids)
        ms = sorted((m for e in ids if (m := self.mention(e)) is not None), key=order_key)
        if not ms:
            return None
        return Cluster(state.summary["family"], ms, {e: w for e, (_, w) in state.members.items()})

    def _loose_near(self, l1: Sequence[Cluster], removed: set[str]) -> set[str]:
        """Loose mentions whose candidates changed: keyed by a participant of a dropped or
        rebuilt row, with a span that reaches its days."""
        keyed: dict[str, list[tuple[int | None, int | None]]] = {}
        for c in l1:
            lo, hi = row_days(c.strong, c.weak)
            for a in c.actors:
                keyed.setdefault(f"{c.family}|e:{a}", []).append((lo, hi))
        for state in self.rows(removed):
            s = state.summary
            if not s or not s.get("anchored", True):
                continue
            lo, hi = row_days(s.get("strong"), s.get("weak", []))
            for a in s.get("actors", []):
                keyed.setdefault(f"{s['family']}|e:{a}", []).append((lo, hi))
        # the store keeps an undated mention under any day (it dates its article from
        # rows on any day), the others under the days they may join rows on
        ranges = [(k, lo, hi) for k in sorted(keyed) for lo, hi in sorted(set(keyed[k]), key=str)]
        return self.source.loose_near(ranges)

    def _candidates(self, l1: Sequence[Cluster], removed: set[str]) -> Any:
        """A function giving the rows a loose mention may join: the rebuilt ones, and the
        stored ones (not dropped) that share a participant and reach its span, these best
        first and read a page at a time (a mention dated to a year may meet many)."""
        by_key: dict[str, list[Cluster]] = {}
        for c in l1:
            for a in c.actors:
                by_key.setdefault(f"{c.family}|e:{a}", []).append(c)
        summaries: dict[str, StoredRow] = {}

        def stored(keys: list[str], sp: tuple[int, int] | None) -> Iterator[StoredRow]:
            offset = 0
            while True:
                ids = self.source.best_rows(keys, sp, sorted(removed), offset, _PAGE)
                if not ids:
                    return
                todo = [i for i in ids if i not in summaries]
                for rid, s in self.source.row_summaries(todo).items():
                    summaries[rid] = stored_row(rid, s)
                for rid in ids:
                    if rid in summaries:
                        yield summaries[rid]
                offset += len(ids)

        def candidates(m: TMention) -> tuple[list[Cluster], Iterator[StoredRow]]:
            keys = [f"{m.family}|e:{a}" for a in sorted(m.actors)]
            mem: dict[int, Cluster] = {}
            for key in keys:
                for c in by_key.get(key, []):
                    mem.setdefault(id(c), c)
            return list(mem.values()), stored(keys, span(m))

        return candidates

    def _regrow(
        self,
        grown: dict[str, list[tuple[TMention, str, str]]],
        again: set[str],
        changes: TimelineChanges,
    ) -> list[Cluster]:
        """Stored rows that gain or lose joined mentions, rebuilt from their members."""
        touched = set(grown) | (self._rows_of(again) - changes.removed)
        out = []
        for state in self.rows(touched):
            changes.removed.add(state.entry.id)
            c = self._cluster_of(state)
            if c is None:
                continue  # a mention's row of its own: it is rebuilt where it lands
            stay = sorted(
                e
                for e, (layer, _) in state.members.items()
                if layer in ("attached", "orphan") and e not in again
            )
            self.load(stay)
            for e in stay:
                m = self.mention(e)
                if m is not None:
                    c.attached.append(m)
            for m, why, _ in grown.get(state.entry.id, []):
                c.attached.append(m)
                c.why[m.event.id] = why
            out.append(c)
        return out


def _siblings(m: TMention, grown: dict[str, list[tuple[TMention, str, str]]]) -> Siblings:
    """Whether another mention of ``m``'s article not dated to a day joined a row in the
    first pass. Only those count, and they are always attached again together (see
    :meth:`TimelineEngine._with_siblings`): the answer never depends on what was stored
    before, so a record built one article at a time equals one built at once."""
    aid = m.article.id

    def holds(row: RowView) -> bool:
        if isinstance(row, Cluster):
            return any(x.article.id == aid for x in row.attached)
        assert isinstance(row, StoredRow)
        return any(x.article.id == aid for x, _, _ in grown.get(row.id, []))

    return holds


__all__ = ["BuiltRow", "TimelineChanges", "TimelineEngine", "TimelineSource", "window_of"]
