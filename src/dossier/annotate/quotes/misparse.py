"""Speech clauses the small parser hung in the wrong place, found again from the cue verb.

Each repair is a pattern of one common misparse, tried only for a speech verb whose
complement the parser did not attach to it (see ``indirect.content_of``).
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.quotes.lexicon import SPEECH_NO_OBJECT


def _has_subject(tok: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def misparsed_clause(verb: Any, para: tuple[int, int]) -> tuple[Any, list[Any]] | None:
    """A speech verb's complement clause that the parser hung elsewhere:
    - 'said [legalizing it would help]': a gerund subject read as the verb's xcomp,
      the clause's verb as the gerund's ccomp;
    - 'said on Friday at a rally [that he would run]': the clause read as a relative
      clause of the last adjunct's noun, though its 'that' is a conjunction (``mark``),
      not a relative pronoun."""
    for child in verb.rights:
        if not para[0] <= child.idx < para[1]:
            continue
        gerund = child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i == verb.i + 1
        if (
            gerund
            and not _has_subject(child)
            and any(c.dep_ == "ccomp" and (_has_subject(c) or _finite(c)) for c in child.rights)
        ):
            return child, list(child.subtree)
        if child.dep_ == "xcomp" and child.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ == "relcl":
            # 'reports, which he said [described every repair]': the relative pronoun read as the
            # cue's subject, the clause's finite verb as its xcomp
            return child, list(child.subtree)
        if child.dep_ == "dobj" and verb.lemma_.lower() == "say" and _clause_in(child):
            # 'says [the growth the council praises makes it less quiet]': the clause's subject read
            # as the object of 'say' (which takes no object but words), its verb hung below
            return child, list(child.subtree)
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                for rel in obj.rights:
                    that = next(iter(rel.lefts), None) if rel.dep_ == "relcl" else None
                    if that is not None and that.dep_ == "mark" and that.lower_ == "that":
                        return rel, list(rel.subtree)
    return _clause_after(verb, para)


def _finite(tok: Any) -> bool:
    """A finite verb: tensed itself or through a tensed auxiliary before it."""
    return tok.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in tok.lefts
    )


def _clause_in(obj: Any) -> bool:
    """Whether a noun's subtree holds a finite verb after it that is not a relative clause
    with its own subject ('landlords [who lose tenants] file suits' has two: 'lose' with
    its 'who', and 'file' with none)."""
    if obj.pos_ not in ("NOUN", "PROPN") or obj.lower_ in _WORD_OBJECTS:
        return False
    verbs = [t for t in obj.subtree if t.i > obj.i and t.pos_ in ("VERB", "AUX") and _finite(t)]
    return any(not _has_subject(v) or v.dep_ in ("acl", "ccomp") for v in verbs)


# what 'say' takes as a plain object: words, not a clause's subject
_WORD_OBJECTS = frozenset(
    {
        "nothing",
        "something",
        "anything",
        "everything",
        "word",
        "words",
        "thing",
        "things",
        "goodbye",
        "hello",
        "prayer",
        "yes",
        "no",
    }
)

_ADJUNCT_DEPS = frozenset({"prep", "npadvmod", "advmod", "dative", "agent", "punct"})
_PHRASE_DEPS = frozenset({"det", "compound", "amod", "poss", "nummod", "case"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _clause_after(verb: Any, para: tuple[int, int]) -> tuple[Any, list[Any]] | None:
    """'telling reporters on Thursday [she viewed him as ...]': a clause that starts right
    after the cue's addressee and adjuncts (its own subject, then a finite verb), which
    the parser attached somewhere else. Surface fallback for a speech verb whose
    complement the parser lost; the clause runs to its verb's last dependent."""
    doc = verb.doc
    skip: set[int] = set()
    for child in verb.rights:
        addressee = child.dep_ == "dobj" and verb.lemma_.lower() in SPEECH_NO_OBJECT
        if child.dep_ in _ADJUNCT_DEPS or addressee:
            skip.update(t.i for t in child.subtree)
    j = verb.i + 1
    while j in skip:
        j += 1
    if j >= len(doc) or not para[0] <= doc[j].idx < para[1] or doc[j].is_sent_start:
        return None
    head = doc[j]
    while head.dep_ in _PHRASE_DEPS and head.head.i > head.i:
        head = head.head
    clause = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or clause.i <= head.i or clause.i == verb.i:
        return None
    if not _finite(clause) or clause.right_edge.i <= clause.i:
        return None
    return clause, list(doc[j : clause.right_edge.i + 1])
