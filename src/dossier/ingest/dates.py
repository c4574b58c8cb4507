"""Publication dates: from container metadata, else from a dateline near the top.

The dateline finder is a hand-written regex on purpose: ``dateparser.search`` finds dates
anywhere in a text (including quoted event dates in the body, which must never become the
publication date), does not report reliable character offsets, and is slow. Here only a
few dateline shapes are accepted, only on lines near the top or on "Published/Updated"
lines, and the exact matched characters are kept as evidence. ``dateutil`` is used for
metadata values, which come in many machine formats (ISO 8601, RFC 2822...).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateutil_parser

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _n

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_ABBR = {name[:3]: i for i, name in enumerate(WEEKDAYS)} | {
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}

_MONTH_RE = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october"
    r"|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_WEEKDAY_RE = (
    r"(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s+)?"
)
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:19|20)\d\d)"

# Dateline shapes: "Wednesday, 13 September 2023", "September 13, 2023", "13.09.2023",
# "2023-09-13" (optionally followed by a time).
_SHAPES = [
    re.compile(
        _WEEKDAY_RE + _DAY_RE + r"\s+(?:of\s+)?" + _MONTH_RE + r",?\s+" + _YEAR_RE + r"\b", re.I
    ),
    re.compile(_WEEKDAY_RE + _MONTH_RE + r"\s+" + _DAY_RE + r",?\s+" + _YEAR_RE + r"\b", re.I),
    re.compile(
        _WEEKDAY_RE + r"(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(
        _WEEKDAY_RE + r"(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?=T|\b)", re.I
    ),
]
# A line that is nothing but a dateline: optional label, the date, optional time/zone.
_LABEL = re.compile(
    r"^\s*(?:(?:first\s+)?published|updated|last\s+updated|posted|last\s+modified|date)\b"
    r"(?:\s+(?:on|at))?\s*:?\s*",
    re.I,
)
_TIME_TAIL = re.compile(
    r"^(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # ISO time part
    r"[\s,|•·\-–—]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
    r"(?:[\s|•·]*\d{1,3}\s*min(?:ute)?s?\s+read)?"  # "• 4 min read"
    r"[\s.]*$",
    re.I,
)
_BYLINE = re.compile(r"^\s*by\s+\S", re.I)

# between a "Published/Updated" label and its date there may only be a time
_LABEL_GAP = re.compile(
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:\(?[A-Z]{2,5}\)?)?\s*(?:,|on)?\s*)?", re.I
)
BYLINE_MAX_WORDS = 16  # a longer line starting "By ..." is a sentence, not a byline
TOP_LINES = 5  # datelines are accepted in the first few non-empty lines...
LABEL_LINES = 15  # ...and "Published ..." lines a little further down


@dataclass(frozen=True)
class DateFound:
    value: str  # ISO date
    start: int
    end: int
    text: str
    note: str | None = None  # e.g. a weekday that disagrees with the date

    def evidence(self) -> str:
        base = f"text[{self.start}:{self.end}]={self.text!r}"
        return f"{base}; {self.note}" if self.note else base


def _build(m: re.Match[str]) -> tuple[dt.date, str | None] | None:
    g = m.groupdict()
    month = MONTHS[g["month"].lower()] if g.get("month") else int(g["mnum"])
    try:
        date = dt.date(int(g["year"]), month, int(g["day"]))
    except ValueError:
        return None
    note = None
    if g.get("weekday"):
        word = g["weekday"].lower()
        wanted = WEEKDAYS.index(word) if word in WEEKDAYS else _WEEKDAY_ABBR[word]
        if wanted != date.weekday():
            note = (
                f"weekday {g['weekday']!r} disagrees with the date "
                f"(it was a {WEEKDAYS[date.weekday()].capitalize()}); the date was kept"
            )
    return date, note


def _match_line(line: str, offset: int, labelled_only: bool) -> DateFound | None:
    """A date on a dateline-like line; offsets are into the whole text.

    Three kinds of line: a bare dateline (the date, then at most a time); a labelled line
    ("Published on ...", "Updated at 1:30 pm on ...": only a time may come between the
    label and the date); a short byline ("By Jane Roe, 13 September 2023"). A date further into a
    line is body text, never a publication date.
    """
    label = _LABEL.match(line)
    if label is None and labelled_only:
        return None
    byline = label is None and _BYLINE.match(line) and len(line.split()) <= BYLINE_MAX_WORDS
    start = label.end() if label is not None else len(line) - len(line.lstrip())
    for shape in _SHAPES:
        m = shape.search(line, start)
        if m is None:
            continue
        if label is not None and not _LABEL_GAP.fullmatch(line[start : m.start()]):
            continue
        if label is None and not byline and m.start() != start:
            continue
        # a bare dateline may only go on with a time (and zone)
        if label is None and not byline and not _TIME_TAIL.match(line[m.end() :]):
            continue
        built = _build(m)
        if built is None:
            continue
        date, note = built
        return DateFound(date.isoformat(), offset + m.start(), offset + m.end(), m.group(0), note)
    return None


def find_dateline(text: str) -> DateFound | None:
    """The publication date given by a dateline near the top of ``text``, if any."""
    seen = 0
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if not line.strip():
            continue
        seen += 1
        if seen > LABEL_LINES:
            break
        found = _match_line(line, m.start(), labelled_only=seen > TOP_LINES)
        if found is not None:
            return found
    return None


_ISO_COARSE = re.compile(r"^\s*(?P<year>(?:1[89]|20)\d\d)(?:-(?P<month>[01]\d))?\s*$")
_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))


def normalise_meta_date(value: str | None) -> str | None:
    """ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY`` if that is all it gives), else None."""
    if value is None or not value.strip():
        return None
    coarse = _ISO_COARSE.match(value)
    if coarse:
        if coarse.group("month"):
            if not 1 <= int(coarse.group("month")) <= 12:
                return None
            return f"{coarse.group('year')}-{coarse.group('month')}"
        return coarse.group("year")
    # Parse twice with different defaults: a component that changes with the default was
    # not in the value, so the result is only as precise as the value itself.
    try:
        a, b = (dateutil_parser.parse(value, default=d, fuzzy=False) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if a.year != b.year:
        return None
    if a.month != b.month:
        return f"{a.year:04d}"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}"
    return a.date().isoformat()
