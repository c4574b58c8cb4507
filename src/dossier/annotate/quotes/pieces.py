"""The quoted pieces of a quote its own attribution interrupts.

'"We will not give in," the minister said on Monday, "and we will answer."' and
'The two leaders, said a spokesman, will meet soon' are each one quote whose span runs
from its first quoted word to its last, over the attribution in between. The reader
wants the words without the attribution, and each of them traced to its characters: the
pieces are the spans on either side of the attribution clause (the cue, the speaker and
the rest of their clause up to the punctuation that closes it), trimmed of the quote
marks and the commas or dashes that set the attribution off.

Hand-written: a character scan around spans the parse already gave; no library marks
up an attribution's extent inside a quotation.
"""

from __future__ import annotations

import re

MARKS = "\"“”‘’«»„‟'"
# what sets an attribution off from the quoted words around it
_SEPARATORS = ",;:—–-"
# the punctuation that closes the attribution clause ('said on Monday,' / 'told reporters.')
_CLAUSE_END = re.compile(r"[,;:—–.!?\"“”‘’«»„‟]")
_RELATIVES = frozenset({"what", "which", "whom", "who", "that"})
MAX_CLAUSE_TAIL = 80  # characters of 'on Monday in a statement' after the cue or speaker
MAX_LEAD_IN = 40  # characters of 'adding:' before the next quote mark of a direct quote


def _inside(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is not None and start < span[0] and span[1] < end


def _opens(text: str, i: int) -> bool:
    """Whether a quote mark opens at ``i``: an apostrophe only after a space (the one of
    "the mayor's aide" opens nothing)."""
    if text[i] not in MARKS:
        return False
    return text[i] != "'" or i == 0 or text[i - 1].isspace()


def _has_word(text: str, a: int, b: int) -> bool:
    return any(ch.isalnum() for ch in text[a:b])


def _first_end(text: str, start: int, lo: int) -> int:
    """Where the first piece ends: before the spaces, closing marks (and, when no mark
    closes it, the comma or dash) that lead into the attribution at ``lo``."""
    a = lo
    while a > start and text[a - 1].isspace():
        a -= 1
    closed = False
    while a > start and text[a - 1] in MARKS:
        a -= 1
        closed = True
    if not closed:  # 'Kim and Putin, said ...': the comma belongs to the attribution
        while a > start and (text[a - 1] in _SEPARATORS or text[a - 1].isspace()):
            a -= 1
    return a


def _second_start(text: str, hi: int, end: int, direct: bool) -> int | None:
    """Where the second piece starts: after the rest of the attribution clause from
    ``hi`` and what closes it; ``None`` when no clause end is found in reach."""
    m = _CLAUSE_END.search(text, hi, min(end, hi + MAX_CLAUSE_TAIL))
    if m is None:
        return None
    b = m.start()
    if direct:  # '..., adding: "B."': the second piece opens at the next quote mark
        opener = next((i for i in range(b, min(end, b + MAX_LEAD_IN)) if _opens(text, i)), None)
        if opener is not None:
            b = opener
    while b < end and (text[b] in _SEPARATORS or text[b] in ".!?" or text[b].isspace()):
        b += 1
    while direct and b < end and text[b] in MARKS:
        b += 1  # a reported piece keeps its own marks ('X, said Y, "will go on"')
    while b < end and text[b].isspace():
        b += 1
    return b


def quote_pieces(
    text: str,
    start: int,
    end: int,
    cue: tuple[int, int] | None,
    speaker: tuple[int, int] | None,
    direct: bool,
) -> list[tuple[int, int]]:
    """The two pieces of the quote ``start``..``end`` of ``text`` when its cue lies
    inside it; ``[]`` when the quote is one piece (its cue outside, or no words on one
    side of the attribution)."""
    if cue is None or not _inside(cue, start, end):
        return []
    lo, hi = cue
    if speaker is not None and _inside(speaker, start, end):
        lo, hi = min(lo, speaker[0]), max(hi, speaker[1])
    if text[start:lo].strip().lower() in _RELATIVES:
        return []  # 'what she calls the "dead hand"': the attribution is the content's own
    a = _first_end(text, start, lo)
    b = _second_start(text, hi, end, direct)
    if b is None or not _has_word(text, start, a) or not _has_word(text, b, end):
        return []
    return [(start, a), (b, end)]


def pieces_text(text: str, pieces: list[tuple[int, int]]) -> str:
    """The quoted words of ``pieces``, joined by a space."""
    return " ".join(text[a:b] for a, b in pieces)
