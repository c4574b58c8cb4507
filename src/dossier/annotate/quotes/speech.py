"""Whether an attribution reports speech or writing, and which lines are headings.

The extractor keeps every attribution a news attribution scheme annotates (PolNeAR
counts 'polls show', 'cited officials', 'claimed the islands'); a quote is marked
``speech`` only when someone said or wrote what it holds. Beyond the cue verb
(``not_speech_cues.txt``) that takes the speaker phrase and the content's shape
(``quote_content.tsv``): an event cannot speak ('the meeting underscores ...'), a bare
noun phrase after 'claim' or 'cite' is a possession or a source, and content that is
only a name ('praised Musk') or only a speech act ('issued a warning') says nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dossier.annotate.entities.lexicon import lexicon
from dossier.annotate.quotes.cues import Cand
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import is_speech, role_classes
from dossier.resources import read_word_lists

MAX_HEADING_WORDS = 25  # a longer line is a paragraph, whatever its punctuation
MAX_SPEECH_ACT_WORDS = 4  # 'the stark warning': a speech act named, nothing said
_LIST_ITEM_RE = re.compile(r"(?:\d{1,2}[.)]|[•·*▪●◦–—-])\s")
_CLOSERS = " \t”\"’'»)]"
_NAME_TAGS = frozenset({"PROPN", "DET", "PUNCT", "CCONJ", "PART"})


@lru_cache(maxsize=1)
def content_words() -> dict[str, frozenset[str]]:
    """Kind ('non_agent_head', 'np_cue', ...) to its words (``quote_content.tsv``)."""
    return read_word_lists("quote_content.tsv")


def _words(kind: str) -> frozenset[str]:
    return content_words().get(kind, frozenset())


def _person_noun(tok: Any) -> bool:
    """A word for a person or people ('official', 'analysts', 'he'): someone who speaks."""
    if tok.pos_ == "PRON":
        return True
    lemma = tok.lemma_.lower()
    return lemma in role_classes() or lemma in lexicon().titles or lemma in _words("person_noun")


def is_speech_quote(ix: DocIndex, c: Cand) -> bool:
    """Whether candidate ``c`` reports what someone said or wrote."""
    if c.stance or not is_speech(c.cue_lemma):
        return False
    cue = c.cue_lemma
    if c.speaker is not None and c.mention_id is None:
        head = ix.doc[c.speaker.head]
        if {head.lemma_.lower(), head.lower_} & _words("non_agent_head"):
            return False  # 'the meeting underscores ...': an event cannot speak
        if cue in _words("agent_cue") and not _person_noun(head):
            return False  # 'the announcement highlights ...'
    if c.kind != "indirect" or cue is None:
        return True
    span = ix.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if root.pos_ in ("VERB", "AUX") or any(t.dep_ in ("ccomp", "mark") for t in span):
        return True  # a clause: something is asserted
    lemma = root.lemma_.lower()
    if all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in span):
        return False  # 'argued for weeks'
    if cue in _words("np_cue") and lemma not in _words("np_speech_object"):
        return False  # 'claimed the land', 'cited rising costs'
    if cue in _words("target_cue") and not any(t.dep_ == "prep" for t in span):
        return False  # 'praised the workers'; 'praised them for ...' says something
    if lemma in _words("speech_noun") and len(span) <= MAX_SPEECH_ACT_WORDS:
        return False  # 'issued a warning'
    return not all(t.pos_ in _NAME_TAGS or t.is_punct for t in span)  # 'praised Musk'


def heading_lines(ix: DocIndex) -> list[tuple[int, int]]:
    """Lines that are headings or subheadings: short, and not closed as a sentence is."""
    out = []
    for ps, pe in ix.paras:
        line = ix.text[ps:pe].strip()
        if not line or len(line.split()) > MAX_HEADING_WORDS or _LIST_ITEM_RE.match(line):
            continue  # a list item is a sentence, unpunctuated as lists are
        tail = line.rstrip(_CLOSERS)
        if tail and tail[-1] not in ".!?…:;,":
            out.append((ps, pe))
    return out
