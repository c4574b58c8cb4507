"""Event arguments: who did it (source) and to whom (target), matched to entity mentions.

An argument is a token of the dependency parse (a subject, object or prepositional object).
It becomes an ``Actor``: the text span of the mention that covers it (or of its noun phrase
when no mention does) and the id of the mention it corresponds to. Pronouns are resolved to
the most recent compatible mention in the same or the previous sentence (a deliberately
small rule: spaCy ships no coreference model, and a wrong antecedent is worse than none).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from dossier.annotate.events.lexicon import lexicon
from dossier.records import Mention


def actor_nouns() -> set[str]:
    """Common nouns that can stand for an actor without a named-entity mention."""
    return lexicon().classes.get("actor", set())


def facility_nouns() -> set[str]:
    """Places and things an attack can be aimed at (ports, bases, warships)."""
    return lexicon().classes.get("facility", set())


def _weapons() -> set[str]:
    return lexicon().classes.get("weapon", set())


def not_actors() -> set[str]:
    """Nouns never taken as actors, even as the subject of an event verb."""
    return lexicon().classes.get("notactor", set())


COUNT_NOUNS = frozenset(
    {
        "thousand",
        "hundred",
        "dozen",
        "ten",
        "million",
        "score",
        "tens",
        "group",
        "number",
        "third",
        "half",
        "quarter",
        "part",
        "some",
        "most",
        "many",
        "batch",
        "patch",
    }
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True)
class Actor:
    """An event argument: its span in the text and the mention it corresponds to."""

    text: str
    start: int
    end: int
    mention_id: str | None = None
    mention_type: str | None = None
    token_i: int = -1  # the head token of the argument


class MentionIndex:
    """The mentions of one article, searchable by character offset."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]

    def covering(self, start: int, end: int) -> Mention | None:
        """The longest mention that covers ``[start, end)``."""
        i = bisect.bisect_right(self.starts, start)
        best: Mention | None = None
        for m in reversed(self.mentions[max(0, i - 8) : i]):
            if (
                m.start <= start
                and end <= m.end
                and (best is None or m.end - m.start > best.end - best.start)
            ):
                best = m
        return best

    def inside(self, start: int, end: int) -> list[Mention]:
        """The mentions lying within ``[start, end)``, in text order."""
        i = bisect.bisect_left(self.starts, start)
        out: list[Mention] = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def before(self, pos: int, floor: int) -> list[Mention]:
        """Mentions ending at or before ``pos`` and starting at or after ``floor``, latest first."""
        i = bisect.bisect_right(self.starts, pos)
        return [m for m in reversed(self.mentions[:i]) if m.end <= pos and m.start >= floor]


def phrase_bounds(tok: Any) -> tuple[int, int]:
    """Token bounds ``[lo, hi)`` of the noun phrase headed by ``tok`` (no trailing clauses)."""
    lo = tok.i
    for child in tok.lefts:
        if child.dep_ in (
            "det",
            "amod",
            "compound",
            "poss",
            "nummod",
            "quantmod",
            "nmod",
            "predet",
            "advmod",
            "case",
            "punct",
        ):
            lo = min(lo, child.left_edge.i)
    hi = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("compound", "case", "nummod"):
            hi = max(hi, child.right_edge.i + 1)
        elif child.dep_ == "appos" and child.i == hi:
            hi = max(hi, phrase_bounds(child)[1])
    doc = tok.doc
    while lo < tok.i and doc[lo].is_punct:
        lo += 1
    while hi - 1 > tok.i and doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


def _compatible(pron: str, m: Mention) -> bool:
    if pron in PERSON_PRONOUNS:
        return m.type == "PERSON"
    if pron in THING_PRONOUNS:
        return m.type == "ORG" or (m.type == "PLACE" and m.label in ("GPE", ""))
    if pron in GROUP_PRONOUNS:
        return m.type in ("ORG", "GROUP") or (m.type == "PLACE" and m.label in ("GPE", ""))
    return False


class ActorFinder:
    """Turns argument tokens into ``Actor`` records for one article."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self.text = text
        self.index = MentionIndex(mentions)
        self._actors: dict[tuple[Any, int, bool, bool], Actor | None] = {}

    def _span(self, doc: Any, lo: int, hi: int, m: Mention | None, head: int) -> Actor:
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        return Actor(
            self.text[start:end], start, end, m.id if m else None, m.type if m else None, head
        )

    def resolve_pronoun(self, tok: Any) -> Actor | None:
        """The pronoun's own span, tied to the latest compatible mention before it."""
        pron = tok.lower_
        sent = tok.sent
        prev_start = sent.start_char
        if sent.start > 0:
            prev_start = tok.doc[sent.start - 1].sent.start_char
        antecedent = None
        for m in self.index.before(tok.idx, prev_start):
            if _compatible(pron, m):
                antecedent = m
                break
        if antecedent is None and pron not in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
            return None
        end = tok.idx + len(tok)
        return Actor(
            self.text[tok.idx : end],
            tok.idx,
            end,
            antecedent.id if antecedent else None,
            antecedent.type if antecedent else None,
            tok.i,
        )

    def actor(self, tok: Any, allow_things: bool = False, loose: bool = False) -> Actor | None:
        """The actor an argument token stands for, or None if it does not look like one.

        ``allow_things`` also accepts facilities (ports, bases, warships) as targets;
        ``loose`` accepts any noun phrase (for the subject of an agentive trigger verb).
        """
        if tok is None:
            return None
        # asked again and again of the same tokens (roles, targets, fallbacks): once each
        key = (tok.doc, tok.i, allow_things, loose)
        if key not in self._actors:
            self._actors[key] = self._actor(tok, allow_things, loose)
        return self._actors[key]

    def _actor(self, tok: Any, allow_things: bool, loose: bool) -> Actor | None:
        doc = tok.doc
        if tok.lower_ in RELATIVE and tok.dep_.startswith("nsubj"):
            # 'who met X': the relative clause's head noun is the subject.
            head = tok.head
            while head.dep_ in ("relcl", "acl", "conj") and head.head.i != head.i:
                head = head.head
                if head.pos_ in ("NOUN", "PROPN"):
                    return self.actor(head, allow_things)
            return None
        if tok.pos_ == "PRON":
            return self.resolve_pronoun(tok)
        tok_end = tok.idx + len(tok)
        m = self.index.covering(tok.idx, tok_end)
        if m is not None:
            return Actor(m.text, m.start, m.end, m.id, m.type, tok.i)
        for child in tok.rights:
            if child.dep_ == "appos":
                cm = self.index.covering(child.idx, child.idx + len(child))
                if cm is not None:
                    return Actor(cm.text, cm.start, cm.end, cm.id, cm.type, child.i)
        lo, hi = phrase_bounds(tok)
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        inner = self.index.inside(start, end)
        lemma = tok.lemma_.lower()
        if lemma in COUNT_NOUNS or tok.like_num:
            # 'thousands of students': the counted group is the actor
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self.actor(obj, allow_things, loose)
        if inner:
            # 'the UK's elite forces', 'Russian troops': the phrase, tied to its named part.
            if (
                lemma in actor_nouns()
                or tok.pos_ == "PROPN"
                or (loose and (lemma not in _weapons() or inner[0].type in ("GROUP", "PLACE")))
                or (allow_things and lemma in facility_nouns())
            ):
                return self._span(doc, lo, hi, inner[0], tok.i)
            return None
        if lemma in actor_nouns() or (
            tok.pos_ == "PROPN"
            and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY")
        ):
            return self._span(doc, lo, hi, None, tok.i)
        if allow_things and lemma in facility_nouns():
            return self._span(doc, lo, hi, None, tok.i)
        if (
            loose
            and tok.pos_ in ("NOUN", "PROPN")
            and lemma not in not_actors()
            and lemma not in lexicon().nouns
            and lemma not in lexicon().classes.get("weapon", set())
            and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")
        ):
            return self._span(doc, lo, hi, None, tok.i)
        return None


def conjuncts(tok: Any) -> list[Any]:
    """``tok`` and the tokens coordinated with it ('Putin and Kim' -> [Putin, Kim])."""
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def child(tok: Any, *deps: str) -> Any | None:
    """The first child of ``tok`` with one of the dependency labels."""
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def prep_objects(tok: Any, preps: tuple[str, ...]) -> list[tuple[str, Any]]:
    """(preposition, object) pairs of the prepositional phrases attached to ``tok``."""
    out: list[tuple[str, Any]] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            for obj in c.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    out.append((c.lower_, obj))
    return out
