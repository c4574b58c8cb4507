"""Relay chains (who passed a quote on) and hedges ('reportedly', 'according to sources')."""

from __future__ import annotations

import re
from typing import Any

from dossier.annotate.quotes.cues import Cand
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import (
    HEDGE_WORDS,
    VAGUE_SOURCE_WORDS,
    is_media_name,
    is_speech_verb,
)
from dossier.annotate.quotes.marks import Trailer
from dossier.annotate.quotes.speakers import SpeakerSpan, inverted_subject, phrase_of
from dossier.records import Mention, Relay

RELAY_NOUNS = frozenset({"report", "article", "interview", "statement", "broadcast", "story"})
_HEDGE_RE = re.compile(r"\b(" + "|".join(HEDGE_WORDS) + r")\b", re.IGNORECASE)


def relay_kind(name: str, mention: Mention | None) -> str:
    if mention is not None and mention.type == "PERSON":
        return "journalist"
    if "media" in name.lower().split():
        return "media"
    return "outlet"


def _relay(ix: DocIndex, start: int, end: int, date: str | None = None) -> Relay:
    if ix.text.startswith("the ", start) and end - start > 4:
        start += 4  # 'the Harbour Times' -> 'Harbour Times' (a capital 'The' is kept)
    text = ix.text[start:end]
    mention = ix.mention_of(start, end)
    return Relay(
        name=text,
        kind=relay_kind(text, mention),  # type: ignore[arg-type]
        start=start,
        end=end,
        date=date,
    )


def named_relay(ix: DocIndex, start: int, end: int) -> Relay:
    """A relay link for the name written at ``[start, end)``."""
    return _relay(ix, start, end)


def trailer_relay(ix: DocIndex, tr: Trailer) -> Relay:
    return _relay(ix, tr.name_start, tr.name_end, tr.date)


def _phrases(ix: DocIndex, tok: Any) -> list[tuple[int, int]]:
    """Char spans of a noun phrase and its conjuncts ('X, Y, and Z')."""
    doc = ix.doc
    out = []
    for t in [
        tok,
        *[
            c
            for c in tok.subtree
            if c.dep_ == "conj" and c.head.i in {tok.i, *[x.i for x in tok.subtree]}
        ],
    ]:
        own = phrase_of(doc, t)
        lo, hi = own
        # a conjunct's phrase must not swallow the next conjunct
        for c in t.children:
            if c.dep_ in ("conj", "cc") and c.i > t.i:
                hi = min(hi, c.left_edge.i - 1)
        while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
            hi -= 1
        out.append((doc[lo].idx, doc[hi].idx + len(doc[hi].text)))
    return out


SHORT_INTRO = 6  # words of an intro line that names its speaker and nothing else


def intro_sources(ix: DocIndex, para_index: int) -> tuple[list[SpeakerSpan], Any | None]:
    """Who an intro paragraph ('As reported by X,' / 'X reports that,') says is speaking.

    Returns the source phrases (first one first) and the intro's cue token.
    """
    if para_index < 0:
        return [], None
    ps, pe = ix.paras[para_index]
    doc = ix.doc
    toks = [doc[i] for i in ix.tokens_between(ps, pe)]
    for tok in reversed(toks):
        speech = tok.pos_ == "VERB" and is_speech_verb(tok.lemma_.lower(), tok.lower_)
        if tok.pos_ not in ("VERB", "NOUN") or not (
            speech
            or tok.lemma_.lower() in RELAY_NOUNS
            or tok.lemma_.lower()
            in (
                "report",
                "quote",
                "explain",
                "write",
                "say",
                "tell",
                "note",
                "add",
                "state",
                "claim",
                "reveal",
                "cite",
            )
        ):
            continue
        heads: list[Any] = []
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("that", "it"):
                heads.append(child)
            if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "of", "from"):
                heads += [c for c in child.children if c.dep_ == "pobj"]
        if not heads and tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.pos_ == "VERB":
            heads += [c for c in tok.head.children if c.dep_ in ("nsubj",)]
        if not heads and speech and tok.idx == ps:
            inverted = inverted_subject(doc, tok)  # 'Said the mayor:'
            heads += [inverted] if inverted is not None else []
        spans: list[SpeakerSpan] = []
        for h in heads:
            if not ps <= h.idx < pe:  # parser sentences may run across paragraphs
                continue
            for s, e in _phrases(ix, h):
                spans.append(SpeakerSpan(s, e, ix.token_at(e - 1)))
        if spans:
            spans.sort(key=lambda s: s.start)
            return spans, tok
    names = [m for m in ix.mentions_in(ps, pe) if m.type in ("PERSON", "ORG")]
    if names:
        last = max(names, key=lambda m: m.start)
        return [SpeakerSpan(last.start, last.end, ix.token_at(last.end - 1))], None
    return [], None


def cue_relays(ix: DocIndex, verb: Any) -> list[Relay]:
    """Relays named by the cue's own clause: 'quoted by X as saying', 'told Reuters',
    'in an interview with CBS'."""
    out: list[Relay] = []
    seen: set[int] = set()
    chain = [verb]
    t = verb
    for _ in range(3):  # 'saying' <- 'as' <- 'quoted'
        if t.head.i == t.i:
            break
        t = t.head
        chain.append(t)
    # '..., said Senator X in an interview with CNN': the phrase may hang off the speaker
    chain += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    for v in chain:
        for child in v.children:
            cands: list[Any] = []
            if child.dep_ == "agent" and v.lemma_.lower() in ("quote", "cite"):
                cands += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("dative", "dobj") and v.lemma_.lower() == "tell":
                cands.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("in", "to", "on"):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    if pobj.lemma_.lower() in RELAY_NOUNS | {"comment", "remark"}:
                        for p2 in (
                            c
                            for c in pobj.children
                            if c.dep_ == "prep" and c.lower_ in ("with", "to", "on")
                        ):
                            cands += [c for c in p2.children if c.dep_ == "pobj"]
                    elif child.lower_ == "to":
                        cands.append(pobj)
            for c in cands:
                if c.i in seen:
                    continue
                lo, hi = phrase_of(ix.doc, c)
                s, e = ix.doc[lo].idx, ix.doc[hi].idx + len(ix.doc[hi].text)
                mention = ix.mention_of(s, e, c.idx)
                name = ix.text[s:e]
                if (mention is not None and mention.type == "PERSON") or not (
                    is_media_name(name) or (mention is not None and mention.type == "ORG")
                ):
                    continue
                seen.add(c.i)
                out.append(_relay(ix, s, e))
    return out


def hedges_for(ix: DocIndex, c: Cand) -> list[str]:
    """Hedge words in a quote's content or cue clause; vague 'according to' sources."""
    out: list[str] = []
    lo = min(c.start, c.cue_start if c.cue_start is not None else c.start)
    hi = max(c.end, c.cue_end if c.cue_end is not None else c.end)
    for m in _HEDGE_RE.finditer(ix.text, lo, hi):
        if m.group(1).lower() not in out:
            out.append(m.group(1).lower())
    if c.kind == "according-to" and c.speaker is not None:
        words = ix.text[c.speaker.start : c.speaker.end].lower().split()
        if (
            words
            and words[-1] in VAGUE_SOURCE_WORDS
            and not ix.mentions_in(c.speaker.start, c.speaker.end)
        ):
            out.append("according to " + " ".join(words))
    return out


def intro_cue(ix: DocIndex, d: Cand) -> None:
    """A quote opening a paragraph after 'X explains that,' / 'X said:' takes X as speaker."""
    if d.mark is None:
        return
    k = ix.para_of(d.mark.open_pos)
    ps, _ = ix.paras[k]
    if k == 0 or ix.text[ps : d.mark.open_pos].strip():
        return
    prev_s, prev_e = ix.paras[k - 1]
    intro = ix.text[prev_s:prev_e].rstrip()
    if not intro.endswith((",", ":")):
        return
    sources, verb = intro_sources(ix, k - 1)
    if sources and verb is None and intro.endswith(":") and len(intro.split()) <= SHORT_INTRO:
        # 'Stated Lund:', the verb misread as part of the name
        d.speaker = _without_verb(ix, sources[0])
    elif sources and verb is not None:
        d.speaker = sources[0]
        d.cue_lemma = verb.lemma_.lower()
        d.cue_start, d.cue_end = verb.idx, verb.idx + len(verb.text)


def _without_verb(ix: DocIndex, sp: SpeakerSpan) -> SpeakerSpan:
    """A speaker phrase without the speech verb that opens it ('Stated Lund')."""
    first, _, rest = ix.text[sp.start : sp.end].partition(" ")
    low = first.lower()
    if rest and any(is_speech_verb(w, w) for w in (low, low[:-1], low[:-2])):
        return SpeakerSpan(sp.end - len(rest), sp.end, sp.head)
    return sp
