"""Attempts on a life: a killing that is only attempted or plotted is CAMEO 185.

'plotted to kill the judge', 'tried to assassinate the president', 'an attempt to kill
him', 'the attempted assassination' and 'an assassination attempt' name an attempt to
assassinate (185), not the killing itself (1823, 186). The cue words are the lexicon's
``attempt`` class; the ``assassin`` class names the killing an attempt noun may carry.
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.events.lexicon import Lexicon

ATTEMPTED = "185"
# codes of a killing that an attempt cue turns into an attempted assassination
KILLINGS = frozenset({"186", "1823", "180"})


def _cue(tok: Any, lex: Lexicon) -> bool:
    return tok.lemma_.lower() in lex.classes.get("attempt", set()) or (
        tok.lower_ in lex.classes.get("attempt", set())
    )


def attempted(tok: Any, code: str, lex: Lexicon) -> bool:
    """Whether the killing ``tok`` (coded ``code``) is only attempted or plotted: the
    complement of an attempt verb ('tried to kill'), the clause of an attempt noun ('a
    plot to kill'), or a killing noun an attempt word modifies ('attempted murder')."""
    if code not in KILLINGS:
        return False
    if tok.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ in ("amod", "compound") and _cue(c, lex) for c in tok.children)
    head = tok.head
    return tok.dep_ in ("xcomp", "acl") and head.i != tok.i and _cue(head, lex)
