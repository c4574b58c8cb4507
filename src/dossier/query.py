"""Query filters shared by every listing: entity, date window and source."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypedDict

from dossier.errors import QueryError
from dossier.records import Entity
from dossier.resolve import dates

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


class FilterArgs(TypedDict, total=False):
    """The keyword filters every listing of the API takes (see ``Filters``)."""

    entity: str | None
    since: str | None
    until: str | None
    source: str | None
    limit: int | None


@dataclass(frozen=True)
class Filters:
    """``entity`` (name or alias), ``since``/``until`` (ISO dates, inclusive), ``source``."""

    entity: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _ISO.match(value):
                raise QueryError(
                    f"--{name} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
                )
        if self.limit is not None and self.limit < 0:
            raise QueryError("--limit must be zero or more")

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def date_ok(self, value: str | None) -> bool:
        """The value (a calendar date at any precision) may fall within [since, until]."""
        if not self.dated:
            return True
        span = dates.interval(value) if value and dates.is_calendar(value) else None
        if span is None:
            return False
        lo = dates.interval(self.since)[0] if self.since else "0000-01-01"  # type: ignore[index]
        hi = dates.interval(self.until)[1] if self.until else "9999-12-31"  # type: ignore[index]
        return span[1] >= lo and span[0] <= hi

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
