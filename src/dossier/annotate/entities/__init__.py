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

7. places are geocoded (``dossier.annotate.places``): usage, GeoNames id, coordinates.

Spans never overlap and always satisfy ``article.text[start:end] == text``.
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.entities.gazetteer import place_hits
from dossier.annotate.entities.lexicon import Lexicon, Place, fold, lexicon
from dossier.annotate.entities.recover import (
    people_tagged_org,
    propagate_names,
    recover_people,
    surname_words,
)
from dossier.annotate.entities.roles import assign_roles, named_org
from dossier.annotate.entities.spans import (
    Cand,
    after_honorific,
    classify,
    extend_hyphen,
    glued_place,
    headline_only,
    in_spans,
    is_junk,
    shouting_lines,
    split_glued,
    title_lines,
    trim,
)
from dossier.ids import span_id
from dossier.records import Article, EntityType, Mention

EXTRACTOR = "entities.spacy"
VERSION = "0.4"

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
}

# The NER label a gazetteer hit gets, by the supplement's kind of place.
KIND_LABELS = {"facility": "FAC", "sea": "LOC", "continent": "LOC"}

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
        label = KIND_LABELS.get(place.kind, "GPE") if place else "GPE"
        out.append(Cand(hs, he, "PLACE", label, "gazetteer", place.name if place else None))
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
            rs is not None and r_end is not None and rs <= c.start and c.end <= r_end
            for rs, r_end in roles
        )
        title_part = words and (
            words[-1] in lex.titles or (c.type == "ORG" and not named_org(c, text))
        )
        if in_role and c.type != "PERSON" and title_part:
            continue
        out.append(c)
    return out


def extract_mentions(article: Article, doc: Any, geocode: bool = True) -> list[Mention]:
    """Mentions of people, organisations, places and groups in one parsed article; with
    ``geocode``, place mentions and demonyms also get their usage and gazetteer entry
    (``dossier.annotate.places.geocode_mentions``)."""
    text = article.text
    lex = lexicon()
    cands = _ner_cands(text, doc, lex)
    person_words = surname_words(text, cands)
    for c in cands:
        classify(c, text, lex, person_words)
    shouting = shouting_lines(text)
    titles = title_lines(text)
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
        and not headline_only(text[c.start : c.end], c.start, c.type, text, titles, lex)
    ]
    cands = _add_gazetteer(cands, place_hits(doc, lex), text, lex)
    cands = _dedupe(propagate_names(recover_people(cands, doc, lex), doc, text, lex))
    people_tagged_org(cands, doc, text, lex)
    assign_roles(cands, doc, text, lex)
    cands = _drop_inside_roles(cands, text, lex)
    mentions = [_mention(article, c) for c in cands]
    if geocode:
        from dossier.annotate.places import geocode_mentions  # places builds on this module

        geocode_mentions(article, doc, mentions)
    return mentions


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
