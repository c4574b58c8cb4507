"""Cue verbs: which speech verb introduces a quote, found from the parse and adjacency."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dossier.annotate.nlp import DASHES
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import MIXED_ONLY_CUES, is_speech_verb
from dossier.annotate.quotes.marks import MarkSpan
from dossier.annotate.quotes.speakers import (
    SpeakerSpan,
    is_time,
    phrase_of,
    speaker_for_verb,
    subject_of,
)
from dossier.records import Relay

QUOTE_CHARS = '"“”‘’«»„‟'
MAX_AFTER = 12  # tokens between a closing mark and its cue ('," the former senator said')
MAX_BEFORE = 10  # tokens between a cue and the opening mark ('told reporters on Monday:')
# verbs whose object is the person spoken to, not what was said ('told reporters')
ADDRESSEE_VERBS = frozenset(
    {
        "tell",
        "ask",
        "inform",
        "remind",
        "warn",
        "assure",
        "urge",
        "brief",
        "promise",
        "reassure",
        "notify",
        "advise",
    }
)

# relative pronouns a colon intro's clause may open with ('what went wrong:')
WH_SUBJECTS = frozenset({"what", "which", "who", "that"})
# verbs that report a retort with the particle 'back' ('shot back', 'fired back')
RETORT_VERBS = frozenset({"shoot", "fire", "hit", "snap"})


@dataclass
class Cand:
    """A quote being built: content span, kind, cue, speaker, relays."""

    start: int
    end: int
    kind: str
    cue: Any = None  # spaCy token of the cue verb
    cue_lemma: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: SpeakerSpan | None = None
    mark: MarkSpan | None = None
    block: bool = False
    relays: list[Relay] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    speaker_text: str | None = None
    mention_id: str | None = None
    resolution: str = "unresolved"
    floating_from: Cand | None = None
    date: str | None = None
    absorbed: bool = False  # folded into another quote (mixed, split quote)
    sourceless: bool = False  # 'X seems to ...', 'X is expected to ...': nobody is cited
    stance: bool = False  # 'voters backing X': a stance held, never speech
    embedded: bool = False  # quoted words in the writer's sentence, no cue: speaker guessed
    learned: bool = False  # kept by the learned stance model, not by a rule


def is_cue(tok: Any) -> bool:
    """A speech verb used as a verb (not 'the report', not 'a statement')."""
    if tok.lemma_.lower() == "put" and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children
    ):
        return True  # 'as the memo put it'
    if tok.lemma_.lower() in RETORT_VERBS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" and c.i == tok.i + 1
        for c in tok.children
    ):
        return True  # 'she shot back', 'he fired back': a retort
    return bool(
        tok.pos_ in ("VERB", "AUX")
        and is_speech_verb(tok.lemma_, tok.lower_)
        and tok.lemma_.lower() not in MIXED_ONLY_CUES
    )


def set_cue(c: Cand, ix: DocIndex, verb: Any) -> None:
    c.cue = verb
    c.cue_lemma = verb.lemma_.lower()
    c.cue_start = verb.idx
    c.cue_end = verb.idx + len(verb.text)
    if c.speaker is None and not c.sourceless:
        c.speaker = speaker_for_verb(ix, verb)


def _blocked(tok: Any) -> bool:
    """A token that ends the search for a cue beside a quote."""
    return bool(
        tok.text in ("!", "?", ";")
        or (tok.text in QUOTE_CHARS and tok.text not in "”’»")
        or (tok.pos_ == "VERB" and not is_cue(tok))
    )


def _own_content(verb: Any, ms: MarkSpan) -> bool:
    """Whether a verb has a complement of its own away from the quote ('... admitted that')."""
    addressee = verb.lemma_.lower() in ADDRESSEE_VERBS  # 'told reporters' is not content
    for child in verb.children:
        if (child.dep_ == "ccomp" or (child.dep_ == "dobj" and not addressee)) and not (
            ms.open_pos <= child.idx < max(ms.close_end, ms.end)
        ):
            sub = list(child.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            if hi <= ms.open_pos or lo >= ms.close_end:
                return len(sub) > 1
    return False


def cue_after(ix: DocIndex, ms: MarkSpan) -> Any | None:
    """'"…," said X.' / '"…," X said.' / '"…" – reported X': a cue just after the close."""
    doc = ix.doc
    para = ix.paras[ix.para_of(ms.end)]
    seen = 0
    for i in ix.tokens_between(ms.close_end, para[1]):
        tok = doc[i]
        if tok.text in QUOTE_CHARS:
            if seen == 0 and tok.text in '”’»"':
                continue
            return None
        if is_cue(tok):
            return None if _own_content(tok, ms) else tok
        if tok.text == "." and seen > 0:
            return None
        if _blocked(tok):
            return None
        if not tok.is_punct:
            seen += 1
        if seen > MAX_AFTER:
            return None
    return None


_NP_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})


def reporting_verb_after(ix: DocIndex, ms: MarkSpan) -> Any | None:
    """'"…," Trump shot back.' / '"…!" read one.': a short reporting clause after a quote
    that ends on ',', '?' or '!' takes its verb as the cue, whatever the verb."""
    text = ix.text
    j = ms.close_end - 1
    while j > ms.open_pos and text[j - 1] in "”’\"'":
        j -= 1
    if j <= 0 or text[j - 1] not in ",?!":
        return None
    doc = ix.doc
    para_end = ix.paras[ix.para_of(ms.end)][1]
    toks = [doc[i] for i in ix.tokens_between(ms.close_end, para_end)]
    k = 0
    while k < len(toks) and toks[k].text in QUOTE_CHARS:
        k += 1
    np_before = 0
    while k < len(toks) and toks[k].pos_ in _NP_POS and np_before < 6:
        if toks[k].tag_ in ("WDT", "WP", "WP$"):
            return None  # '"…," which votes in June.': a relative clause, not a report
        np_before += 1
        k += 1
    if k >= len(toks) or toks[k].pos_ != "VERB":
        return None
    verb = toks[k]
    k += 1
    np_after = 0
    while (
        k < len(toks)
        and (
            toks[k].pos_ in _NP_POS
            or toks[k].dep_ in ("prt", "advmod")
            or toks[k].pos_ == "ADP"  # '"…," Smith fumed on Tuesday.': an adjunct after it
        )
        and np_after < 10
    ):
        np_after += 1
        k += 1
    ends = k >= len(toks) or toks[k].text in (".", ",", ";", "!", "?") or toks[k].is_space
    if ends and (np_before > 0 or np_after > 0):
        return verb
    return None


_DASH_NAME_RE = re.compile(
    r"[ \t\u00a0]*[―—–-][ \t\u00a0]*([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,4})"
)


def dash_name_after(ix: DocIndex, ms: MarkSpan) -> SpeakerSpan | None:
    """'"…" ― Jane Doe' at the end of a line: the name after a dash is the speaker."""
    text = ix.text
    para_end = ix.paras[ix.para_of(max(ms.end - 1, ms.open_pos))][1]
    m = _DASH_NAME_RE.match(text, ms.close_end, para_end)
    if m is None or text[m.end() : para_end].strip(" \t.,;") or not m.group(1).strip():
        return None
    start, end = m.start(1), m.end(1)
    return SpeakerSpan(start, end, ix.token_at(end - 1))


def cue_before(ix: DocIndex, ms: MarkSpan) -> tuple[Any, bool] | None:
    """'X said: "…"' / 'X said, "…"' / 'as saying "…"': the cue right before the open.

    Returns the cue token and whether text other than punctuation, objects and
    adverbials stands between it and the quote (then the quote is part of a clause).
    """
    doc = ix.doc
    para = ix.paras[ix.para_of(ms.open_pos)]
    toks = list(ix.tokens_between(para[0], ms.open_pos))
    seen = 0
    clause = False
    for i in reversed(toks):
        tok = doc[i]
        if is_cue(tok):
            return None if _own_content(tok, ms) else (tok, clause)
        if tok.text in (".", "!", "?", ";") or tok.text in QUOTE_CHARS:
            return None
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("mark", "nsubj", "nsubjpass"):
            clause = True
            if tok.pos_ == "VERB":
                return None
        if not tok.is_punct:
            seen += 1
        if seen > MAX_BEFORE:
            return None
    return None


def _is_dash(tok: Any) -> bool:
    """A dash between phrases, not the hyphen of 'back-handed'."""
    return tok.text in DASHES and (tok.text != "-" or bool(tok.whitespace_))


def colon_speaker(ix: DocIndex, ms: MarkSpan) -> SpeakerSpan | None:
    """'... pollster Jane Roe: "…"': the noun phrase ending right before a colon."""
    doc = ix.doc
    para_start = ix.paras[ix.para_of(ms.open_pos)][0]
    toks = [doc[i] for i in ix.tokens_between(para_start, ms.open_pos)]
    if len(toks) < 2 or toks[-1].text != ":":
        return None
    # 'HEADLINE - Jane Roe: "…"': the phrase after the last dash introduces the quote
    dash = max((k for k, t in enumerate(toks[:-1]) if _is_dash(t)), default=-1)
    toks = toks[dash + 1 :]
    if len(toks) < 2:
        return None
    para_start = toks[0].idx
    head = toks[-2]
    if head.pos_ not in ("PROPN", "NOUN") or head.idx < para_start:
        return None
    # 'She talked up her odds in a runoff: "…"' / 'The commission left no doubt in its
    # statement: "…"': a phrase inside a clause with a subject is not the speaker; its
    # subject is
    verb = head
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # 'notes from Ruiz and Ortiz:'
    source = first.dep_ == "pobj" and first.head.lower_ in ("from", "by")  # 'a warning from X:'
    outside = verb.idx < ms.open_pos  # not a verb of the quoted words themselves
    if verb.i != head.i and verb.pos_ in ("VERB", "AUX") and outside and not source:
        subj = subject_of(verb)
        for _ in range(3):  # 'X explained just what went wrong:': X, not 'what'
            if subj is None or subj.lower_ not in WH_SUBJECTS or verb.head.i == verb.i:
                break
            verb = verb.head
            while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
                verb = verb.head
            subj = subject_of(verb)
        if subj is not None and subj.idx >= para_start and subj.pos_ in ("PROPN", "NOUN", "PRON"):
            head = subj
        elif is_time(head) or any(c.dep_ == "expl" for c in verb.children):
            return None  # 'in an interview on Tuesday:', 'There was one problem:': nobody
    if source and first.i != head.i:
        head = first  # the whole list of sources: 'Ruiz and Ortiz'
    lo, hi = phrase_of(doc, head)
    lo = max(lo, toks[0].i)
    hi = min(hi, toks[-2].i if source and head.i == first.i else head.i)
    return SpeakerSpan(doc[lo].idx, doc[hi].idx + len(doc[hi].text), head.i)


def mixed_only_cue(ix: DocIndex, ms: MarkSpan) -> Any | None:
    """'X called it a "…"': a describing verb governing the quoted phrase's sentence."""
    doc = ix.doc
    inside = list(ix.tokens_between(ms.start, ms.end))
    if not inside:
        return None
    tok = doc[inside[0]]
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.idx < ms.open_pos and tok.lemma_.lower() in MIXED_ONLY_CUES and tok.pos_ == "VERB":
            return tok
    return None
