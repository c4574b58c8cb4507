"""Rows from mentions dated to a day, built in time order: each mention joins the best row
it fits, or starts one.

Mentions are taken in their canonical order: by the day they are anchored on (their own
date, else their report's), the more specific first, then by id. Each joins, among the
rows of its family started within ``WINDOW`` days before it:

1. the largest row it fits by the rules (:func:`~.rules.actors_reason`,
   :func:`~.rules.dates_reason`, :func:`~.rules.sites_reason`);
2. else (with a similarity) the row whose best mention it reads most like, when their
   participants and dates fit loosely (a one-day slip) and their places do not clash;
3. else it starts a row.

So a mention's row depends only on mentions anchored at most ``WINDOW`` days before it,
and a row spans at most ``WINDOW`` days: an incremental run re-sweeps from ``WINDOW``
days before the earliest changed mention and stops once a whole window comes out as it
was stored (:class:`~.engine.TimelineEngine`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dossier.resolve import dates
from dossier.resolve.timeline.mentions import SLIP_DAYS, WEAK_WINDOW_DAYS, TMention
from dossier.resolve.timeline.rules import (
    Cluster,
    Similar,
    best_id,
    loose_actors,
    loose_dates,
    places_clash,
    rule_fit,
)

# Days a row stays open to new mentions after the day it started on.
WINDOW = WEAK_WINDOW_DAYS + SLIP_DAYS


def anchor(m: TMention) -> int:
    """The day (ordinal) a mention dated to a day is anchored on."""
    return m.day()


def order_key(m: TMention) -> tuple[int, int, bool, int, str]:
    return (anchor(m), -dates.specificity(m.strong), m.weak is None, -m.score, m.event.id)


class Sweep:
    """The rows of one family, built mention by mention in canonical order."""

    def __init__(self, similar: Similar | None = None, threshold: float = 1.0) -> None:
        self.similar = similar
        self.threshold = threshold
        self.clusters: list[Cluster] = []  # in the order they started
        self.founded: dict[str, int] = {}  # founder event id -> its anchor day
        self.of: dict[str, Cluster] = {}  # event id -> its row
        self._by_actor: dict[str, list[Cluster]] = {}
        self._rank: dict[int, int] = {}

    def restore(self, clusters: Iterable[tuple[Cluster, int]]) -> None:
        """Rows started before the sweep begins (with the day each started on)."""
        for c, day in clusters:
            self._add(c, day)
            for m in c.members:
                self.of[m.event.id] = c

    def _add(self, c: Cluster, day: int) -> None:
        self._rank[id(c)] = len(self.clusters)
        self.clusters.append(c)
        self.founded[c.members[0].event.id] = day
        for key in self._keys(c.members[0]):
            self._by_actor.setdefault(key, []).append(c)

    @staticmethod
    def _keys(m: TMention) -> list[str]:
        return [*m.actors, *(f"site:{s}" for s in ([m.site] if m.site else []))]

    def _open(self, m: TMention, day: int) -> list[Cluster]:
        """Rows a mention may join: started within the window, sharing a participant or
        its place, in the order they started."""
        seen: dict[int, Cluster] = {}
        for key in self._keys(m):
            for c in self._by_actor.get(key, []):
                if self.founded[c.members[0].event.id] >= day - WINDOW:
                    seen.setdefault(id(c), c)
        return sorted(seen.values(), key=lambda c: self._rank[id(c)])

    def add(self, m: TMention) -> Cluster:
        day = anchor(m)
        cands = self._open(m, day)
        fam = m.family
        fits = [(c, why) for c in cands if (why := rule_fit(m, c)) is not None]
        chosen: tuple[Cluster, str] | None = None
        if fits:
            chosen = max(fits, key=lambda f: (f[0].size, dates.specificity(f[0].strong)))
        elif self.similar is not None:
            chosen = self._alike(m, cands)
        if chosen is not None:
            c, why = chosen
            c.members.append(m)
            c.why[m.event.id] = why
            for key in self._keys(m):
                if c not in self._by_actor.setdefault(key, []):
                    self._by_actor[key].append(c)
        else:
            c = Cluster(fam, [m], {m.event.id: "first mention of this event"})
            self._add(c, day)
        self.of[m.event.id] = c
        return c

    def _alike(self, m: TMention, cands: Sequence[Cluster]) -> tuple[Cluster, str] | None:
        """The row whose best mention this one reads most like (at least the threshold)."""
        assert self.similar is not None
        alone = Cluster(m.family, [m])
        best: tuple[float, Cluster, str] | None = None
        for c in cands:
            actors = loose_actors(c, alone)
            when = loose_dates([m], c) if actors else None
            if not (actors and when) or places_clash([m], c):
                continue
            p = self.similar([best_id(c)], [m.event.id])
            if p >= self.threshold and (best is None or p > best[0]):
                best = (p, c, f"{m.family} family; reads alike (p={p:.2f}); {actors}; {when}")
        return (best[1], best[2]) if best else None


def sweep(
    mentions: Sequence[TMention], similar: Similar | None = None, threshold: float = 1.0
) -> list[Cluster]:
    """Rows of anchored mentions with entities behind them, family by family."""
    out: list[Cluster] = []
    by_family: dict[str, list[TMention]] = {}
    for m in mentions:
        if not m.orphan:
            by_family.setdefault(m.family, []).append(m)
    for fam in sorted(by_family):
        s = Sweep(similar, threshold)
        for m in sorted(by_family[fam], key=order_key):
            s.add(m)
        out.extend(s.clusters)
    return out


def place_orphans(
    orphans: Sequence[TMention], rows: Sequence[Cluster], similar: Similar, threshold: float
) -> None:
    """A mention with no entity behind it ('the talks') joins the one row of its own
    article it reads like (read against that row's mentions in the article), if the
    dates fit; with several such rows it stays out (never guess)."""
    by_article: dict[str, list[Cluster]] = {}
    for c in rows:
        for aid in dict.fromkeys(x.article.id for x in c.members):
            by_article.setdefault(aid, []).append(c)
    for m in sorted(orphans, key=lambda m: m.event.id):
        found: list[tuple[float, Cluster, str]] = []
        for c in by_article.get(m.article.id, []):
            if c.family != m.family or places_clash([m], c):
                continue
            when = loose_dates([m], c)
            if when is None:
                continue
            own = [x.event.id for x in c.members if x.article.id == m.article.id]
            p = similar(own, [m.event.id])
            if p >= threshold:
                found.append((p, c, when))
        if len(found) == 1:
            p, c, when = found[0]
            c.attached.append(m)
            c.why[m.event.id] = (
                f"{m.family} family; no entity named, reads alike (p={p:.2f}); {when}"
            )
