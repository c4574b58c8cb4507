"""Quote-mark pairing: “ ” ‘ ’ « » „ and straight quotes, over paragraphs and relay blocks.

Straight quotes carry no direction, so each one is read from its neighbours: after
whitespace or an opening bracket it opens, before whitespace or punctuation it closes,
otherwise it closes whatever double quote is open (a stack, so nesting works). A quote
left open at the end of a paragraph goes on if the next paragraph opens again (the
newspaper convention); otherwise it ends with the paragraph, unless it is a relay block
(opened at the start of a paragraph after an intro ending in ',' or ':' and followed by
an '(OUTLET : DATE)' trailer), which runs to its trailer. Hand-written because no
library pairs directionless quotes with these newspaper and blog conventions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from dateutil import parser as dateparser

OPEN_DOUBLE = "“„‟«"
CLOSE_DOUBLE = "”»"
OPEN_CONTEXT = " \t\n([{—–-/:"  # chars after which a straight quote opens
CLOSE_CONTEXT = " \t\n.,;:!?)]}—–-…"  # chars before which a straight quote closes
# The characters pair_marks acts on, in a paragraph: every other one it steps over.
_ACTED_ON = re.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE) + "\"‘’]|''")

_DATE = r"\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
TRAILER_RE = re.compile(
    r"\((?P<ibid>ibid\.?\s+)?(?P<name>[A-Z][^:\n]{1,80}?)\s*:\s*(?P<date>" + _DATE + r")\s*\)"
    r"|\(ibid\.?\s+(?P<name2>[A-Z][^():\n]{1,60})\)"
)


@dataclass
class Trailer:
    """An '(OUTLET : DATE)' or '(ibid NAME)' reference after a relayed passage."""

    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    date: str | None


@dataclass
class MarkSpan:
    """A stretch of text inside quote marks; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_pos: int
    close_end: int  # end of the closing mark, or ``end`` when the quote was never closed
    family: str  # 'double' | 'single'
    block: bool = False
    parent: int | None = None
    trailer: Trailer | None = None


def _iso_date(raw: str) -> str | None:
    try:
        return dateparser.parse(raw, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError):
        return None


def find_trailers(text: str) -> list[Trailer]:
    out: list[Trailer] = []
    for m in TRAILER_RE.finditer(text):
        group = "name" if m.group("name") else "name2"
        name_start, name_end = m.span(group)
        raw = text[name_start:name_end]
        name_end = name_start + len(raw.rstrip())
        date = _iso_date(m.group("date")) if m.group("date") else None
        out.append(
            Trailer(m.start(), m.end(), text[name_start:name_end], name_start, name_end, date)
        )
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _first_char(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i] in " \t\u00a0":
        i += 1
    return i


def _role(text: str, i: int, width: int, open_double: bool) -> str:
    """'open' or 'close' for a directionless mark at ``i`` (``width`` chars long)."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + width] if i + width < len(text) else "\n"
    opens = prev in OPEN_CONTEXT or prev in OPEN_DOUBLE or prev == "\u00a0"
    closes = nxt in CLOSE_CONTEXT or nxt in CLOSE_DOUBLE or nxt in "'\"\u00a0"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if open_double else "open"


@dataclass
class _Open:
    pos: int
    width: int
    family: str
    block: bool
    index: int  # index in the output list once closed (-1 while open)


def _is_intro(text: str, paras: list[tuple[int, int]], k: int) -> bool:
    """Whether paragraph ``k - 1`` reads as an intro to a relayed block (ends with , or :)."""
    if k == 0:
        return False
    s, e = paras[k - 1]
    return text[s:e].rstrip().endswith((",", ":"))


def pair_marks(text: str, trailers: list[Trailer]) -> list[MarkSpan]:
    """Every quoted stretch of ``text``, nested ones with ``parent`` set."""
    paras = _paragraphs(text)
    spans: list[MarkSpan] = []
    stack: list[_Open] = []
    trailer_at = {t.start: t for t in trailers}
    trailer_starts = sorted(trailer_at)

    def close(op: _Open, end: int, close_end: int, trailer: Trailer | None = None) -> None:
        start = op.pos + op.width
        # strip whitespace inside the marks
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1  # '"…," she said': the comma belongs to the reporting sentence
        if end > start:
            spans.append(
                MarkSpan(start, end, op.pos, close_end, op.family, op.block, None, trailer)
            )

    def push(op: _Open) -> None:
        stack.append(op)

    def pop_to(family: str) -> _Open | None:
        for j in range(len(stack) - 1, -1, -1):
            if stack[j].family == family:
                found = stack[j]
                del stack[j:]
                return found
        return None

    def has_trailer_before_next_intro(k: int, pos: int) -> bool:
        j = next((t for t in trailer_starts if t > pos), None)
        if j is None:
            return False
        for kk in range(k + 1, len(paras)):
            ps, pe = paras[kk]
            if ps > j:
                return True
            fc = _first_char(text, ps, pe)
            if fc < pe and text[fc] in OPEN_DOUBLE + '"' and _is_intro(text, paras, kk):
                return False
        return True

    for k, (ps, pe) in enumerate(paras):
        skip = -1
        fc = _first_char(text, ps, pe)
        if stack:
            carried = [op for op in stack if not op.block]
            if carried:
                starts_open = fc < pe and (
                    text[fc] in OPEN_DOUBLE
                    or (text[fc] == '"' and _role(text, fc, 1, False) == "open")
                )
                if starts_open and stack[-1].family == "double" and not stack[-1].block:
                    skip = fc  # continuation of a quote that runs over paragraphs
                else:
                    prev_end = paras[k - 1][1]
                    while stack and not stack[-1].block:
                        op = stack.pop()
                        close(op, prev_end, prev_end)
        i = ps
        while i < pe:
            if i != skip and i not in trailer_at:
                # jump to the next character the loop acts on: the others only step on
                hit = _ACTED_ON.search(text, i, pe)
                jump = hit.start() if hit else pe
                t = bisect_left(trailer_starts, i)
                if t < len(trailer_starts) and trailer_starts[t] < jump:
                    jump = trailer_starts[t]
                if i < skip < jump:
                    jump = skip
                if jump > i:
                    i = jump
                    continue
            c = text[i]
            if i in trailer_at:
                tr = trailer_at[i]
                first = True
                while stack:
                    op = stack.pop()
                    close(op, i, i, tr if first else None)
                    first = False
                i = tr.end
                continue
            if i == skip:
                i += 1
                continue
            if c == '"' and i > 0 and text[i - 1] == "=":
                # markup left in the text: attr="value" is not a quotation
                value_end = text.find('"', i + 1, pe)
                i = value_end + 1 if value_end > 0 else i + 1
                continue
            width = 2 if text.startswith("''", i) else 1
            fam = ""
            role = ""
            if c in OPEN_DOUBLE:
                fam, role = "double", "open"
            elif c in CLOSE_DOUBLE:
                fam, role = "double", "close"
                prev = text[i - 1] if i > ps else "\n"
                if not any(op.family == "double" for op in stack) and (
                    i == fc or prev in OPEN_CONTEXT
                ):
                    role = "open"  # '”Fear. …”': a closing mark typed as the opener
            elif c == '"' or width == 2:
                fam = "double"
                role = _role(text, i, width, any(op.family == "double" for op in stack))
            elif c == "‘" and i + 1 < pe and not text[i + 1].isspace():
                prev = text[i - 1] if i > ps else " "
                if not prev.isalnum():
                    fam, role = "single", "open"
            elif c == "’" and stack and stack[-1].family == "single":
                nxt = text[i + 1] if i + 1 < len(text) else " "
                if not nxt.isalpha():
                    fam, role = "single", "close"
            if not fam:
                i += 1
                continue
            if role == "open":
                block = (
                    i == fc
                    and fam == "double"
                    and not stack
                    and _is_intro(text, paras, k)
                    and has_trailer_before_next_intro(k, i)
                )
                push(_Open(i, width, fam, block, -1))
            else:
                found = pop_to(fam)
                if found is not None:
                    close(found, i, i + width)
            i += width
        # the trailer may also sit on its own paragraph: handled when reached
    end = len(text)
    while stack:
        op = stack.pop()
        close(op, end, end)
    _attach_trailers(text, spans, trailers)
    return _fix_parents(spans)


def _attach_trailers(text: str, spans: list[MarkSpan], trailers: list[Trailer]) -> None:
    """Give a quote closed by its own mark the trailer that follows it directly."""
    by_start = {t.start: t for t in trailers}
    for s in spans:
        if s.trailer is not None:
            continue
        j = s.close_end
        while j < len(text) and text[j] in " \t\n\u00a0.,;":
            j += 1
        if j in by_start and text.count("\n", s.close_end, j) <= 1:
            s.trailer = by_start[j]


def _fix_parents(spans: list[MarkSpan]) -> list[MarkSpan]:
    """Sort by position and set ``parent`` to the innermost enclosing span."""
    spans.sort(key=lambda s: (s.open_pos, -s.close_end))
    out: list[MarkSpan] = []
    for s in spans:
        s.parent = None
        for j in range(len(out) - 1, -1, -1):
            o = out[j]
            if o.open_pos < s.open_pos and s.close_end <= max(o.close_end, o.end):
                s.parent = j
                break
        out.append(s)
    return out
