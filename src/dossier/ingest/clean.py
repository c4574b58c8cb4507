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

from dossier.resources import read_table

LEFTOVERS_FILE = "leftovers.txt"
EDGE_LINES = 5  # how many non-empty lines at each end count as the page "edge"
TAIL_TITLE_MAX_WORDS = 12  # related-article link titles after a subscribe block
TAIL_TITLE_MAX_LINES = 8
BLOCK_BODY_MAX_CHARS = 500

_LINE = re.compile(r"[^\r\n\u2028\u2029\x85\x0b\x0c]*(?:\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]|$)")
_STRIP = " \t\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2009\u200a\u200b\u2060\ufeff\u3000"
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_NBSP = re.compile(r"[\u00a0\u202f\u2007\u2000-\u200a\u3000]")
_LEAD_NBSP = re.compile(r"^[\u00a0\u202f\u2007\u2000-\u200a\u3000]+")  # not indentation
_INNER_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]…]\s*$")


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


def _is_link_title(s: str) -> bool:
    return len(s.split()) <= TAIL_TITLE_MAX_WORDS and not _SENTENCE_END.search(s)


def find_leftovers(raw: str) -> list[int]:
    """Indices (into the raw lines) of lines that are page leftovers."""
    pats = patterns()
    lines = _lines(raw)
    nonempty = [i for i, ln in enumerate(lines) if ln.content.strip(_STRIP)]
    text = {i: lines[i].content.strip(_STRIP) for i in nonempty}
    drop: set[int] = set()
    n = len(nonempty)
    for pos, i in enumerate(nonempty):
        s = text[i]
        at_edge = pos < EDGE_LINES or pos >= n - EDGE_LINES
        if _full(pats.line, s) or (at_edge and _full(pats.edge, s)):
            drop.add(i)
    for pos, i in enumerate(nonempty[:-1]):
        if i in drop or not _full(pats.block_head, text[i]):
            continue
        body = nonempty[pos + 1]
        s = text[body]
        if len(s) > BLOCK_BODY_MAX_CHARS or not any(p.search(s) for p in pats.block_body):
            continue
        drop.update((i, body))
        rest = [j for j in nonempty[pos + 2 :] if j not in drop]
        # Link titles of related articles after the block, but only when they run to the
        # end of the page and all look like bare titles (short, no sentence ending).
        if len(rest) <= TAIL_TITLE_MAX_LINES and all(_is_link_title(text[j]) for j in rest):
            drop.update(rest)
    return sorted(drop)


def _normalise_line(line: str) -> str:
    line = _INVISIBLE.sub("", _NBSP.sub(" ", _LEAD_NBSP.sub("", line))).rstrip()
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


def guess_title(text: str, skip: tuple[int, int] | None = None) -> str | None:
    """The headline of a cleaned plain text: its first short line that is not a dateline
    (``skip``: its span) or a byline. None when the text opens with a long paragraph."""
    looked = 0
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0).strip()
        if not line:
            continue
        if skip is not None and m.start() <= skip[0] and skip[1] <= m.end():
            continue
        if _BYLINE.match(line):
            continue
        looked += 1
        if looked > TITLE_LINES:
            return None
        if len(line.split()) <= TITLE_MAX_WORDS and len(line) <= TITLE_MAX_CHARS:
            return line
        return None
    return None
