"""Event triggers: the verbs and nouns of a parsed sentence that name a CAMEO event.

A trigger is a verb or noun listed in the event lexicon. A light verb ('hold' a meeting,
'stage' an attack, 'issue' a warning) hands the event to its object noun, and lends it its
subject. Codes are refined by word classes found in the trigger's phrase ('supply' +
artillery -> 072 provide military aid; 'attack' + missiles -> 195 employ aerial weapons).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dossier.annotate.events.lexicon import Lexicon, Sense

# Clauses that do not belong to the phrase of the word that governs them.
DETACHED = frozenset({"relcl", "advcl", "conj", "parataxis", "acl", "appos", "cc", "mark"})

# Verbs whose complement is not an event of its own but the content of the verb's event.
ABSORBING = frozenset({"threaten", "warn"})


@dataclass
class Trigger:
    """A word that names an event, with the code read from it."""

    token: Any  # the trigger word
    code: str
    light: Any | None = None  # the light verb lending its subject ('held' a meeting)
    nominal: bool = False
    way: bool = False  # 'on his way to X': a visit under way


def phrase_tokens(tok: Any, extra_detached: frozenset[str] = frozenset()) -> list[Any]:
    """The tokens of ``tok``'s subtree, without the clauses detached from it."""
    out: list[Any] = []
    stack = [tok]
    detached = DETACHED | extra_detached
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ not in detached:
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _region(tok: Any) -> list[Any]:
    """Where a code-refining word may sit: a noun's modifiers and its 'of/by/with' objects
    ('military aid', 'barrage of missiles', 'attack by drones'); a verb's subject, objects
    and complements ('missiles hit', 'supplying X with artillery', 'threatened to invade')."""
    out: list[Any] = [tok]
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod", "nummod") or (
                c.dep_ == "prep" and c.lower_ in ("of", "by", "with", "involving")
            ):
                out.extend(c.subtree)
        return out
    for c in tok.children:
        if c.dep_ in (
            "nsubj",
            "nsubjpass",
            "dobj",
            "dative",
            "xcomp",
            "ccomp",
            "attr",
            "oprd",
            "agent",
        ) or (c.dep_ == "prep" and c.lower_ in ("with", "of", "by", "to", "on", "against")):
            out.extend(phrase_tokens(c))
    return out


def _class_words(tok: Any) -> set[str]:
    words: set[str] = set()
    for t in _region(tok):
        words.add(t.lemma_.lower())
        words.add(t.lower_)
        if t.pos_ == "PRON" and t.dep_ in ("dobj", "pobj") and t.lower_ in ("them", "it"):
            # 'delivered them': the referent is usually named in the previous sentence.
            sent = t.sent
            if sent.start > 0:
                prev = t.doc[sent.start - 1].sent
                words.update(p.lemma_.lower() for p in prev if p.pos_ == "NOUN")
    return words


def _has_person_object(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and (
            c.ent_type_ == "PERSON" or c.lower_ in ("him", "her", "them")
        ):
            return True
    return False


def choose_sense(senses: list[Sense], tok: Any, lex: Lexicon) -> str | None:
    """The code of the first sense whose word class (if any) occurs in the phrase."""
    words: set[str] | None = None
    for sense in senses:
        if not sense.word_class:
            return sense.code
        if sense.word_class == "person":
            if _has_person_object(tok):
                return sense.code
            continue
        if words is None:
            words = _class_words(tok)
        if words & lex.classes.get(sense.word_class, set()):
            return sense.code
    return None


def _light_object(verb: Any, lex: Lexicon) -> Any | None:
    """The event noun a light verb hands its event to ('held talks')."""
    if verb.lemma_.lower() not in lex.light_verbs:
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex.nouns:
            return c
    return None


def _noun_lemma(tok: Any) -> str:
    lemma = tok.lemma_.lower()
    if tok.lower_ == "talks":
        return "talks"
    return lemma


def _verb_lemma(tok: Any) -> str:
    lemma = tok.lemma_.lower()
    if lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
        return "shoot_down"
    return lemma


def _shouting(tok: Any) -> bool:
    """Words in all-capital headlines: the tagger and parser are unreliable there."""
    return len(tok.text) > 2 and tok.text.isupper()


def find_triggers(sent: Any, lex: Lexicon) -> Iterator[Trigger]:
    """The triggers of one sentence, in text order."""
    claimed: set[int] = set()
    found: list[Trigger] = []
    for tok in sent:
        if _shouting(tok):
            continue
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
            obj = _light_object(tok, lex)
            if obj is not None and obj.i not in claimed:
                code = choose_sense(lex.nouns[obj.lemma_.lower()], obj, lex)
                if code is not None:
                    claimed.add(obj.i)
                    found.append(Trigger(obj, code, light=tok, nominal=True))
                    continue
            senses = lex.verbs.get(_verb_lemma(tok))
            if not senses or tok.dep_ == "amod":
                continue
            head = tok.head
            if tok.dep_ == "xcomp" and head.lemma_.lower() in ABSORBING:
                continue
            code = choose_sense(senses, tok, lex)
            if code is not None:
                found.append(Trigger(tok, code))
    for tok in sent:
        if tok.i in claimed or tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ or _shouting(tok):
            continue
        senses = lex.nouns.get(_noun_lemma(tok))
        if not senses or tok.dep_ == "compound":
            continue
        code = choose_sense(senses, tok, lex)
        if code is not None:
            found.append(Trigger(tok, code, nominal=True))
    found.sort(key=lambda t: t.token.i)
    yield from found
