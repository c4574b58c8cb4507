"""Query filters shared by every listing: entity, date window, source and paging; and the
timeline's own (sources, status, confidence)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from dossier.errors import QueryError
from dossier.records import Entity
from dossier.resolve import dates

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_LIMIT = 1_000_000


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


class FilterArgs(TypedDict, total=False):
    """The keyword filters every listing of the API takes (see ``Filters``)."""

    entity: str | None
    since: str | None
    until: str | None
    source: str | None
    limit: int | None
    offset: int | None


def check_date(name: str, value: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD value naming a real date, or a QueryError."""
    m = _ISO.match(value)
    if not m:
        raise QueryError(f"--{name} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is not None and not 1 <= int(month) <= 12:
        raise QueryError(f"--{name} {value!r}: there is no month {month}")
    if day is not None and dates.to_date(value) is None:
        raise QueryError(f"--{name} {value!r}: {year}-{month} has no day {day}")
    if int(year) < 1:
        raise QueryError(f"--{name} {value!r}: there is no year 0")
    return value


@dataclass(frozen=True)
class Filters:
    """``entity`` (name or alias), ``since``/``until`` (ISO dates, inclusive), ``source``,
    and paging (``limit`` rows from ``offset``)."""

    entity: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    limit: int | None = None
    offset: int | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                check_date(name, value)
        if self.limit is not None and not 0 <= self.limit <= MAX_LIMIT:
            raise QueryError(f"--limit must be between 0 and {MAX_LIMIT:,}")
        if self.offset is not None and self.offset < 0:
            raise QueryError("--offset must be zero or more")
        if self.entity is not None and not _fold(self.entity):
            raise QueryError("--entity needs a name")
        lo, hi = self.bounds()
        if lo is not None and hi is not None and lo > hi:
            raise QueryError(f"--since {self.since} is after --until {self.until}")

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def bounds(self) -> tuple[str | None, str | None]:
        """The first day ``since`` allows and the last day ``until`` allows."""
        lo = dates.interval(self.since)[0] if self.since else None  # type: ignore[index]
        hi = dates.interval(self.until)[1] if self.until else None  # type: ignore[index]
        return lo, hi

    def date_ok(self, value: str | None) -> bool:
        """The value (a calendar date at any precision) may fall within [since, until]."""
        if not self.dated:
            return True
        span = dates.interval(value) if value and dates.is_calendar(value) else None
        if span is None:
            return False
        lo, hi = self.bounds()
        return span[1] >= (lo or "0000-01-01") and span[0] <= (hi or "9999-12-31")

    def source_ok(self, *names: str | None) -> bool:
        if not self.source:
            return True
        want = self.source.casefold()
        return any(want in n.casefold() for n in names if n)


def match_entities(query: str, entities: Iterable[Entity]) -> set[str]:
    """Ids of entities a user means by ``query``: an exact name or alias, else every entity
    one of whose names contains all the query's words."""
    q = _fold(query)
    if not q:
        raise QueryError("--entity needs a name")
    pool = list(entities)
    exact = {e.id for e in pool if any(_fold(n) == q for n in [e.name, *e.aliases])}
    if exact:
        return exact
    words = set(q.split())
    return {e.id for e in pool if any(words <= set(_fold(n).split()) for n in [e.name, *e.aliases])}


def row_filters(
    min_sources: int | None, dated: bool, status: Sequence[str] | None, conf: float | None
) -> dict[str, Any]:
    """The timeline's own filters, checked (a bad value: a QueryError naming the option),
    as the store's query takes them."""
    allowed = {"asserted", "negated", "expected", "hypothetical", "reported", "opinion"}
    if status and not set(status) <= allowed:
        bad = ", ".join(sorted(set(status) - allowed))
        raise QueryError(f"--status {bad}: use one of {', '.join(sorted(allowed))}")
    if min_sources is not None and min_sources < 1:
        raise QueryError("--min-sources must be 1 or more")
    if conf is not None and not 0.0 <= conf <= 1.0:
        raise QueryError("--min-confidence must be between 0 and 1")
    return {
        "min_sources": min_sources,
        "dated": dated,
        "status": list(status or []),
        "min_confidence": conf,
    }
