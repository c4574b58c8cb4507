"""Quote-marked passages that no cue claims: whole sentences, or words in the writer's own.

A quote standing as its own sentence continues the last speaker or floats (see
``assemble._resolve``). Quoted words set inside the writer's sentence take the subject of
the clause they hang from as their likely source.
"""

from __future__ import annotations

import re

from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.marks import MarkSpan
from dossier.annotate.quotes.speakers import SpeakerSpan, speaker_for_verb

_SENT_END = re.compile(r"[.!?…:]\s*$")


def whole_sentence(ix: DocIndex, ms: MarkSpan) -> bool:
    """Whether a quote stands as its own sentence(s): nothing but punctuation around it."""
    text = ix.text
    ps = ix.paras[ix.para_of(ms.open_pos)][0]
    before = text[ps : ms.open_pos]
    if (
        before.strip()
        and not _SENT_END.search(before)
        and not before.rstrip().endswith(("”", '"', "''"))
    ):
        return False
    ape = ix.paras[ix.para_of(max(ms.close_end - 1, ms.open_pos))][1]
    after = text[ms.close_end : ape]
    stop = re.search(r"[.!?]", after)
    head = after[: stop.start()] if stop else after
    return not head.strip(' \t,;–—-"”')


def embedded_speaker(ix: DocIndex, ms: MarkSpan) -> SpeakerSpan | None:
    """The likely source of quoted words set inside the writer's sentence, with no speech
    verb ('Lund welcomed "the first real sign that ..."', 'Okafor points to the charter,
    "the first document to ..."'): the subject of the clause the quote hangs from."""
    if whole_sentence(ix, ms):
        return None  # a quote standing alone continues a speaker or floats (assemble)
    doc = ix.doc
    inside = ix.tokens_between(ms.start, ms.end)
    if not inside:
        return None
    lo, hi = inside[0], inside[-1]
    tok = next((doc[i].head for i in inside if not lo <= doc[i].head.i <= hi), None)
    for _ in range(4):  # from the noun the quote hangs from up to its clause's verb
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head if tok.head.i != tok.i else None
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    return speaker_for_verb(ix, tok)


# words a title leaves in lower case ('The Lord of the Isles')
_TITLE_SMALL = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from"}
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_BYLINE = re.compile(r"""^["'”’,\s]*by\s+(?:the\s+)?[A-Z]""")
MIN_TITLE_WORDS = 4


def is_title(ix: DocIndex, ms: MarkSpan) -> bool:
    """Whether quote marks hold the title of a work, not words someone said: a headline
    credited to its writer ('"Mill to close," by the Ledger's Ann Lowe:') or a name in
    title case with no sentence in it ('according to "The Long Road: A Memoir"')."""
    text = ix.text
    if _BYLINE.match(text[ms.close_end : ms.close_end + 40]):
        return True
    inner = text[ms.start : ms.end].strip().rstrip("\"'”’,")
    words = _WORD.findall(inner)
    if len(words) < MIN_TITLE_WORDS or inner.isupper() or re.search(r"[.!?]$", inner):
        return False
    big = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(big) and all(w[0].isupper() for w in big)
