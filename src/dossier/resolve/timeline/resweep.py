"""Re-sweeping the rows of mentions dated to a day where a change reaches them.

A mention's row depends only on mentions anchored at most ``WINDOW`` days before it
(:mod:`.sweep`). So the sweep of a family restarts a window before its earliest changed
mention, with the rows started in the window before restored from the store as they
were, and stops once a whole window past the last changed day comes out as stored; it
jumps from one changed stretch to the next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.resolve.timeline.core import EngineCore
from dossier.resolve.timeline.mentions import TMention
from dossier.resolve.timeline.rules import Cluster
from dossier.resolve.timeline.sweep import WINDOW, Sweep, anchor, order_key

if TYPE_CHECKING:
    from dossier.resolve.timeline.state import TimelineChanges


class ResweepMixin(EngineCore):
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
