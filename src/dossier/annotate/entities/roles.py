"""Roles and affiliations of person mentions, from titles, appositions and 'of/from' phrases.

Three patterns, read off spaCy's tokens and tags (the dependency labels alone are unreliable
on the small model for long title phrases, so the title lexicon anchors every role):

- a title phrase right before the name: 'Kremlin spokesman X', 'US Vice President X',
  "BBC's Russia Editor, X" (org 'BBC'), 'the President of the Federation, X';
- an apposition right after it: 'X, the head of the Y Centre' / 'X, a local journalist,';
- an affiliation: 'X of the National Security Council', 'Dr. X from the Institute of Z'.

A role phrase always ends in a word of ``titles.txt``; a professional honorific ('Dr.')
is the role only when nothing better is found.
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.columns import columns
from dossier.annotate.entities.lexicon import Lexicon
from dossier.annotate.entities.spans import Cand

MAX_ROLE_TOKENS = 8
_AFFIL = frozenset({"of", "from", "at", "with", "for"})
_DETS = frozenset({"the", "a", "an"})
_POSS = frozenset({"'s", "’s"})


class TokenIndex:
    """Which candidate covers each token, and char -> token lookups, for one doc."""

    def __init__(self, doc: Any, cands: list[Cand]) -> None:
        self.doc = doc
        self.owner: dict[int, Cand] = {}
        cols = columns(doc)  # spaCy's char_span makes Tokens: this looks it up on columns
        for cand in cands:
            bounds = cols.char_span(cand.start, cand.end)
            if bounds is not None:
                for i in range(*bounds):
                    self.owner[i] = cand

    def tokens(self, cand: Cand) -> tuple[int, int] | None:
        return columns(self.doc).char_span(cand.start, cand.end)


def _is_title(tok: Any, lex: Lexicon) -> bool:
    return bool(tok.lower_ in lex.titles)


def _modifier_ok(tok: Any, idx: TokenIndex, lex: Lexicon) -> bool:
    """A token that may sit inside a title phrase, left of its title word."""
    owner = idx.owner.get(tok.i)
    if owner is not None and owner.type == "PERSON":
        return False
    if _is_title(tok, lex):
        return True
    if tok.text[:1].isupper():
        return bool(tok.pos_ in ("PROPN", "ADJ") or owner is not None)
    if tok.text == "-" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and not tok.whitespace_:
        return True
    return bool(tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and tok.dep_ in ("compound", "amod"))


def _org_of(cand: Cand | None, text: str) -> str | None:
    return text[cand.start : cand.end] if cand is not None and cand.type == "ORG" else None


def named_org(cand: Cand, text: str) -> bool:
    """Whether an ORG span inside a title phrase names an organisation ('Kremlin', 'BBC',
    'Foreign Ministry') rather than a portfolio word ('Defence Minister')."""
    name = text[cand.start : cand.end]
    return cand.canonical is not None or " " in name or (name.isupper() and len(name) > 1)


def _left_role(
    first: int,
    idx: TokenIndex,
    lex: Lexicon,
    text: str,
) -> tuple[int, int, str | None] | None:
    """(role_start, role_end, org) from the title phrase ending just before token ``first``."""
    doc = idx.doc
    sent_start = doc[first].sent.start
    i = first - 1
    while i >= sent_start and (doc[i].lower_ in lex.honorifics or doc[i].text == "."):
        i -= 1
    if i < sent_start:
        return None
    if doc[i].text == "," and i - 1 >= sent_start:
        j = _comma_title(i - 1, sent_start, idx, lex)
        if j is None:
            return None
        head, last = j
    elif _is_title(doc[i], lex):
        head, last = i, i
    else:
        found = _title_of(i, sent_start, idx, lex)
        if found is None:
            return None
        head, last = found
    left = head
    org: str | None = None
    while left - 1 >= sent_start and last - left < MAX_ROLE_TOKENS:
        tok = doc[left - 1]
        if tok.text in _POSS and left - 2 >= sent_start:
            org = _org_of(idx.owner.get(left - 2), text)
            break
        if not _modifier_ok(tok, idx, lex):
            break
        left -= 1
        if tok.text == "-":  # 'co-host', 'vice-president': the hyphen brings its left word
            left -= 1
    first_owner = idx.owner.get(left)
    if org is None and first_owner is not None and named_org(first_owner, text):
        org = _org_of(first_owner, text)
    return doc[left].idx, doc[last].idx + len(doc[last].text), org


def _comma_title(i: int, sent_start: int, idx: TokenIndex, lex: Lexicon) -> tuple[int, int] | None:
    """Title phrase before a comma: "Russia Editor, X" or "the President of Y, X"."""
    doc = idx.doc
    tok = doc[i]
    if _is_title(tok, lex) and tok.text[:1].isupper():
        return i, i
    if _is_title(tok, lex) and i - 1 >= sent_start:
        # lowercase title: only with a possessive or a name right before it ('Kremlin
        # spokesman, X'), so that 'he was elected president, X said' gives no role
        prev = doc[i - 1]
        owner = idx.owner.get(i - 1)
        if prev.text in _POSS or (owner is not None and owner.type in ("ORG", "PLACE", "GROUP")):
            return i, i
    return _title_of(i, sent_start, idx, lex)


def _title_of(i: int, sent_start: int, idx: TokenIndex, lex: Lexicon) -> tuple[int, int] | None:
    """A 'title of Body' phrase ending at token ``i``: 'Secretary of State', 'the President
    of the Federation', 'Minister of Foreign Affairs of Vetland'. The body is capitalised
    words (or names found by NER) joined by 'of', 'the', 'and'; at most ``MAX_ROLE_TOKENS``."""
    doc = idx.doc
    if not doc[i].text[:1].isupper():
        return None
    k = i
    while k - 1 >= sent_start and i - k < MAX_ROLE_TOKENS:
        tok = doc[k - 1]
        owner = idx.owner.get(k - 1)
        if owner is not None and owner.type == "PERSON":
            return None
        if tok.lower_ == "of" and k - 2 >= sent_start and _is_title(doc[k - 2], lex):
            return k - 2, i
        if not (tok.text[:1].isupper() or tok.lower_ in ("of", "the", "and", "&")):
            return None
        k -= 1
    return None


def _right_role(
    after: int,
    idx: TokenIndex,
    lex: Lexicon,
    text: str,
) -> tuple[int | None, int | None, str | None]:
    """(role_start, role_end, org) from an apposition or an of/from phrase after the name."""
    doc = idx.doc
    n = len(doc)
    role_start = role_end = None
    org = None
    k = after
    if k < n and doc[k].text == ",":
        j = k + 1
        if j < n and doc[j].lower_ in _DETS:
            j += 1
        first = j
        while j < n and j - first < MAX_ROLE_TOKENS and not _is_title(doc[j], lex):
            if not _modifier_ok(doc[j], idx, lex):
                break
            j += 1
        if (
            j < n
            and _is_title(doc[j], lex)
            and (j + 1 >= n or doc[j + 1].pos_ not in ("NOUN", "PROPN"))
        ):
            role_start, role_end = doc[first].idx, doc[j].idx + len(doc[j].text)
            org = next(
                (
                    _org_of(o, text)
                    for t in range(first, j)
                    if (o := idx.owner.get(t)) is not None
                    and named_org(o, text)
                    and o.type == "ORG"
                ),
                None,
            )
            k = j + 1
    if k < n and doc[k].lower_ in _AFFIL:
        j = k + 1
        if j < n and doc[j].lower_ in _DETS:
            j += 1
        found = _org_of(idx.owner.get(j), text) if j < n else None
        if found is not None:
            org = found
    return role_start, role_end, org


def assign_roles(cands: list[Cand], doc: Any, text: str, lex: Lexicon) -> None:
    """Set role/org on each PERSON candidate in place (needs a parsed doc)."""
    if not doc.has_annotation("DEP"):
        return
    idx = TokenIndex(doc, cands)
    for cand in cands:
        if cand.type != "PERSON":
            continue
        toks = idx.tokens(cand)
        if toks is None:
            continue
        left = _left_role(toks[0], idx, lex, text)
        r_start, r_end, r_org = _right_role(toks[1], idx, lex, text)
        if left is not None and _shouted(text[left[0] : left[1]]):
            left = None  # 'THE DESPOT PUTIN' in a capitals headline: a word of it, no role
        if r_start is not None and r_end is not None and _shouted(text[r_start:r_end]):
            r_start = r_end = None
        if left is not None:
            cand.role_start, cand.role_end = left[0], left[1]
            cand.org = r_org or left[2]
        elif r_start is not None:
            cand.role_start, cand.role_end, cand.org = r_start, r_end, r_org
        else:
            cand.org = r_org
            hon = _honorific(toks[0], idx, lex)
            if hon is not None:
                cand.role_start, cand.role_end = hon


def _shouted(role: str) -> bool:
    """A role written all in capitals (of a headline), not an acronym such as 'CEO'."""
    letters = [c for c in role if c.isalpha()]
    return len(letters) >= 5 and all(c.isupper() for c in letters)


def _honorific(first: int, idx: TokenIndex, lex: Lexicon) -> tuple[int, int] | None:
    """A professional honorific right before the name ('Dr.', 'Prof.')."""
    if first == 0:
        return None
    tok = idx.doc[first - 1]
    if tok.lower_.rstrip(".") in lex.professional:
        return tok.idx, tok.idx + len(tok.text)
    return None
