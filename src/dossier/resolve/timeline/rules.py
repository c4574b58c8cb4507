"""When a mention fits a row: the rules, and the looser fit the similarity pass allows.

Rules: a mention fits a row when their event family, participants and dates are
compatible (and, outside meetings, their places do not differ). Loosely, given the
pairwise model's mean pair probability (``similar``, see :mod:`dossier.resolve.crossdoc`),
a mention fits a row whose dates fit (days may differ by one: time zones, a source's
slip), that shares a participant (or, when one names none, a place) and names no
different place, when they read alike. :mod:`.sweep` builds the rows with these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from dossier.resolve import dates
from dossier.resolve.timeline.mentions import SLIP_DAYS, WEAK_WINDOW_DAYS, TMention

# Mean pair probability between two groups of event ids (the pairwise model).
Similar = Callable[[Sequence[str], Sequence[str]], float]


@dataclass
class Cluster:
    family: str
    members: list[TMention] = field(default_factory=list)  # anchored mentions
    why: dict[str, str] = field(default_factory=dict)  # event id -> why it joined
    attached: list[TMention] = field(default_factory=list)  # attached afterwards

    @property
    def actors(self) -> frozenset[str]:
        return frozenset().union(*(m.actors for m in self.members))

    @property
    def countries(self) -> frozenset[str]:
        return frozenset().union(*(m.countries for m in self.members))

    @property
    def strong(self) -> str | None:
        value: str | None = None
        for m in self.members:
            if m.strong:
                value = m.strong if value is None else dates.unite(value, m.strong)
        return value

    @property
    def weak(self) -> list[str]:
        return [m.weak for m in self.members if m.weak]

    @property
    def sites(self) -> set[str]:
        return {m.site for m in self.members if m.site}

    @property
    def directions(self) -> set[tuple[str, str]]:
        """The (from, to) of its directed mentions (see :attr:`TMention.direction`), of
        the mentions dated to a day: what a row is matched on never depends on the order
        others were attached in."""
        return {d for m in self.members if (d := m.direction)}

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def first_id(self) -> str:
        return min(m.event.id for m in self.members)

    def name(self, entity_id: str) -> str:
        for m in [*self.members, *self.attached]:
            for eid, name in m.names:
                if eid == entity_id:
                    return name
        return entity_id

    def names(self, ids: Sequence[str]) -> str:
        return ", ".join(sorted(self.name(i) for i in ids))


class RowView(Protocol):
    """What a mention is matched against: a cluster being built, or a stored row."""

    family: str

    @property
    def actors(self) -> frozenset[str]: ...
    @property
    def countries(self) -> frozenset[str]: ...
    @property
    def strong(self) -> str | None: ...
    @property
    def weak(self) -> list[str]: ...
    @property
    def sites(self) -> set[str]: ...
    @property
    def directions(self) -> set[tuple[str, str]]: ...
    @property
    def size(self) -> int: ...
    @property
    def first_id(self) -> str: ...
    def names(self, ids: Sequence[str]) -> str: ...
    def name(self, entity_id: str) -> str: ...


def actors_reason(m: TMention, c: RowView) -> str | None:
    """Why the mention has the cluster's participants (None if it has not): the same
    entities, or (sharing at least one entity) the same two countries by actor code, so
    'Putin visits Pyongyang', 'Putin visits North Korea' and 'Putin meets Kim Jong Un' can
    be one event."""
    a, b = m.actors, c.actors
    if not a or not b or reversed_in(m.direction, c.directions):
        return None
    shared = c.names(sorted(a & b))
    if len(a) > 1 and len(b) > 1:
        if a == b:
            return f"same participants ({shared})"
        if a & b and len(m.countries) == 2 and m.countries == c.countries:
            return f"shares {shared} and the same countries ({', '.join(sorted(m.countries))})"
        extra = a - b
        if a & b and extra <= c.sites:
            # 'Putin arrived in Vladivostok': the place visited is where the row took place
            return f"shares {shared}; {c.names(sorted(extra))} is where it took place"
        return None
    return f"shares {shared}" if a & b else None


def dates_reason(m: TMention, c: RowView) -> str | None:
    """Why the mention's date fits the cluster's (None if it does not)."""
    strong = c.strong
    if m.strong and strong:
        return (
            f"dates {m.strong} and {strong} agree" if dates.compatible(m.strong, strong) else None
        )
    if m.strong and c.weak:
        ok = any(dates.compatible(m.strong, w) or _near(m.strong, w) for w in c.weak)
        return f"date {m.strong} fits the reports' dates" if ok else None
    if m.weak and strong:
        ok = _near(strong, m.weak) or (dates.compatible(strong, m.weak) and "X" in strong)
        return f"reported on {m.weak}, within {WEAK_WINDOW_DAYS} days of {strong}" if ok else None
    if m.weak and c.weak:
        ok = any(_near(m.weak, w) for w in c.weak)
        return f"reported on {m.weak}, within {WEAK_WINDOW_DAYS} days of the others" if ok else None
    if m.window is not None:  # no date, but the article's inferred publication window
        values = [strong] if strong else c.weak
        if values and not any(_in_window(v, m.window) for v in values):
            return None
        return f"undated; its article's inferred window {m.window[0]}..{m.window[1]} fits"
    if m.strong or m.weak:
        return None
    return "undated, in an undated article: the only candidate with these participants"


def reversed_in(d: tuple[str, str] | None, directions: set[tuple[str, str]]) -> bool:
    """A directed act that goes the other way round from those of a row ('A supplies B'
    against 'B supplies A', or 'arms sold to A' against 'A supplies B'): a party it gives
    in one role is only ever in the other role there."""
    if d is None or not directions:
        return False
    froms = {x for x, _ in directions if x}
    tos = {y for _, y in directions if y}
    x, y = d
    return bool((x and x in tos and x not in froms) or (y and y in froms and y not in tos))


def rule_fit(m: TMention, c: RowView) -> str | None:
    """Why a mention fits a row by the rules (participants, dates, places), or None."""
    actors = actors_reason(m, c)
    when = dates_reason(m, c) if actors else None
    site = sites_reason(m, c) if actors and when else None
    if actors and when and site is not None:
        where = f"; {site}" if site else ""
        return f"{m.family} family; {actors}; {when}{where}"
    return None


def _in_window(value: str, window: tuple[str, str]) -> bool:
    span = dates.interval(value) if dates.is_calendar(value) else None
    return span is not None and span[1] >= window[0] and span[0] <= window[1]


def _near(value: str, anchor: str) -> bool:
    return dates.within(value, anchor, WEAK_WINDOW_DAYS)


def sites_reason(m: TMention, c: RowView) -> str | None:
    """Meetings of the same people on one day are one event, wherever sources place it
    (a disagreement corroboration reports); attacks, strikes or protests happen in many
    places at once, so outside the consult family two different named places keep
    mentions apart. Returns None when they must stay apart, else '' or a reason."""
    if c.family == "consult" or m.site is None:
        return ""
    sites = c.sites
    if not sites:
        return ""
    return f"same place ({c.name(m.site)})" if m.site in sites else None


def _slip(a: str | None, b: str | None) -> bool:
    """Two full days at most ``SLIP_DAYS`` apart (but not the same day)."""
    return bool(a and b and a != b and dates.within(a, b, SLIP_DAYS))


def _sites(c: Cluster) -> set[str]:
    return {m.site for m in c.members if m.site}


def loose_actors(a: Cluster, b: Cluster) -> str | None:
    """Participants that do not clash: at least one shared entity, and not two different
    pairs of countries; or no participant named on one side and the same named place
    (the rows still need to read alike)."""
    if not a.actors or not b.actors:
        common = _sites(a) & _sites(b)
        if not common:
            return None
        return f"no participants on one side; same place ({min(a.name(x) for x in common)})"
    shared = a.actors & b.actors
    if not shared or any(reversed_in(d, b.directions) for d in a.directions):
        return None
    if len(a.countries) == 2 and len(b.countries) == 2 and a.countries != b.countries:
        return None
    return f"shares {a.names(sorted(shared))}"


def places_clash(members: Sequence[TMention], c: Cluster) -> bool:
    """Both sides name places and none is shared: the weaker, similarity route never
    merges across places (the rules may, and corroboration then reports it)."""
    mine = {m.place for m in members if m.place}
    theirs = {m.place for m in c.members if m.place}
    return bool(mine and theirs and not mine & theirs)


def loose_dates(members: Sequence[TMention], c: Cluster) -> str | None:
    """Dates that fit a row, allowing a one-day slip between two sources' days."""
    reasons = []
    for m in members:
        if m.strong and c.strong and _slip(m.strong, c.strong):
            reasons.append(f"dates {m.strong} and {c.strong} one day apart")
            continue
        why = dates_reason(m, c)
        if why is None or why.startswith("undated"):
            return None
        reasons.append(why)
    return reasons[0] if reasons else None


def best_id(c: Cluster) -> str:
    """The event id of a row's best-supported mention (the one the row shows): rows are
    compared through it, as a mention that reads unlike the rest ('the agreement') would
    pull a mean down."""
    return min(c.members, key=lambda m: (-m.score, m.event.article_id, m.event.start)).event.id
