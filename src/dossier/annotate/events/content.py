"""Acts that are the content of another event, not happenings of their own.

A demand, an appeal or a threat names the act it asks for or threatens ('demanded the
withdrawal of troops', 'called for talks', 'threatened a strike'); a refusal names the act
refused ('refused to lift the siege', 'rejected their demands'); a protest names what it
demands ('rallied demanding his release'). CAMEO codes one event there, the demand,
appeal, threat, refusal or protest, and refines a generic code by the act: a demand for
talks is 106, a refusal to yield 124.
The act is dropped from the triggers; the governing trigger keeps it in its code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dossier.annotate.events.lexicon import content_code

if TYPE_CHECKING:
    from dossier.annotate.events.triggers import Trigger

# Roots whose triggers take an act as their content, and the generic code each refines.
_ASKING = ("02", "10", "13")  # appeal, demand, threaten: any complement or object
_REFUSING = "12"  # reject: an infinitive complement ('refused to lift')
_PROTEST = "14"  # a protest's own demand ('staged a rally demanding ...')
_ASKED = ("02", "10")  # what a protest's demand is coded as
# Dependencies from an act up to the word that takes it as its content.
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj"})
_CONTENT_PREPS = frozenset({"for", "on"})  # 'called for talks', 'insisted on a vote'
_PURPOSE_DEPS = frozenset({"advcl", "acl", "xcomp"})


def _governor(tok: Any) -> Any | None:
    """The word taking ``tok`` as its content: its head by a complement or object
    dependency ('demanded [a meeting]'), through coordination ('the withdrawal and [the
    release]') and through 'for'/'on' ('called for [talks]')."""
    cur = tok
    for _ in range(4):
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.dep_ in _CONTENT_DEPS:
        return cur.head
    prep = cur.head
    if cur.dep_ in ("pobj", "pcomp") and prep.dep_ == "prep" and prep.lower_ in _CONTENT_PREPS:
        return prep.head
    return None


def _owner(trig: Trigger, at: dict[int, Trigger]) -> Trigger | None:
    """The trigger whose content ``trig`` is: up the content dependencies from the act's
    word (or the light verb it takes: 'demanded that they [hold] talks'), passing through
    at most two verbs that are no trigger ('demanded that the US [match] its support')."""
    cur = trig.light if trig.light is not None else trig.token
    for _ in range(3):
        gov = _governor(cur)
        if gov is None:
            return None
        owner = at.get(gov.i)
        if owner is not None and owner is not trig:
            return owner
        if gov.pos_ not in ("VERB", "AUX"):
            return None
        cur = gov
    return None


def _purpose_of(trig: Trigger, at: dict[int, Trigger]) -> Trigger | None:
    """The protest whose purpose ``trig`` states ('marched [demanding] reforms',
    'began a hunger strike [to demand] his release')."""
    tok = trig.token
    if tok.dep_ not in _PURPOSE_DEPS or tok.head.i == tok.i:
        return None
    owner = at.get(tok.head.i)
    if owner is not None and owner.code.startswith(_PROTEST):
        return owner
    return None


def absorb_contents(found: list[Trigger]) -> list[Trigger]:
    """The triggers of one sentence without those that are another's content; the
    governing trigger's generic code refined by the act it absorbs."""
    at: dict[int, Trigger] = {}
    for t in found:
        at.setdefault(t.token.i, t)
        if t.light is not None:
            at.setdefault(t.light.i, t)
    dropped: set[int] = set()
    for trig in found:
        root = trig.code[:2]
        owner = _owner(trig, at)
        if owner is not None and id(owner) not in dropped:
            kind = owner.code[:2]
            word = trig.light if trig.light is not None else trig.token
            refusal = kind == _REFUSING and word.dep_ in ("xcomp", "dobj")
            if kind in _ASKING or refusal:
                refined = content_code(owner.code, root)
                if refined is not None:
                    owner.code = refined
                dropped.add(id(trig))
                continue
        protest = _purpose_of(trig, at) if root in _ASKED else None
        if protest is not None and id(protest) not in dropped:
            dropped.add(id(trig))
    return [t for t in found if id(t) not in dropped]
