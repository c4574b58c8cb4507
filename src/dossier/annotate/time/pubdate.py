"""When was an undated article published? A window inferred from its own text.

``infer_publication`` reads the time expressions the tagger found with no article date
(``tag_times(..., dct=None)``) and turns three kinds of evidence into bounds:

- absolute dates and their tense: a past event 'in April 2019' means the article came
  out no earlier than the start of April 2019 (the earliest day the event can have
  begun); a future 'will travel on 19 June 2024' means no later than that day;
- relative expressions that agree with an absolute one: 'the first visit in 24 years'
  with a past 'visited … in 2000' about the same kind of event puts the article within
  a year of 2024; 'last year, in 2021,' (the two side by side) puts it in 2022;
- a day and month without a year next to a weekday ('Wednesday, 19 June'): only the
  years between the other bounds where that day is that weekday remain.

Everything leans towards a wider window: the tense is read only from the words before
the date (the verb it hangs on), a date governed by a deadline, schedule or forecast word
('until 2030', 'postponed to 2031', 'predicting 1990 earnings') is not a past event, a
year naming a thing ('the 2030 target') is no evidence, 'would' is not a future, and
when the bounds cross, the future ones (the weaker reading) are dropped. On the 256
TimeBank and AQUAINT articles (whose dates are known) no window excludes the true date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dossier.annotate.time.tense import regex_tense, sentence_window
from dossier.records import PublicationWindow, TimeExpr

_CONCRETE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_PARTIAL_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_YEARS = re.compile(r"^P(\d+)Y$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)

# A date after one of these words is a deadline, a schedule or a start, not a past event.
_FORWARD_LEAD = re.compile(
    r"\b(?:until|till|by|to|for|before|through|into|from|between|scheduled|slated|set|due|"
    r"postponed|delayed|deadline|target|targets|expected|planned|starting|beginning|"
    r"effective|ending|ends|predicting|predicts|forecasting|forecasts|projecting|projects|"
    r"expecting|expects|estimating|targeting|over|beyond|past)\s+"
    r"(?:(?:a|the)\s+(?:\w+\s+)?(?:part|half|rest|end|most|remainder|balance)\s+of\s+)?"
    r"(?:the\s+)?(?:(?:early|late|mid|end|start|beginning|middle|of|in|on)[\s-]+)*$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$", re.IGNORECASE)
_SINCE_LEAD = re.compile(r"\bsince\s+(?:(?:early|late|mid|the|end|of)[\s-]+)*$", re.IGNORECASE)
# Future cues strong enough for an upper bound ('would' is the future of a past).
_STRONG_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|’ll|going to|(?:is|are) (?:expected|scheduled|due|set|slated) to|"
    r"(?:is|are) to|plans? to|upcoming|(?:is|are) (?:scheduled|due|set|slated) for)\b",
    re.IGNORECASE,
)
# 'the first … in 24 years': the text before the duration.
_IN_LEAD = re.compile(r"\bin\s+$", re.IGNORECASE)
_FIRST = re.compile(r"\bfirst\b", re.IGNORECASE)
_STEM_WORD = re.compile(r"[a-z]{4,}")
_GENERIC = frozenset(
    {"first", "years", "year", "time", "times", "only", "once", "this", "that", "with",
     "from", "since", "there", "their", "have", "been", "were", "will", "when", "which",
     "after", "before", "more", "than", "over", "also", "into", "about", "last", "ever"}
)  # fmt: skip


@dataclass(frozen=True)
class _Bound:
    side: str  # 'earliest' or 'latest'
    day: dt.date
    evidence: str
    strength: int  # 0 = weakest (dropped first when bounds cross)


def _period(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a concrete TIMEX3 value ('2019', '2019-04', '2019-04-03')."""
    m = _CONCRETE.match(value)
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            first = dt.date(year, month, 1)
            nxt = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def _cite(t: TimeExpr, note: str) -> str:
    return f"text[{t.start}:{t.end}]={t.text!r} {note}"


def _lead(text: str, t: TimeExpr) -> str:
    return text[max(0, t.start - 48) : t.start]


def _strong_future(text: str, t: TimeExpr) -> bool:
    left, _ = sentence_window(text, t.start, t.end)
    return bool(_STRONG_FUTURE.search(text, left, t.start))


def _absolute(text: str, t: TimeExpr) -> tuple[str, tuple[dt.date, dt.date]] | None:
    """('past' | 'future', period) when an absolute date tells which side the article is on."""
    if t.type not in ("DATE", "TIME") or t.anchor != "absolute" or t.begin or t.end_value:
        return None
    period = _period(t.value)
    if period is None:
        return None
    lead = _lead(text, t)
    if len(t.value) == 4 and _DETERMINER.search(lead):
        return None  # 'the 2030 target', 'a 2026 deadline': a year naming a thing, not a time
    if _SINCE_LEAD.search(lead):
        return "past", period
    tense = regex_tense(text, t.start, t.end, left_only=True)
    if tense == "past" and not _FORWARD_LEAD.search(lead):
        return "past", period
    if tense == "future" and _strong_future(text, t):
        return "future", period
    return None


def _absolute_bounds(text: str, times: list[TimeExpr]) -> list[_Bound]:
    out: list[_Bound] = []
    for t in times:
        found = _absolute(text, t)
        if found is None:
            continue
        side, (first, last) = found
        if side == "past":
            note = f"(past): published on or after {first.isoformat()}"
            out.append(_Bound("earliest", first, _cite(t, note), 2))
        else:
            note = f"(future): published on or before {last.isoformat()}"
            out.append(_Bound("latest", last, _cite(t, note), 0))
    return out


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _STEM_WORD.findall(text.lower()) if w not in _GENERIC}


def _gap_years(t: TimeExpr) -> tuple[int, int | None] | None:
    """The range of whole years a 'first … in N years' gap allows (upper None = open)."""
    m = _YEARS.match(t.value)
    if not m:
        return None
    n = int(m.group(1))
    if t.mod in (None, "EQUAL"):
        return n - 1, n + 1
    if t.mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        return n - 1, None
    if t.mod in ("LESS_THAN", "EQUAL_OR_LESS", "APPROX"):
        return n - 2, n + 1 if t.mod != "APPROX" else n + 2
    return None


def _gap_bounds(text: str, times: list[TimeExpr], pasts: list[TimeExpr]) -> list[_Bound]:
    """'The first visit in 24 years' + a past 'visited … in 2000' about the same thing."""
    out: list[_Bound] = []
    for t in times:
        if t.type != "DURATION" or not _IN_LEAD.search(_lead(text, t)):
            continue
        gap = _gap_years(t)
        if gap is None:
            continue
        left, right = sentence_window(text, t.start, t.end)
        if (
            not _FIRST.search(text, left, t.start)
            or regex_tense(text, t.start, t.end, left_only=True) == "past"
        ):
            continue
        topic = _stems(text[left:right].replace(t.text, " "))
        for p in pasts:
            pl, pr = sentence_window(text, p.start, p.end)
            if not topic & _stems(text[pl:pr]):
                continue  # not visibly about the same kind of event
            year = int(p.value[:4])
            lo, hi = gap
            why = f"{_cite(t, '(first in a gap)')} after {_cite(p, '(past)')}"
            out.append(
                _Bound(
                    "earliest",
                    dt.date(year + lo, 1, 1),
                    f"{why}: published in or after {year + lo}",
                    1,
                )
            )
            if hi is not None:
                out.append(
                    _Bound(
                        "latest",
                        dt.date(year + hi, 12, 31),
                        f"{why}: published in or before {year + hi}",
                        1,
                    )
                )
    return out


_RELATIVE_YEAR = re.compile(
    r"^(?:(?P<rel>last|this|next|the previous|the following) year|"
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years? ago)$",
    re.IGNORECASE,
)
_REL_SHIFT = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def _year_offset(t: TimeExpr) -> tuple[int, int] | None:
    """How many years before the article a relative expression points, as a range:
    'last year' is exactly one; 'two years ago' two or, across a new year, three."""
    m = _RELATIVE_YEAR.match(t.text.strip())
    if not m or t.mod not in (None, "EQUAL"):
        return None
    if m.group("rel"):
        k = -_REL_SHIFT[m.group("rel").lower()]
        return k, k
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else _SMALL[word]
    return n, n + 1


# What may stand between a relative and an absolute year that name one moment: commas,
# dashes, brackets and 'in' ('last year, in 2021,', '2019 (two years ago)').
_APPOSITION = re.compile(r"[\s,()\[\]\-–—]*(?:(?:back\s+)?in|during)?[\s,()\[\]\-–—]*")


def _relative_year_bounds(text: str, times: list[TimeExpr]) -> list[_Bound]:
    """'last year, in 2021,' / 'in 2021 - two years ago -': a relative and an absolute
    year in apposition name one moment and so give the article's year. Anything more
    between them and they may be two different years ('last year's sales were double
    those of 2019')."""
    years = [
        t for t in times if t.anchor == "absolute" and t.type == "DATE" and _CONCRETE.match(t.value)
    ]
    out: list[_Bound] = []
    for t in times:
        offset = _year_offset(t)
        if offset is None:
            continue
        for p in years:
            a, b = (t, p) if t.end <= p.start else (p, t)
            if b.start < a.end or not _APPOSITION.fullmatch(text[a.end : b.start]):
                continue
            year = int(p.value[:4])
            lo, hi = year + offset[0], year + offset[1]
            why = f"{_cite(t, '(relative)')} beside {_cite(p, '(same event)')}"
            out.append(
                _Bound("earliest", dt.date(lo, 1, 1), f"{why}: published in or after {lo}", 1)
            )
            out.append(
                _Bound("latest", dt.date(hi, 12, 31), f"{why}: published in or before {hi}", 1)
            )
    return out


def _window(bounds: list[_Bound]) -> tuple[dt.date | None, dt.date | None, list[_Bound]]:
    """The tightest window the bounds allow, dropping the weakest ones while they cross."""
    kept = list(bounds)
    while True:
        lows = [b.day for b in kept if b.side == "earliest"]
        highs = [b.day for b in kept if b.side == "latest"]
        lo = max(lows) if lows else None
        hi = min(highs) if highs else None
        if lo is None or hi is None or lo <= hi:
            return lo, hi, kept
        weakest = min(b.strength for b in kept)
        kept = [b for b in kept if b.strength > weakest]


def _weekday_bounds(
    text: str, times: list[TimeExpr], lo: dt.date | None, hi: dt.date | None
) -> list[_Bound]:
    """'Wednesday, 19 June' in a past or future sentence, between two known bounds."""
    if lo is None or hi is None or hi.year - lo.year > 40:
        return []
    out: list[_Bound] = []
    for t in times:
        m = _PARTIAL_DAY.match(t.value)
        wd = _WEEKDAY.search(t.text)
        if not m or not wd:
            continue
        weekday = _WEEKDAYS.index(wd.group(1).lower())
        month, day = int(m.group(1)), int(m.group(2))
        days: list[dt.date] = []
        for year in range(lo.year - 1, hi.year + 2):
            try:
                cand = dt.date(year, month, day)
            except ValueError:
                continue
            if cand.weekday() == weekday:
                days.append(cand)
        tense = regex_tense(text, t.start, t.end, left_only=True)
        lead = _lead(text, t)
        if tense == "past" and not _FORWARD_LEAD.search(lead):
            fits = [d for d in days if d <= hi]
            if fits:
                note = f"(past, a {wd.group(1)}): published on or after {fits[0].isoformat()}"
                out.append(_Bound("earliest", fits[0], _cite(t, note), 1))
        elif tense == "future" and _strong_future(text, t):
            fits = [d for d in days if d >= lo]
            if fits:
                note = f"(future, a {wd.group(1)}): published on or before {fits[-1].isoformat()}"
                out.append(_Bound("latest", fits[-1], _cite(t, note), 0))
    return out


def infer_publication(text: str, times: list[TimeExpr]) -> PublicationWindow | None:
    """A window for the publication date of ``text``, or None when the text gives no clue.

    ``times`` are ``tag_times(article_id, text, None)`` for the same text. Either end of
    the window may be open (None); every evidence line names the span it rests on.
    """
    times = sorted(times, key=lambda t: t.start)
    bounds = _absolute_bounds(text, times)
    pasts = [t for t in times if (found := _absolute(text, t)) is not None and found[0] == "past"]
    bounds += _gap_bounds(text, times, pasts)
    bounds += _relative_year_bounds(text, times)
    lo, hi, kept = _window(bounds)
    extra = _weekday_bounds(text, times, lo, hi)
    if extra:
        lo, hi, kept = _window(kept + extra)
    if lo is None and hi is None:
        return None
    binding = sorted(
        (b for b in kept if b.day == (lo if b.side == "earliest" else hi)),
        key=lambda b: b.side,
    )
    others = [b for b in kept if b not in binding]
    evidence = [b.evidence for b in binding] + [b.evidence for b in others]
    return PublicationWindow(
        earliest=lo.isoformat() if lo else None,
        latest=hi.isoformat() if hi else None,
        evidence=evidence,
    )
