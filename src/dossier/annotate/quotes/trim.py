"""Where an indirect quote's content ends: the writer's own additions at its edge."""

from __future__ import annotations

from typing import Any

from dossier.annotate.columns import columns
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import frames, is_speech_verb

MIN_CONTENT_TOKENS = 3  # a shorter clause is a fragment the parse cut off
QUOTE_MARKS = frozenset('"“”‘’«»')
INDEFINITE = frozenset({"a", "an"})


def gloss(dep: Any) -> bool:
    """', a right-wing party that ...': a descriptive appositive, the writer's gloss on a
    noun of the content, not part of what the source said. A common noun that is
    indefinite or carries a clause of its own; a name (', Hillary Clinton'), a bare title
    (', the nominee') and a list the parser hung as an appositive (', X and Y') stay."""
    if dep.dep_ != "appos" or dep.tag_ not in ("NN", "NNS"):
        return False
    kids = list(dep.children)
    if any(c.dep_ in ("conj", "cc") for c in kids):
        return False
    indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in kids)
    clause = any(c.dep_ in ("relcl", "acl") for c in kids)
    return indefinite or clause


def next_report(head: Any, child: Any) -> bool:
    """'[the plan is dead], and he railed against ...': a clause joined to the content by
    ', and' whose verb reports again (a speech or frame verb) with a subject of its own
    is the writer's next report, which the parser hung on the content; not what was
    said. A second 'that' clause ('and that he ...') and quoted words stay."""
    if child.dep_ != "conj" or child.i <= head.i or child.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(child.children)
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids) or any(
        c.dep_ == "mark" for c in kids
    ):
        return False
    cc = next((c for c in head.children if c.dep_ == "cc" and c.i < child.i), None)
    doc = head.doc
    if cc is None or cc.lower_ != "and" or cc.i == 0 or doc[cc.i - 1].text != ",":
        return False
    if doc[cc.i + 1].text in QUOTE_MARKS:
        return False
    lemma = child.lemma_.lower()
    return is_speech_verb(lemma, child.lower_) or lemma in frames()


def trailing_participle(head: Any, child: Any) -> bool:
    """'[its members will strike on Friday], leaving the timetable in tatters': a participle
    clause set off by a comma at the content's end, whose unwritten subject is the act
    reported, is the writer's comment on the report, not what was said."""
    if child.dep_ not in ("advcl", "xcomp") or child.tag_ != "VBG" or child.i <= head.i:
        return False
    doc = head.doc
    lead = child.left_edge.i - 1
    if lead < 0 or doc[lead].text != ",":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children):
        return False
    return child.right_edge.i >= head.right_edge.i


def tail_cut(dep: Any) -> bool:
    """Whether a comma phrase at the end of a content is the writer's, not the source's:
    ', which/who ...' asides and ', while/despite/according to ...' contrasts."""
    if dep.dep_ == "relcl" or gloss(dep):
        return True
    if dep.dep_ not in ("advcl", "prep"):
        return False
    marks = {c.lower_ for c in dep.children if c.dep_ in ("mark", "advmod")}
    return bool(marks & {"while", "whereas"}) or dep.lower_ in ("despite", "according")


def drop_tail(head: Any, toks: list[Any]) -> list[Any]:
    """Content without a trailing comma phrase the writer added (see :func:`tail_cut`);
    measured on PolNeAR train, where such phrases lie outside the gold content."""
    keep = {t.i for t in toks}
    doc = head.doc
    cols = columns(doc)  # the right children looked up on the columns; Tokens for the kept
    for i in sorted(t.i for t in toks):
        for d in cols.children[i]:
            if d < i or d not in keep:
                continue
            dep = doc[d]
            lead = dep.left_edge.i - 1
            if lead < 0 or cols.text[lead] != ",":
                continue
            if dep.right_edge.i >= max(keep) and tail_cut(dep):
                keep -= set(cols.subtree(d))
                keep.discard(lead)
    return [t for t in toks if t.i in keep]


def char_span(tokens: list[Any]) -> tuple[int, int]:
    """Characters from the first token's start to the last token's end."""
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


def trim_edges(ix: DocIndex, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation and spaces (but keep closing quote marks)."""
    text = ix.text
    while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-."):
        end -= 1
    return start, end
