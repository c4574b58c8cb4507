"""Allegiance participles: words that describe a party rather than tell of an act.

'protesters opposed to the president', 'militias allied with the army' name who the
protesters and militias are; no opposing or allying happens in the sentence. The parser
often takes such a participle for the main verb and the real one for its complement
('groups opposed to the deal | held a rally'); the real verb then has the participle's
subject for its own.
"""

from __future__ import annotations

from typing import Any

ALLEGIANCE = frozenset({"oppose", "ally", "align", "affiliate"})


def _allegiance(tok: Any) -> bool:
    """An allegiance verb with its 'to' or 'with' party, without auxiliaries."""
    kids = list(tok.children)
    return (
        tok.lemma_.lower() in ALLEGIANCE
        and any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in kids)
        and not any(c.dep_ in ("aux", "auxpass") for c in kids)
    )


def misparsed_complement(tok: Any) -> bool:
    """Whether ``tok`` is the real main verb hung as a complement on an allegiance
    participle that the parser took for the main verb ('groups opposed to the deal
    [held] a rally')."""
    head = tok.head
    return (
        tok.dep_ in ("ccomp", "dep", "parataxis")
        and tok.pos_ == "VERB"
        and tok.i > head.i
        and not any(g.dep_.startswith("nsubj") for g in tok.children)
        and _allegiance(head)
    )


def describes_party(tok: Any) -> bool:
    """'groups opposed to the deal', 'rebels allied with the army': an allegiance
    participle after the noun it describes (also where the parser took it for the main
    verb)."""
    if not _allegiance(tok):
        return False
    if tok.dep_ == "acl":
        return tok.tag_ == "VBN"
    return any(misparsed_complement(c) for c in tok.children)
