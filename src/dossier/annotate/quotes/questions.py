"""Questions put to a speaker: 'Asked about [the toll], she said ...'.

News reports a question as the occasion of an answer: 'Asked whether ...', 'When asked
by a caller about ...', 'Okafor was asked by the moderator if ...'. What was asked is
attributed to the asker, named by 'by X' or left unnamed (no speaker); the answer is a
quote of its own. Only the participle counts ('has asked X to' is an ordinary speech verb).
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.quotes.cues import Cand, set_cue
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.speakers import SpeakerSpan, phrase_of
from dossier.annotate.quotes.trim import char_span, trim_edges

# links from 'asked' down to an 'about' phrase that the parser hung on an adjunct's noun
# ('asked during a call on Friday about [the plan]')
_ADJUNCT_PATH = frozenset({"prep", "pobj", "npadvmod", "compound"})


def _about(verb: Any) -> Any | None:
    """The 'about' phrase of the question, on the verb or on one of its adjuncts."""
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.dep_ != "prep" or tok.lower_ != "about":
            continue
        head = tok.head
        while head.i != verb.i and head.dep_ in _ADJUNCT_PATH:
            head = head.head
        if head.i == verb.i:
            return tok
    return None


def _asked_passive(verb: Any) -> bool:
    """'Asked ...' / 'when asked ...' / 'was asked ...', not 'has asked' or 'a question
    asked by ...'."""
    if verb.lower_ != "asked" or verb.tag_ != "VBN" or verb.dep_ in ("acl", "relcl", "amod"):
        return False
    deps = {c.dep_ for c in verb.children}
    if "auxpass" in deps:
        return True
    return "aux" not in deps and "nsubj" not in deps


def asked(ix: DocIndex, verb: Any) -> Cand | None:
    """What ``verb`` ('asked') says was asked, with the asker as speaker when 'by X' names
    one."""
    if not _asked_passive(verb):
        return None
    doc = verb.doc
    toks: list[Any] = []
    for child in verb.rights:
        if child.dep_ in ("ccomp", "dobj", "xcomp"):
            toks = list(child.subtree)
            break
        if child.dep_ == "advmod" and child.lower_ in ("why", "how"):
            toks = [child]  # 'Asked why, she shrugged'
            break
    if not toks:
        about = _about(verb)
        if about is not None:
            toks = list(about.subtree)
    if not toks or not any(t.is_alpha for t in toks):
        return None
    start, end = trim_edges(ix, *char_span(sorted(toks, key=lambda t: t.i)))
    ps, pe = ix.paras[ix.para_of(verb.idx)]
    if end <= start or start < ps or end > pe:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    c = Cand(start, end, "indirect", sourceless=asker is None)
    set_cue(c, ix, verb)
    if asker is not None:
        lo, hi = phrase_of(doc, asker)
        c.speaker = SpeakerSpan(doc[lo].idx, doc[hi].idx + len(doc[hi].text), asker.i)
    return c
