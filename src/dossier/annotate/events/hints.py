"""What cross-document resolution reads of an event's parse, taken from the article's own
parse when it is annotated (so resolution never parses a sentence again).

For each event: the trigger's lemma, and the participants, places and times its
dependency arguments name, and the named entities of its clause. The same functions
serve :mod:`dossier.resolve.events.mention` for sentences it parses itself (benchmarks).
"""

from __future__ import annotations

from typing import Any

from dossier.records import Event

PARTICIPANT_LABELS = {"PERSON", "ORG", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
TIME_LABELS = {"DATE", "TIME"}
ARG_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "obj",
    "attr",
    "dative",
    "oprd",
    "poss",
    "compound",
    "npadvmod",
    "appos",
}
CONTENT_POS = {"NOUN", "PROPN", "NUM"}


def word(tok: Any) -> str | None:
    """The argument word a token stands for: its named entity, or its lemma if a noun."""
    if tok.ent_type_:
        ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return str(ent.text.lower())
    if tok.pos_ in CONTENT_POS and not tok.is_stop:
        return str(tok.lemma_.lower())
    return None


def arguments(head: Any) -> tuple[set[str], set[str], set[str]]:
    """Participants, places and times linked to the trigger by the dependency parse:
    its own dependents (through prepositions), and for a nominal trigger also those of
    the verb that governs it ('the arrest of X', 'X announced the merger')."""
    anchors = [head]
    if head.pos_ in {"NOUN", "PROPN"} and head.head is not head:
        anchors.append(head.head)
    parts: set[str] = set()
    places: set[str] = set()
    times: set[str] = set()
    for anchor in anchors:
        for child in anchor.children:
            targets = []
            if child.dep_ in ARG_DEPS:
                targets.append(child)
            elif child.dep_ in {"prep", "agent"}:
                targets.extend(g for g in child.children if g.dep_ == "pobj")
            for tok in targets:
                if tok.i == head.i:
                    continue
                w = word(tok)
                if w is None:
                    continue
                label = tok.ent_type_
                if label in TIME_LABELS:
                    times.add(w)
                elif label in PLACE_LABELS:
                    places.add(w)
                else:
                    parts.add(w)
    return parts, places, times


def head_of(toks: list[Any]) -> Any:
    """The token of a span whose head lies outside it (the span's syntactic head)."""
    inside = {t.i for t in toks}
    for tok in toks:
        if tok.head.i not in inside or tok.head.i == tok.i:
            return tok
    return toks[0]


def add_hints(doc: Any, events: list[Event]) -> None:
    """Fill each event's parse hints from the article's parse (in place)."""
    ents = [e for e in doc.ents if e.label_ in PARTICIPANT_LABELS | PLACE_LABELS | TIME_LABELS]
    for ev in events:
        start = ev.trigger_start if ev.trigger_start is not None else ev.start
        end = ev.trigger_end if ev.trigger_end is not None else ev.end
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        head = head_of(list(span))
        parts, places, times = arguments(head)
        ev.hint_lemma = str(head.lemma_ or head.text).lower()
        ev.hint_participants = sorted(parts)
        ev.hint_places = sorted(places)
        ev.hint_times = sorted(times)
        ev.hint_entities = sorted(
            {e.text.lower() for e in ents if e.start_char < ev.end and ev.start < e.end_char}
        )
