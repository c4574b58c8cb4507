"""Secondary unreal acts: what a subordinate clause only supposes is no event of its own.

'tortured him to force him to withdraw the money', 'plotted to kill the judge if he
refused the bribe', 'a leader who should resign': the act of a purpose or condition clause,
a relative clause or a coordinated clause whose status is hypothetical or the writer's
opinion names no happening; it only says why or on what condition the sentence's event
took place. Such events are dropped when the sentence tells of another event ('if Serbia
deploys troops, Kosovo will protest': the protest). An unreal act of the main clause
('Russia could invade') stays: it is what the sentence is about.
"""

from __future__ import annotations

from typing import Any

from dossier.records import Event

UNREAL = frozenset({"hypothetical", "opinion"})
SUBORDINATE = frozenset({"advcl", "acl", "relcl", "conj"})


def _subordinate_unreal(ev: Event, doc: Any) -> bool:
    if ev.status not in UNREAL or ev.trigger_start is None or ev.trigger_end is None:
        return False
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBORDINATE


def drop_secondary_unreal(events: list[Event], doc: Any) -> list[Event]:
    """The events of one sentence without the unreal acts of its subordinate clauses,
    unless nothing else is left."""
    kept = [e for e in events if not _subordinate_unreal(e, doc)]
    return kept if kept else events
