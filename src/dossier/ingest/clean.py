"""Plain-text cleaning: drop page leftovers, normalise whitespace conservatively.

Leftover patterns live in ``dossier/data/leftovers.txt`` (see the comments there). Every
pattern is matched against one whole line, so a removal can never cut into an article
sentence; a wrongly removed sentence is worse than a kept leftover. Boilerplate removers
such as trafilatura/jusText work on HTML structure; for text that has already lost its
markup (copied pages, .txt files) a small line classifier is the honest tool.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.annotate.nlp import plain_spaces  # the parser's own odd-space set
from dossier.resources import read_table

LEFTOVERS_FILE = "leftovers.txt"
EDGE_LINES = 5  # how many non-empty lines at each end count as the page "edge"
TAIL_TITLE_MAX_WORDS = 12  # related-article link titles after a subscribe block
TAIL_TITLE_MAX_LINES = 8
BLOCK_BODY_MAX_CHARS = 500
PROSE_MIN_WORDS = 10  # a line this long that ends like a sentence is article prose

_LINE = re.compile(r"[^\r\n\u2028\u2029\x85\x0b\x0c]*(?:\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]|$)")
_STRIP = " \t\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2009\u200a\u200b\u2060\ufeff\u3000"
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_LEAD_NBSP = re.compile(r"^[\u00a0\u202f\u2007\u2000-\u200a\u3000]+")  # not indentation
_INNER_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]…]\s*$")
_TITLE_END = re.compile(r"[.!?:;\"”’)…]\s*$")  # a link title may end in "]" (a button)


@dataclass(frozen=True)
class Patterns:
    line: tuple[re.Pattern[str], ...]
    edge: tuple[re.Pattern[str], ...]
    block_head: tuple[re.Pattern[str], ...]
    block_body: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The compiled leftover patterns from the data file (loaded once)."""
    kinds: dict[str, list[re.Pattern[str]]] = {
        "line": [],
        "edge": [],
        "block-head": [],
        "block-body": [],
    }
    for row in read_table(LEFTOVERS_FILE):
        if len(row) < 2 or row[0] not in kinds:
            raise ValueError(f"{LEFTOVERS_FILE}: bad row {row!r} (want KIND<TAB>REGEX)")
        kinds[row[0]].append(re.compile(row[1], re.IGNORECASE))
    return Patterns(
        tuple(kinds["line"]),
        tuple(kinds["edge"]),
        tuple(kinds["block-head"]),
        tuple(kinds["block-body"]),
    )


@dataclass
class Cleaned:
    text: str
    removed: list[tuple[int, int]] = field(default_factory=list)  # spans of the raw text


@dataclass
class _Line:
    start: int  # raw offsets of the stripped content
    end: int
    content: str  # the raw line without its terminator


def _lines(raw: str) -> list[_Line]:
    out: list[_Line] = []
    for m in _LINE.finditer(raw):
        if m.start() == len(raw) and m.end() == m.start():
            break
        content = m.group(0).rstrip("\r\n\u2028\u2029\x85\x0b\x0c")
        stripped = content.strip(_STRIP)
        lead = len(content) - len(content.lstrip(_STRIP))
        out.append(_Line(m.start() + lead, m.start() + lead + len(stripped), content))
    return out


def _full(pats: tuple[re.Pattern[str], ...], s: str) -> bool:
    return any(p.fullmatch(s) for p in pats)


def _is_prose(s: str) -> bool:
    return len(s.split()) >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(s))


def _is_link_title(s: str) -> bool:
    return len(s.split()) <= TAIL_TITLE_MAX_WORDS and not _TITLE_END.search(s)


def find_leftovers(raw: str) -> list[int]:
    """Indices (into the raw lines) of lines that are page leftovers."""
    pats = patterns()
    lines = _lines(raw)
    nonempty = [i for i, ln in enumerate(lines) if ln.content.strip(_STRIP)]
    text = {i: lines[i].content.strip(_STRIP) for i in nonempty}
    drop = {i for i in nonempty if _full(pats.line, text[i])}
    blocks: list[int] = []  # positions (in nonempty) of subscribe-block bodies
    for pos, i in enumerate(nonempty[:-1]):
        if not _full(pats.block_head, text[i]):
            continue
        body = nonempty[pos + 1]
        s = text[body]
        if len(s) <= BLOCK_BODY_MAX_CHARS and any(p.search(s) for p in pats.block_body):
            drop.update((i, body))
            blocks.append(pos + 1)
    # The page "edge": the first/last few lines, and anything before the first or after
    # the last line that reads like article prose (leftovers found so far not counted).
    n = len(nonempty)
    prose = [pos for pos, i in enumerate(nonempty) if i not in drop and _is_prose(text[i])]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (n, -1)
    for pos, i in enumerate(nonempty):
        edge = pos < EDGE_LINES or pos >= n - EDGE_LINES or not first_prose <= pos <= last_prose
        if edge and _full(pats.edge, text[i]):
            drop.add(i)
    # Link titles of related articles after a subscribe block, but only when they run to
    # the end of the page and all look like bare titles (short, no sentence ending).
    for pos in blocks:
        rest = [j for j in nonempty[pos + 1 :] if j not in drop]
        if len(rest) <= TAIL_TITLE_MAX_LINES and all(_is_link_title(text[j]) for j in rest):
            drop.update(rest)
    return sorted(drop)


def _normalise_line(line: str) -> str:
    line = _INVISIBLE.sub("", plain_spaces(_LEAD_NBSP.sub("", line))).rstrip()
    return _INNER_RUN.sub(" ", line)


def clean_text(raw: str) -> Cleaned:
    """Drop leftover lines; unify line ends; strip trailing and non-breaking spaces;
    collapse runs of blank lines to one. ``removed`` holds the raw spans dropped."""
    lines = _lines(raw)
    drop = set(find_leftovers(raw))
    kept: list[str] = []
    for i, ln in enumerate(lines):
        if i in drop:
            continue
        line = _normalise_line(ln.content)
        if not line.strip():
            line = ""
        if line == "" and (not kept or kept[-1] == ""):
            continue  # no leading blank lines, never two blank lines in a row
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    removed: list[tuple[int, int]] = []
    for i in sorted(drop):
        start, end = lines[i].start, lines[i].end
        if removed and not raw[removed[-1][1] : start].strip(_STRIP + "\r\n"):
            removed[-1] = (removed[-1][0], end)  # merge neighbours split only by blanks
        else:
            removed.append((start, end))
    return Cleaned("\n".join(kept), removed)


TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 250
TITLE_LINES = 3  # the headline must be among the first few lines that are not datelines
_BYLINE = re.compile(r"^\s*by\s+\S", re.I)


def guess_title(text: str, dateline: tuple[int, int] | None = None) -> str | None:
    """The headline of a cleaned plain text, or None when the text opens with a long
    paragraph. The short line right after a dateline wins (blog and magazine layouts put
    the site name above the date and the headline below it); otherwise the first short
    line, preferring one without " | " (those are mostly "Site | Section" labels).
    Datelines and bylines are never titles."""
    lines = [(m.start(), m.end(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text)]
    lines = [ln for ln in lines if ln[2]]
    candidates: list[str] = []
    after_dateline: str | None = None
    for k, (start, end, line) in enumerate(lines):
        if dateline is not None and start <= dateline[0] and dateline[1] <= end:
            if (
                k + 1 < len(lines)
                and _short(lines[k + 1][2])
                and not _BYLINE.match(lines[k + 1][2])
            ):
                after_dateline = lines[k + 1][2]
            continue
        if _BYLINE.match(line):
            continue
        candidates.append(line)
        if len(candidates) == TITLE_LINES:
            break
    if after_dateline is not None:
        return after_dateline
    short = []
    for line in candidates:
        if not _short(line):
            break
        short.append(line)
    plain = [line for line in short if " | " not in line]
    best = plain or short
    return best[0] if best else None


def _short(line: str) -> bool:
    return len(line.split()) <= TITLE_MAX_WORDS and len(line) <= TITLE_MAX_CHARS
