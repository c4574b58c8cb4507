"""Reports whose source is not the cue verb's subject: raised views ('X seems to ...',
'it appears that ...'), which name no source, and passives whose agent is the source
('[the plan] was criticised by X')."""

from __future__ import annotations

from typing import Any

from dossier.annotate.columns import columns
from dossier.annotate.quotes.cues import Cand, set_cue
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import frames
from dossier.annotate.quotes.speakers import SpeakerSpan, phrase_of
from dossier.annotate.quotes.trim import MIN_CONTENT_TOKENS, char_span, trim_edges


def raised_view(ix: DocIndex, verb: Any) -> Cand | None:
    """'[X] seems [to ...]', '[X] is expected [to ...]', 'it appears [that ...]': a view
    the writer reports without citing anyone. The content is the subject with the
    complement; the quote has no speaker (never the subject)."""
    lemma = verb.lemma_.lower()
    allowed = frames().get(lemma, frozenset())
    if "raise" not in allowed and "xcomp" not in allowed:
        return None  # not raising, whatever the children (looked at only when needed)
    cols = columns(verb.doc)
    deps = [cols.dep[c] for c in cols.children[verb.i]]
    passive = "auxpass" in deps
    raising = "raise" in allowed or (passive and "xcomp" in allowed and "agent" not in deps)
    if not raising:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if comp is None and "raise" in allowed:
        # 'the race appears [closer in Ohio]', 'seems [unlikely to ...]': the adjective
        after = (c for c in verb.children if c.i > verb.i)
        comp = next((c for c in after if c.dep_ in ("acomp", "oprd")), None)
    if subj is None:
        return None
    if comp is None and subj.lower_ == "it":
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        toks = list(comp.subtree) if comp is not None else []
    elif comp is not None and subj.lower_ not in ("it", "there"):
        toks = list(subj.subtree) + [t for t in verb.doc[verb.i : comp.right_edge.i + 1]]
    else:
        return None
    if len(toks) < MIN_CONTENT_TOKENS:
        return None
    toks.sort(key=lambda t: t.i)
    ps, pe = ix.paras[ix.para_of(verb.idx)]
    start, end = char_span(toks)
    start, end = trim_edges(ix, max(start, ps), min(end, pe))
    c = Cand(start, end, "indirect", sourceless=True)
    set_cue(c, ix, verb)
    return c


def passive_report(ix: DocIndex, verb: Any, speech: bool) -> Cand | None:
    """'[The plan] was criticised by X': content is the passive subject, X the speaker."""
    if not (speech or "dobj" in frames().get(verb.lemma_.lower(), frozenset())):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if subj is None or by is None or subj.pos_ == "PRON" or verb.lemma_.lower() in ("quote", "ask"):
        return None
    start, end = trim_edges(ix, *char_span(list(subj.subtree)))
    if end - start < 3:
        return None
    c = Cand(start, end, "indirect")
    lo, hi = phrase_of(ix.doc, by)
    c.speaker = SpeakerSpan(ix.doc[lo].idx, ix.doc[hi].idx + len(ix.doc[hi].text), by.i)
    set_cue(c, ix, verb)
    return c
