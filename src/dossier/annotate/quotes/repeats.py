"""A quote repeated in one article is one quote with the spans of its repeats.

Blogs and live pages quote the same words twice: in the body and again in a summary,
a pull quote or an 'ibid' list. The repeat's words are the first quote's, or a run of
them (a cut-down repeat), or nearly all of them; its speaker is the same person or
unnamed. The quote kept is the first one, given a resolved speaker a repeat has when it
has none; the repeats' spans are kept on it (``Quote.repeats``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from dossier.records import Quote

MIN_RUN_WORDS = 4  # a shorter shared run ('the war') is a phrase, not a repeat
MIN_SHARE = 0.75  # share of the shorter quote's words the shared run must hold
_WORD_RE = re.compile(r"[\w’']+")
_ASIDE_RE = re.compile(r"\((?:ibid|via|source|from)\b[^)]*\)", re.IGNORECASE)


def _words(q: Quote) -> list[str]:
    return _WORD_RE.findall(_ASIDE_RE.sub(" ", q.text).lower())


def _surname(q: Quote) -> str | None:
    if q.speaker_text is None:
        return None
    names = _WORD_RE.findall(q.speaker_text.lower())
    return names[-1] if names else None


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker_mention_id is not None and a.speaker_mention_id == b.speaker_mention_id:
        return True
    sa, sb = _surname(a), _surname(b)
    return (
        sa is None
        or sb is None
        or sa == sb
        or "unresolved"
        in (
            a.speaker_resolution,
            b.speaker_resolution,
        )
    )


def _repeats(a: list[str], b: list[str]) -> bool:
    """Whether one word list repeats the other: the same words, or a run of at least
    ``MIN_SHARE`` of the shorter one's words in the same order ('flood the lower town')."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    if short == long:
        return True
    if len(short) < MIN_RUN_WORDS:
        return False
    match = SequenceMatcher(None, short, long, autojunk=False).find_longest_match(
        0, len(short), 0, len(long)
    )
    return match.size >= max(MIN_RUN_WORDS, MIN_SHARE * len(short))


def merge_repeats(quotes: list[Quote]) -> list[Quote]:
    """``quotes`` of one article (text order) with each repeat folded into the first."""
    kept: list[tuple[Quote, list[str]]] = []
    for q in quotes:
        words = _words(q)
        first = next(
            (
                k
                for k, kw in kept
                if (q.start >= k.end or k.start >= q.end)  # elsewhere, not nested in it
                and _same_speaker(k, q)
                and _repeats(kw, words)
            ),
            None,
        )
        if first is None:
            kept.append((q, words))
            continue
        first.repeats.append((q.start, q.end))
        if first.speaker_mention_id is None and q.speaker_mention_id is not None:
            first.speaker_text, first.speaker_start, first.speaker_end = (
                q.speaker_text,
                q.speaker_start,
                q.speaker_end,
            )
            first.speaker_mention_id = q.speaker_mention_id
            first.speaker_resolution = q.speaker_resolution
    return [q for q, _ in kept]
