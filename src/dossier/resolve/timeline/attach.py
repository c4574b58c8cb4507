"""Mentions not dated to a day join a row afterwards, without changing what rows meet.

A mention dated only to a month or a year joins the largest row it fits (the same
participants, a date inside its month or year); an undated mention (an undated
article's) joins a row only when it is the one row it fits, by its article's inferred
window when there is one, else by its participants alone (then it must name two). When
several rows fit an undated mention, the one at the place it names, or else the one
another mention of its own article is in, is taken when it is the only such row (a
report tells one event many times: 'will visit', 'is on his way', 'arrived'). A mention
that joins no row is a row of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from dossier.resolve import dates
from dossier.resolve.timeline.mentions import WEAK_WINDOW_DAYS, TMention
from dossier.resolve.timeline.rules import Cluster, RowView, rule_fit


def undated(m: TMention) -> bool:
    return m.strong is None and m.weak is None


def span(m: TMention) -> tuple[int, int] | None:
    """Days (ordinals) the rows a mention can join may lie on; None: any day."""
    if m.strong is not None:
        iv = dates.interval(m.strong)
        slack = WEAK_WINDOW_DAYS  # a row dated by its reports lies near them
    elif m.window is not None:
        iv, slack = m.window, 0
    else:
        return None
    if iv is None:
        return None
    lo, hi = dates.to_date(iv[0]), dates.to_date(iv[1])
    if lo is None or hi is None:
        return None
    return lo.toordinal() - slack, hi.toordinal() + slack


def fits(m: TMention, candidates: Iterable[RowView]) -> list[tuple[RowView, str]]:
    out = []
    for c in candidates:
        if c.family != m.family or not (m.actors & c.actors):
            continue
        why = rule_fit(m, c)
        if why is not None:
            out.append((c, why))
    return out


def rank(c: RowView) -> tuple[int, int, str]:
    """The order rows are preferred in: the largest, best-dated; ties to the smallest id."""
    return (-c.size, -dates.specificity(c.strong), c.first_id)


# Rows an undated mention weighs at most when several fit (stored rows are read in pages).
MAX_TIED = 8

Siblings = Callable[[RowView], bool]  # whether a row holds another mention of its article


def choose(
    m: TMention,
    candidates: Sequence[RowView],
    ranked: Iterable[RowView] = (),
    siblings: Siblings | None = None,
) -> tuple[RowView, str] | None:
    """The row a mention joins (with why), or None. ``ranked`` are further candidates in
    :func:`rank` order, read only as far as the answer needs (stored rows, paged)."""
    if undated(m) and m.window is None and len(m.actors) < 2:
        return None  # no date, no window and one participant: too little to tell the event
    found = fits(m, candidates)
    taken = 0  # ranked candidates that fit: past the first, none can be preferred
    for c in ranked:
        if (undated(m) and len(found) > MAX_TIED) or (not undated(m) and taken):
            break
        more = fits(m, [c])
        found.extend(more)
        taken += len(more)
    if not found:
        return None
    if undated(m) and len(found) > 1:
        return untie(m, found, siblings)  # never a guess: only a row set apart
    return min(found, key=lambda f: rank(f[0]))


def untie(
    m: TMention, found: list[tuple[RowView, str]], siblings: Siblings | None
) -> tuple[RowView, str] | None:
    """The one row among several an undated mention fits that its place, else its own
    article, sets apart; None when none or several are."""
    if len(found) > MAX_TIED:
        return None
    if m.site is not None:
        here = [f for f in found if m.site in f[0].sites]
        if len(here) == 1:
            row, why = here[0]
            return row, f"{why}; the only such row at {row.name(m.site)}"
        found = here or found
    if siblings is not None:
        mine = [f for f in found if siblings(f[0])]
        if len(mine) == 1:
            row, why = mine[0]
            return row, f"{why}; the only such row another mention of its article is in"
    return None


def attach(mentions: Sequence[TMention], clusters: Sequence[Cluster]) -> list[Cluster]:
    """Attach each mention to the row it fits among ``clusters`` (in place); returns the
    rows of the mentions that fit none. Twice, as the engine does: a mention several rows
    fit may then join the one another mention of its article joined in the first pass."""
    by_actor: dict[tuple[str, str], list[Cluster]] = {}
    for c in clusters:
        for a in c.actors:
            by_actor.setdefault((c.family, a), []).append(c)
    pending = sorted(mentions, key=lambda m: m.event.id)
    for last in (False, True):
        left: list[TMention] = []
        for m in pending:
            cands = {id(c): c for a in m.actors for c in by_actor.get((m.family, a), [])}
            chosen = choose(m, list(cands.values()), siblings=_holds(m) if last else None)
            if chosen is None:
                left.append(m)
            else:
                row, why = chosen
                assert isinstance(row, Cluster)
                row.attached.append(m)
                row.why[m.event.id] = why
        pending = left
    return [Cluster(m.family, [m], {m.event.id: "first mention of this event"}) for m in pending]


def _holds(m: TMention) -> Siblings:
    """Whether a row holds an attached mention of ``m``'s article."""

    def holds(row: RowView) -> bool:
        return isinstance(row, Cluster) and any(x.article.id == m.article.id for x in row.attached)

    return holds
