"""Candidate mentions: trimming NER spans, splitting glued names, re-typing by the lexicons.

The small spaCy model makes the same few mistakes on news text again and again: it keeps
'the' and possessive endings in a span, runs a span across a line break, glues two names
joined by a hyphen ('Putin-Kim Jong-Un'), cuts a hyphenated given name ('Moon Jae' for
'Moon Jae-in') and tags well-known places as people or organisations. These functions
repair a span in place; the lexicons decide the type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.annotate.entities.lexicon import Lexicon, fold
from dossier.records import EntityType

_PRONOUN_WORDS = (
    "i me my mine we us our ours you your yours he him his she her hers it its they them "
    "their theirs this that these those who whom"
)
PRONOUNS = frozenset(_PRONOUN_WORDS.split(" "))
# Words the small model tags as names in news text but that never name an entity.
NOT_NAMES = frozenset({"covid", "covid-19", "coronavirus", "sars-cov-2", "omicron"})
_TRAIL_PUNCT = "\"'“”‘’»,;:!?*•‐‑‒–—―-"
_POSSESSIVE = re.compile(r"[A-Za-z\u00C0-\u024F](['’]s?)$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_HYPHEN_TAIL = re.compile(r"-[A-Za-z]+")
# Surnames that start with a lowercase particle: 'de Gaulle', 'al-Assad', 'van der Berg'.
_PARTICLE_NAME = re.compile(
    r"(?:(?:de|del|della|di|da|du|des|van|von|der|den|ter|la|le|al|el|bin|ben|ibn)[\s-])+[A-Z]"
)


@dataclass
class Cand:
    """A mention under construction; offsets are characters into the article text."""

    start: int
    end: int
    type: EntityType
    label: str
    source: str = "ner"  # 'ner' or 'gazetteer'
    canonical: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    org: str | None = None


def trim(text: str, start: int, end: int, cand_type: EntityType, lex: Lexicon) -> tuple[int, int]:
    """Offsets of the name proper inside an NER span (may be empty: start >= end)."""
    for _ in range(8):  # each pass removes one layer; a handful always suffices
        s, e = start, end
        while s < e and not text[s].isalnum():  # a name starts with a letter or digit
            s += 1
        nl = text.find("\n", s, e)
        if nl != -1:
            e = nl
        span = text[s:e]
        if "(" in span and ")" not in span[span.index("(") :]:
            e = s + span.index("(")
        elif span.endswith(")") and "(" not in span:
            e -= 1
        while e > s and (text[e - 1] in _TRAIL_PUNCT or text[e - 1].isspace()):
            e -= 1
        m = _POSSESSIVE.search(text, s, e)
        if m and m.end() == e:
            e = m.start(1)
        m = _LEADING_THE.match(text[s:e])
        if m:
            s += m.end()
        if cand_type == "PERSON":
            s = _strip_leading_titles(text, s, e, lex)
        if (s, e) == (start, end):
            break
        start, end = s, e
    return start, end


def _strip_leading_titles(text: str, s: int, e: int, lex: Lexicon) -> int:
    """Drop leading honorifics and title words ('Mr', 'Comrade', 'President') from a name."""
    while True:
        m = re.match(r"\S+\s+", text[s:e])
        if not m:
            return s
        word = m.group(0).strip().lower()
        if word in lex.honorifics or word.rstrip(".") in lex.honorifics or word in lex.titles:
            s += m.end()
        else:
            return s


def extend_hyphen(text: str, end: int) -> int:
    """End of a person name cut before a hyphenated given name ('Moon Jae' + '-in')."""
    m = _HYPHEN_TAIL.match(text, end)
    return m.end() if m else end


def split_glued(
    text: str,
    start: int,
    end: int,
    cand_type: EntityType,
    lex: Lexicon,
) -> list[tuple[int, int]]:
    """Split 'Putin-Kim Jong-Un' or 'Korean-Russian' into their parts.

    A person span 'A-B C' is split when A is one word that also occurs on its own
    elsewhere in the article (so 'Jean-Pierre Raffarin' stays whole); a group span is
    split when both halves are demonyms.
    """
    span = text[start:end]
    if cand_type == "PERSON":
        m = re.match(r"([A-Z][\w’']+)-([A-Z]\w*\s.+)$", span)
        alone = rf"(?<![\w-]){re.escape(m.group(1))}(?![\w-])" if m else ""
        if m and re.search(alone, text):
            return [(start, start + m.end(1)), (start + m.start(2), end)]
    elif cand_type == "GROUP" and "-" in span:
        left, _, right = span.partition("-")
        if fold(left) in lex.demonyms and fold(right) in lex.demonyms:
            return [(start, start + len(left)), (end - len(right), end)]
    return [(start, end)]


def classify(cand: Cand, text: str, lex: Lexicon, person_words: frozenset[str]) -> None:
    """Re-type a candidate and set its canonical name from the lexicons.

    Organisation aliases win (so 'the Kremlin' and 'the White House' stay organisations:
    in news they name the institution); then demonyms (GROUP); then places, exactly or by
    a conservative fuzzy match. A one-word PERSON is turned into a place only when that word
    is not also the last word of a person's name in the same article.
    """
    name = text[cand.start : cand.end]
    key = fold(name)
    org = lex.orgs.get(key)
    if org is not None and cand.type != "GROUP":
        cand.type, cand.canonical = "ORG", org
        return
    country = lex.demonyms.get(key)
    if country is not None:
        cand.type, cand.canonical = "GROUP", country
        return
    if cand.type == "PERSON":
        place = lex.place(name)
        if place is not None and " " not in key and key not in person_words:
            cand.type, cand.canonical = "PLACE", place.name
        return
    place = lex.fuzzy_place(name)
    if place is not None:
        cand.type, cand.canonical = "PLACE", place.name


def is_junk(
    name: str, cand_type: EntityType, lex: Lexicon, shouting: bool, after_honorific: bool = False
) -> bool:
    """Spans that are not names: lowercase words, pronouns, bare titles, headline debris.

    A title word right after an honorific is a surname ('Mr. King'), not a bare title."""
    if len(name) < 2 or not any(c.isalpha() for c in name):
        return True
    if not name[0].isupper() and not name[0].isdigit() and not _PARTICLE_NAME.match(name):
        return True
    key = name.lower().rstrip(".")
    if key in NOT_NAMES or key in lex.honorifics:
        return True
    if fold(name) in lex.weapons:
        return True  # 'MLRS', 'Iskander': a weapon, not an organisation or a person
    if key in lex.titles and not (after_honorific and cand_type == "PERSON"):
        return True
    if key in PRONOUNS and not name.isupper():  # 'US' is a country, 'Us' a pronoun
        return True
    words = fold(name).split()
    if (
        cand_type in ("ORG", "PLACE")
        and words
        and words[-1] in lex.titles
        and fold(name) not in lex.orgs
    ):
        return True  # 'National Security Advisor' tagged ORG: a role, not a name
    return shouting and len(name) <= 3 and key not in lex.places


def shouting_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the all-capitals lines (headlines shouted in capitals), in text order."""
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        upper = sum(map(str.isupper, line))  # map: no Python frame per character
        if upper >= 16:  # 80% of the 20 letters a headline needs at least
            letters = sum(map(str.isalpha, line))
            if letters >= 20 and upper >= 0.8 * letters:
                out.append((start, end))
        start = end + 1
    return out


_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
     "with", "vs", "is", "are", "after", "over", "into"}
)  # fmt: skip


def title_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines written in title case (headlines and subheadings): two to
    fourteen words, every word but the small ones capitalised, no final full stop."""
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        words = line.split()
        if 2 <= len(words) <= 14 and not line.rstrip().endswith("."):
            big = [w for w in words if w.lower().strip("'\"“”‘’:,") not in _SMALL_WORDS]
            if big and all(w[0].isupper() or w[0].isdigit() or not w[0].isalpha() for w in big):
                out.append((start, end))
        start = end + 1
    return out


def headline_only(
    name: str,
    start: int,
    cand_type: EntityType,
    text: str,
    titles: list[tuple[int, int]],
    lex: Lexicon,
) -> bool:
    """An organisation read off a title-case headline ('The Laurel and Hardy of Terror')
    that no sentence of the text names again and no lexicon knows: every capitalised
    word of a headline looks like a name, so a name seen only there is not one."""
    if cand_type != "ORG" or not in_spans(start, titles) or fold(name) in lex.orgs:
        return False
    return not any(
        not in_spans(m.start(), titles) for m in re.finditer(re.escape(name), text)
    )  # fmt: skip


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def glued_place(text: str, start: int, end: int, lex: Lexicon) -> int | None:
    """End of a place name glued to the next word by a lost space ('Russiawhere' -> 'Russia').

    Only when the span is one word, not itself a known name, and the rest is a lowercase
    English function word.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    word = text[start:end]
    key = fold(word)
    if not word.isalpha() or key in lex.places or key in lex.orgs or key in lex.demonyms:
        return None
    for cut in range(len(word) - 3, 2, -1):  # the rest has 3+ letters: not 'European'
        rest = word[cut:]
        if rest.islower() and rest in STOP_WORDS and fold(word[:cut]) in lex.places:
            return start + cut
    return None


_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+$")


def after_honorific(text: str, start: int) -> bool:
    """Whether a courtesy title stands right before ``start`` ('Mr. King')."""
    return bool(_HONORIFIC_BEFORE.search(text, max(0, start - 8), start))
