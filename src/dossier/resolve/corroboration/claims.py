"""What each source says about one detail of a merged event, and how the claims group.

A ``Claim`` is one value (a place, a date, an actor, a count) with every source, article,
event mention, status and hedge behind it. A ``Comparison`` sets the claims of one detail
side by side: claims that do not contradict one another form a ``Position``; the best
supported position comes first, so ``agreeing_sources`` are the sources of the first
position and ``disagreeing`` the other positions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dossier.records import Event


@dataclass
class Span:
    """The event mention a claim was read from: ``text[start:end]`` of its article."""

    event_id: str
    article_id: str
    start: int
    end: int
    status: str
    source: str


@dataclass
class Claim:
    """One value a set of sources gives for a detail of an event."""

    value: str
    sources: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    statuses: list[str] = field(default_factory=list)  # asserted, reported, negated...
    spans: list[Span] = field(default_factory=list)
    country: str | None = None  # actors: ISO 3166 alpha-3 country of the actor
    low: float | None = None  # quantities: the range the count allows (None: open)
    high: float | None = None
    noun: str | None = None  # quantities: what is counted, singular ('shell')


@dataclass
class Position:
    """Claims that do not contradict one another, and the sources behind them."""

    value: str  # the best supported of its values
    values: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    """How the sources of one timeline row compare on one detail."""

    timeline_id: str
    detail: str  # 'date' | 'place' | 'actor' | 'target' | 'quantity'
    agree: bool
    claims: list[Claim]
    about: str | None = None  # quantities: the counted noun compared
    positions: list[Position] = field(default_factory=list)  # best supported first
    summary: str = ""  # 'A, B agree on X; C says Y'
    between_articles: bool = False  # some disagreeing claims come from different articles
    note: str = ""  # dates: how far apart the disagreeing days are ('1 day apart')
    single_source: bool = False  # one article alone gives this detail

    @property
    def verdict(self) -> str:
        """How the sources compare, in words: agreement only when they give one value."""
        detail = f"{self.detail} ({self.about})" if self.about else self.detail
        if self.single_source:
            return f"only one source gives the {detail}"
        if not self.agree:
            return f"sources disagree on the {detail}"
        if len({c.value for c in self.claims}) == 1:
            return f"sources agree on the {detail}"
        return f"sources differ on the {detail}, without contradicting each other"

    @property
    def agreeing_sources(self) -> list[str]:
        """The sources of the best supported position."""
        return list(self.positions[0].sources) if self.positions else []

    @property
    def disagreeing(self) -> list[Position]:
        """The positions that contradict the best supported one."""
        return list(self.positions[1:])


def _extend(into: list[str], items: list[str]) -> None:
    into.extend(x for x in items if x not in into)


def add_claim(claims: dict[str, Claim], key: str, value: str, ev: Event, label: str) -> Claim:
    """Record that source ``label`` gives ``value`` in event mention ``ev``."""
    claim = claims.setdefault(key, Claim(value))
    _extend(claim.sources, [label])
    _extend(claim.article_ids, [ev.article_id])
    _extend(claim.statuses, [ev.status])
    _extend(claim.hedges, list(ev.hedges))
    if ev.id not in claim.event_ids:
        claim.event_ids.append(ev.id)
        claim.spans.append(Span(ev.id, ev.article_id, ev.start, ev.end, ev.status, label))
    return claim


def _claim_text(claim: Claim) -> str:
    verb = "agree on" if len(claim.sources) > 1 else "says"
    hedged = f" (hedged: {', '.join(claim.hedges)})" if claim.hedges else ""
    return f"{', '.join(claim.sources)} {verb} {claim.value}{hedged}"


def _position_text(group: list[Claim]) -> str:
    """'A, B agree on X' for one value; 'A says X, B says Y (compatible)' for several."""
    text = ", ".join(_claim_text(c) for c in group)
    return text if len(group) == 1 else f"{text} (compatible)"


def assess(
    timeline_id: str,
    detail: str,
    claims: list[Claim],
    conflict: Callable[[Claim, Claim], bool],
    about: str | None = None,
) -> Comparison:
    """Group claims into positions (each claim joins the first position it contradicts
    no claim of) and say whether the sources agree."""
    claims = sorted(claims, key=lambda c: (-len(c.article_ids), -len(c.sources), c.value))
    groups: list[list[Claim]] = []
    for claim in claims:
        home = next((g for g in groups if not any(conflict(claim, o) for o in g)), None)
        if home is None:
            groups.append([claim])
        else:
            home.append(claim)
    positions: list[Position] = []
    for group in groups:
        pos = Position(group[0].value)
        for claim in group:
            _extend(pos.values, [claim.value])
            _extend(pos.sources, claim.sources)
            _extend(pos.article_ids, claim.article_ids)
            _extend(pos.hedges, claim.hedges)
        positions.append(pos)
    between = any(
        conflict(a, b) and len({*a.article_ids, *b.article_ids}) > 1
        for i, a in enumerate(claims)
        for b in claims[i + 1 :]
    )
    return Comparison(
        timeline_id,
        detail,
        len(positions) <= 1,
        claims,
        about=about,
        positions=positions,
        summary="; ".join(_position_text(g) for g in groups),
        between_articles=between,
        single_source=len({a for c in claims for a in c.article_ids}) == 1,
    )
