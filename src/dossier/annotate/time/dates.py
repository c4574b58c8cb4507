"""Calendar arithmetic for anchoring: weeks, seasons, quarters, direction of a bare name.

``dateutil.relativedelta`` does the month and year shifts; the rest is the few rules of
how news prose points at a day ('Wednesday' in a past-tense sentence is the most recent
Wednesday on or before the article date, the same day when the article is a Wednesday).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from dossier.annotate.time.lexicon import MONTH_SEASON, SEASON_ORDER

Direction = Literal["past", "future", "nearest", "last", "next", "this"]
Grain = Literal["day", "month", "year"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Ref:
    """The reference point relative expressions are computed from."""

    date: dt.date
    grain: Grain  # how much of ``date`` is known
    how: str  # 'dct' or 'text'


def parse_ref(value: str | None, how: str = "dct") -> Ref | None:
    """A Ref from an ISO value ('2023-09-13', '2023-09', '2023-09-13T10:00'), else None."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            return Ref(dt.date(year, int(m.group(2)), int(m.group(3))), "day", how)
        if m.group(2):
            return Ref(dt.date(year, int(m.group(2)), 1), "month", how)
    except ValueError:
        return None
    return Ref(dt.date(year, 1, 1), "year", how)


def iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y:04d}-W{w:02d}"


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, code) of the season ``day`` falls in; December-February is winter of Dec's year."""
    code = MONTH_SEASON[day.month]
    year = day.year - 1 if day.month in (1, 2) else day.year
    return year, code


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def day_value(day: dt.date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def weekday_date(ref: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The date of ``weekday`` (0 = Monday) relative to ``ref``.

    past: on or before ref; future/this: on or after; last: strictly before;
    next: strictly after; nearest: the closer of the two (ties go to the past).
    """
    back = (ref.weekday() - weekday) % 7
    fwd = (weekday - ref.weekday()) % 7
    if direction == "past":
        return ref - dt.timedelta(days=back)
    if direction in ("future", "this"):
        return ref + dt.timedelta(days=fwd)
    if direction == "last":
        return ref - dt.timedelta(days=back or 7)
    if direction == "next":
        return ref + dt.timedelta(days=fwd or 7)
    return ref - dt.timedelta(days=back) if back <= fwd else ref + dt.timedelta(days=fwd)


def month_year(ref: dt.date, month: int, direction: Direction) -> int:
    """Year of the named month relative to ``ref`` (same month counts as 'this')."""
    if direction == "this":
        return ref.year
    if direction == "last":
        return ref.year if month < ref.month else ref.year - 1
    if direction == "next":
        return ref.year if month > ref.month else ref.year + 1
    if direction == "past":
        return ref.year if month <= ref.month else ref.year - 1
    if direction == "future":
        return ref.year if month >= ref.month else ref.year + 1
    # nearest: within six months either way
    diff = month - ref.month
    if diff > 6:
        return ref.year - 1
    if diff < -6:
        return ref.year + 1
    return ref.year


def nearest_month_day(ref: dt.date, month: int, day: int) -> dt.date | None:
    """The occurrence of day+month closest to ``ref`` (within half a year)."""
    best: dt.date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best


def season_year(ref: dt.date, code: str, direction: Direction) -> int:
    """Year of the named season relative to ``ref`` (winter: the year its December is in)."""
    cur_year, cur_code = season_of(ref)
    cur_idx = cur_year * 4 + SEASON_ORDER.index(cur_code)
    target = SEASON_ORDER.index(code)
    if direction == "this":
        # the season of the current (SP..WI) cycle; winter of the current year
        return ref.year if code != "WI" or ref.month == 12 else cur_year
    candidates = [(y, y * 4 + target) for y in (cur_year - 1, cur_year, cur_year + 1)]
    if direction == "last":
        return max(y for y, idx in candidates if idx < cur_idx)
    if direction == "next":
        return min(y for y, idx in candidates if idx > cur_idx)
    if direction == "past":
        return max(y for y, idx in candidates if idx <= cur_idx)
    if direction == "future":
        return min(y for y, idx in candidates if idx >= cur_idx)
    return min(candidates, key=lambda c: (abs(c[1] - cur_idx), -c[1]))[0]


def shift(ref: dt.date, n: int, unit: str) -> dt.date:
    """``ref`` moved by ``n`` units (negative is back in time)."""
    if unit == "day":
        return ref + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return ref + dt.timedelta(weeks=n)
    if unit == "month":
        return ref + relativedelta(months=n)
    if unit == "quarter":
        return ref + relativedelta(months=3 * n)
    if unit == "decade":
        return ref + relativedelta(years=10 * n)
    if unit == "century":
        return ref + relativedelta(years=100 * n)
    return ref + relativedelta(years=n)


def value_at(day: dt.date, unit: str) -> tuple[str, str]:
    """(TIMEX3 value, precision) of ``day`` at the granularity of ``unit``."""
    if unit in ("day", "night"):
        return day_value(day), "day"
    if unit == "week":
        return iso_week(day), "week"
    if unit == "weekend":
        return iso_week(day) + "-WE", "week"
    if unit == "month":
        return month_value(day.year, day.month), "month"
    if unit == "quarter":
        y, q = quarter_of(day)
        return f"{y:04d}-Q{q}", "quarter"
    if unit == "decade":
        return f"{day.year // 10:03d}", "decade"
    if unit == "century":
        return f"{day.year // 100:02d}", "century"
    if unit == "season":
        y, code = season_of(day)
        return f"{y:04d}-{code}", "season"
    return f"{day.year:04d}", "year"


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a fixed or computed holiday in ``year``."""
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
        "independence day": (7, 4), "valentine's day": (2, 14), "victory day": (5, 9),
    }  # fmt: skip
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name in ("easter", "easter sunday"):
        return easter(year)
    if name in ("thanksgiving", "thanksgiving day"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election day":
        first = dt.date(year, 11, 1)
        monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
        return monday + dt.timedelta(days=1)
    return None


# How much farther a reading against the tense may be and still win: tense cues found
# without a parse are often wrong ('said' before a future date), so tense only breaks
# near-ties: 'Dec. 7' in an October article stays ahead even after a past-tense verb.
AGAINST_TENSE = 3


def _against(offset: int, direction: Direction) -> bool:
    """Whether a reading ``offset`` away from the reference goes against the tense."""
    return (direction in ("past", "last") and offset > 0) or (
        direction in ("future", "next") and offset < 0
    )


def _lean(offset: int, direction: Direction) -> int:
    return abs(offset) * (AGAINST_TENSE if _against(offset, direction) else 1)


def leaning_month_day(ref: dt.date, month: int, day: int, direction: Direction) -> dt.date | None:
    """The year-less day+month nearest ``ref``, leaning the way the tense points."""
    cands: list[dt.date] = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    return min(cands, key=lambda c: (_lean((c - ref).days, direction), c > ref))


def leaning_month_year(ref: dt.date, month: int, direction: Direction) -> int:
    """Year of a bare month name nearest ``ref``, leaning the way the tense points."""
    here = ref.year * 12 + ref.month - 1
    cands = [(y, y * 12 + month - 1 - here) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return min(cands, key=lambda c: (_lean(c[1], direction), _against(c[1], direction), c[1] > 0))[
        0
    ]
