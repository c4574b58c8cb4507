"""Rules for clock times: '10:35 a.m.', '7 p.m. Wednesday', 'noon', '14:00 GMT'."""

from __future__ import annotations

import datetime as dt
import re

from dossier.annotate.time.dates import nearest_month_day, weekday_date
from dossier.annotate.time.lexicon import WEEKDAYS, month_number, parse_number
from dossier.annotate.time.patterns import DAYNUM, MONTH, NUMWORD, WEEKDAY
from dossier.annotate.time.rules import Context, Result, rule

_TZ = r"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|BST|CET|CEST|MSK|KST|JST|local time|Moscow time))?"
_WHEN = (
    rf"(?:,?\s+(?:on\s+)?(?P<when>{WEEKDAY}|yesterday|today|tomorrow|"
    rf"(?P<wmon>{MONTH})\s*(?P<wday>{DAYNUM})))?"
)
_APPROX = (
    r"(?:(?P<approx>about|around|approximately|roughly|shortly after|shortly before|"
    r"just after|just before)\s+)?"
)


_GLUE = re.compile(r"[\s,]*(?:at|around|about|by)?\s*$", re.IGNORECASE)


def _follows_day(m: re.Match[str], ctx: Context) -> bool:
    """'on 2 May at 10:30': the clock time is on the day written just before it."""
    ref = ctx.text_ref
    if ref is None or ref.grain != "day" or ctx.last_end < 0 or ctx.last_end > m.start():
        return False
    gap = ctx.text[ctx.last_end : m.start()]
    return len(gap) <= 12 and bool(_GLUE.fullmatch(gap))


def _when_date(m: re.Match[str], ctx: Context) -> tuple[dt.date | None, str | None]:
    """The day a clock time is on: its weekday or date if written, else the article date."""
    ref = ctx.deictic()
    if ref is None or ref.grain != "day":
        return None, None
    when = (m.groupdict().get("when") or "").lower()
    if not when and _follows_day(m, ctx):
        assert ctx.text_ref is not None
        return ctx.text_ref.date, ctx.text_ref.how
    if not when or when == "today":
        return ref.date, ref.how
    if when == "yesterday":
        return ref.date - dt.timedelta(days=1), ref.how
    if when == "tomorrow":
        return ref.date + dt.timedelta(days=1), ref.how
    if when in WEEKDAYS:
        direction = ctx.direction(m.start(), m.end(), "past")
        return weekday_date(ref.date, WEEKDAYS[when], direction), ref.how
    month = month_number(m.group("wmon"))
    if month is None:
        return None, None
    return nearest_month_day(ref.date, month, int(re.sub(r"\D", "", m.group("wday")))), ref.how


def _time_result(m: re.Match[str], ctx: Context, hour: int, minute: int) -> Result:
    day, how = _when_date(m, ctx)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    mod = "APPROX" if m.groupdict().get("approx") else None
    prec = "time" if day else "unknown"
    return Result("TIME", f"{prefix}T{hour:02d}:{minute:02d}", prec, mod, how)


@rule(
    "clock_ampm",
    rf"{_APPROX}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*"
    rf"(?P<ampm>[ap]\.\s?m\.?|[ap]m\b){_TZ}{_WHEN}",
    priority=5,
)
def clock_ampm(m: re.Match[str], ctx: Context) -> Result | None:
    hour = int(m.group("h")) % 12
    if m.group("ampm").lower().startswith("p"):
        hour += 12
    return _time_result(m, ctx, hour, int(m.group("min") or 0))


@rule(
    "clock_24",
    rf"(?P<prep>at|by|from|until|till|before|after|around|about|to)\s+{_APPROX}"
    rf"(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?!:?\d){_TZ}{_WHEN}",
    priority=5,
)
def clock_24(m: re.Match[str], ctx: Context) -> Result | None:
    res = _time_result(m, ctx, int(m.group("h")), int(m.group("min")))
    res.start = m.start("approx") if m.group("approx") else m.start("h")
    return res


@rule(
    "clock_tz",
    rf"{_APPROX}(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?!:?\d)"
    r"\s+(?P<tz>[ECMP][SD]T|GMT|UTC|BST|CET|CEST|MSK|KST|JST|local time|Moscow time)"
    rf"{_WHEN}",
    priority=5,
)
def clock_tz(m: re.Match[str], ctx: Context) -> Result | None:
    return _time_result(m, ctx, int(m.group("h")), int(m.group("min")))


@rule(
    "clock_word",
    rf"{_APPROX}(?:(?P<word>noon|midnight|midday)|(?P<n>{NUMWORD}|\d{{1,2}})"
    rf"\s+o'clock|(?P<n2>\d{{1,2}}|{NUMWORD})\s+in\s+the\s+(?P<part>morning|afternoon|"
    rf"evening))(?:\s+(?P<tail>{WEEKDAY}|yesterday|today|tomorrow))?{_WHEN}",
    priority=4,
)
def clock_word(m: re.Match[str], ctx: Context) -> Result | None:
    word = (m.group("word") or "").lower()
    if word:
        hour = {"noon": 12, "midday": 12, "midnight": 24}[word]
    else:
        n = parse_number(m.group("n") or m.group("n2"))
        if n is None or not 1 <= n <= 12:
            return None
        hour = n
        if m.group("part") and m.group("part").lower() != "morning" and hour < 12:
            hour += 12
    if m.group("tail") and not m.groupdict().get("when"):
        return _tail_result(m, ctx, hour)
    return _time_result(m, ctx, hour, 0)


def _tail_result(m: re.Match[str], ctx: Context, hour: int) -> Result:
    ref = ctx.deictic()
    tail = m.group("tail").lower()
    if ref is None or ref.grain != "day":
        return Result("TIME", f"XXXX-XX-XXT{hour:02d}:00", "unknown", None, None)
    if tail in WEEKDAYS:
        day = weekday_date(ref.date, WEEKDAYS[tail], ctx.direction(m.start(), m.end(), "past"))
    else:
        day = ref.date + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[tail])
    return Result("TIME", f"{day.isoformat()}T{hour:02d}:00", "time", None, ref.how)
