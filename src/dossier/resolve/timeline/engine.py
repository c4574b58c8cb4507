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
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from dossier.records import Article, Entity, Event, PublicationWindow
from dossier.resolve import dates
from dossier.resolve.publication import combine
from dossier.resolve.timeline.attach import choose, span, undated
from dossier.resolve.timeline.mentions import TMention, to_mention, window_of
from dossier.resolve.timeline.rows import make_row
from dossier.resolve.timeline.rules import Cluster, Similar
from dossier.resolve.timeline.sweep import WINDOW, Sweep, anchor, order_key, place_orphans

_PAST = {"asserted", "reported", "negated"}
_PAGE = 20  # stored rows read at a time for one attaching mention
Key = tuple[str, str, int | None, int | None]  # key, kind, lo, hi


class RowStateLike(Protocol):
    entry: Any
    summary: dict[str, Any]
    members: dict[str, tuple[str, str]]


class TimelineSource(Protocol):
    def near_keys(self, keys: Sequence[tuple[str, int, int]]) -> set[str]: ...
    def loose_by_keys(self, keys: Collection[str]) -> list[tuple[str, int | None, int | None]]: ...
    def loose_near(self, keys: Sequence[tuple[str, int | None, int | None]]) -> set[str]: ...
    def stored_keys(self, event_ids: Collection[str]) -> list[Key]: ...
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
        "labels": labels,
        "anchored": bool(c.members and c.members[0].anchored),
    }


def stored_row(row_id: str, s: dict[str, Any]) -> StoredRow:
    return StoredRow(
        row_id, s["family"], frozenset(s["actors"]), frozenset(s["countries"]), s["strong"],
        list(s["weak"]), set(s["sites"]), s["size"], s["first_id"], s["date"],
        frozenset(s["articles"]), dict(s.get("labels", {})),
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


class TimelineEngine:
    def __init__(
        self,
        source: TimelineSource,
        similar: Similar | None = None,
        threshold: float = 1.0,
    ) -> None:
        self.source = source
        self.similar = similar
        self.threshold = threshold
        self.events: dict[str, Event] = {}
        self.articles: dict[str, Article] = {}
        self.entity_of: dict[str, Entity] = {}
        self._mentions: dict[str, TMention | None] = {}
        self._rows: dict[str, RowStateLike] = {}

    # ---------------------------------------------------------------- loading
    def load(self, ids: Collection[str]) -> None:
        todo = sorted(set(ids) - self.events.keys())
        if not todo:
            return
        evs = self.source.events_by_id(todo)
        self.events.update((e.id, e) for e in evs)
        arts = sorted({e.article_id for e in evs} - self.articles.keys())
        if arts:
            self.articles.update((a.id, a) for a in self.source.articles(arts))
        mids = {
            m
            for e in evs
            for m in (e.source_mention_id, e.target_mention_id, e.place_mention_id)
            if m
        }
        self.entity_of.update(
            self.source.entities_of_mentions(sorted(mids - self.entity_of.keys()))
        )

    def mention(self, event_id: str) -> TMention | None:
        if event_id not in self._mentions:
            self.load([event_id])
            ev = self.events.get(event_id)
            art = self.articles.get(ev.article_id) if ev else None
            self._mentions[event_id] = (
                to_mention(ev, art, self.entity_of) if ev is not None and art is not None else None
            )
        return self._mentions[event_id]

    def rows(self, row_ids: Collection[str]) -> list[RowStateLike]:
        todo = sorted(set(row_ids) - self._rows.keys())
        if todo:
            for s in self.source.row_states(todo):
                self._rows[s.entry.id] = s
        return [self._rows[r] for r in sorted(set(row_ids)) if r in self._rows]

    # ---------------------------------------------------------------- update
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
        # 4. attach: to the rebuilt rows, or to a stored row (which is then rebuilt)
        grown: dict[str, list[tuple[TMention, str, str]]] = {}
        alone: list[Cluster] = []
        for e in sorted(loose):
            m = self.mention(e)
            if m is None or m.anchored:
                continue
            chosen = choose(m, *candidates(m))
            if chosen is None:
                alone.append(Cluster(m.family, [m], {e: "first mention of this event"}))
            elif isinstance(chosen[0], Cluster):
                chosen[0].attached.append(m)
                chosen[0].why[e] = chosen[1]
            else:
                assert isinstance(chosen[0], StoredRow)
                grown.setdefault(chosen[0].id, []).append((m, chosen[1], "attached"))
        self._orphans(orphans, l1, changes, grown)
        rebuilt = self._regrow(grown, loose | orphans, changes)
        for c in [*l1, *rebuilt, *alone]:
            row = make_row(c)
            changes.rows.append(BuiltRow(c, summary(c, row.date)))
        for e in sorted(anchored | loose | orphans | dirty):
            changes.keys[e] = self._keys(e)
        return changes

    def _kind(self, event_id: str) -> str:
        m = self.mention(event_id)
        if m is None:
            return "none"
        if not m.anchored:
            return "loose"
        return "orphan" if m.orphan else "anchored"

    def _keys(self, event_id: str) -> list[Key]:
        m = self.mention(event_id)
        if m is None:
            return []
        if m.anchored and m.orphan:
            return [(f"{m.family}|a:{m.article.id}", "loose", None, None)]
        if m.anchored:
            lo, hi = m.reach()
            return [(k, "anchored", lo, hi) for k in m.index_keys()]
        sp = None if undated(m) else span(m)
        lo_, hi_ = sp if sp else (None, None)
        return [(f"{m.family}|e:{a}", "loose", lo_, hi_) for a in sorted(m.actors)]

    def _rows_of(self, events: Collection[str]) -> set[str]:
        return set(self.source.rows_of_events(events).values())

    # ------------------------------------------------------------------ sweep
    def _sweep(self, dirty: set[str], changes: TimelineChanges) -> list[Cluster]:
        """Re-sweep each family from a window before its earliest changed mention until a
        window comes out as stored; returns the rows whose members changed (complete)."""
        new = {e: m for e in dirty if self._kind(e) == "anchored" and (m := self.mention(e))}
        old = self.source.anchored_of(dirty)
        starts: dict[str, list[int]] = {}
        for m in new.values():
            starts.setdefault(m.family, []).append(anchor(m))
        for fam, day, _ in old.values():
            starts.setdefault(fam, []).append(day)
        out: list[Cluster] = []
        for fam in sorted(starts):
            # the rows a changed mention was in are rebuilt, even if nobody else moves
            was = {f for f_, _, f in old.values() if f_ == fam}
            out.extend(self._sweep_family(fam, starts[fam], new, dirty, changes, was))
        return out

    def _sweep_family(
        self,
        fam: str,
        days: list[int],
        new: dict[str, TMention],
        dirty: set[str],
        changes: TimelineChanges,
        was: set[str],
    ) -> list[Cluster]:
        mine = sorted((m for m in new.values() if m.family == fam), key=order_key)
        stored_founder: dict[str, str] = {}
        changed: set[str] = set(was)
        sweeps: list[Sweep] = []
        todo = sorted(set(days))
        t = -(10**9)
        while todo:
            # a segment: from a window before the next changed day, until a window comes
            # out as stored past the last changed day it reaches (then jump ahead)
            if todo[0] - 2 * WINDOW >= t or not sweeps:
                t = todo[0] - WINDOW
                sweeps.append(Sweep(self.similar, self.threshold))
                sweeps[-1].restore(self._prefix(fam, t, dirty))
            sweep = sweeps[-1]
            stored = [x for x in self.source.anchored_in(fam, t, t + WINDOW) if x[0] not in dirty]
            self.load([x[0] for x in stored])
            stored_founder.update((x[0], x[2]) for x in stored)
            batch = [m for x in stored if (m := self.mention(x[0])) is not None]
            batch += [m for m in mine if t <= anchor(m) < t + WINDOW]
            moved = False
            for m in sorted(batch, key=order_key):
                founder = sweep.add(m).members[0].event.id
                before = stored_founder.get(m.event.id)
                if founder != before:
                    moved = True
                    changed |= {founder, *([before] if before else [])}
            t += WINDOW
            todo = [d for d in todo if d >= t]
            if moved and not todo:
                todo = [t]  # keep going: not settled yet
        # rows whose members changed, completed with their stored members past the sweep
        founders = {c.members[0].event.id: c for sw in sweeps for c in sw.clusters}
        reached = {e for sw in sweeps for e in sw.of}
        changes.removed |= self._rows_of(changed)
        kept = sorted(changed & founders.keys())
        beyond = self.source.members_of_founders(kept)
        out = []
        for f in kept:
            c = founders[f]
            # stored members the sweep did not reach (it placed every other one itself)
            extra = sorted(
                e
                for e, (_, fo, _) in beyond.items()
                if fo == f and e not in reached and e not in dirty
            )
            self.load(extra)
            for e in extra:
                m = self.mention(e)
                if m is not None:
                    c.members.append(m)
                    c.why[e] = beyond[e][2]
            c.members.sort(key=order_key)
            out.append(c)
        return out

    def _prefix(self, fam: str, start: int, dirty: set[str]) -> list[tuple[Cluster, int]]:
        """The rows started in the window before ``start``, with their members before it,
        as stored (nothing the sweep changes can change them)."""
        rows = [x for x in self.source.anchored_in(fam, start - WINDOW, start) if x[0] not in dirty]
        self.load([x[0] for x in rows])
        whys = self.source.members_of_founders(sorted({x[2] for x in rows}))
        members: dict[str, list[TMention]] = {}
        for eid, _, founder in rows:
            m = self.mention(eid)
            if m is not None:
                members.setdefault(founder, []).append(m)
        out = []
        for founder, ms in members.items():
            if founder not in {m.event.id for m in ms}:
                continue  # started before the window: closed to the sweep
            ms.sort(key=order_key)
            c = Cluster(fam, ms, {m.event.id: whys.get(m.event.id, (0, "", ""))[2] for m in ms})
            out.append((c, anchor(ms[0])))
        out.sort(key=lambda cd: order_key(cd[0].members[0]))
        return out

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

    def _windows(
        self, article_ids: set[str], l1: Sequence[Cluster], candidates: Any
    ) -> dict[str, PublicationWindow | None]:
        """New windows of undated articles (only those that changed)."""
        if not article_ids:
            return {}
        texts = self.source.text_windows(sorted(article_ids))
        missing = sorted(article_ids - self.articles.keys())
        if missing:
            self.articles.update((a.id, a) for a in self.source.articles(missing))
        self.load([e.id for e in self.source.events(sorted(article_ids))])
        out: dict[str, PublicationWindow | None] = {}
        for aid in sorted(article_ids):
            art = self.articles[aid]
            evidence = self._evidence(aid, l1, candidates)
            window = combine(texts.get(aid), evidence)
            old = (
                PublicationWindow(art.published_earliest, art.published_latest)
                if art.published_how == "inferred"
                else None
            )
            if (
                (window is None) != (old is None)
                or (
                    window is not None
                    and old is not None
                    and (window.earliest, window.latest) != (old.earliest, old.latest)
                )
                or (window is not None and art.published_evidence != "; ".join(window.evidence))
            ):
                out[aid] = window
        return out

    def _evidence(
        self, aid: str, l1: Sequence[Cluster], candidates: Any
    ) -> PublicationWindow | None:
        """The window an undated article's events give: rows dated to a day by other
        articles that its dated events are part of (as past: on or after; as expected: on
        or before)."""
        mine = [m for e, m in sorted(self._article_mentions(aid).items()) if m is not None]
        earliest: str | None = None
        latest: str | None = None
        evidence: list[str] = []
        for m in mine:
            row = self._row_for(m, l1, candidates)
            if row is None:
                continue
            day, articles, rid = row
            if dates.precision_of(day) != "day" or dates.to_date(day) is None:
                continue
            if not (articles - {aid}):
                continue
            ev = m.event
            label = (
                f"event text[{ev.start}:{ev.end}]={ev.text[:60]!r} is the event of {rid} "
                f"dated {day}"
            )
            if ev.status in _PAST:
                earliest = day if earliest is None or day > earliest else earliest
                evidence.append(f"{label} by other sources, reported as past: on or after {day}")
            elif ev.status == "expected":
                latest = day if latest is None or day < latest else latest
                evidence.append(
                    f"{label} by other sources, reported as expected: on or before {day}"
                )
        if earliest is None and latest is None:
            return None
        if earliest and latest and earliest > latest:
            return None  # the sources disagree; say nothing rather than something wrong
        return PublicationWindow(earliest, latest, evidence)

    def _row_for(
        self, m: TMention, l1: Sequence[Cluster], candidates: Any
    ) -> tuple[str, frozenset[str], str] | None:
        """(date, articles of its anchored mentions, id) of the row an undated article's
        mention is in, read without any inferred window."""
        if m.anchored:
            for c in l1:
                if any(x.event.id == m.event.id for x in c.members):
                    row = make_row(c)
                    return (row.date or "", frozenset(x.article.id for x in c.members), c.first_id)
            return None
        bare = replace(m, window=None)
        chosen = choose(bare, *candidates(bare))
        if chosen is None:
            return None
        found = chosen[0]
        if isinstance(found, Cluster):
            row = make_row(found)
            return (row.date or "", frozenset(x.article.id for x in found.members), found.first_id)
        assert isinstance(found, StoredRow)
        return (found.date or "", found.articles, found.first_id)

    def _article_mentions(self, aid: str) -> dict[str, TMention | None]:
        ids = [e for e, ev in self.events.items() if ev.article_id == aid]
        return {e: self.mention(e) for e in ids}

    def _rewindow(self, aid: str, window: PublicationWindow | None) -> None:
        art = self.articles[aid]
        if window is None:
            art = replace(
                art, published_how="unknown", published_earliest=None, published_latest=None
            )
        else:
            art = replace(
                art,
                published_how="inferred",
                published_earliest=window.earliest,
                published_latest=window.latest,
                published_evidence="; ".join(window.evidence),
            )
        self.articles[aid] = art
        for e, m in list(self._mentions.items()):
            if m is not None and m.article.id == aid:
                self._mentions[e] = to_mention(m.event, art, self.entity_of)

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


def row_days(strong: str | None, weak: Sequence[str]) -> tuple[int | None, int | None]:
    values = [v for v in [strong, *weak] if v]
    spans = [dates.interval(v) for v in values if dates.is_calendar(v)]
    days = [d for s in spans if s for d in (dates.to_date(s[0]), dates.to_date(s[1])) if d]
    if not days:
        return None, None
    return min(days).toordinal() - 11, max(days).toordinal() + 11


__all__ = ["BuiltRow", "TimelineChanges", "TimelineEngine", "TimelineSource", "window_of"]
