"""Person-name comparison for entity resolution.

Names are compared token by token after folding (accents, case, hyphens: 'Kim Jong-un' and
'Kim Jong Un' give the same tokens). Two full names are the same person when their tokens
agree one to one, allowing a transliteration slip per token ('Jon'/'Jong', 'Dmitry'/
'Dmitri', 'Peskov'/'Peskow') and an omitted middle name or patronymic ('Vladimir
(Vladimirovich) Putin'). Different given names never match: 'Kim Jong Il' is not 'Kim Jong
Un', 'Laura Bush' is not 'George Bush'.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Indel, Levenshtein

from dossier.annotate.entities.lexicon import fold, lexicon

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "des",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ben",
        "ibn",
    ]
)


@lru_cache(maxsize=1 << 16)
def person_tokens(text: str) -> tuple[str, ...]:
    """Folded name tokens without honorifics, title words or suffixes ('Mr Putin' ->
    ('putin',), 'John Smith Jr.' -> ('john', 'smith'))."""
    lex = lexicon()
    toks = fold(text).split()
    while len(toks) > 1 and (toks[0] in lex.honorifics or toks[0] in lex.titles):
        toks = toks[1:]
    while len(toks) > 2 and toks[-1] in NAME_SUFFIXES:
        toks = toks[:-1]
    written_lower = {w for w in re.split(r"[\s\-‐]+", text) if w.islower()}
    return tuple(_join_particles(toks, written_lower))


def _join_particles(toks: list[str], written_lower: set[str]) -> list[str]:
    """'hugo de vries' -> ['hugo', 'devries']: a surname particle written in lowercase
    belongs to the surname, so a bare 'de Vries' is one word that can stand for the full
    name ('Ben Ashton' and 'Al Gore' keep their given names)."""
    out: list[str] = []
    carry = ""
    for i, tok in enumerate(toks):
        if tok in NAME_PARTICLES and tok in written_lower and i + 1 < len(toks):
            carry += tok
        else:
            out.append(carry + tok)
            carry = ""
    return out


def token_match(a: str, b: str) -> bool:
    """Whether two folded name tokens can be spellings of the same name.

    Short tokens (up to 4 letters) may differ by one added or dropped letter only ('jon'/
    'jong', but not 'jan'/'jon'); longer ones by one edit, or two from 8 letters on, with
    the same initial. A one-letter token matches as an initial.
    """
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a[0] != b[0]:
        return False
    shortest, longest = min(len(a), len(b)), max(len(a), len(b))
    if shortest < 3:
        return False
    if longest <= 4:
        return bool(Indel.distance(a, b) == 1)
    return bool(Levenshtein.distance(a, b) <= (2 if shortest >= 8 else 1))


def compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two multi-token names can name the same person."""
    if len(a) == len(b):
        return all(token_match(x, y) for x, y in zip(a, b, strict=True))
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 2:
        return False
    if not (token_match(short[0], long_[0]) and token_match(short[-1], long_[-1])):
        return False
    rest = iter(long_[1:-1])
    return all(any(token_match(tok, other) for other in rest) for tok in short[1:-1])


def matches_part(token: str, full: tuple[str, ...]) -> bool:
    """Whether a one-word name is the first or last word of a full name.

    Both ends are tried: family names come first in Korean or Chinese names ('Kim' of
    'Kim Jong Un') and last in most others ('Putin' of 'Vladimir Putin').
    """
    return _part_match(token, full[0]) or _part_match(token, full[-1])


def _part_match(a: str, b: str) -> bool:
    """Exact for short words ('Kim'); a spelling slip is allowed from five letters on."""
    return a == b or (min(len(a), len(b)) >= 5 and token_match(a, b))
