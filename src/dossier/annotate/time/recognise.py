"""Find time expressions: run every rule, keep the longest non-overlapping matches,
then normalise them in text order so 'the next day' can lean on the date before it."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Importing the rule modules registers their rules in RULES.
from dossier.annotate.time import (  # noqa: F401
    rules_abs,
    rules_dur,
    rules_joined,
    rules_rel,
    rules_time,
)
from dossier.annotate.time.dates import Ref, parse_ref
from dossier.annotate.time.rules import Context, Result, Rule
from dossier.annotate.time.scan import candidates

_TRIM = " \t\n,;:"
_MULTI_QUARTER = re.compile(r"^P(?:6|9|12)M$")
_CONCRETE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")


@dataclass
class Found:
    """A normalised expression: its span and the rule's result."""

    start: int
    end: int
    rule: str
    result: Result


def _span(match: re.Match[str], result: Result, text: str) -> tuple[int, int]:
    start = result.start if result.start is not None else match.start()
    end = result.end if result.end is not None else match.end()
    if "core" in match.re.groupindex and match.group("core"):
        start, end = match.start("core"), match.end("core")
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    while start < end and text[start] in _TRIM:
        start += 1
    return start, end


# Time words that are lower case in prose: written with a capital in mid-sentence they
# belong to a name or a title ('ABC's "This Week"', 'High Noon', '60 Minutes').
_COMMON = frozenset(
    {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
     "weeks", "weekend", "month", "months", "year", "years", "decade", "decades", "century",
     "noon", "midnight", "morning", "afternoon", "evening", "night", "today", "tonight",
     "tomorrow", "yesterday", "now", "time", "future", "past", "present", "spring",
     "summer", "fall", "autumn", "winter", "this", "next", "last"}
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")
_OPENERS = ".!?\n\"'“‘`(:;-–—"


def _in_title(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` reads as part of a name: a capitalised common time word
    inside the span, or at its head in mid-sentence after a word or number."""
    for w in _WORD.finditer(text, start, end):
        word = w.group(0)
        if not word[0].isupper() or word.lower() not in _COMMON or word.isupper():
            continue
        if w.start() > start:
            return True
        before = text[max(0, start - 30) : start].rstrip(" ")
        if before and before[-1] not in _OPENERS and not before.endswith((",", "--")):
            return True
    return False


def _candidates(ctx: Context) -> list[tuple[int, int, int, Rule, re.Match[str]]]:
    # Each rule's finditer matches, found without a whole-text scan per rule (scan.py).
    return candidates(ctx.text)


_YEARLESS_DAY = re.compile(r"XXXX-\d\d-\d\d")


def _text_ref(result: Result) -> Ref | None:
    """A Ref for the text's latest concrete date ('2023-09-12', '2023-09', '2023')."""
    if result.type not in ("DATE", "TIME"):
        return None
    m = _CONCRETE.match(result.value)
    if not m:
        return None
    return parse_ref(result.value[:10], "text")


def recognise(text: str, dct: Ref | None, doc: object = None) -> list[Found]:
    """Every time expression in ``text``, normalised against ``dct`` (and the text itself)."""
    probe = Context(text, dct, doc)
    cands = _candidates(probe)
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, Rule, re.Match[str]]] = []
    for start, end, _prio, rule, match in cands:
        if any(start < e and s < end for s, e in taken):
            continue
        result = rule.handler(match, probe)
        if result is None:
            continue
        s, e = _span(match, result, text)
        if e <= s or any(s < te and ts < e for ts, te in taken):
            continue
        if rule.name != "holiday" and _in_title(text, s, e):
            continue
        taken.append((start, end))
        chosen.append((s, e, rule, match))
    chosen.sort(key=lambda c: c[0])
    ctx = Context(text, dct, doc)
    ctx._tense_cache = probe._tense_cache
    found: list[Found] = []
    for s, e, rule, match in chosen:
        result = rule.handler(match, ctx)
        if result is None:
            continue
        found.append(Found(s, e, rule.name, result))
        ctx.last_end = e
        if result.report_quarter is not None:
            ctx.last_quarter = result.report_quarter
        elif _MULTI_QUARTER.match(result.value) and text[s:e].lower().startswith("the"):
            # 'for the nine months': what follows compares whole periods, not the quarter
            ctx.last_quarter = None
        # Only dates read off the calendar, off the article date or off the story's own
        # thread move the story's reference point: a 'last year' computed from a text
        # date would otherwise shift every later expression by a year.
        ref = _text_ref(result)
        if ref is not None and (result.anchor in ("absolute", "dct") or rule.name == "narrative"):
            ctx.text_ref = ref
            ctx.partial_day = None
            if ref.grain == "day":
                ctx.day_ref = ref
        elif ref is None and _YEARLESS_DAY.fullmatch(result.value):
            ctx.partial_day = result.value
    return found
