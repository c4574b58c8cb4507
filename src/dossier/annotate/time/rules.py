"""The rule framework: a rule is a regular expression plus a function that normalises a match.

Why hand-written rules rather than ``dateparser.search.search_dates``: on news prose
dateparser anchors a bare 'Wednesday' on the week before the article date even when
the article is dated that Wednesday, misses 'last September' and 'last fall', and
proposes 'we', 'Sun' and the modal 'may' as dates. HeidelTime-style rules over a word
lexicon are fast (no parse needed), and every decision can be read and tested.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dossier.annotate.time.dates import Direction, Ref
from dossier.annotate.time.patterns import word_boundary
from dossier.annotate.time.tense import tense_at


@dataclass
class Result:
    """What a rule makes of a match (span overrides are absolute character offsets)."""

    type: str
    value: str
    precision: str
    mod: str | None = None
    anchor: str | None = None
    begin: str | None = None
    end_value: str | None = None
    start: int | None = None
    end: int | None = None
    # the calendar (year, quarter) a quarterly report is about, when this names it
    report_quarter: tuple[int, int] | None = None


@dataclass
class Context:
    """What a rule can see: the text, the article date, the latest date the text gave."""

    text: str
    dct: Ref | None
    doc: Any = None
    text_ref: Ref | None = None  # the latest date the story itself gave
    day_ref: Ref | None = None  # the latest full (day) date the story gave
    # the latest day the story gave without a year ('XXXX-09-12', from '12 September' in an
    # undated article), when it came after ``text_ref``: 'that same day' is that day too
    partial_day: str | None = None
    last_end: int = -1  # end of the expression normalised just before this one
    last_quarter: tuple[int, int] | None = None  # latest (year, quarter) the text named
    _tense_cache: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def direction(self, start: int, end: int, default: Direction = "past") -> Direction:
        """Which way a bare name points, from the tense around ``[start, end)``."""
        key = (start, end)
        if key not in self._tense_cache:
            self._tense_cache[key] = tense_at(self.text, start, end, self.doc)
        tense = self._tense_cache[key]
        if self.text[end : end + 2] in ("'s", "’s"):
            return "past"  # 'Wednesday's ruling': news names past events by their day
        lead = _LEAD_WORD.search(self.text, max(0, start - 40), start)
        if lead:
            word = (lead.group(1) or lead.group(2)).lower()
            if word == "since":
                return "past"
            if word in ("through", "effective") or (
                word in ("by", "until", "till") and tense != "past"
            ):
                return "future"  # a deadline or a start date: ahead of the article, unless
                # told in the past ('had filed by Wednesday', 'until Thursday they had not')
        if tense == "past":
            return "past"
        if tense == "future":
            return "future"
        if tense == "present":
            return "nearest"
        return default

    def deictic(self) -> Ref | None:
        """Reference for 'yesterday', 'last year': the article date, else the latest full
        date of the text (a dateline or a cited date; a bare year is too far away)."""
        return self.dct or self.day_ref

    def narrative(self) -> Ref | None:
        """Reference for 'the next day', 'that day': the text's latest date, else the article's."""
        return self.text_ref or self.dct


_LEAD_WORD = re.compile(
    r"\b(?:(since)\s+(?:[\w.]+\s+){0,3}|(by|until|till|through|effective)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)

Handler = Callable[[re.Match[str], Context], Result | None]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    priority: int  # breaks ties between equally long overlapping matches (higher wins)


RULES: list[Rule] = []


def rule(
    name: str, pattern: str, priority: int = 0, flags: int = re.IGNORECASE
) -> Callable[[Handler], Handler]:
    """Register ``handler`` for matches of ``pattern`` (wrapped in word boundaries)."""

    def register(handler: Handler) -> Handler:
        RULES.append(Rule(name, re.compile(word_boundary(pattern), flags), handler, priority))
        return handler

    return register


def unknown(kind: str = "day") -> tuple[str, str]:
    """The X-filled value for an expression that cannot be anchored."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "month": "XXXX-XX",
        "year": "XXXX",
        "quarter": "XXXX-QX",
        "season": "XXXX-XX",
        "weekend": "XXXX-WXX-WE",
        "decade": "XXX",
        "century": "XX",
    }.get(kind, "XXXX-XX-XX"), "unknown"
