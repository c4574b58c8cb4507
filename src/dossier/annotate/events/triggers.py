"""Event triggers: the verbs and nouns of a parsed sentence that name a CAMEO event.

A trigger is a verb or noun listed in the event lexicon. A light verb ('hold' a meeting,
'stage' an attack, 'issue' a warning) hands the event to its object noun, and lends it its
subject. Codes are refined by word classes found in the trigger's phrase ('supply' +
artillery -> 072 provide military aid; 'attack' + missiles -> 195 employ aerial weapons).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dossier.annotate.columns import Columns, columns
from dossier.annotate.events.allegiance import describes_party, misparsed_complement
from dossier.annotate.events.attempts import ATTEMPTED, attempted
from dossier.annotate.events.background import background
from dossier.annotate.events.content import absorb_contents
from dossier.annotate.events.demands import demand
from dossier.annotate.events.lexicon import Lexicon, Sense, ending_code

# Clauses that do not belong to the phrase of the word that governs them.
DETACHED = frozenset({"relcl", "advcl", "conj", "parataxis", "acl", "appos", "cc", "mark"})

# Verbs whose complement is not an event of its own but the content of the verb's event.
ABSORBING = frozenset({"threaten", "warn", "call", "urge", "ask", "appeal", "press", "push"})
# Prepositional phrases of a verb where a code-refining word may sit ('in a bomb attack',
# 'as human shields', 'with artillery').
VERB_CLASS_PREPS = frozenset(
    {"with", "of", "by", "to", "on", "against", "in", "as", "into", "between", "about", "around"}
)
ABSORBING_NOUNS = frozenset(
    {"threat", "warning", "ultimatum", "call", "appeal", "request", "demand", "plea"}
)


@dataclass
class Trigger:
    """A word that names an event, with the code read from it."""

    token: Any  # the trigger word
    code: str
    light: Any | None = None  # the light verb lending its subject ('held' a meeting)
    nominal: bool = False
    way: bool = False  # 'on his way to X': a visit under way


def phrase_tokens(
    tok: Any, extra_detached: frozenset[str] = frozenset(), keep_conj: bool = False
) -> list[Any]:
    """The tokens of ``tok``'s subtree, without the clauses detached from it (coordinated
    words kept with ``keep_conj``: 'with artillery and other equipment')."""
    cols = columns(tok.doc)  # walked on the columns: a Token only for each one kept
    dep, pos, kids = cols.dep, cols.pos, cols.children
    out: list[int] = []
    stack = [tok.i]
    detached = DETACHED | extra_detached
    if keep_conj:
        detached = detached - {"conj", "cc"}
    while stack:
        t = stack.pop()
        out.append(t)
        for c in kids[t]:
            if dep[c] not in detached or (
                # coordinated words inside a phrase stay ('two and five million');
                # coordinated clauses do not
                dep[c] in ("conj", "cc") and t != tok.i and pos[c] not in ("VERB", "AUX")
            ):
                stack.append(c)
    doc = tok.doc
    return [doc[i] for i in sorted(out)]


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
    kids = list(tok.children)
    if misparsed_complement(tok):
        kids += [c for c in tok.head.children if c.dep_ == "nsubj"]  # its real subject
    for c in kids:
        if c.dep_ == "agent":
            out.extend(c.subtree)  # 'by militiamen armed with machetes'
        elif c.dep_ in (
            "nsubj",
            "nsubjpass",
            "dobj",
            "dative",
            "xcomp",
            "ccomp",
            "attr",
            "oprd",
            "agent",
        ):
            out.extend(phrase_tokens(c, keep_conj=c.dep_ != "nsubj"))
        elif c.dep_ == "prep" and c.lower_ in VERB_CLASS_PREPS:
            out.extend(phrase_tokens(c, keep_conj=True))
        elif c.dep_ == "advmod" and c.i == tok.i - 1:
            out.append(c)  # 'sexually assaulted'
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


def _has_person_object(tok: Any, lex: Lexicon) -> bool:
    actors = lex.classes.get("actor", set())
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and (
            c.ent_type_ in ("PERSON", "NORP")
            or c.lower_ in ("him", "her", "them")
            or c.lemma_.lower() in actors
            or c.lower_ in ("wounded", "injured", "sick", "dead", "elderly")
        ):
            return True
    return False


def _has_party_object(tok: Any, lex: Lexicon) -> bool:
    """Whether the verb's object is a party or a place: a named entity, an actor or a
    facility noun ('hit the depots', not 'hit a record high')."""
    parties = lex.classes.get("actor", set()) | lex.classes.get("facility", set())
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and (
            c.ent_type_ in ("PERSON", "NORP", "GPE", "ORG", "LOC", "FAC")
            or c.lemma_.lower() in parties
            or c.pos_ == "PRON"
            or any(x.ent_type_ in ("NORP", "GPE") for x in c.lefts)
        ):
            return True
    return False


def _has_abstract_object(tok: Any, lex: Lexicon) -> bool:
    """Whether what the verb or noun is aimed at is a thing argued about, not struck: a
    verb's object ('attacked the treaty', 'his rival's record'), a noun's 'on' or 'against'
    object ('an attack on the budget plan')."""
    abstract = lex.classes.get("abstract", set())
    if tok.pos_ in ("NOUN", "PROPN"):
        objects = [
            o
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ in ("on", "against")
            for o in p.children
            if o.dep_ == "pobj"
        ]
    else:
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(o.lemma_.lower() in abstract and not o.ent_type_ for o in objects)


def _object_in_class(tok: Any, members: set[str]) -> bool:
    """Whether the verb's object (or passive subject) is a word of the class or is
    modified by one ('killed the governor', 'shot President X')."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            words = [c, *[x for x in c.lefts if x.dep_ in ("compound", "amod", "nmod")]]
            if any(w.lemma_.lower() in members for w in words):
                return True
    return False


def choose_sense(senses: list[Sense], tok: Any, lex: Lexicon) -> str | None:
    """The code of the first sense whose word class (if any) occurs in the phrase."""
    words: set[str] | None = None
    for sense in senses:
        if not sense.word_class:
            return sense.code
        if sense.word_class == "person":
            if _has_person_object(tok, lex):
                return sense.code
            continue
        if sense.word_class == "actorobj":
            if _has_party_object(tok, lex):
                return sense.code
            continue
        if sense.word_class == "abstractobj":
            if _has_abstract_object(tok, lex):
                return sense.code
            continue
        if sense.word_class == "clause":
            if any(
                c.dep_ in ("xcomp", "ccomp", "pcomp") and c.pos_ in ("VERB", "AUX")
                for c in tok.children
            ):
                return sense.code
            continue
        if sense.word_class == "on":
            # 'went on strike', 'are on strike': the noun after 'on' names a state of its own
            if tok.dep_ == "pobj" and tok.head.lower_ == "on":
                return sense.code
            continue
        if sense.word_class == "to":  # 'committed to [talks]', not 'committed a crime'
            if any(c.dep_ == "xcomp" or c.lower_ == "to" for c in tok.children):
                return sense.code
            continue
        if sense.word_class in ("xcomp", "dobj"):
            if any(c.dep_ == sense.word_class for c in tok.children):
                return sense.code
            continue
        if sense.word_class.endswith("obj") and sense.word_class[:-3] in lex.classes:
            # 'killed the rebel leader': a class word heading (or modifying) the object
            if _object_in_class(tok, lex.classes[sense.word_class[:-3]]):
                return sense.code
            continue
        if words is None:
            words = _class_words(tok)
        if words & lex.classes.get(sense.word_class, set()):
            return sense.code
    return None


def _light_object(
    verb: Any, lex: Lexicon, base: str | None = None, objects: list[int] | None = None
) -> Any | None:
    """The event noun a light verb hands its event to ('held talks', 'launched a wave of
    strikes'). ``base`` and ``objects``: the verb's base lemma and objects, when known."""
    if (base if base is not None else base_lemma(verb, lex)) not in lex.light_verbs:
        return None
    cols = columns(verb.doc)
    for c in _objects_at(cols, verb.i) if objects is None else objects:
        if cols.lemma_lower[c] in lex.nouns and cols.dep[c] != "compound":
            return verb.doc[c]
    return None


def _noun_lemma(tok: Any) -> str:
    return _noun_lemma_at(columns(tok.doc), tok.i)


def _noun_lemma_at(cols: Columns, i: int) -> str:
    lemma = cols.lemma_lower[i]
    if cols.lower[i] == "talks":
        return "talks"
    if lemma == "fire" and i >= 2 and cols.text[i - 1] == "-" and (cols.lower[i - 2] == "cease"):
        return "ceasefire"  # 'cease-fire', split by the tokenizer
    return lemma


def _stems(word: str) -> list[str]:
    """Candidate base forms of an inflected verb, for when the lemmatizer slips
    ('staged' -> 'stag'): a few suffix rules, tried only against the lexicon."""
    out: list[str] = []
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out


def base_lemma(tok: Any, lex: Lexicon) -> str:
    """The token's lemma, or a suffix-stripped form of it that the lexicon knows."""
    return _base_lemma(tok.lemma_.lower(), tok.pos_, tok.lower_, lex)


def _base_lemma(lemma: str, pos: str, lower: str, lex: Lexicon) -> str:
    known = (lex.verbs, lex.light_verbs, lex.enders, lex.demand_cues)
    if pos not in ("VERB", "AUX") or any(lemma in k for k in known):
        return lemma
    for stem in _stems(lower):
        if any(stem in k for k in known):
            return stem
    return lemma


def _verb_lemma(tok: Any, lex: Lexicon | None = None, base: str | None = None) -> str:
    """The verb's lemma, joined with its particle when the lexicon lists the pair
    ('shoot_down', 'call_off', 'blow_up'). ``base``: its base lemma, when known."""
    if lex is None:
        lemma = tok.lemma_.lower()
    else:
        lemma = base if base is not None else base_lemma(tok, lex)
    cols = columns(tok.doc)
    for c in cols.children[tok.i]:
        # 'pulling out of': the particle is often parsed as a preposition
        if cols.dep[c] == "prt" or (
            cols.dep[c] == "prep" and c == tok.i + 1 and cols.lower[c] == "out"
        ):
            joined = f"{lemma}_{cols.lower[c]}"
            if (
                lex is None
                or joined in lex.verbs
                or joined in lex.enders
                or any(v == joined for v, _ in lex.phrases)
            ):
                return joined
    return lemma


def _objects_at(cols: Columns, i: int) -> list[int]:
    """The verb's object and, for 'suspension of aid'-like objects, what they govern (token
    indexes, from the columns)."""
    kids, dep, lower = cols.children, cols.dep, cols.lower
    out: list[int] = []
    for c in kids[i]:
        if dep[c] in ("dobj", "nsubjpass"):
            out.append(c)
            out.extend(o for o in kids[c] if dep[o] in ("conj", "compound"))
            for prep in kids[c]:
                if dep[prep] == "prep" and lower[prep] == "of":
                    for o in kids[prep]:
                        if dep[o] == "pobj":  # 'part of an aid programme', 'state of emergency'
                            out.append(o)
                            out.extend(x for x in kids[o] if dep[x] == "compound")
    return out


def _phrase_or_ending(
    tok: Any, lex: Lexicon, verb: str | None = None, objects: list[int] | None = None
) -> tuple[str, Any | None] | None:
    """A verb-object phrase of the lexicon ('set fire', 'open fire', 'accept demands'), or
    a verb ending what its object names ('suspended aid', 'lifted the curfew'). ``verb``
    and ``objects``: the token's verb lemma and objects, when known."""
    doc, cols = tok.doc, columns(tok.doc)
    if verb is None:
        verb = _verb_lemma(tok, lex)
    for c in cols.children[tok.i]:
        # 'declined to comment', 'called on X to ...', 'pressed for talks'
        if cols.dep[c] == "xcomp":
            code = lex.phrases.get((verb, cols.lemma_lower[c]))
            if code is not None:
                return code, doc[c]
        if cols.dep[c] in ("prep", "prt"):
            code = lex.prep_verbs.get((verb, cols.lower[c]))
            if code is not None:
                return code, None
            for o in cols.children[c]:  # 'agreed to a ceasefire', 'took to the streets'
                code = lex.phrases.get((verb, _noun_lemma_at(cols, o)))
                if code is not None and cols.dep[o] == "pobj":
                    return code, doc[o]
    for o in _objects_at(cols, tok.i) if objects is None else objects:
        lemma = _noun_lemma_at(cols, o)
        code = lex.phrases.get((verb, lemma))
        if code is not None:
            return code, doc[o]
        if verb in lex.enders:
            if lemma in lex.classes.get("relations", set()):
                return "161", doc[o]
            if lemma in lex.classes.get("funding", set()):
                return "1621", doc[o]  # 'halted financing': a cut in economic aid
            senses = lex.nouns.get(lemma)
            if senses:
                inner = choose_sense(senses, doc[o], lex)
                ended = ending_code(inner) if inner else None
                if ended is not None:
                    return ended, doc[o]
    return None


def _noun_ending(tok: Any, lex: Lexicon) -> tuple[str, Any] | None:
    """'a suspension of air links', 'the lifting of sanctions': ending, as a noun."""
    if tok.lemma_.lower() not in lex.enders:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                lemma = obj.lemma_.lower()
                if lemma in lex.classes.get("relations", set()):
                    return "161", obj
                senses = lex.nouns.get(lemma)
                inner = choose_sense(senses, obj, lex) if senses else None
                ended = ending_code(inner) if inner else None
                if ended is not None:
                    return ended, obj
    return None


def _shouting(word: str) -> bool:
    """Words in all-capital headlines: the tagger and parser are unreliable there."""
    return len(word) > 2 and word.isupper()


def _slots(cols: Columns, lex: Lexicon) -> tuple[list[int], list[int]]:
    """The tokens of the document that the two loops of :func:`find_triggers` look at: verbs
    (not in shouted headlines), and nouns that are no entity and either end something or
    name an event (the others pass no test there). Worked out once per document."""
    found = cols.memo.get("events.slots")
    if found is None or found[0] is not lex:
        words, pos, dep, ent_type, lemma = (
            cols.text,
            cols.pos,
            cols.dep,
            cols.ent_type,
            cols.lemma_lower,
        )
        verbs = [
            i
            for i in range(cols.n)
            if (pos[i] == "VERB" or (pos[i] == "AUX" and dep[i] != "aux"))
            and not _shouting(words[i])
        ]
        nouns = [
            i
            for i in range(cols.n)
            if pos[i] in ("NOUN", "PROPN")
            and not ent_type[i]
            and not _shouting(words[i])
            and (lemma[i] in lex.enders or lex.nouns.get(_noun_lemma_at(cols, i)))
        ]
        found = cols.memo["events.slots"] = (lex, verbs, nouns)
    return found[1], found[2]


def find_triggers(sent: Any, lex: Lexicon) -> Iterator[Trigger]:
    """The triggers of one sentence, in text order."""
    claimed: set[int] = set()
    found: list[Trigger] = []
    doc = sent.doc
    cols = columns(doc)  # tests on plain lists; a Token only for the words passing them
    verbs, nouns = _slots(cols, lex)
    pos = cols.pos
    for i in verbs[bisect_left(verbs, sent.start) : bisect_left(verbs, sent.end)]:
        tok = doc[i]
        # what the tests below read of the verb, worked out once
        base = _base_lemma(cols.lemma_lower[i], pos[i], cols.lower[i], lex)
        verb_lemma = _verb_lemma(tok, lex, base)
        objects = _objects_at(cols, i)
        special = _phrase_or_ending(tok, lex, verb_lemma, objects) or demand(tok, lex, base)
        if special is not None:
            code, claim = special
            if claim is not None:
                claimed.add(claim.i)
            found.append(Trigger(tok, code))
            continue
        obj = _light_object(tok, lex, base, objects)
        if obj is not None and obj.i not in claimed:
            noun_code = choose_sense(lex.nouns[obj.lemma_.lower()], obj, lex)
            if noun_code is not None:
                claimed.add(obj.i)
                found.append(Trigger(obj, noun_code, light=tok, nominal=True))
                continue
        senses = lex.verbs.get(verb_lemma)
        if not senses or tok.dep_ == "amod":
            continue
        if describes_party(tok):
            continue
        head = tok.head
        if tok.dep_ in ("xcomp", "acl", "ccomp") and (
            head.lemma_.lower() in ABSORBING or head.lemma_.lower() in ABSORBING_NOUNS
        ):
            continue  # 'threatened to invade', 'an ultimatum to halt attacks
        verb_code = choose_sense(senses, tok, lex)
        if verb_code is not None:
            found.append(Trigger(tok, ATTEMPTED if attempted(tok, verb_code, lex) else verb_code))
    for i in nouns[bisect_left(nouns, sent.start) : bisect_left(nouns, sent.end)]:
        if i in claimed:
            continue
        tok = doc[i]
        ended = _noun_ending(tok, lex)
        if ended is not None:
            claimed.add(ended[1].i)
            head = tok.head
            light = (
                head if tok.dep_ == "dobj" and base_lemma(head, lex) in lex.light_verbs else None
            )
            found.append(Trigger(tok, ended[0], light=light, nominal=True))
            continue
        senses = lex.nouns.get(_noun_lemma(tok))
        if not senses or tok.dep_ == "compound":
            continue
        nominal_code = choose_sense(senses, tok, lex)
        if nominal_code is not None:
            if attempted(tok, nominal_code, lex):
                nominal_code = ATTEMPTED
            found.append(Trigger(tok, nominal_code, nominal=True))
    found = [t for t in found if not background(t.light if t.light is not None else t.token)]
    found.sort(key=lambda t: t.token.i)
    yield from absorb_contents(found)
