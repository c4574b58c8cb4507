"""How a place name is used: a point on the map, the actor behind it, or a demonym.

- ``demonym``: a nationality word ('North Korean', 'Russians') — it points to the country;
- ``metonymic``: the place stands for its government, people or team — the subject of a
  verb that is not about location or weather ('Pyongyang denied', 'France beat Spain'),
  the object of a verb aimed at an actor ('urged Seoul'), the owner of anything but a
  part of the place ("Beijing's response", not "Odesa's port"), the other party after
  'with' or 'against' ('talks with Tokyo'), or a seat of power named as an organisation
  ('the Kremlin', 'the White House');
- ``literal``: everything else ('in Pyongyang', 'the Sea of Azov').

Rules on the dependency parse, not a trained classifier: no labelled metonymy data ships
offline with a licence we can use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dossier.annotate.columns import char_span
from dossier.resources import read_table


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """Word sets from ``gazetteer_usage.tsv``: verbs whose subject stays a place, verbs
    whose object is an actor, nouns naming parts of a place, and prepositions."""
    return {row[0]: frozenset(row[1].split()) for row in read_table("gazetteer_usage.tsv")[1:]}


def _first_conjunct(tok: Any) -> Any:
    """'Lyon and Marseille': Marseille takes the role of Lyon."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def usage(doc: Any, start: int, end: int, label: str, entity_type: str) -> str:
    """'literal', 'metonymic' or 'demonym' for the place name at [start, end) of ``doc``."""
    if entity_type == "GROUP":
        return "demonym"
    span = char_span(doc, start, end)
    if span is None or len(span) == 0:
        return "metonymic" if entity_type == "ORG" else "literal"
    words = _words()
    root = _first_conjunct(span.root)
    head = root.head
    lemma = head.lemma_.lower()
    if root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and lemma not in words["place_verbs"]:
        return "metonymic"  # 'Moscow denied', 'France beat Spain'; not 'Texas lies...'
    if root.dep_ in ("dobj", "dative") and lemma in words["patient_verbs"]:
        return "metonymic"  # 'urged Pyongyang', 'sanctioned Moscow'
    if root.dep_ == "poss" and lemma not in words["place_nouns"]:
        return "metonymic"  # "Beijing's response"; not "Odesa's port"
    if root.dep_ == "pobj" and lemma in words["actor_preps"]:
        return "metonymic"  # 'talks with Seoul', 'sanctions against Moscow'
    if root.dep_ == "pobj" and lemma in words["locative_preps"]:
        return "literal"
    # a place tagged as an organisation is its government, team or council ('the Kremlin')
    return "metonymic" if entity_type == "ORG" else "literal"


def is_modifier(doc: Any, start: int, end: int) -> bool:
    """Whether the name modifies a noun ('Russian officials', 'the Texas law') rather than
    heading its own phrase ('the Russians', 'in Texas')."""
    span = char_span(doc, start, end)
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i


def locative_head(span: Any) -> bool:
    """Whether the name is the object of a locative preposition ('in Saskatoon', 'near
    the port of Odesa')."""
    root = _first_conjunct(span.root)
    head = root.head
    return bool(root.dep_ == "pobj" and head.lemma_.lower() in _words()["locative_preps"])
