"""Transcripts: interviews and broadcasts printed as speaker-labelled paragraphs.

'Q: Why now?' / 'A: Because the vote is next week.' / 'SMITH: We will see.' Each
labelled paragraph is the label's speaker talking, verbatim, up to the next label;
paragraphs between two labelled ones go on with the earlier speaker. The article
counts as a transcript only where labels recur (at least ``MIN_LINES`` labelled
paragraphs by at least two speakers, one of them speaking twice), so a single
'Senator Jones: Deal Is Dead.' headline stays a headline attribution.

Regular expressions over paragraphs (hand-written: a layout, which no parser reads).
"""

from __future__ import annotations

import re
from collections import Counter

from dossier.annotate.quotes.cues import Cand
from dossier.annotate.quotes.dashes import NOT_SOURCES
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.speakers import SpeakerSpan

MIN_LINES = 3
# a label: 'Q', 'A', an upper-case name ('WALLACE', 'SEN. JONES') or a short title-case
# one ('Jane Doe'); the title-case kind only counts where it labels two paragraphs
_LABEL_RE = re.compile(
    r"[ \t]*[\"“]?[ \t]*(?P<label>Q|A|[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,2}"
    r"|[A-Z][a-z'’-]+(?:[ \t][A-Z][a-z.'’-]+){0,2}):[ \t]+(?P<content>\S.*)",
    re.DOTALL,
)
_STAGE_RE = re.compile(r"[ \t]*[\"“]?[ \t]*[(\[][^)\]]*[)\]][.\s]*")  # '(CROSSTALK.)'
# the words that are no source before a colon ('Photo:', 'Update:'), less the labels of
# an interview
_NOT_LABELS = (NOT_SOURCES - {"q", "a", "question", "answer"}) | {
    "correction",
    "editor's note",
    "editor’s note",
}


def _labelled(ix: DocIndex) -> list[tuple[int, re.Match[str]]]:
    out = []
    for k, (ps, pe) in enumerate(ix.paras):
        m = _LABEL_RE.fullmatch(ix.text, ps, pe)
        if m is None or m.group("label").lower() in _NOT_LABELS:
            continue
        if sum(ch.isalpha() for ch in m.group("content")) < 2:
            continue  # 'Smith: 547.': a table of figures, not a turn
        out.append((k, m))
    return out


def transcript_lines(ix: DocIndex) -> list[Cand]:
    """The labelled turns of a transcript, each a direct quote of its label's speaker."""
    found = _labelled(ix)
    seen = Counter(m.group("label") for _, m in found)
    # a title-case label ('Jane Doe:') counts only where it labels two paragraphs
    found = [(k, m) for k, m in found if m.group("label").isupper() or seen[m.group("label")] > 1]
    counts = Counter(m.group("label") for _, m in found)
    if len(found) < MIN_LINES or len(counts) < 2 or max(counts.values()) < 2:
        return []
    text = ix.text
    out: list[Cand] = []
    for n, (k, m) in enumerate(found):
        start = m.start("content")
        end = ix.paras[k][1]
        stop = found[n + 1][0] if n + 1 < len(found) else k + 1
        for j in range(k + 1, stop):  # the turn goes on until the next label
            ps, pe = ix.paras[j]
            if _STAGE_RE.fullmatch(text, ps, pe):
                break
            end = pe
        end = start + len(text[start:end].rstrip(' \t\n"”'))
        c = Cand(start, end, "direct")
        label_end = m.end("label")
        c.speaker = SpeakerSpan(m.start("label"), label_end, ix.token_at(label_end - 1))
        out.append(c)
    return out


def with_turns(ix: DocIndex, cands: list[Cand]) -> list[Cand]:
    """``cands`` with a transcript's turns in place of whatever else read their words
    (the covering quote block, a report inside an answer)."""
    turns = transcript_lines(ix)
    if not turns:
        return cands
    spans = [(t.start, t.end) for t in turns]
    kept = [c for c in cands if not any(c.start < e and s < c.end for s, e in spans)]
    return kept + turns
