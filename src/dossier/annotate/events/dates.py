"""When an event happened: the time expression inside the clause that governs the trigger.

The date keeps the precision the text gives: a month-only expression stays a month. When
no time expression governs the event, the date is left empty (the timeline falls back on
the article's date). ``fallback_times`` reads day/month expressions from spaCy's DATE
entities; it is used only when the time tagger produced nothing for the article.
"""

from __future__ import annotations

import re
from typing import Any

from dossier.annotate.columns import char_span, columns
from dossier.ids import span_id
from dossier.records import Precision, TimeExpr

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
# Hand-written (a few patterns) rather than dateparser: dateparser fills missing days and
# years from today's date, which would invent precision the text does not give.
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b", re.I
)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+(?:of\s+)?(\d{{4}}))?\b", re.I)

EXTRACTOR = "events.date-fallback"
VERSION = "0.1"


def _normalise(text: str) -> tuple[str, Precision] | None:
    m = _DAY_MONTH.search(text)
    if m:
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], m.group(3)
        if 1 <= day <= 31:
            return f"{year or 'XXXX'}-{month:02d}-{day:02d}", "day"
    m = _MONTH_DAY.search(text)
    if m:
        month, day, year = MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)
        if 1 <= day <= 31:
            return f"{year or 'XXXX'}-{month:02d}-{day:02d}", "day"
    m = _MONTH_YEAR.search(text)
    if m:
        month, year = MONTHS[m.group(1).lower()], m.group(2)
        return f"{year or 'XXXX'}-{month:02d}", "month"
    m = re.fullmatch(r"(?:in\s+)?(\d{4})", text.strip(), re.I)
    if m:
        return m.group(1), "year"
    return None


def fallback_times(article_id: str, doc: Any) -> list[TimeExpr]:
    """Calendar dates among spaCy's DATE entities, at the precision they are written."""
    out: list[TimeExpr] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        norm = _normalise(ent.text)
        if norm is None:
            continue
        value, precision = norm
        out.append(
            TimeExpr(
                id=span_id("t", article_id, ent.start_char, ent.end_char, EXTRACTOR),
                article_id=article_id,
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                type="DATE",
                value=value,
                precision=precision,
                extractor=EXTRACTOR,
                version=VERSION,
                anchor="text",
            )
        )
    return out


def clause_token_ids(head: Any) -> set[int]:
    """Token indices of the clause headed by ``head`` (its subtree without nested clauses)."""
    out: set[int] = set()
    cols = columns(head.doc)  # walked on the columns, without a Token per word
    dep, pos, kids = cols.dep, cols.pos, cols.children
    stack = [head.i]
    while stack:
        t = stack.pop()
        out.add(t)
        for c in kids[t]:
            if dep[c] in ("ccomp", "advcl", "relcl", "parataxis", "acl") or (
                dep[c] == "conj" and pos[c] in ("VERB", "AUX")
            ):
                continue
            stack.append(c)
    return out


ANCHOR_PREPS = frozenset({"since", "until", "till", "before", "after", "by", "from", "ahead"})


def _anchor_only(tok: Any) -> bool:
    """A time that bounds rather than dates the event ('since 2000', 'before March')."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "pobj":
            return cur.head.lower_ in ANCHOR_PREPS
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def governing_time(
    carriers: list[Any], times_by_token: dict[int, TimeExpr], bounds: tuple[int, int] | None = None
) -> TimeExpr | None:
    """The time expression in the clause of the first carrier that has one (within the
    character ``bounds`` of the paragraph, when given)."""
    for carrier in carriers:
        if carrier is None:
            continue
        ids = clause_token_ids(carrier)
        hits = [
            times_by_token[i]
            for i in ids
            if i in times_by_token and not _anchor_only(carrier.doc[i])
        ]
        hits = [t for t in hits if t.type in ("DATE", "TIME") and t.precision != "unknown"]
        if bounds is not None:
            hits = [t for t in hits if bounds[0] <= t.start and t.end <= bounds[1]]
        if hits:
            return min(hits, key=lambda t: abs(t.start - carrier.idx))
        when = _relative_clause_time(carrier, times_by_token)
        if when is not None and (bounds is None or bounds[0] <= when.start < bounds[1]):
            return when
    return None


def _relative_clause_time(carrier: Any, times_by_token: dict[int, TimeExpr]) -> TimeExpr | None:
    """'last September, when the two men met': a clause that modifies a time expression
    happened at that time (looked for a few steps up from the carrier)."""
    tok = carrier
    for _ in range(4):
        if tok.dep_ in ("relcl", "advcl", "acl") and tok.head.i in times_by_token:
            t = times_by_token[tok.head.i]
            return t if t.type in ("DATE", "TIME") and t.precision != "unknown" else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def index_times(doc: Any, times: list[TimeExpr]) -> dict[int, TimeExpr]:
    """The time expression each token belongs to (by character span)."""
    out: dict[int, TimeExpr] = {}
    for t in times:
        span = char_span(doc, t.start, t.end)
        if span is None:
            continue
        for tok in span:
            out.setdefault(tok.i, t)
    return out
