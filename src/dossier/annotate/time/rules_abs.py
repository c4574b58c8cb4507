"""Rules for calendar dates: day-month-year, months, years, decades, centuries, quarters."""

from __future__ import annotations

import datetime as dt
import re

from dossier.annotate.time.context import COUNT_NOUNS, bare_month_ok, tight_word_after, year_ok
from dossier.annotate.time.dates import (
    leaning_month_day,
    leaning_month_year,
    month_year,
    quarter_of,
)
from dossier.annotate.time.lexicon import DECADE_WORDS, ORDINALS, month_number, parse_number
from dossier.annotate.time.patterns import (
    DAYNUM,
    MOD_PREFIX,
    MONTH,
    MONTH_FULL,
    MONTH_WITH_DAY,
    ORDINAL,
    POINT_MOD,
    WEEKDAY,
    YEAR,
    YEAR4,
)
from dossier.annotate.time.rules import Context, Result, rule

_REL_YEAR = r"(?P<ryear>last year|this year|next year|of last year|of this year|of next year)"


def year_of(word: str, ctx: Context) -> int:
    """A year from '2023', "'98" (two digits: the century that keeps it near the article)."""
    word = word.strip()
    if word.startswith(("'", "’")):
        yy = int(word[1:])
        base = ctx.dct.date.year if ctx.dct else 2000
        year = (base // 100) * 100 + yy
        return year - 100 if year > base + 10 else year
    return int(word)


def pmod(m: re.Match[str]) -> str | None:
    """TIMEX3 mod of a point modifier group ('early' -> START)."""
    word = m.groupdict().get("pmod")
    if not word:
        return None
    return MOD_PREFIX.get(word.lower().rstrip("-"))


def _parsed_as_verb(ctx: Context, start: int, end: int) -> bool:
    if ctx.doc is None:
        return False
    try:
        span = ctx.doc.char_span(start, end)
    except (AttributeError, ValueError):
        return False
    return span is not None and len(span) == 1 and span[0].pos_ in ("VERB", "AUX")


def rel_year_shift(word: str | None) -> int | None:
    if not word:
        return None
    w = word.lower().replace("of ", "")
    return {"last year": -1, "this year": 0, "next year": 1}.get(w)


def _day(m: re.Match[str]) -> int:
    return int(re.sub(r"\D", "", m.group("day")))


def resolve_month_day(m: re.Match[str], ctx: Context, month: int, day: int) -> Result | None:
    """A day and month written without a year, anchored on the article (or text) date."""
    year_word = m.groupdict().get("year")
    if year_word:
        try:
            date = dt.date(year_of(year_word, ctx), month, day)
        except ValueError:
            return None
        return Result("DATE", date.isoformat(), "day", pmod(m), "absolute")
    ref = ctx.deictic()
    if ref is None:
        if not 1 <= day <= 31:
            return None
        return Result("DATE", f"XXXX-{month:02d}-{day:02d}", "day", pmod(m), None)
    direction = ctx.direction(m.start(), m.end(), "nearest")
    found = leaning_month_day(ref.date, month, day, direction)
    if found is None:
        return None
    return Result("DATE", found.isoformat(), "day", pmod(m), ref.how)


@rule(
    "month_day_year",
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH_WITH_DAY})\s*(?P<day>{DAYNUM})"
    rf"(?:(?:,\s*|\s+)(?P<year>{YEAR})(?!\s*(?:percent|%)))?",
    priority=5,
)
def month_day_year(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    if month is None:
        return None
    return resolve_month_day(m, ctx, month, _day(m))


@rule(
    "day_month_year",
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?:(?P<d0>{DAYNUM})\s*[-–]\s*)?(?P<day>{DAYNUM})"
    rf"(?:\s+of)?\s+(?P<mon>{MONTH_WITH_DAY})(?:,?\s+(?P<year>{YEAR}))?",
    priority=5,
)
def day_month_year(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    if month is None:
        return None
    res = resolve_month_day(m, ctx, month, _day(m))
    if res is not None and m.group("d0"):
        res.start = m.start("day")  # '12-13 September': the first day is added as a pair
    return res


@rule(
    "iso_date",
    r"(?P<y>(?:1[6-9]|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])",
    priority=6,
)
def iso_date(m: re.Match[str], ctx: Context) -> Result | None:
    try:
        date = dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    except ValueError:
        return None
    return Result("DATE", date.isoformat(), "day", None, "absolute")


@rule(
    "numeric_date",
    r"(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d./]\d)",
    priority=6,
)
def numeric_date(m: re.Match[str], ctx: Context) -> Result | None:
    """'13.09.2023' and '20/09/2023' (day first), '9/13/2023' (month first, US).

    A number above 12 settles the order; otherwise dots read day-first (European) and
    slashes month-first (American).
    """
    a, b = int(m.group("a")), int(m.group("b"))
    if a > 12 or (b <= 12 and m.group("sep") == "."):
        day, month = a, b
    else:
        month, day = a, b
    try:
        date = dt.date(int(m.group("y")), month, day)
    except ValueError:
        return None
    return Result("DATE", date.isoformat(), "day", None, "absolute")


@rule("month_year", rf"{POINT_MOD}?(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR4})", priority=4)
def month_year_rule(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    if month is None:
        return None
    return Result("DATE", f"{int(m.group('year')):04d}-{month:02d}", "month", pmod(m), "absolute")


@rule(
    "month",
    rf"{POINT_MOD}?(?:(?P<rel>last|this|next|this past|this coming|the coming|"
    rf"the past|the previous|the following)\s+)?(?P<mon>{MONTH_FULL})(?:,?\s+{_REL_YEAR})?",
    priority=1,
)
def month_alone(m: re.Match[str], ctx: Context) -> Result | None:
    word = m.group("mon")
    month = month_number(word)
    if month is None:
        return None
    rel = (m.group("rel") or "").lower()
    bare = not rel and not m.group("pmod") and not m.group("ryear")
    if bare and not bare_month_ok(ctx.text, m.start("mon"), m.end("mon"), word):
        return None
    if bare and _parsed_as_verb(ctx, m.start("mon"), m.end("mon")):
        return None  # 'March on the capital!' when the parse says so
    shift = rel_year_shift(m.group("ryear"))
    ref = ctx.deictic()
    if ref is None:
        return Result("DATE", f"XXXX-{month:02d}", "month", pmod(m), None)
    if shift is not None:
        year = ref.date.year + shift
    elif rel in ("last", "this past", "the past", "the previous"):
        year = month_year(ref.date, month, "last")
    elif rel in ("next", "this coming", "the coming", "the following"):
        year = month_year(ref.date, month, "next")
    elif rel == "this":
        year = month_year(ref.date, month, "this")
    else:
        year = leaning_month_year(ref.date, month, ctx.direction(m.start(), m.end(), "nearest"))
    return Result("DATE", f"{year:04d}-{month:02d}", "month", pmod(m), ref.how)


@rule(
    "year",
    rf"{POINT_MOD}?(?:(?P<fiscal>fiscal(?: year)?|the year|calendar(?: year)?|"
    rf"model year|the)\s+)?(?P<year>{YEAR4})(?:-(?P<y2>\d\d))?",
    priority=0,
)
def year_rule(m: re.Match[str], ctx: Context) -> Result | None:
    lead = (m.group("fiscal") or "").lower()
    if not lead and not year_ok(ctx.text, m.start("year"), m.end("year")):
        return None
    if lead == "the" and tight_word_after(ctx.text, m.end("year")).lower() in COUNT_NOUNS:
        return None  # 'the 2000 troops'; but 'the 1996 elections' is a year
    start = m.start("year") if lead == "the" and not m.group("pmod") else None
    year = int(m.group("year"))
    if m.group("y2"):  # '2023-24' season: a range of years
        y2 = (year // 100) * 100 + int(m.group("y2"))
        if y2 <= year:
            return None
        return Result(
            "DATE",
            f"{year:04d}",
            "year",
            pmod(m),
            "absolute",
            begin=f"{year:04d}",
            end_value=f"{y2:04d}",
        )
    return Result("DATE", f"{year:04d}", "year", pmod(m), "absolute", start=start)


@rule(
    "decade",
    rf"(?:the\s+)?{POINT_MOD}?(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|'(?P<short>\d0)s|"
    rf"(?P<word>{'|'.join(DECADE_WORDS)}))",
    priority=3,
)
def decade(m: re.Match[str], ctx: Context) -> Result | None:
    if m.group("dec"):
        value = m.group("dec")[:3]
    else:
        tens = (
            int(m.group("short")[0]) if m.group("short") else DECADE_WORDS[m.group("word").lower()]
        )
        if m.group("word") and not m.group(0).lower().startswith("the"):
            return None  # 'in his forties' is an age
        value = f"19{tens}"
    return Result("DATE", value, "decade", pmod(m), "absolute")


@rule("century", rf"(?:the\s+)?{POINT_MOD}?(?P<ord>{ORDINAL})[-\s]century", priority=3)
def century(m: re.Match[str], ctx: Context) -> Result | None:
    n = ORDINALS.get(m.group("ord").lower())
    if n is None:
        return None
    return Result("DATE", f"{n - 1:02d}", "century", pmod(m), "absolute")


YEAR_WORD_TENS = (
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    "nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine"


@rule(
    "spelled_year",
    rf"(?:the year\s+)?(?:(?P<cent>nineteen|eighteen|twenty)[-\s]"
    rf"(?P<rest>(?:{YEAR_WORD_TENS})(?:[-\s](?:{UNIT_WORD}))?|oh[-\s](?:{UNIT_WORD}))|"
    rf"(?P<two>two thousand(?:(?: and)?[-\s](?:{YEAR_WORD_TENS}|{UNIT_WORD})"
    rf"(?:[-\s](?:{UNIT_WORD}))?)?))(?!\s+(?:{'|'.join(['dollars', 'people', 'troops'])}))",
    priority=2,
)
def spelled_year(m: re.Match[str], ctx: Context) -> Result | None:
    if m.group("two"):
        rest = m.group("two").lower().replace("two thousand", "").replace("and", "").strip()
        year = 2000 + (parse_number(rest) or 0 if rest else 0)
        if not m.group(0).lower().startswith("the year") and not rest:
            return None  # bare 'two thousand' is a number
    else:
        cent = {"nineteen": 19, "eighteen": 18, "twenty": 20}[m.group("cent").lower()]
        rest_words = m.group("rest").lower().replace("oh", "").strip(" -")
        rest = parse_number(rest_words)
        if rest is None:
            return None
        year = cent * 100 + rest
    return Result("DATE", f"{year:04d}", "year", None, "absolute")


_QUARTER_LEAD = (
    r"(?:(?P<det>the|its|their|a|an|this year's|next year's|last year's|the company's|"
    r"this|last|next)\s+)?"
)
_QUARTER_ADJ = r"(?:(?P<adj>fiscal|flat|strong|weak|disappointing|calendar|same|current|latest|"
_QUARTER_ADJ += r"year-earlier|year-ago|comparable|corresponding)[-\s]+)*"


_ENDED = re.compile(rf"\s+end(?:ed|ing|s)\s+({MONTH})")


@rule(
    "quarter",
    rf"{_QUARTER_LEAD}{_QUARTER_ADJ}(?:(?P<y1>{YEAR4})\s+)?(?P<ord>first|second|"
    rf"third|fourth|1st|2nd|3rd|4th)[-\s]quarters?(?:\s+of\s+(?P<y2>{YEAR4}|"
    rf"this year|next year|last year|the year))?|(?P<q>Q[1-4])(?:\s+(?P<y3>{YEAR4}))?",
    priority=4,
)
def quarter(m: re.Match[str], ctx: Context) -> Result | None:
    ordw = (m.group("ord") or m.group("q") or "").lower()
    num = {
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "q1": 1,
        "q2": 2,
        "q3": 3,
        "q4": 4,
    }.get(ordw) or ORDINALS.get(ordw)
    if num is None or num > 4:
        return None
    lead = (m.group("det") or "").lower()
    adjs = m.group(0).lower()
    explicit = m.group("y1") or m.group("y3")
    y2 = (m.group("y2") or "").lower()
    ref = ctx.deictic()
    if explicit or y2[:1].isdigit():
        year = int(explicit or y2)
        how: str | None = "absolute"
    elif ref is None:
        return Result("DATE", f"XXXX-Q{num}", "quarter", None, None)
    else:
        year = ref.date.year
        how = ref.how
        if "last year" in lead or "last year" in y2 or "year-earlier" in adjs or "year-ago" in adjs:
            year -= 1
        elif "next year" in lead or "next year" in y2:
            year += 1
        elif (
            not y2
            and lead not in ("this", "next")
            and num > quarter_of(ref.date)[1]
            and ctx.direction(m.start(), m.end(), "nearest") == "past"
        ):
            year -= 1  # a quarter that has not begun yet, told in the past: last year's
    if m.group(0).lower().endswith("quarters") and not explicit:
        return Result("SET", f"XXXX-Q{num}", "quarter", None, None)
    # TimeBank spans: 'the third quarter', but 'its third quarter' and 'a third-quarter
    # loss' leave the determiner out
    start = None
    hyphen = ctx.text[m.end("ord") : m.end("ord") + 1] == "-"
    if m.group("det") and (lead not in ("the", "this", "last", "next") or hyphen):
        start = m.start("det") + len(m.group("det")) + 1
    res = Result("DATE", f"{year:04d}-Q{num}", "quarter", None, how, start=start)
    if how != "absolute" and ref is not None and (year, num) < quarter_of(ref.date):
        # 'the third quarter' of a report (a quarter already over: the current or a coming
        # one is an outlook): what 'a year ago' and 'the year-earlier period' compare with
        res.report_quarter = (year, num)
    return res


@rule(
    "half_year",
    rf"(?:the\s+)?(?:(?P<ord>first|second|latter|last|final)\s+half|(?P<qord>first|last|final)"
    rf"\s+two\s+quarters)(?:\s+of\s+(?:(?P<y>{YEAR4})|"
    rf"(?P<rel>this year|next year|last year|the year)))",
    priority=4,
)
def half_year(m: re.Match[str], ctx: Context) -> Result | None:
    half = 1 if (m.group("ord") or m.group("qord")).lower() == "first" else 2
    if m.group("y"):
        return Result("DATE", f"{m.group('y')}-H{half}", "unknown", None, "absolute")
    ref = ctx.deictic()
    if ref is None:
        return Result("DATE", f"XXXX-H{half}", "unknown", None, None)
    shift = rel_year_shift(m.group("rel")) or 0
    return Result("DATE", f"{ref.date.year + shift:04d}-H{half}", "unknown", None, ref.how)


@rule(
    "period_quarter",
    r"(?:(?:the|that)\s+)?(?:(?P<which>latest|current|most recent|recent|same|"
    r"year-earlier|year-ago|comparable|corresponding|previous|prior)\s+)?(?:fiscal\s+)?"
    r"(?P<what>quarter|period)(?:\s+(?:a year ago|last year|a year earlier))?",
    priority=2,
)
def period_quarter(m: re.Match[str], ctx: Context) -> Result | None:
    ref = ctx.deictic()
    if ref is None:
        return Result("DATE", "XXXX-QX", "unknown", None, None)
    year, q = quarter_of(ref.date)
    which = (m.group("which") or "").lower()
    ended = _ENDED.match(ctx.text, m.end())
    if ended and m.group("what").lower() == "quarter":
        month = month_number(ended.group(1)) or 12
        cal = (leaning_month_year(ref.date, month, "past"), (month - 1) // 3 + 1)
        res = Result("DATE", f"{cal[0]:04d}-Q{cal[1]}", "quarter", None, ref.how)
        return res
    if not which and (m.group("what").lower() == "period" or m.group(0).lower() == "quarter"):
        return None  # 'the period' alone is too vague; a bare 'quarter' is a fraction
    if which not in ("current", "latest", "most recent") and ctx.last_quarter is not None:
        year, q = ctx.last_quarter  # the quarter the report is about
    elif which != "current":  # reports speak of the last completed quarter
        q -= 1
        if q == 0:
            year, q = year - 1, 4
    if which in ("year-earlier", "year-ago", "comparable", "corresponding") or m.group(
        0
    ).lower().endswith(("ago", "last year", "earlier")):
        year -= 1
    return Result("DATE", f"{year:04d}-Q{q}", "quarter", None, ref.how)


@rule(
    "year_period",
    rf"the\s+(?P<y>{YEAR4})\s+(?:(?:fiscal|calendar)\s+)?(?P<what>quarter|period|year|season)",
    priority=3,
)
def year_period(m: re.Match[str], ctx: Context) -> Result | None:
    """'the 1988 quarter' (the reported quarter of that year), 'the 1988 period'."""
    year = int(m.group("y"))
    if m.group("what").lower() == "quarter":
        last = ctx.last_quarter
        if last is None and ctx.deictic() is not None:
            ref = ctx.deictic()
            assert ref is not None
            y, q = quarter_of(ref.date)
            last = (y, q - 1) if q > 1 else (y - 1, 4)
        if last is not None:
            return Result("DATE", f"{year:04d}-Q{last[1]}", "quarter", None, "absolute")
    return Result("DATE", f"{year:04d}", "year", None, "absolute")
