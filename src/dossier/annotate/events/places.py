"""Where an event took place: a place mention (or facility phrase) governed by in/at/near...

Places come from the entity mentions first. When the named-entity tagger missed a place or
called it something else ('at the X cosmodrome' tagged as an organisation), a noun phrase
headed by a facility noun ('cosmodrome', 'port', 'base') is used as the place, without a
mention id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dossier.annotate.columns import columns
from dossier.annotate.events.arguments import MentionIndex, facility_nouns, phrase_bounds

PLACE_PREPS = ("in", "at", "near", "over", "outside", "inside", "across", "on", "into")
DESTINATION_PREPS = ("to", "into")
NOT_PLACES = frozenset(
    {
        "forum",
        "conference",
        "session",
        "meeting",
        "summit",
        "interview",
        "statement",
        "speech",
        "war",
        "way",
        "exchange",
        "addition",
        "fact",
        "order",
        "time",
        "year",
        "month",
        "week",
        "day",
        "morning",
        "evening",
        "night",
        "afternoon",
        "terms",
        "response",
        "part",
        "front",
    }
)


@dataclass(frozen=True)
class Place:
    text: str
    start: int
    end: int
    mention_id: str | None = None


class PlaceFinder:
    def __init__(self, text: str, index: MentionIndex) -> None:
        self.text = text
        self.index = index

    def _place(self, tok: Any, facility_only: bool = False) -> Place | None:
        """The place an object token names: a PLACE mention, or a facility phrase."""
        if tok.lemma_.lower() in NOT_PLACES or tok.ent_type_ in ("DATE", "TIME"):
            return None
        doc = tok.doc
        m = self.index.covering(tok.idx, tok.idx + len(tok))
        if m is not None and m.type == "PLACE" and not facility_only:
            return Place(m.text, m.start, m.end, m.id)
        for c in tok.rights:
            if c.dep_ == "appos":
                cm = self.index.covering(c.idx, c.idx + len(c))
                if cm is not None and cm.type == "PLACE":
                    return Place(cm.text, cm.start, cm.end, cm.id)
        if tok.lemma_.lower() not in facility_nouns():
            return None
        lo, hi = phrase_bounds(tok)
        hi = tok.i + 1
        while lo < tok.i and doc[lo].dep_ in ("det", "poss", "predet", "case"):
            lo += 1
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        inner = self.index.inside(start, end)
        named = [x for x in inner if x.type == "PLACE"]
        if inner or any(t.pos_ == "PROPN" for t in doc[lo:hi] if t.i != tok.i):
            # 'the X cosmodrome', 'Sevastopol port': a named facility
            return Place(self.text[start:end], start, end, named[0].id if named else None)
        for prep in tok.children:
            # 'a launch centre in the Amur region': the named place around it
            if prep.dep_ == "prep" and prep.lower_ in ("in", "near", "outside"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return self._place(obj)
        return None

    def governed(self, carriers: list[Any], destination: bool) -> Place | None:
        """A place governed by a preposition attached to one of the carrier tokens."""
        preps = PLACE_PREPS + (DESTINATION_PREPS if destination else ())
        for carrier in carriers:
            if carrier is None:
                continue
            if destination and carrier.pos_ == "VERB":
                obj = next((c for c in carrier.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    place = self._place(obj)
                    if place is not None:
                        return place
            for c in carrier.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                    for obj in c.children:
                        if obj.dep_ == "pobj":
                            place = self._place(obj)
                            if place is not None:
                                return place
                if c.dep_ == "prep" and c.lower_ == "between":
                    place = self._between(c, preps)
                    if place is not None:
                        return place
                if c.dep_ == "advmod" and c.lower_ == "where" and carrier.dep_ == "relcl":
                    place = self._place(carrier.head)
                    if place is not None:
                        return place
        return None

    def _between(self, prep: Any, preps: tuple[str, ...]) -> Place | None:
        """'the meeting between A and B in C': the parser hangs 'in C' on the last party."""
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for party in [obj, *obj.conjuncts]:
                for c in party.children:
                    if c.dep_ == "prep" and c.lower_ in preps:
                        for o in c.children:
                            if o.dep_ == "pobj" and (place := self._place(o)) is not None:
                                return place
        return None

    def nearby(self, tok: Any, stop: set[int], window: int = 10) -> Place | None:
        """Fallback: a place phrase after the trigger in the same sentence, within a window,
        governed by a place preposition, with no other trigger in between."""
        cols = columns(tok.doc)  # tests on plain lists: a Token only for a likely place
        for j in range(tok.i + 1, min(cols.sent_span(tok.i)[1], tok.i + window + 1)):
            if j in stop:
                return None
            if cols.dep[j] == "pobj" and cols.lower[cols.head[j]] in PLACE_PREPS:
                place = self._place(tok.doc[j])
                if place is not None:
                    return place
        return None
