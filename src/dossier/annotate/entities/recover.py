"""People the model missed or mistyped, recovered from the article itself.

- ``people_tagged_org``: an ORG span that reads as a personal name ('spokesman Dmitry
  Orlov', or a name tagged PERSON elsewhere in the article) becomes a person;
- ``recover_people``: a proper name with a title apposition or after a lowercase title
  word, missed entirely by the model;
- ``propagate_names``: other capitalised occurrences of a full name found once, and bare
  surnames of people named in full in the same article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from dossier.annotate.columns import char_span, columns
from dossier.annotate.entities.lexicon import Lexicon, fold
from dossier.annotate.entities.spans import Cand


def surname_words(text: str, cands: list[Cand]) -> frozenset[str]:
    """Last words of multi-word person names: such a word alone is a person, not a place."""
    words = set()
    for c in cands:
        if c.type == "PERSON":
            parts = fold(text[c.start : c.end]).split()
            if len(parts) > 1:
                words.add(parts[-1])
    return frozenset(words)


def people_tagged_org(cands: list[Cand], doc: Any, text: str, lex: Lexicon) -> None:
    """Re-type as PERSON an unlisted ORG span that reads as a personal name: right after a
    title word ('spokesman Dmitry Orlov'), the same name as a person found elsewhere in the
    article, or the last word of one ('Orlov')."""
    person_words = surname_words(text, cands)
    person_names = {fold(text[c.start : c.end]) for c in cands if c.type == "PERSON"}
    for c in cands:
        if c.type != "ORG" or c.canonical is not None:
            continue
        span = char_span(doc, c.start, c.end)
        if span is None or len(span) > 3:
            continue
        if not all(t.is_title and t.pos_ == "PROPN" for t in span):
            continue
        i = span.start - 1
        if i > 0 and doc[i].text == ",":  # 'the Kremlin spokesman, Dmitry Orlov'
            i -= 1
        after_title = i >= 0 and doc[i].lower_ in lex.titles
        key = fold(span.text)
        if after_title or key in person_names or (len(span) == 1 and key in person_words):
            c.type = "PERSON"


def recover_people(cands: list[Cand], doc: Any, lex: Lexicon) -> list[Cand]:
    """People the model missed but the syntax gives away: a two- or three-word proper name
    with a title apposition ('Olga Petrenko, the head of ...') or right after a lowercase
    title word ('spokeswoman Olga Petrenko')."""
    cols = columns(doc)  # plain lists: no Token object per token of the document
    covered: set[int] = set()
    for c in cands:
        bounds = cols.char_span(c.start, c.end)
        if bounds is not None:
            covered.update(range(*bounds))

    n, text, lower, pos, dep, head = cols.n, cols.text, cols.lower, cols.pos, cols.dep, cols.head
    is_title = cols.is_title

    def name_at(first: int, last: int) -> bool:
        toks = range(first, min(last + 1, n))
        return (
            2 <= len(toks) <= 3
            and all(pos[t] == "PROPN" and is_title[t] and t not in covered for t in toks)
            and all(
                fold(text[t]) not in lex.places and fold(text[t]) not in lex.demonyms for t in toks
            )
        )

    out = list(cands)
    for i in [i for i, word in enumerate(lower) if word in lex.titles]:
        first = last = -1
        if dep[i] == "appos" and head[i] < i:
            last = head[i]
            first = last
            while first > 0 and dep[first - 1] == "compound" and head[first - 1] == last:
                first -= 1
        elif cols.is_lower[i] and i + 2 < n:
            first = last = i + 1
            while last + 1 < n and last - first < 2 and pos[last + 1] == "PROPN":
                last += 1
        if first >= 0 and name_at(first, last):
            out.append(Cand(cols.idx[first], cols.end[last], "PERSON", "SYNTAX"))
            covered.update(range(first, last + 1))
    return out


def propagate_names(cands: list[Cand], doc: Any, text: str, lex: Lexicon) -> list[Cand]:
    """Add the bare surnames the model missed ('Lynch said') when a person of that surname is
    named in full elsewhere in the article. The word must be a capitalised proper noun with no
    other entity label (so 'May' of a date stays a date) and not the tail of another name."""
    cands = _propagate_full_names(cands, text)
    person_words = surname_words(text, cands)
    if not person_words:
        return cands
    cols = columns(doc)
    covered: set[int] = set()
    for c in cands:
        bounds = cols.char_span(c.start, c.end)
        if bounds is not None:
            covered.update(range(*bounds))
    n, words, pos, is_title = cols.n, cols.text, cols.pos, cols.is_title
    is_upper, ent_type = cols.is_upper, cols.ent_type
    out = list(cands)
    for i in range(n):
        shouted = is_upper[i] and len(words[i]) >= 3  # 'LYNCH' in a capitals headline
        if i in covered or ent_type[i] or not (shouted or is_title[i]):
            continue
        if pos[i] != "PROPN" and not shouted:
            continue
        if fold(words[i]) not in person_words:
            continue
        prev_name = i > 0 and is_title[i - 1] and pos[i - 1] == "PROPN"
        if prev_name and cols.lower[i - 1] not in lex.honorifics:
            continue
        if i + 1 < n and is_title[i + 1] and pos[i + 1] == "PROPN":
            continue
        out.append(Cand(cols.idx[i], cols.end[i], "PERSON", "PROPAGATED"))
    return out


def _propagate_full_names(cands: list[Cand], text: str) -> list[Cand]:
    """Other occurrences of a multi-word person name the model found once ('KIM JONG UN' in
    a capitals headline, or a repeat it missed), written capitalised, not inside another
    mention and not part of a longer capitalised name. One pass of one pattern over the
    text, whatever the number of names."""
    names = {
        re.sub(r"[\s\-‐]+", " ", text[c.start : c.end]).strip()
        for c in cands
        if c.type == "PERSON" and " " in text[c.start : c.end].strip()
    }
    if not names:
        return cands
    alternatives = [
        r"[\s\-‐]+".join(re.escape(w) for w in name.split(" "))
        for name in sorted(names, key=lambda n: (-len(n), n))
    ]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)
    spans = sorted((c.start, c.end) for c in cands)
    starts = [s for s, _ in spans]
    out = list(cands)
    for m in pattern.finditer(text):
        s, e = m.span()
        if not m.group(0)[0].isupper() or _overlaps(spans, starts, s, e):
            continue
        if _CAP_WORD_AFTER.match(text, e) or _CAP_WORD_BEFORE.search(text, max(0, s - 40), s):
            continue
        out.append(Cand(s, e, "PERSON", "PROPAGATED"))
    return out


def _overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of the sorted, non-nested candidate spans."""
    i = bisect_left(starts, e)  # spans starting before e
    return any(spans[j][1] > s for j in range(max(0, i - 3), i))


_CAP_WORD_AFTER = re.compile(r" [A-Z][a-z]")
_CAP_WORD_BEFORE = re.compile(r"[A-Z][a-z]+ $")
