"""Accusation frames: a charge with no named accuser names the act charged.

'a soldier accused of raping a woman', 'was charged with plotting to kill the governor',
'convicted of murdering two policemen': with no one named who accuses, charges or
convicts, the accusation only describes the accused; the happening the sentence reports
is the act charged, which the extractor codes with the accused as its doer. Such a frame
event is dropped when the act it governs is an event of the same sentence. An accusation
that names its accuser ('prosecutors accused the colonel of torturing prisoners') stays.
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.events.lexicon import lexicon
from dossier.records import Event


def _token(ev: Event, doc: Any) -> Any | None:
    if ev.trigger_start is None or ev.trigger_end is None:
        return None
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    return span.root if span is not None else None


def _governs(frame: Any, act: Any) -> bool:
    """Whether ``act`` lies below ``frame`` in the parse (within four steps)."""
    cur = act
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == frame.i:
            return True
    return False


def drop_unattributed_frames(events: list[Event], doc: Any) -> list[Event]:
    """The events of one sentence without the accusations that name no accuser and
    govern another of its events."""
    charging = lexicon().classes.get("charging", set())
    tokens = [_token(ev, doc) for ev in events]
    drop: set[int] = set()
    for k, (ev, tok) in enumerate(zip(events, tokens, strict=True)):
        if ev.source_text is not None or tok is None or tok.lemma_.lower() not in charging:
            continue
        if any(
            other is not None and j != k and _governs(tok, other) for j, other in enumerate(tokens)
        ):
            drop.add(k)
    return [ev for k, ev in enumerate(events) if k not in drop]
