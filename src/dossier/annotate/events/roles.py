"""Who is the source and who the target of a trigger, read from the dependency parse.

Verbs: subject -> source, object (or 'to'/'with'/'on'/'against' object) -> target; passives
swap ('were damaged by missiles'); subjects are inherited through 'expected to meet',
coordinated verbs and 'accused X of supplying'. Nouns: possessor ('Putin's visit'), 'by'
and 'from' objects -> source; 'with', 'to', 'against', 'on' objects -> target; 'between X
and Y' gives both. Light verbs ('held a meeting') lend their subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dossier.annotate.events.allegiance import misparsed_complement
from dossier.annotate.events.arguments import Actor, ActorFinder, child, prep_objects
from dossier.annotate.events.lexicon import lexicon
from dossier.annotate.events.modality import ATTRIBUTING, REPORTING

# Verbs whose object (or passive subject) did the act of their 'for' complement.
PUNISHING = frozenset(
    {"arrest", "detain", "jail", "convict", "sentence", "fine", "punish", "sue", "prosecute",
     "indict", "try", "execute", "expel", "fire", "sack", "suspend", "ban"}
)  # fmt: skip
# Nouns of a charge whose 'of' act the arrested or tried party did ('on charges of ...').
CHARGE_NOUNS = frozenset({"charge", "suspicion", "accusation", "allegation"})
# Verbs whose object is the accused/suspected party of the embedded 'of ...' event.
OBJECT_CONTROL = frozenset(
    {"accuse", "suspect", "blame", "charge", "urge", "help", "force", "allow", "ask", "call",
     "warn", "caution", "threaten", "prevent", "stop", "bar", "ban"}
)  # fmt: skip
MAX_CO_SOURCES = 8  # a joint act of a list of parties ("the G7 leaders ...") keeps them all
VERBAL_ACTS = ATTRIBUTING | REPORTING  # what a reporter goes on to do: 'blaming', 'accusing'
# Cooperative roots: coordinated subjects with no other target act toward each other.
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
# Prepositions whose objects are not the target of the event.
NOT_TARGET_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "during",
        "after",
        "before",
        "since",
        "until",
        "by",
        "from",
        "via",
        "through",
        "across",
        "over",
        "throughout",
        "within",
        "inside",
        "outside",
        "despite",
        "because",
        "as",
        "like",
        "without",
        "under",
        "around",
        "between",
        "among",
    }
)
# Dependencies the fallback target search follows below the trigger.
TARGET_PATH_DEPS = frozenset(
    {
        "dobj",
        "dative",
        "pobj",
        "pcomp",
        "xcomp",
        "poss",
        "compound",
        "amod",
        "nmod",
        "appos",
        "attr",
        "oprd",
    }
)
# Participles that state a stance with 'be' ('is committed to', 'is opposed to').
STATIVE = frozenset({"commit", "oppose", "determine", "dedicate", "resolve", "prepare"})
# Verbs whose object event is attributed to their subject ('deny a deal').
EMBEDDING = frozenset({"deny", "refute", "confirm", "admit", "acknowledge", "conceal"})
# Light verbs whose subject receives rather than does ('North Korea will receive aid').
REVERSING = frozenset({"receive", "get", "obtain", "accept"})
TARGET_PREPS_BY_ROOT: dict[str, tuple[str, ...]] = {
    "02": ("to", "on", "with"),  # 'pleaded with the kidnappers'
    "03": ("with",),
    "04": ("with", "to"),
    "05": ("of", "for", "to"),
    "06": ("with",),
    "07": ("to", "for"),
    "08": ("to",),
    "09": ("into", "of"),
    "10": ("from", "of", "on", "to"),
    "11": ("of", "against", "for"),
    "12": ("of", "from"),
    "13": ("to", "against", "on"),
    "14": ("against", "outside", "with", "at"),
    "15": ("against",),
    "16": ("on", "against", "from"),
    "17": ("of",),
    "18": ("on", "against", "of"),
    "19": ("on", "against", "of", "into", "with"),
    "20": ("of", "against", "on"),
}


@dataclass
class Roles:
    sources: list[Actor]
    target: Actor | None


def _things_ok(code: str) -> bool:
    return code.startswith(("17", "18", "19", "20"))


def subject_token(tok: Any) -> Any | None:
    """The subject of a verb, inherited from governing verbs where it is unexpressed."""
    cur = tok
    for _ in range(4):
        subjs = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        if subjs:
            # the subject nearest the verb (a run-in dateline can parse as a second subject)
            return min(subjs, key=lambda c: abs(c.i - cur.i))
        if child(cur, "nsubjpass") is not None and cur is not tok:
            return child(cur, "nsubjpass")
        head = cur.head
        if head.i == cur.i:
            return None
        if misparsed_complement(cur):
            cur = head  # 'groups opposed to the deal held a rally': the groups held it
            continue
        if (
            cur.dep_ == "acl"
            and cur.tag_ == "VBG"
            and head.pos_ in ("NOUN", "PROPN")
            and head.dep_ in ("dobj", "attr")
        ):
            # 'issued a statement demanding ...': the issuer demands
            cur = head.head
            continue
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            if cur.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
                obj = child(head, "dobj")
                if obj is not None:
                    return obj
            if cur.dep_ == "advcl" and head.dep_ == "ccomp" and cur.lemma_ in VERBAL_ACTS:
                # 'X said [the talks had ended], blaming Y': the reporter blames
                head = head.head if head.head.lemma_ in ATTRIBUTING else head
            cur = head
            continue
        if cur.dep_ == "pcomp" and head.dep_ == "prep":
            verb = head.head
            if (
                verb.pos_ in ("NOUN", "PROPN")
                and verb.dep_ == "dobj"
                and verb.head.lemma_.lower() in OBJECT_CONTROL
            ):
                return verb  # 'accused [the colonel of] torturing': 'of' hangs on the object
            if verb.lemma_.lower() in CHARGE_NOUNS and verb.dep_ == "pobj":
                # 'arrested a teacher on charges of raping': the one arrested did it
                punisher = verb.head.head
                return child(punisher, "dobj") or child(punisher, "nsubjpass")
            lemma = verb.lemma_.lower()
            if lemma in OBJECT_CONTROL or (lemma in PUNISHING and head.lower_ == "for"):
                # 'accused him of beating', 'was charged with stabbing', 'arrested a man
                # for stabbing': the one accused or punished did it; 'a man accused of
                # stabbing': the man
                found = child(verb, "dobj") or child(verb, "nsubjpass")
                if found is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                    found = verb.head
                return found
            cur = verb
            continue
        if cur.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN") and not child(cur, "advmod"):
            return head
        return None
    return None


# Prepositions introducing the act a complaint or protest is about.
DEPLORED_PREPS = ("over", "about", "against", "at")


def _deplored_party(finder: ActorFinder, nouns: list[Any]) -> Actor | None:
    """The party named as the doer of an event noun ('two Israeli air raids', "Serbia's
    crackdown", 'violations by the army')."""
    events = lexicon().nouns
    for noun in nouns:
        if noun.lemma_.lower() not in events:
            continue
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < noun.i:
                actor = finder.actor(c)
                if actor is not None and actor.mention_id:
                    return actor
        for _, agent in prep_objects(noun, ("by",)):
            actor = finder.actor(agent)
            if actor is not None:
                return actor
    return None


def _first_actor(finder: ActorFinder, toks: list[Any], things: bool) -> Actor | None:
    for t in toks:
        a = finder.actor(t, allow_things=things)
        if a is not None:
            return a
    return None


def _named_parties(finder: ActorFinder, toks: list[Any]) -> list[Actor]:
    """The parties named in a token run ('Putin and North Korea's Kim'): mentions and actor
    nouns, skipping possessive modifiers of a following party ('North Korea's')."""
    out: list[Actor] = []
    seen: set[int] = set()
    for t in toks:
        if t.is_punct or t.dep_ in ("cc", "case", "det", "prep"):
            continue
        a = finder.actor(t)
        if a is None or a.start in seen:
            continue
        if finder.text[a.end : a.end + 2] in ("'s", "’s") and any(
            x.idx > a.end
            and not x.is_punct
            and x.dep_ not in ("case", "cc")
            and finder.actor(x) is not None
            for x in toks
        ):
            continue
        if any(o.start <= a.start < o.end for o in out):
            continue
        seen.add(a.start)
        out.append(a)
    return out


def _gathering_subject(tok: Any) -> Any | None:
    """'thousands converged for a rally', 'died during demonstrations': a protest noun
    governed by for/in/during/at takes the governing verb's subject."""
    head = tok.head
    if tok.dep_ != "pobj" or head.lower_ not in ("for", "in", "during", "at", "into", "on"):
        return None
    verb = head.head
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
        verb = verb.head  # 'pledged 50 billion euros in aid'
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return subject_token(verb)


def _embedding_subject(tok: Any) -> Any | None:
    """'the two states deny that any such pact exists': the pact's parties are the
    subject of the verb that embeds it."""
    cur = tok
    for _ in range(5):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("pobj", "prep", "dobj", "nsubjpass"):
            return None
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in EMBEDDING:
                return subject_token(head)
            return None
        cur = head
    return None


def _sources_from(
    finder: ActorFinder, tok: Any | None, symmetric: bool, loose: bool = True
) -> tuple[list[Actor], Actor | None]:
    """Source actors from a subject token; for symmetric events the second conjunct is the
    target ('Putin and Kim met')."""
    if tok is None:
        return [], None
    conj = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
    actors = [a for a in (finder.actor(c) for c in conj) if a is not None]
    if not actors and loose:
        actors = [a for a in (finder.actor(c, loose=True) for c in conj) if a is not None]
    if symmetric and len(actors) >= 2:
        return [actors[0]], actors[1]
    return actors[:MAX_CO_SOURCES], None


def _shared_passive_subject(tok: Any) -> Any | None:
    """The passive subject a conjoined participle shares with the verb it is joined to
    ('X was dragged out and arrested by police': X was arrested), None if it has its own
    subject or is not passive."""
    if tok.dep_ != "conj" or tok.tag_ != "VBN" or child(tok, "nsubj", "nsubjpass") is not None:
        return None
    head = tok.head
    if head.tag_ != "VBN" or child(head, "auxpass") is None:
        return None
    return child(head, "nsubjpass")


def verb_roles(finder: ActorFinder, tok: Any, code: str, symmetric: bool) -> Roles:
    things = _things_ok(code)
    passive_subj = child(tok, "nsubjpass")
    if passive_subj is None:
        passive_subj = _shared_passive_subject(tok)
    target: Actor | None = None
    if (
        passive_subj is not None
        and tok.lemma_.lower() in STATIVE
        and not prep_objects(tok, ("by",))
    ):
        # 'Vietnam is committed to ...', 'Israel is opposed to ...': a stance, not a passive
        passive_subj = None
        sources, _ = _sources_from(finder, child(tok, "nsubjpass"), symmetric)
        objs = [o for _, o in prep_objects(tok, ("to",))]
        return Roles(sources, _first_actor(finder, objs, things))
    if passive_subj is not None:
        agents = [obj for p, obj in prep_objects(tok, ("by",))]
        sources = [a for a in (finder.actor(t, things) for t in agents) if a is not None]
        if sources and not (sources[0].mention_id or finder.actor(agents[0]) is not None):
            sources = []  # 'damaged by missiles': the instrument is not an actor
        target = finder.actor(passive_subj, allow_things=True, loose=True)
        return Roles(sources[:1], target)
    sources, sym_target = _sources_from(finder, subject_token(tok), symmetric)
    target = sym_target
    if target is None:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        target = _first_actor(finder, objs, things or code.startswith("04"))
    if target is None:
        preps = TARGET_PREPS_BY_ROOT.get(code[:2], ())
        target = _first_actor(finder, [o for _, o in prep_objects(tok, preps)], things)
    if target is None and code.startswith(("11", "14")):
        # 'complained over two Israeli air raids': the doer of the deplored act
        target = _deplored_party(finder, [o for _, o in prep_objects(tok, DEPLORED_PREPS)])
    if target is None and code.startswith(("02", "10", "11", "12", "13")):
        # 'warned that Iran would face consequences', 'demanded that Iraq allow ...':
        # the party the words are aimed at
        comp = child(tok, "ccomp")
        subj = child(comp, "nsubj", "nsubjpass") if comp is not None else None
        if subj is not None:
            target = finder.actor(subj)
    if target is None and len(sources) >= 2 and code[:2] in MUTUAL_ROOTS:
        # 'Russia and China vowed to expand cooperation': they cooperate with each other
        return Roles(sources[:1], sources[1])
    if target is None and not code.startswith("01"):
        target = _named_object(finder, tok, sources)
    if target is not None and any(s.start == target.start for s in sources):
        target = None
    return Roles(sources, target)


def _named_object(finder: ActorFinder, tok: Any, exclude: list[Actor]) -> Actor | None:
    """Fallback target: the nearest named party (mention) below the trigger, searched
    breadth-first through its objects, complements and their modifiers ('rejected a U.S.
    request', "support Turkey's efforts", 'called for sanctions against Nigeria'), never
    through subjects or place, time and instrument phrases."""

    def taken(a: Actor) -> bool:
        return any(a.start < e.end and e.start < a.end for e in exclude)

    frontier = [c for c in tok.children if _leads_to_target(c, tok)]
    for _ in range(4):
        nxt: list[Any] = []
        for t in frontier:
            actor = finder.actor(t)
            if (
                actor is not None
                and actor.mention_id
                and not taken(actor)
                and actor.mention_type in ("PERSON", "ORG", "GROUP", "PLACE")
            ):
                return actor
            if t.lemma_.lower() in finder_weapons():
                continue  # 'Caesar howitzers': a weapon's name is not a party
            nxt.extend(c for c in t.children if _leads_to_target(c, tok))
        frontier = nxt
    return None


def finder_weapons() -> set[str]:
    return lexicon().classes.get("weapon", set())


def _leads_to_target(tok: Any, trigger: Any) -> bool:
    """Whether the target search may step into ``tok``."""
    dep = tok.dep_
    if dep == "prep":
        return tok.lower_ not in NOT_TARGET_PREPS
    if dep == "advcl":
        # 'threatened a strike unless Israel rescinded ...'
        return any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in tok.children)
    if dep in ("nsubj", "nsubjpass"):
        return tok.head.i != trigger.i  # the trigger's own subject is its source
    return dep in TARGET_PATH_DEPS


POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})


def _possessor(tok: Any) -> Any | None:
    """Whose the event noun is: its possessor; for a possessive pronoun the subject of the
    verb the noun is the object of ('the rebels ended [their] offensive': the rebels)."""
    poss = child(tok, "poss")
    if poss is None or poss.lower_ not in POSSESSIVE_PRONOUNS or tok.dep_ != "dobj":
        return poss
    subj = subject_token(tok.head)
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else poss


def noun_roles(
    finder: ActorFinder, tok: Any, code: str, symmetric: bool, light: Any | None
) -> Roles:
    things = _things_ok(code)
    sources: list[Actor] = []
    target: Actor | None = None
    between = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
    if between:
        actors = _named_parties(finder, list(between[0].subtree)[1:])
        if actors and code.startswith("045"):
            target = actors[0]  # 'mediation between X and Y': the mediator is the source
        elif actors:
            sources = actors[:1]
            target = actors[1] if len(actors) > 1 else None
    if not sources and symmetric:
        # 'the Putin-Kim meeting', 'Moscow and Pyongyang's talks'
        left = [t for t in tok.lefts if t.dep_ in ("compound", "poss", "nmod", "amod")]
        region = sorted({x for t in left for x in t.subtree}, key=lambda t: t.i)
        actors = _named_parties(finder, region)
        if len(actors) >= 2:
            sources, target = actors[:1], actors[1]
    if not sources:
        poss = _possessor(tok)
        cands = [poss] if poss is not None else []
        agents = [o for _, o in prep_objects(tok, ("by", "from"))]
        cands += agents
        cands += [
            c
            for c in tok.lefts
            if c.dep_ in ("compound", "amod", "nmod")
            and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
        ]
        actor = _first_actor(finder, [c for c in cands if c is not None], False)
        if actor is None and agents:
            # 'an attack by Ukrainian drones': a national weapon stands for its side
            actor = finder.actor(agents[0], loose=True)
        if actor is not None:
            sources = [actor]
    reversed_light = light is not None and light.lemma_.lower() in REVERSING
    if light is not None and not sources and not reversed_light:
        srcs, sym_target = _sources_from(finder, subject_token(light), symmetric)
        sources = srcs
        target = target or sym_target
    carriers = [tok] if light is None else [tok, light]
    preps = TARGET_PREPS_BY_ROOT.get(code[:2], ())
    if target is None:
        for carrier in carriers:
            target = _first_actor(finder, [o for _, o in prep_objects(carrier, preps)], things)
            if target is not None:
                break
    if not sources and light is None:
        embedding = _embedding_subject(tok)
        if embedding is None and code.startswith(("04", "07", "14", "15")):
            embedding = _gathering_subject(tok)
        if embedding is not None:
            srcs, sym_target = _sources_from(finder, embedding, symmetric)
            sources = srcs
            target = target or sym_target
    if target is None:
        target = _named_object(finder, tok, sources)
    if reversed_light and light is not None:
        recipient = finder.actor(subject_token(light)) if subject_token(light) else None
        if not sources:
            sources = [
                a
                for a in (
                    _first_actor(finder, [o for _, o in prep_objects(light, ("from",))], False),
                )
                if a is not None
            ]
        target = recipient or target
    if target is not None and any(s.start == target.start for s in sources):
        target = None
    return Roles(sources, target)
