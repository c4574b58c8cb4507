"""A quote repeated in one article is one quote with the spans of its repeats.

Blogs and live pages quote the same words twice: in the body and again in a summary,
a pull quote or an 'ibid' list. The repeat's words are the first quote's, or a run of
them (a cut-down repeat), or nearly all of them; its speaker is the same person or
unnamed. The quote kept is the first one, given a resolved speaker a repeat has when it
has none; the repeats' spans are kept on it (``Quote.repeats``). When the repeat is the
fuller one (a phrase quoted in the lead, the whole passage further down), the fuller
one is kept and the first becomes its repeat, so no words are lost.
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


def _fold(into: Quote, repeat: Quote) -> None:
    """``repeat``'s span (and its own repeats) kept on ``into``; its speaker when
    ``into`` has none resolved."""
    into.repeats.append((repeat.start, repeat.end))
    into.repeats.extend(repeat.repeats)
    into.repeats.sort()
    if into.speaker_mention_id is None and repeat.speaker_mention_id is not None:
        into.speaker_text, into.speaker_start, into.speaker_end = (
            repeat.speaker_text,
            repeat.speaker_start,
            repeat.speaker_end,
        )
        into.speaker_mention_id = repeat.speaker_mention_id
        into.speaker_resolution = repeat.speaker_resolution


def merge_repeats(quotes: list[Quote]) -> list[Quote]:
    """``quotes`` of one article (text order) with each repeat folded into the first,
    or the first into the repeat when the repeat holds clearly more words."""
    kept: list[tuple[Quote, list[str]]] = []
    for q in quotes:
        words = _words(q)
        at = next(
            (
                i
                for i, (k, kw) in enumerate(kept)
                if (q.start >= k.end or k.start >= q.end)  # elsewhere, not nested in it
                and _same_speaker(k, q)
                and _repeats(kw, words)
            ),
            None,
        )
        if at is None:
            kept.append((q, words))
            continue
        first, first_words = kept[at]
        if len(first_words) < MIN_SHARE * len(words):
            _fold(q, first)
            kept[at] = (q, words)
        else:
            _fold(first, q)
    return sorted((q for q, _ in kept), key=lambda q: (q.start, q.end))
