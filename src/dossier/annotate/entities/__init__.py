"""Entity mentions: people, organisations, places and groups.

spaCy's NER (PERSON -> PERSON, ORG -> ORG, GPE/LOC/FAC -> PLACE, NORP -> GROUP), repaired
for news text:

1. each NER span is trimmed (leading 'the', quotes, honorifics and titles; trailing
   possessives and punctuation; anything after a line break), glued names are split and a
   cut hyphenated given name is restored (``spans``);
2. the lexicons re-type and canonicalise it: organisation aliases first ('the Kremlin' and
   'the White House' are organisations), then demonyms (GROUP, canonical = the country),
   then the gazetteer supplement, exactly or by a conservative fuzzy match ('Vladivostock'
   -> 'Vladivostok') (``lexicon``);
3. junk is dropped: lowercase words, pronouns, bare titles, short all-caps headline debris;
4. a phrase matcher adds supplement places the model missed or cut short
   ('Vostochny cosmodrome') (``gazetteer``);
5. people the model missed are recovered from the syntax ('X Y, the head of ...',
   'spokeswoman X Y') and from the article's own full names (a bare 'Lynch' when 'Anna
   Lynch' is named elsewhere), and ORG spans that read as people become people
   ('spokesman Dmitry Orlov', or a name found as a person elsewhere in the article);
6. person mentions get their role and affiliation ('Kremlin spokesman', org 'BBC')
   (``roles``); an ORG span that is really part of a title phrase is dropped.

Spans never overlap and always satisfy ``article.text[start:end] == text``.
"""

from __future__ import annotations

import re
from typing import Any

from dossier.annotate.entities.gazetteer import place_hits
from dossier.annotate.entities.lexicon import Lexicon, Place, fold, lexicon
from dossier.annotate.entities.roles import assign_roles, named_org
from dossier.annotate.entities.spans import (
    Cand,
    after_honorific,
    classify,
    extend_hyphen,
    glued_place,
    in_spans,
    is_junk,
    shouting_lines,
    split_glued,
    trim,
)
from dossier.ids import span_id
from dossier.records import Article, EntityType, Mention

EXTRACTOR = "entities.spacy"
VERSION = "0.3"

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
}

__all__ = ["EXTRACTOR", "LABEL_TYPES", "VERSION", "Place", "extract_mentions", "place_info"]


def place_info(name: str) -> Place | None:
    """Gazetteer facts (kind, country code, GeoNames id, lat/lon) for a place name or alias,
    matched exactly after folding, else by the conservative fuzzy match; ``None`` if unknown.
    Pass ``Mention.canonical`` when set."""
    return lexicon().fuzzy_place(name)


def _ner_cands(text: str, doc: Any, lex: Lexicon) -> list[Cand]:
    out: list[Cand] = []
    for ent in doc.ents:
        etype = LABEL_TYPES.get(ent.label_)
        if etype is None:
            continue
        start, end = trim(text, ent.start_char, ent.end_char, etype, lex)
        if etype == "PERSON" and end == ent.end_char:
            end = extend_hyphen(text, end)
        glued = glued_place(text, start, end, lex)
        if glued is not None:
            out.append(Cand(start, glued, "PLACE", ent.label_))
            continue
        for s, e in split_glued(text, start, end, etype, lex):
            s, e = trim(text, s, e, etype, lex)
            if s < e:
                out.append(Cand(s, e, etype, ent.label_))
    return out


def _person_words(text: str, cands: list[Cand]) -> frozenset[str]:
    """Last words of multi-word person names: such a word alone is a person, not a place."""
    words = set()
    for c in cands:
        if c.type == "PERSON":
            parts = fold(text[c.start : c.end]).split()
            if len(parts) > 1:
                words.add(parts[-1])
    return frozenset(words)


def _add_gazetteer(
    cands: list[Cand],
    hits: list[tuple[int, int]],
    text: str,
    lex: Lexicon,
) -> list[Cand]:
    """Merge matcher hits: a hit that covers NER spans replaces them; a partial overlap loses."""
    out = list(cands)
    for hs, he in hits:
        inside = [c for c in out if hs <= c.start and c.end <= he]
        clash = [c for c in out if c.start < he and hs < c.end and c not in inside]
        if clash or any((c.start, c.end) == (hs, he) for c in inside):
            continue
        place = lex.place(text[hs:he])
        out = [c for c in out if c not in inside]
        out.append(Cand(hs, he, "PLACE", "GAZETTEER", "gazetteer", place.name if place else None))
    return out


def _drop_inside_roles(cands: list[Cand], text: str, lex: Lexicon) -> list[Cand]:
    """Drop spans inside a role that are part of the title, not names: 'US National Security
    Advisor' tagged ORG, 'Defence' of 'Defence Minister'; keep 'Kremlin' of 'Kremlin
    spokesman' and 'Russian' of 'Russian President'."""
    roles = [(c.role_start, c.role_end) for c in cands if c.role_start is not None]
    out = []
    for c in cands:
        words = fold(text[c.start : c.end]).split()
        in_role = any(
            rs is not None and re is not None and rs <= c.start and c.end <= re for rs, re in roles
        )
        title_part = words and (
            words[-1] in lex.titles or (c.type == "ORG" and not named_org(c, text))
        )
        if in_role and c.type != "PERSON" and title_part:
            continue
        out.append(c)
    return out


def _people_tagged_org(cands: list[Cand], doc: Any, text: str, lex: Lexicon) -> None:
    """Re-type as PERSON an unlisted ORG span that reads as a personal name: right after a
    title word ('spokesman Dmitry Orlov'), the same name as a person found elsewhere in the
    article, or the last word of one ('Orlov')."""
    person_words = _person_words(text, cands)
    person_names = {fold(text[c.start : c.end]) for c in cands if c.type == "PERSON"}
    for c in cands:
        if c.type != "ORG" or c.canonical is not None:
            continue
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or len(span) > 3:
            continue
        if not all(t.is_title and t.pos_ == "PROPN" for t in span):
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        after_title = prev is not None and prev.lower_ in lex.titles
        key = fold(span.text)
        if after_title or key in person_names or (len(span) == 1 and key in person_words):
            c.type = "PERSON"


def _recover_people(cands: list[Cand], doc: Any, lex: Lexicon) -> list[Cand]:
    """People the model missed but the syntax gives away: a two- or three-word proper name
    with a title apposition ('Olga Petrenko, the head of ...') or right after a lowercase
    title word ('spokeswoman Olga Petrenko')."""
    covered: set[int] = set()
    for c in cands:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))

    def name_at(first: int, last: int) -> bool:
        toks = doc[first : last + 1]
        return (
            2 <= len(toks) <= 3
            and all(t.pos_ == "PROPN" and t.is_title and t.i not in covered for t in toks)
            and all(
                fold(t.text) not in lex.places and fold(t.text) not in lex.demonyms for t in toks
            )
        )

    out = list(cands)
    for tok in doc:
        first = last = -1
        if tok.dep_ == "appos" and tok.lower_ in lex.titles and tok.head.i < tok.i:
            last = tok.head.i
            first = last
            while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == last:
                first -= 1
        elif tok.is_lower and tok.lower_ in lex.titles and tok.i + 2 < len(doc):
            first = last = tok.i + 1
            while last + 1 < len(doc) and last - first < 2 and doc[last + 1].pos_ == "PROPN":
                last += 1
        if first >= 0 and name_at(first, last):
            out.append(
                Cand(doc[first].idx, doc[last].idx + len(doc[last].text), "PERSON", "SYNTAX")
            )
            covered.update(range(first, last + 1))
    return out


def _propagate_surnames(cands: list[Cand], doc: Any, text: str, lex: Lexicon) -> list[Cand]:
    """Add the bare surnames the model missed ('Lynch said') when a person of that surname is
    named in full elsewhere in the article. The word must be a capitalised proper noun with no
    other entity label (so 'May' of a date stays a date) and not the tail of another name."""
    cands = _propagate_full_names(cands, text)
    person_words = _person_words(text, cands)
    if not person_words:
        return cands
    covered: set[int] = set()
    for c in cands:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    out = list(cands)
    for tok in doc:
        shouted = tok.is_upper and len(tok) >= 3  # 'LYNCH' in a capitals headline
        if tok.i in covered or tok.ent_type_ or not (shouted or tok.is_title):
            continue
        if tok.pos_ != "PROPN" and not shouted:
            continue
        if fold(tok.text) not in person_words:
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev_name = prev is not None and prev.is_title and prev.pos_ == "PROPN"
        if prev_name and prev is not None and prev.lower_ not in lex.honorifics:
            continue
        if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
            continue
        out.append(Cand(tok.idx, tok.idx + len(tok.text), "PERSON", "PROPAGATED"))
    return out


def _propagate_full_names(cands: list[Cand], text: str) -> list[Cand]:
    """Other occurrences of a multi-word person name the model found once ('KIM JONG UN' in
    a capitals headline, or a repeat it missed), written capitalised, not inside another
    mention and not part of a longer capitalised name."""
    names = {
        re.sub(r"[\s\-‐]+", " ", text[c.start : c.end]).strip()
        for c in cands
        if c.type == "PERSON" and " " in text[c.start : c.end].strip()
    }
    out = list(cands)
    for name in sorted(names):
        words = [re.escape(w) for w in name.split(" ")]
        pattern = re.compile(r"(?<![\w-])" + r"[\s\-‐]+".join(words) + r"(?![\w-])", re.I)
        for m in pattern.finditer(text):
            s, e = m.span()
            if not (m.group(0)[0].isupper()) or any(c.start < e and s < c.end for c in out):
                continue
            if _CAP_WORD_AFTER.match(text, e) or _CAP_WORD_BEFORE.search(text, max(0, s - 40), s):
                continue
            out.append(Cand(s, e, "PERSON", "PROPAGATED"))
    return out


_CAP_WORD_AFTER = re.compile(r" [A-Z][a-z]")
_CAP_WORD_BEFORE = re.compile(r"[A-Z][a-z]+ $")


def extract_mentions(article: Article, doc: Any) -> list[Mention]:
    """Mentions of people, organisations, places and groups in one parsed article."""
    text = article.text
    lex = lexicon()
    cands = _ner_cands(text, doc, lex)
    person_words = _person_words(text, cands)
    for c in cands:
        classify(c, text, lex, person_words)
    shouting = shouting_lines(text)
    cands = [
        c
        for c in cands
        if not is_junk(
            text[c.start : c.end],
            c.type,
            lex,
            in_spans(c.start, shouting),
            after_honorific(text, c.start),
        )
    ]
    cands = _add_gazetteer(cands, place_hits(doc, lex), text, lex)
    cands = _dedupe(_propagate_surnames(_recover_people(cands, doc, lex), doc, text, lex))
    _people_tagged_org(cands, doc, text, lex)
    assign_roles(cands, doc, text, lex)
    cands = _drop_inside_roles(cands, text, lex)
    return [_mention(article, c) for c in cands]


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """Sorted, without overlaps (the earlier, then longer, span wins)."""
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def _mention(article: Article, c: Cand) -> Mention:
    role = None
    if c.role_start is not None and c.role_end is not None:
        role = article.text[c.role_start : c.role_end]
    return Mention(
        id=span_id("m", article.id, c.start, c.end),
        article_id=article.id,
        start=c.start,
        end=c.end,
        text=article.text[c.start : c.end],
        type=c.type,
        label=c.label,
        extractor=EXTRACTOR,
        version=VERSION,
        role=role,
        role_start=c.role_start if role else None,
        role_end=c.role_end if role else None,
        org=c.org,
        canonical=c.canonical,
    )
