"""Merging the events of one sentence that describe the same happening.

'the premier arrived in Hanoi on a state visit' gives a motion visit and a noun visit; 'two
ships were hit as a volley of rockets fell' gives a verb and a noun attack.
Two events merge when their codes agree to three digits, one trigger lies inside the other's
clause, and their actors do not contradict each other; violent events (roots 18-20) of one
sentence merge whenever their sources agree (what an attack hit and whom it killed may
differ), an asserted act with a reported one. A cooperative act announced inside a pledge
('vowed to strengthen military ties', 'agreed to hold talks') is the pledge's content, not
a second happening: the pledge keeps it, coded as the intent to do that act (032, 036).
"""

from __future__ import annotations

import dataclasses

from dossier.annotate.events.coding import plover_coding
from dossier.annotate.events.lexicon import cameo_convention, code_name, content_code, goldstein
from dossier.records import Event

_FIELDS = ("source", "target", "place")


def _same_party(a: Event, b: Event, fields: tuple[str, ...] = ("source", "target")) -> bool:
    for f in fields:
        ta, tb = getattr(a, f"{f}_text"), getattr(b, f"{f}_text")
        ma, mb = getattr(a, f"{f}_mention_id"), getattr(b, f"{f}_mention_id")
        if ta and tb and ta != tb and not (ma and ma == mb):
            return False
    return True


# Statuses of acts that took place: an act and the toll a party reports of it ('opened
# fire, killing two, sources said') are one happening whichever of them the attribution
# reaches.
_HAPPENED = frozenset({"asserted", "reported"})


def _conflict(a: Event, b: Event) -> bool:
    # a different status: 'swore to fight until they gain control' is two happenings
    same = a.status == b.status or {a.status, b.status} <= _HAPPENED
    # one attack names what it hit and whom it killed ('shelled the village, killing
    # nine'): violence of one sentence by one side is one happening whatever its targets
    fields = ("source",) if _violent(a) and _violent(b) and a.source_text else ("source", "target")
    return not same or not _same_party(a, b, fields)


def _inside(a: Event, b: Event) -> bool:
    assert a.trigger_start is not None
    return b.start <= a.trigger_start < b.end


def _violent(e: Event) -> bool:
    """Assaults, fighting and mass violence: one sentence rarely tells of two of them."""
    return e.code.startswith(("18", "19", "20"))


def _score(e: Event) -> int:
    return sum(getattr(e, f"{f}_text") is not None for f in _FIELDS) + (e.date is not None)


# Codes of a death or injury toll ('killed 20', 'wounded five'): the harm an act did, told
# with the act that did it.
_TOLL = frozenset({"182", "1823"})


def _more_specific(code: str, than: str) -> bool:
    """Whether ``code`` describes the happening better than ``than``: for violence the more
    severe act (lower Goldstein score), otherwise the finer code."""
    if code[:2] != than[:2]:
        a, b = goldstein(code), goldstein(than)
        return a is not None and b is not None and a < b
    if code.startswith("183") and than in _TOLL:
        return True  # the bombing rather than its toll ('blew himself up, killing 20')
    if than.startswith("183") and code in _TOLL:
        return False
    return len(code) > len(than) or (code[2:] > than[2:] and than.endswith("0"))


def _combine(keep: Event, other: Event) -> Event:
    changes: dict[str, object] = {}
    for f in _FIELDS:
        if getattr(keep, f"{f}_text") is None and getattr(other, f"{f}_text") is not None:
            for suffix in ("text", "start", "end", "mention_id", "code"):
                if hasattr(other, f"{f}_{suffix}"):  # places carry no actor code
                    changes[f"{f}_{suffix}"] = getattr(other, f"{f}_{suffix}")
    if keep.status == "asserted" and other.status == "reported":
        changes["status"] = "reported"  # a party's account of part of it is of the whole
    if keep.date is None and other.date is not None:
        for f in ("date", "date_precision", "date_how", "time_id"):
            changes[f] = getattr(other, f)
    if _more_specific(other.code, keep.code):
        changes["code"] = other.code
        changes["code_name"] = other.code_name
        pc = plover_coding(other.code, keep.status)
        changes["plover"] = pc.category
        changes["plover_mode"] = pc.mode
        changes["plover_context"] = pc.contexts
        changes["goldstein"] = pc.goldstein
    quantities = list(dict.fromkeys(keep.quantities + other.quantities))
    changes["quantities"] = [
        q for q in quantities if not any(q != o and q in o for o in quantities)
    ]
    changes["hedges"] = keep.hedges + [h for h in other.hedges if h not in keep.hedges]
    return dataclasses.replace(keep, **changes)  # type: ignore[arg-type]


_CONTENT_ROOTS = ("04", "05", "06", "07", "08")  # acts an intent (03x) can announce


def _asked_of(appeal: Event, act: Event) -> bool:
    """Whether ``act`` is what ``appeal`` asks for: its doer is the appeal's target, or
    no one, or the appealing party itself as the parse lends it ('called on both sides
    to hold talks' gives the talks the caller's subject)."""
    if act.source_text is None:
        return True
    for side in ("target", "source"):
        text, mention = getattr(appeal, f"{side}_text"), getattr(appeal, f"{side}_mention_id")
        if text is not None and (
            act.source_text == text or (mention and act.source_mention_id == mention)
        ):
            return True
    return False


def _fold_intents(events: list[Event]) -> list[Event]:
    """Each cooperative act a pledge announces, or an appeal asks for, inside its clause:
    folded into the pledge (coded as the intent to do the act) or the appeal (coded as
    the appeal for it)."""
    out = list(events)
    for ev in events:
        if ev.status == "negated" or not ev.code.startswith(_CONTENT_ROOTS):
            continue
        for k, pledge in enumerate(out):
            if pledge is ev or pledge.status == "negated" or not _inside(ev, pledge):
                continue
            if pledge.code.startswith("03") and ev.status == "expected":
                if not _same_party(pledge, ev):
                    continue
                generic, intent = "030", cameo_convention(ev.code, "expected")
            elif pledge.code.startswith("02") and _asked_of(pledge, ev):
                generic, intent = "020", content_code("020", ev.code[:2]) or "020"
            else:
                continue
            folded = _combine(pledge, ev) if pledge.code.startswith("03") else pledge
            if pledge.code == generic and intent[:2] == generic[:2]:
                pc = plover_coding(intent, pledge.status)
                folded = dataclasses.replace(
                    folded,
                    code=intent,
                    code_name=code_name(intent),
                    plover=pc.category,
                    plover_mode=pc.mode,
                    plover_context=pc.contexts,
                    goldstein=pc.goldstein,
                )
            out[k] = folded
            out = [e for e in out if e is not ev]
            break
    return out


def merge_events(events: list[Event]) -> list[Event]:
    """The events of one sentence, with duplicates of one happening merged."""
    out: list[Event] = []
    for ev in _fold_intents(events):
        for k, prev in enumerate(out):
            violent = _violent(prev) and _violent(ev)
            if (prev.code[:3] != ev.code[:3] and not violent) or _conflict(prev, ev):
                continue  # a visit and the talks held during it are two happenings
            if not (violent or _inside(ev, prev) or _inside(prev, ev)):
                continue
            if prev.code[:2] != ev.code[:2]:
                # the attack rather than its toll ('24 people were injured as missiles ...')
                keep, other = (ev, prev) if _more_specific(ev.code, prev.code) else (prev, ev)
            else:
                keep, other = (prev, ev) if _score(prev) >= _score(ev) else (ev, prev)
            out[k] = _combine(keep, other)
            break
        else:
            out.append(ev)
    return out
