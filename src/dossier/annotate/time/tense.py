"""Which way a bare 'Friday' or 'in March' points: from the tense of the governing verb.

With a spaCy parse the governing verb of the expression is found through the
dependency heads (``Tense=Past``, a ``will`` auxiliary, 'going to', 'expected to');
without one, the nearest tense cue word in the same sentence decides.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from dossier.annotate.columns import char_span

Tense = Literal["past", "future", "present"]

_FUTURE_CUE = (
    r"will|shall|'ll|’ll|won't|wo n't|going to|gonna|due to|plans? to|planning to|planned to|"
    r"is to|are to|was to|were to|would|as early as|as soon as|set for|"
    r"scheduled|set to|expected to|expects? to|hopes? to|intends? to|to be held|upcoming|"
    r"aims? to|prepares? to|would like to|next(?! to\b)|tomorrow|soon"
)
_PAST_IRREGULAR = (
    r"was|were|had|did|said|told|ago|last|yesterday|met|went|came|began|took|made|gave|"
    r"held|left|saw|spoke|fell|rose|won|lost|sold|bought|paid|sent|struck|flew|led|"
    r"brought|became|found|felt|got|kept|knew|meant|put|ran|set off|stood|thought|"
    r"wrote|earlier|previously|hit|cut|shut|quit|broke|chose|drew|drove|fought|grew|"
    r"hung|laid|paid|read|rode|sank|shot|slid|spent|split|spread|stole|swore|threw|"
    r"understood|withdrew|woke|wore"
)
_CUE = re.compile(
    rf"\b(?P<fut>{_FUTURE_CUE})\b|\b(?P<past>{_PAST_IRREGULAR})\b|"
    r"(?<![\w-])(?P<ed>[a-z]{3,}ed)\b",  # not the end of 'so-called'
)
# '-ed' words that are not past-tense verbs often enough to mislead.
_NOT_PAST = frozenset(
    {"need", "speed", "seed", "feed", "breed", "indeed", "red", "bed", "shed", "united",
     "limited", "based", "related", "interested", "detailed", "advanced", "armed", "proposed",
     "expected", "scheduled", "planned", "supposed", "concerned", "alleged", "so-called",
     "embattled", "unprecedented", "coordinated", "combined", "sacred", "hundred"}
)  # fmt: skip
# An '-ed' word after a determiner or with the 'un-' prefix is an adjective ('a still
# unspecified date', 'the planned merger'), not a verb in the past tense.
_DET_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


def _adjectival_ed(text: str, m: re.Match[str]) -> bool:
    word = m.group("ed")
    if word is None:
        return False
    return word.startswith("un") or bool(
        _DET_BEFORE.search(text, max(0, m.start() - 30), m.start())
    )


_MODAL_BEFORE = re.compile(
    r"\b(?:(?:will|would|shall|'ll|’ll|to)\s+(?:not\s+)?(?:be|have(?: been)?)|"
    r"(?:must|should|can|may|might)\s+(?:not\s+)?be)\s+$",
    re.IGNORECASE,
)
_SENT_END = re.compile(r"[.!?]\s|\n")

_FUTURE_HEADS = frozenset(
    {"expect", "plan", "schedule", "due", "set", "intend", "hope", "aim", "prepare", "go",
     "want", "seek", "promise", "agree", "vow", "pledge", "threaten"}
)  # fmt: skip


# Words whose full stop does not end a sentence ('Roe vs. Wade', 'Mr. Kim', 'Sept. 4').
_ABBREV = frozenset(
    {"vs", "v", "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt",
     "prof", "jr", "sr", "inc", "corp", "co", "ltd", "no", "jan", "feb", "mar", "apr", "jun",
     "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "u.s", "u.n", "u.k"}
)  # fmt: skip
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends a sentence (not an abbreviation or initial)."""
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    if not m:
        return True
    word = m.group(1).lower()
    return not (word in _ABBREV or (len(word) == 1 and text[dot - 1].isupper()))


def sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around ``[start, end)`` (cheap: full stops and newlines)."""
    left = max(text.rfind(c, 0, start) for c in ("! ", "? ", "\n"))
    dot = text.rfind(". ", 0, start)
    while dot > left and not _ends_sentence(text, dot):
        dot = text.rfind(". ", 0, dot)
    left = max(left, dot)
    left = 0 if left < 0 else left + 1
    right = len(text)
    for m in _SENT_END.finditer(text, end):
        if text[m.start()] != "." or _ends_sentence(text, m.start()):
            right = m.start() + 1
            break
    return left, right


_REPORTING = frozenset(
    {"said", "told", "added", "asked", "reported", "announced", "stated", "wrote"}
)
_REPORT_GAP = re.compile(r"[,\"”']")


def regex_tense(text: str, start: int, end: int, left_only: bool = False) -> Tense | None:
    """Tense of the nearest cue word in the sentence of ``[start, end)``; None if none.

    ``left_only`` looks only before the expression: the verb an English date hangs on
    mostly comes first ('visited Pyongyang in 2000'), while cues after it often belong
    to the next clause ('…in 1999, was priced at').
    """
    left, right = sentence_window(text, start, end)
    if left_only:
        right = start
    best: tuple[int, Tense] | None = None
    for m in _CUE.finditer(text.lower(), left, right):
        if start <= m.start() < end:
            continue
        if (
            m.start() >= end
            and m.group(0) in _REPORTING
            and _REPORT_GAP.search(text, end, m.start())
        ):
            continue  # '…by February, the bank said': the report's tense, not the date's
        kind: Tense
        if m.group("fut"):
            kind = "future"
        elif m.group("past") or m.group("ed"):
            if m.group("ed") in _NOT_PAST or _adjectival_ed(text, m):
                continue
            # 'will be paid', 'to be held': a participle under a future modal
            kind = (
                "future"
                if _MODAL_BEFORE.search(text, max(0, m.start() - 24), m.start())
                else "past"
            )
        dist = start - m.end() if m.end() <= start else m.start() - end
        if best is None or dist < best[0]:
            best = (dist, kind)
    return best[1] if best else None


def _verb_tense(verb: Any) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for aux in auxes:
        low = aux.lower_
        if low in ("will", "shall", "'ll", "’ll", "wo", "would"):
            return "future"
        if aux.tag_ == "VBD" or low in ("did", "was", "were", "had"):
            return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future" if verb.lemma_ == "go" else "present"
    if verb.lemma_ in ("schedule", "slate"):
        return "future"  # what is scheduled for a day lies ahead of the scheduling
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        head = verb.head
        if head is not verb and (head.lemma_ in _FUTURE_HEADS or head.lemma_ == "be"):
            return "future"  # 'plans to leave on Thursday', 'is to resume on Tuesday'
    if "Past" in verb.morph.get("Tense"):
        return "past"
    return None


def doc_tense(doc: Any, start: int, end: int) -> Tense | None:
    """Tense of the verb that governs the expression at ``[start, end)`` in a spaCy doc."""
    span = char_span(doc, start, end)
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD":
            tense = _verb_tense(tok)
            if tense is not None:
                return tense
        if tok.head is tok:
            break
        tok = tok.head
    return None


def tense_at(text: str, start: int, end: int, doc: Any = None) -> Tense | None:
    """Tense around ``[start, end)``: from the parse when there is one, else from cue words."""
    if doc is not None:
        try:
            tense = doc_tense(doc, start, end)
        except (AttributeError, IndexError, ValueError):
            tense = None
        if tense is not None:
            return tense
    return regex_tense(text, start, end)
