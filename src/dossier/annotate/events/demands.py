"""Demands told as a reported 'must' clause: 'the minister said that Serbia must withdraw'.

A speaker's 'X must ...' is a demand (CAMEO 100) when X is a party other than the speaker;
'we must be ready', 'the country must be ready', 'the trial should be moved' give the
speaker's view, not a demand made of anyone.
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.events.lexicon import Lexicon

# Entity types of a named party ('Serbia must withdraw', 'the Kremlin should stop').
PARTY_ENTS = frozenset({"PERSON", "NORP", "GPE", "ORG"})


def demand(tok: Any, lex: Lexicon, base: str | None = None) -> tuple[str, Any | None] | None:
    """'said that China must drop its barriers': a demand by the speaker."""
    if (base if base is not None else tok.lemma_.lower()) not in lex.demand_cues:
        return None
    for c in tok.children:
        if (
            c.dep_ == "ccomp"
            and any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children)
            and not any(a.dep_ == "neg" for a in c.children)
            and _addressed_party(c, lex)
        ):
            return "100", None
    return None


def _addressed_party(clause: Any, lex: Lexicon) -> bool:
    """Whether a 'must' clause is aimed at a party: its subject is a named party, a
    pronoun for one or an actor noun ('Serbia must withdraw', 'they must go'); not the
    speaker's own side or everyone ('we must be ready', 'the country must be ready',
    'people should stay home'), nor a thing ('the trial should be moved', 'it should be
    possible'): then it is the speaker's view, no demand (CAMEO 100 asks for a demand
    made of someone)."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in ("he", "she", "they", "you")
    if any(t.ent_type_ in PARTY_ENTS for t in subj.subtree):
        return True
    lemma = subj.lemma_.lower()
    return lemma in lex.classes.get("actor", set()) and lemma not in lex.classes.get(
        "general", set()
    )
