"""Stances held by the people a noun names: 'voters [backing] the senator'.

A stance verb as a participle modifying a noun ('a group supporting the ban') attributes
its object to the people the noun names, as news attribution schemes (PolNeAR) annotate
it. Which verbs take it: the ``acl`` frame of ``attribution_frames.tsv``. Such a quote is
a stance, never speech: it is kept with ``speech`` False.
"""

from __future__ import annotations

from collections.abc import Callable

from dossier.annotate.columns import columns
from dossier.annotate.quotes.cues import Cand
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import frames
from dossier.annotate.quotes.speakers import SpeakerSpan, phrase_of

SOURCE_POS = frozenset({"NOUN", "PROPN"})
MIN_CONTENT_CHARS = 2


def participle_stances(ix: DocIndex, skip: Callable[[int], bool]) -> list[Cand]:
    """'[Democrats] supporting [the bill]': the noun a participle modifies holds the stance,
    the participle's object is what it holds (``acl`` frames)."""
    doc = ix.doc
    cols = columns(doc)
    table = frames()
    out: list[Cand] = []
    for i in range(cols.n):
        if cols.dep[i] != "acl" or "acl" not in table.get(cols.lemma_lower[i], frozenset()):
            continue
        verb = doc[i]
        source = verb.head
        if verb.tag_ != "VBG" or source.pos_ not in SOURCE_POS or skip(verb.idx):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.ent_type_ in ("DATE", "TIME"):
            continue
        sub = list(obj.subtree)
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        ps, pe = ix.paras[ix.para_of(verb.idx)]
        if end - start < MIN_CONTENT_CHARS or start < ps or end > pe:
            continue
        c = Cand(start, end, "indirect", stance=True)
        c.cue = verb
        c.cue_lemma = verb.lemma_.lower()
        c.cue_start, c.cue_end = verb.idx, verb.idx + len(verb.text)
        lo, hi = phrase_of(doc, source)
        c.speaker = SpeakerSpan(doc[lo].idx, doc[hi].idx + len(doc[hi].text), source.i)
        out.append(c)
    return out
