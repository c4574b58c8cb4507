"""Rules that tie a unit to a date given another way: 'the week of March 6', 'January
nineteen ninety-seven', 'the winter of nineteen ninety-four' (spoken-news transcripts
spell years out), 'today is the eighth day', 'in the morning' (of the story's day)."""

from __future__ import annotations

import datetime as dt
import re

from dossier.annotate.time.dates import iso_week
from dossier.annotate.time.lexicon import PARTS_OF_DAY, SEASONS, month_number, parse_number
from dossier.annotate.time.patterns import DAYNUM, MONTH_FULL, MONTH_WITH_DAY, ORDINAL, YEAR4
from dossier.annotate.time.rules import Context, Result, rule
from dossier.annotate.time.rules_abs import UNIT_WORD, YEAR_WORD_TENS, resolve_month_day

_SPELLED = (
    rf"(?:(?:nineteen|eighteen|twenty)[-\s](?:(?:{YEAR_WORD_TENS})(?:[-\s](?:{UNIT_WORD}))?|"
    rf"oh[-\s](?:{UNIT_WORD}))|two thousand(?:(?: and)?[-\s](?:{YEAR_WORD_TENS}|{UNIT_WORD})"
    rf"(?:[-\s](?:{UNIT_WORD}))?)?)"
)
_CENTURIES = {"nineteen": 19, "eighteen": 18, "twenty": 20}


def spelled_year_value(words: str) -> int | None:
    """1994 from 'nineteen ninety-four', 2003 from 'two thousand three'."""
    low = words.lower().strip()
    if low.startswith("two thousand"):
        rest = low.replace("two thousand", "").replace("and", "").strip(" -")
        return 2000 + ((parse_number(rest) or 0) if rest else 0)
    head = re.split(r"[-\s]", low, maxsplit=1)[0]
    century = _CENTURIES.get(head)
    if century is None:
        return None
    tail = low[len(head) :].replace("oh", "").strip(" -")
    number = parse_number(tail)
    return None if number is None else century * 100 + number


@rule("month_spelled_year", rf"(?P<mon>{MONTH_FULL})\s+(?P<sy>{_SPELLED})", priority=3)
def month_spelled_year(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    year = spelled_year_value(m.group("sy"))
    if month is None or year is None:
        return None
    return Result("DATE", f"{year:04d}-{month:02d}", "month", None, "absolute")


@rule(
    "season_of_year",
    rf"(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+"
    rf"(?:(?P<y>{YEAR4})|(?P<sy>{_SPELLED}))",
    priority=3,
)
def season_of_year(m: re.Match[str], ctx: Context) -> Result | None:
    year = int(m.group("y")) if m.group("y") else spelled_year_value(m.group("sy"))
    if year is None:
        return None
    code = SEASONS[m.group("season").lower()]
    return Result("DATE", f"{year:04d}-{code}", "season", None, "absolute")


@rule(
    "week_of",
    rf"the\s+week\s+of\s+(?P<mon>{MONTH_WITH_DAY})\s*(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?",
    priority=4,
)
def week_of(m: re.Match[str], ctx: Context) -> Result | None:
    """'the week of March 6': the ISO week holding that day."""
    month = month_number(m.group("mon"))
    if month is None:
        return None
    day = resolve_month_day(m, ctx, month, int(re.sub(r"\D", "", m.group("day"))))
    if day is None:
        return None
    try:
        date = dt.date.fromisoformat(day.value)
    except ValueError:
        return Result("DATE", "XXXX-WXX", "week", None, None)
    return Result("DATE", iso_week(date), "week", None, day.anchor)


_TODAY_IS = re.compile(r"\b(?:today|it)\s*(?:is|'s|’s)\s+$", re.IGNORECASE)


@rule("nth_day_today", rf"the\s+{ORDINAL}\s+(?:straight\s+)?day", priority=4)
def nth_day_today(m: re.Match[str], ctx: Context) -> Result | None:
    """'Today is the eighth day of the strike', "it's the second day of talks": today."""
    if not _TODAY_IS.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    ref = ctx.dct
    if ref is None:
        return Result("DATE", "XXXX-XX-XX", "unknown", None, None)
    return Result("DATE", ref.date.isoformat(), "day", None, ref.how)


@rule(
    "in_the_part",
    r"(?:in|during|by|early in|late in|later in|earlier in)\s+(?P<core>the\s+"
    r"(?P<part>morning|afternoon|evening))(?!\s+(?:of|after|before|paper|papers|news|show|star))",
    priority=1,
)
def in_the_part(m: re.Match[str], ctx: Context) -> Result | None:
    """'in the morning': that part of the day the story is on (its latest day)."""
    ref = ctx.narrative()
    code = PARTS_OF_DAY[m.group("part").lower()]
    if ref is None or ref.grain != "day":
        return Result("TIME", f"XXXX-XX-XXT{code}", "unknown", None, None)
    return Result("TIME", f"{ref.date.isoformat()}T{code}", "time", None, ref.how)
