"""How a place name is used: a point on the map, the actor behind it, or a demonym.

- ``demonym``: a nationality word ('North Korean', 'Russians') — it points to the country;
- ``metonymic``: the place stands for its government or people — the grammatical subject
  of a verb of saying, deciding or acting ('Pyongyang denied', 'Moscow has warned'), the
  owner of an act or a position ("Beijing's response"), or a seat of power named as an
  organisation ('the Kremlin', 'the White House');
- ``literal``: everything else ('in Pyongyang', 'the Sea of Azov').

Rules on the dependency parse, not a trained classifier: no labelled metonymy data ships
offline with a licence we can use.
"""

from __future__ import annotations

from typing import Any

# Verbs whose subject is an actor, not a location.
AGENT_VERBS = frozenset(
    [
        "say",
        "tell",
        "deny",
        "announce",
        "warn",
        "accuse",
        "agree",
        "sign",
        "refuse",
        "reject",
        "demand",
        "threaten",
        "condemn",
        "launch",
        "vote",
        "decide",
        "claim",
        "insist",
        "urge",
        "call",
        "respond",
        "want",
        "plan",
        "impose",
        "protest",
        "confirm",
        "criticise",
        "criticize",
        "blame",
        "vow",
        "pledge",
        "promise",
        "seek",
        "ask",
        "offer",
        "send",
        "supply",
        "provide",
        "help",
        "support",
        "oppose",
        "back",
        "recognise",
        "recognize",
        "veto",
        "boycott",
        "retaliate",
        "sanction",
        "expel",
        "summon",
        "negotiate",
        "propose",
        "order",
        "approve",
        "ban",
        "allow",
        "declare",
        "acknowledge",
        "admit",
        "dismiss",
        "insist",
        "welcome",
        "hail",
        "praise",
        "slam",
        "attack",
        "invade",
        "strike",
        "fire",
        "test",
        "seize",
        "hope",
        "fear",
        "believe",
        "expect",
        "argue",
        "state",
        "note",
        "stress",
        "report",
        "insist",
        "intend",
        "aim",
        "try",
        "push",
        "press",
        "pursue",
        "continue",
        "consider",
    ]
)
# Nouns whose possessor is an actor: "Moscow's response".
AGENT_NOUNS = frozenset(
    [
        "response",
        "decision",
        "government",
        "leadership",
        "position",
        "policy",
        "stance",
        "plan",
        "demand",
        "refusal",
        "offer",
        "proposal",
        "claim",
        "statement",
        "denial",
        "invasion",
        "attack",
        "strategy",
        "ambition",
        "support",
        "opposition",
        "reaction",
        "move",
        "bid",
        "efforts",
        "effort",
        "decision",
        "threat",
        "warning",
        "relations",
    ]
)


def usage(doc: Any, start: int, end: int, label: str, entity_type: str) -> str:
    """'literal', 'metonymic' or 'demonym' for the place name at [start, end) of ``doc``."""
    if entity_type == "GROUP":
        return "demonym"
    if entity_type == "ORG":
        return "metonymic"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "literal"
    root = span.root
    head = root.head
    if root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in AGENT_VERBS:
        return "metonymic"
    if root.dep_ == "poss" and head.lemma_.lower() in AGENT_NOUNS:
        return "metonymic"
    return "literal"


def is_modifier(doc: Any, start: int, end: int) -> bool:
    """Whether the name modifies a noun ('Russian officials', 'the Texas law') rather than
    heading its own phrase ('the Russians', 'in Texas')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i
