"""Rules for expressions relative to the article date: days, weekdays, 'last year', seasons."""

from __future__ import annotations

import datetime as dt
import re

from dossier.annotate.time.context import tight_word_after, word_after, word_before
from dossier.annotate.time.dates import (
    Direction,
    holiday_date,
    iso_week,
    season_year,
    shift,
    value_at,
    weekday_date,
)
from dossier.annotate.time.lexicon import PARTS_OF_DAY, SEASONS, WEEKDAYS
from dossier.annotate.time.patterns import POINT_MOD, WEEKDAY, YEAR4
from dossier.annotate.time.rules import Context, Result, rule, unknown
from dossier.annotate.time.rules_abs import pmod

_PART = r"(?P<part>morning|afternoon|evening|night)"


def _with_part(day: dt.date, part: str | None, how: str | None, mod: str | None) -> Result:
    if part:
        return Result("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part.lower()]}", "time", mod, how)
    return Result("DATE", day.isoformat(), "day", mod, how)


def _shift_yearless(value: str, days: int) -> str:
    """'XXXX-09-12' moved by ``days``, the year still unknown: counted in a common year
    (most are), unless the day itself is 29 February."""
    month, mday = int(value[5:7]), int(value[8:10])
    year = 2000 if (month, mday) == (2, 29) else 2001
    day = dt.date(year, month, mday) + dt.timedelta(days=days)
    return "XXXX" + day.isoformat()[4:]


@rule(
    "deictic_day",
    rf"{POINT_MOD}?(?:(?P<word>yesterday|today|tomorrow|tonight)"
    rf"(?:\s+{_PART})?|the day (?P<far>before yesterday|after tomorrow)|last night)",
    priority=3,
)
def deictic_day(m: re.Match[str], ctx: Context) -> Result | None:
    word = (m.group("word") or m.group("far") or "last night").lower()
    offset = {
        "yesterday": -1,
        "today": 0,
        "tomorrow": 1,
        "tonight": 0,
        "last night": -1,
        "before yesterday": -2,
        "after tomorrow": 2,
    }[word]
    part = m.group("part") or ("night" if word in ("tonight", "last night") else None)
    ref = ctx.deictic()
    if ref is None or ref.grain != "day":
        value, prec = unknown("day")
        return Result("TIME" if part else "DATE", value, prec, pmod(m), None)
    return _with_part(ref.date + dt.timedelta(days=offset), part, ref.how, pmod(m))


@rule("this_part", rf"{POINT_MOD}?this\s+{_PART}", priority=3)
def this_part_of_day(m: re.Match[str], ctx: Context) -> Result | None:
    ref = ctx.deictic()
    if ref is None or ref.grain != "day":
        return Result("TIME", "XXXX-XX-XX", "unknown", pmod(m), None)
    return _with_part(ref.date, m.group("part"), ref.how, pmod(m))


_NEWSPAPER = frozenset(
    {
        "times",
        "telegraph",
        "express",
        "mirror",
        "herald",
        "post",
        "mail",
        "people",
        "star",
        "independent",
        "tribune",
        "observer",
        "world",
    }
)
_WD_REL = (
    r"(?P<rel>last|next|this|this coming|this past|the following|the previous|"
    r"the preceding|coming|past|on)"
)


@rule("weekday", rf"{POINT_MOD}?(?:{_WD_REL}\s+)?(?P<wd>{WEEKDAY})(?:\s+{_PART})?", priority=2)
def weekday(m: re.Match[str], ctx: Context) -> Result | None:
    if word_after(ctx.text, m.end("wd")).lower() in _NEWSPAPER and ctx.text[m.end("wd")] == " ":
        return None
    if word_before(ctx.text, m.start()).lower() in ("good", "black", "super", "bloody", "ash"):
        return None
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").lower()
    # 'on' is a preposition: not part of the expression
    m_start = m.start("wd") if rel == "on" else m.start()
    part = m.group("part")
    narrative = rel in ("the following", "the previous", "the preceding")
    ref = ctx.narrative() if narrative else ctx.deictic()
    if ref is None or ref.grain != "day":
        value = f"XXXX-WXX-{wd + 1}"
        return Result("TIME" if part else "DATE", value, "unknown", pmod(m), None, start=m_start)
    direction: Direction
    if rel in ("last", "this past", "past", "the previous", "the preceding"):
        direction = "last"
    elif rel in ("next", "the following"):
        direction = "next"
    elif rel in ("this", "this coming", "coming"):
        direction = "future"
    else:
        # after a date the text gave, a bare weekday is the nearest one to it
        default: Direction = "nearest" if ref.how == "text" else "past"
        direction = (
            "nearest" if ref.how == "text" else ctx.direction(m.start("wd"), m.end("wd"), default)
        )
    day = weekday_date(ref.date, wd, direction)
    res = _with_part(day, part, ref.how, pmod(m))
    res.start = m_start
    return res


@rule(
    "weekday_set",
    rf"(?:(?P<each>every|each)\s+(?P<wd1>{WEEKDAY})|(?P<wd2>{WEEKDAY})s)"
    rf"(?:\s+{_PART})?",
    priority=3,
)
def weekday_set(m: re.Match[str], ctx: Context) -> Result | None:
    wd = WEEKDAYS[(m.group("wd1") or m.group("wd2")).lower()]
    part = m.group("part")
    suffix = f"T{PARTS_OF_DAY[part.lower()]}" if part else ""
    return Result("SET", f"XXXX-WXX-{wd + 1}{suffix}", "unknown", None, None)


_REL_UNIT = (
    r"(?P<rel>last|this|next|the past|the last|the previous|the coming|the current|the present|"
    r"the latest|past|coming|current|this past|this coming|the upcoming|upcoming)\s+"
    r"(?P<unit>week|month|year|quarter|weekend|decade|century|fiscal year)"
)


@rule("relative_unit", rf"{POINT_MOD}?{_REL_UNIT}", priority=2)
def relative_unit(m: re.Match[str], ctx: Context) -> Result | None:
    rel = m.group("rel").lower().replace("the ", "")
    unit = m.group("unit").lower().replace("fiscal ", "")
    ref = ctx.deictic()
    if ref is None:
        value, prec = unknown(unit)
        return Result("DATE", value, prec, pmod(m), None)
    if unit in ("week", "weekend") and ref.grain != "day":
        return Result("DATE", "XXXX-WXX", "unknown", pmod(m), None)
    offset = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "latest": -1,
        "this past": -1,
        "this": 0,
        "current": 0,
        "present": 0,
        "next": 1,
        "coming": 1,
        "this coming": 1,
        "upcoming": 1,
    }[rel]
    if unit == "weekend":
        saturday = weekday_date(ref.date, 5, "future" if offset >= 0 else "last")
        if offset > 0 and ref.date.weekday() < 5 and rel == "next":
            saturday += dt.timedelta(days=7)
        value, prec = value_at(saturday, "weekend")
        return Result("DATE", value, prec, pmod(m), ref.how)
    value, prec = value_at(shift(ref.date, offset, unit), unit)
    return Result("DATE", value, prec, pmod(m), ref.how)


@rule(
    "mod_the_unit",
    rf"{POINT_MOD}(?:the|this)\s+(?P<unit>year|month|week|decade|century)",
    priority=2,
)
def mod_the_unit(m: re.Match[str], ctx: Context) -> Result | None:
    ref = ctx.deictic()
    unit = m.group("unit").lower()
    if ref is None:
        value, prec = unknown(unit)
        return Result("DATE", value, prec, pmod(m), None)
    value, prec = value_at(ref.date, unit)
    return Result("DATE", value, prec, pmod(m), ref.how)


@rule(
    "narrative",
    r"(?:(?P<pm>earlier|later)\s+)?(?:the\s+(?P<which>same|following|next|"
    r"previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)|"
    r"that\s+(?:same\s+)?(?P<unit2>day|morning|afternoon|evening|night|week|month|year)|"
    r"the\s+day\s+(?P<ba>before|after)(?=\s*[,.;:!?)\]]|\s*$))",
    priority=3,
)
def narrative(m: re.Match[str], ctx: Context) -> Result | None:
    which = (m.group("which") or m.group("ba") or "same").lower()
    unit = (m.group("unit") or m.group("unit2") or "day").lower()
    if which == "next" and unit in ("week", "month", "year"):
        return None  # 'the next year' looks ahead from the article date: relative_unit
    offset = {
        "same": 0,
        "following": 1,
        "next": 1,
        "after": 1,
        "previous": -1,
        "preceding": -1,
        "before": -1,
    }[which]
    mod = {"earlier": "START", "later": "END"}.get((m.group("pm") or "").lower())
    part = unit if unit in PARTS_OF_DAY else None
    if part:
        unit = "day"
    if ctx.partial_day is not None and unit == "day" and not part:
        return Result("DATE", _shift_yearless(ctx.partial_day, offset), "day", mod, "text")
    ref = ctx.narrative()
    if ref is None or (unit in ("day", "week") and ref.grain != "day"):
        if m.group("unit2") and ctx.dct is not None and not m.group(0).lower().count("same"):
            return None  # 'trades made that day' with no day before it: generic, not a date
        value, prec = unknown(unit)
        return Result("TIME" if part else "DATE", value, prec, mod, None)
    target = shift(ref.date, offset, unit)
    if unit == "day":
        return _with_part(target, part, ref.how, mod)
    value, prec = value_at(target, unit)
    return Result("DATE", value, prec, mod, ref.how)


_SEASON_REL = (
    r"(?P<rel>last|this|next|this past|this coming|the coming|the past|"
    r"the upcoming|the)"
)


@rule(
    "season",
    rf"{POINT_MOD}?(?:{_SEASON_REL}\s+)?(?P<season>spring|summer|fall|autumn|winter)"
    rf"(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?",
    priority=2,
)
def season(m: re.Match[str], ctx: Context) -> Result | None:
    code = SEASONS[m.group("season").lower()]
    rel = (m.group("rel") or "").lower()
    after = word_after(ctx.text, m.end()).lower()
    if m.group("year"):
        return Result("DATE", f"{m.group('year')}-{code}", "season", pmod(m), "absolute")
    if not rel and not m.group("pmod"):
        before = word_before(ctx.text, m.start()).lower()
        if before not in (
            "in",
            "during",
            "since",
            "until",
            "by",
            "through",
            "over",
            "for",
            "before",
            "after",
            "throughout",
            "till",
            "this",
            "last",
            "next",
        ):
            return None
    verb_like = after in ("of", "in", "from", "to", "by", "back", "and", "short", "apart")
    if code in ("FA", "SP") and rel in ("", "the") and verb_like:
        return None  # 'the fall of the city', 'a fall in prices'
    if rel == "the" and after in ("of", "'s"):
        return None
    ref = ctx.deictic()
    if ref is None:
        return Result("DATE", f"XXXX-{code}", "unknown", pmod(m), None)
    direction: Direction
    if rel in ("last", "this past", "the past"):
        direction = "last"
    elif rel in ("next", "the coming", "this coming", "the upcoming"):
        direction = "next"
    elif rel == "this":
        direction = "this"
    else:
        direction = ctx.direction(m.start(), m.end(), "nearest")
    year = season_year(ref.date, code, direction)
    return Result("DATE", f"{year:04d}-{code}", "season", pmod(m), ref.how)


@rule(
    "holiday",
    r"(?:(?P<rel>last|next|this)\s+)?(?P<name>(?-i:Christmas(?: Day| Eve)?|"
    r"Thanksgiving(?: Day)?|Easter(?: Sunday| week)?|Holy Week|New Year's (?:Day|Eve)|"
    r"Election Day|"
    r"Independence Day|Halloween|Valentine's Day|Victory Day))"
    rf"(?:\s+(?P<year>{YEAR4}))?",
    priority=3,
)
def holiday(m: re.Match[str], ctx: Context) -> Result | None:
    name = m.group("name").lower()
    week = name in ("easter week", "holy week")  # the week that ends on Easter Sunday
    if week:
        name = "easter"
    if m.group("year"):
        day = holiday_date(name, int(m.group("year")))
        if day is None:
            return None
        if week:
            return Result("DATE", iso_week(day), "week", None, "absolute")
        return Result("DATE", day.isoformat(), "day", None, "absolute")
    ref = ctx.deictic()
    if ref is None:
        return None
    rel = (m.group("rel") or "").lower()
    direction = {"last": "past", "next": "future", "this": "nearest"}.get(rel) or ctx.direction(
        m.start(), m.end(), "nearest"
    )
    cands = [
        d for d in (holiday_date(name, y) for y in range(ref.date.year - 1, ref.date.year + 2)) if d
    ]
    if week:  # a week is past once it has begun: compare from its Monday
        start = {d - dt.timedelta(days=6): d for d in cands}
        day = _pick_day(list(start), ref.date, direction, rel)
        if day is None:
            return None
        return Result("DATE", iso_week(day), "week", None, ref.how)
    day = _pick_day(cands, ref.date, direction, rel)
    if day is None:
        return None
    return Result("DATE", day.isoformat(), "day", None, ref.how)


def _pick_day(cands: list[dt.date], ref: dt.date, direction: str, rel: str) -> dt.date | None:
    """The candidate day the direction points to (on or before, on or after, nearest)."""
    if direction == "past":
        pool = [d for d in cands if d < ref] if rel == "last" else [d for d in cands if d <= ref]
        return max(pool) if pool else None
    if direction == "future":
        pool = [d for d in cands if d >= ref]
        return min(pool) if pool else None
    return min(cands, key=lambda d: abs((d - ref).days)) if cands else None


@rule(
    "the_unit",
    r"(?:the|that)\s+(?:(?P<adj>full|fiscal|current|entire|whole|calendar)\s+)?"
    r"(?P<unit>year|week|weekend)",
    priority=1,
)
def the_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """'the year', 'the full year', 'the weekend': the article's own year, week or weekend."""
    unit = m.group("unit").lower()
    follower = tight_word_after(ctx.text, m.end()).lower()
    if unit == "year" and follower in ("ended", "ending", "through", "to"):
        return Result("DURATION", "P1Y", "unknown", None, None)  # a reporting year
    if follower in ("before", "after", "of", "when", "in", "that"):
        return None  # 'the year before', 'the week of the vote': another anchor follows
    ref = ctx.deictic()
    if ref is None or (unit != "year" and ref.grain != "day"):
        value, prec = unknown(unit)
        return Result("DATE", value, prec, None, None)
    if unit == "weekend":
        direction = ctx.direction(m.start(), m.end(), "past")
        saturday = weekday_date(ref.date, 5, "past" if direction == "past" else "future")
        value, prec = value_at(saturday, "weekend")
    else:
        value, prec = value_at(ref.date, unit)
    return Result("DATE", value, prec, None, ref.how)


@rule("year_adjective", r"(?P<w>year-earlier|year-ago|year-end|year's end|year end)", priority=1)
def year_adjective(m: re.Match[str], ctx: Context) -> Result | None:
    """Report-speak: 'year-earlier' results are last year's; 'year-end' is this year's end."""
    ref = ctx.deictic()
    word = m.group("w").lower()
    mod = "END" if "end" in word else None
    if ref is None:
        return Result("DATE", "XXXX", "unknown", mod, None)
    if not mod and ctx.last_quarter is not None:
        year, q = ctx.last_quarter
        return Result("DATE", f"{year - 1:04d}-Q{q}", "quarter", None, "text")
    year = ref.date.year - (0 if mod else 1)
    return Result("DATE", f"{year:04d}", "year", mod, ref.how)


@rule(
    "part_of_day",
    rf"(?P<pm>early|late|mid)[-\s]?{_PART}(?:\s+(?P<tail>yesterday|today|tomorrow|{WEEKDAY}))?",
    priority=2,
)
def part_of_day(m: re.Match[str], ctx: Context) -> Result | None:
    """'mid-afternoon', 'late evening Tuesday': a part of the article's (or the named) day."""
    ref = ctx.deictic()
    mod = {"early": "START", "late": "END", "mid": "MID"}[m.group("pm").lower()]
    if ref is None or ref.grain != "day":
        return Result("TIME", "XXXX-XX-XX", "unknown", mod, None)
    tail = (m.group("tail") or "today").lower()
    if tail in WEEKDAYS:
        day = weekday_date(ref.date, WEEKDAYS[tail], ctx.direction(m.start(), m.end(), "past"))
    else:
        day = ref.date + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[tail])
    return _with_part(day, m.group("part"), ref.how, mod)
