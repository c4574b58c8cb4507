"""Speakers of cue verbs: the subject (or inverted subject) noun phrase, as written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dossier.annotate.columns import columns
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import HONORIFICS

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
# Dependencies through which a cue verb takes its subject from its head verb:
# 'quoted ... as saying', 'alleged ..., asking', 'said and added'.
INHERIT_DEPS = ("xcomp", "advcl", "conj", "pcomp", "prep")
NP_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PRON", "NUM"})
MAX_SPEAKER_TOKENS = 14


@dataclass
class SpeakerSpan:
    """A speaker phrase: chars ``[start, end)``, its head token and how it was found."""

    start: int
    end: int
    head: int  # token index of the head
    joined: bool = False  # a split name joined across a sentence break
    antecedent: int | None = None  # token index a relative pronoun speaker refers to


def _char_span(doc: Any, lo: int, hi: int) -> tuple[int, int]:
    """Chars of tokens ``lo..hi`` inclusive."""
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def is_time(tok: Any) -> bool:
    """Whether a token is part of a time expression ('Tuesday', 'the weekend')."""
    return bool(tok.ent_type_ in ("DATE", "TIME"))


def _is_time(doc: Any, tokens: list[int]) -> bool:
    """Whether a modifier's tokens name a time ('on Tuesday', 'last week')."""
    return any(is_time(doc[t]) for t in tokens)


def phrase_of(doc: Any, head: Any) -> tuple[int, int]:
    """Token bounds (inclusive) of the noun phrase headed by ``head``, without clauses."""
    lo, hi = head.i, head.i
    cols = columns(doc)  # subtrees on the columns, without their Tokens
    for c in cols.children[head.i]:
        if cols.dep[c] in ("relcl", "acl", "advcl", "punct", "cc") and c > head.i:
            continue
        if cols.dep[c] in ("punct",):
            continue
        sub = cols.subtree(c)
        if c > head.i and cols.dep[c] in ("prep", "npadvmod") and _is_time(doc, sub):
            continue  # 'a spokesman on Tuesday': the time is the speech act's, not his
        if c < head.i:
            lo = min(lo, sub[0])
        else:
            hi = max(hi, sub[-1])
    # keep it contiguous and stop before a clause that starts after the head
    for i in range(head.i + 1, hi + 1):
        if cols.dep[i] in ("relcl", "acl") and cols.head[i] == head.i:
            hi = i - 1
            break
    while hi > lo and (cols.is_punct[hi] or cols.is_space[hi]):
        hi -= 1
    while lo < hi and (cols.is_punct[lo] or cols.is_space[lo]):
        lo += 1
    if hi + 1 < cols.n and cols.text[hi + 1] == ")" and "(" in cols.text[lo : hi + 1]:
        hi += 1  # 'Sen. Ann Marsh (D-OR)': the party tag closes with its parenthesis
    if hi - lo + 1 > MAX_SPEAKER_TOKENS:
        lo = hi = head.i
        for child in head.lefts:
            if child.dep_ in ("compound", "flat", "amod", "det", "poss", "nummod"):
                lo = min(lo, child.left_edge.i)
    return lo, hi


# verbs whose object is a means or a span of time, not who acts next ('used the hearing to
# press for', 'spent the week touring'): the subject acts
MEANS_VERBS = frozenset({"use", "spend", "take", "devote", "waste", "need", "have", "give"})
# verbs whose object is shown doing something: 'left [farmers] saying ...', 'found her arguing'
DEPICTIVE_VERBS = frozenset({"leave", "find", "keep", "see", "hear", "catch", "get", "set"})


def _object_controls(head: Any, xcomp: Any) -> bool:
    """Whether the object of ``head`` is the actor of its infinitive ``xcomp``."""
    if head.lemma_.lower() in MEANS_VERBS:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children)


def subject_of(tok: Any, depth: int = 0) -> Any | None:
    """The subject token of a verb, inherited from its head verb along xcomp/advcl/conj."""
    subjects = [c for c in tok.children if c.dep_ in SUBJ_DEPS and c.lower_ != "there"]
    doc = tok.doc
    if (
        tok.i > 0
        and doc[tok.i - 1].text == ","
        and tok.dep_ in ("parataxis", "ROOT")
        and tok.lemma_.lower() != "tell"
    ):
        # 'Russia, echoed spokesman X, "..."': the phrase after the verb is the speaker
        after = [
            c
            for c in tok.children
            if c.i > tok.i
            and c.dep_ in (*SUBJ_DEPS, "dobj")
            and c.pos_ == "PROPN"
            and (c.right_edge.i + 1 >= len(doc) or doc[c.right_edge.i + 1].is_punct)
        ]
        if after:
            return after[0]
    if subjects:
        # '..., said spokesman X, ...': with two subjects the inverted one is the speaker
        return subjects[-1]
    if depth < 3 and tok.dep_ in INHERIT_DEPS and tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ == "conj" and head.dep_ == "ccomp":
            # 'said [X hit Y] and claimed ...': not the content's subject; a second verb
            # of any other clause shares its subject ('because he backs X and rejects Y')
            return None
        if tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children):
            # 'X missed it, but was ordered to ...': the shared subject is whom it was
            # asked of, not who asked
            return None
        if head.pos_ in ("ADP",) and head.head.i != head.i:
            head = head.head
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
            head = head.head  # 'voters are more likely to say ...': the subject of 'are'
        if tok.dep_ == "advcl" and head.dep_ == "ccomp" and head.head.i < tok.i:
            # '... said [X had ...], adding ...': the participle belongs to the reporter
            head = head.head
        depicted = tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VBG"
        if depicted and head.lemma_.lower() in DEPICTIVE_VERBS:
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            people = obj is not None and (
                obj.ent_type_ in ("PERSON", "NORP", "ORG", "PERCENT", "CARDINAL")
                or obj.pos_ == "PRON"
                or obj.tag_ == "NNS"
            )
            if people:  # 'left the hall saying': the mayor still says it
                return obj
        if tok.dep_ == "xcomp" and _object_controls(head, tok):
            # object control: 'prompted X to advocate ...', 'urged X to say ...'
            obj = next((c for c in head.children if c.dep_ in ("dobj",) and c.i < tok.i), None)
            if obj is not None:
                return obj
        if head.pos_ in ("VERB", "AUX"):
            return subject_of(head, depth + 1)
    return None


def inverted_subject(doc: Any, verb: Any) -> Any | None:
    """'..., said spokesman X': the noun phrase right after the verb (parser-independent)."""
    for child in verb.children:
        if (
            child.dep_ in ("dobj", "attr", "npadvmod")
            and child.i > verb.i
            and child.pos_ in ("PROPN", "NOUN")
        ):
            return child
    i = verb.i + 1
    last = None
    while i < len(doc) and (doc[i].pos_ in NP_POS or doc[i].lower_ in HONORIFICS):
        if doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i != verb.i:
            return None  # 'said the governor was ...': the reported clause's subject
        if doc[i].pos_ in ("PROPN", "NOUN", "PRON", "NUM"):
            last = doc[i]
        i += 1
    return last


def set_off_speaker(doc: Any, verb: Any) -> Any | None:
    """'The cost, said Ortiz and two engineers, will double': the phrase set off by commas right
    after the cue, which the parser read as the reported clause's subject."""
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    i = verb.i + 1
    subject = None
    while i < len(doc) and (
        doc[i].pos_ in NP_POS or doc[i].lower_ in HONORIFICS or doc[i].dep_ in ("cc", "conj")
    ):
        if subject is None and doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i != verb.i:
            subject = doc[i]
        i += 1
    # ', would ...': the reported clause goes on after the phrase
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].pos_ in ("AUX", "VERB"):
        return subject
    return None


def participle_holder(verb: Any) -> Any | None:
    """'voters saying ...', 'emails showing ...', 'a statement saying ...': a participle
    that modifies a noun reports what the noun says; a document that someone issued
    ('X issued a statement saying') speaks for whoever issued it."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.i == verb.i or head.i > verb.i:
        return None
    if head.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") or head.lower_ in ("that", "which", "who"):
        return None
    if head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
        issuer = subject_of(head.head)
        if issuer is not None and issuer.lower_ not in ("that", "which", "who", "what", "this"):
            return issuer
    return head


def name_before(doc: Any, verb: Any) -> Any | None:
    """'... Sen. Ann Marsh (D-OR) said ...' parsed without a subject: the name that
    stands right before the verb (past a parenthesis), when it names a person or body."""
    i = verb.i - 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 0 or doc[i].pos_ != "PROPN" or doc[i].ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    return doc[i]


FINITE_TAGS = frozenset({"VBP", "VBZ", "VBD"})
_SKIP_BEFORE = frozenset({"advmod", "neg", "aux", "auxpass"})


def noun_before(doc: Any, verb: Any) -> Any | None:
    """'Dock workers keen to stop the sale say ...' / 'Tallies posted on Friday now
    suggest ...' that the small parser misread, leaving a finite verb without a subject:
    the noun phrase that stands right before the verb (past adverbs), a time passed over
    for the noun it follows ('tallies posted on Friday')."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in ("ROOT", "dep"):
        return None
    sent_start = verb.sent.start
    i = verb.i - 1
    while i > sent_start and doc[i].dep_ in _SKIP_BEFORE:
        i -= 1
    if i > sent_start and doc[i].text == ",":
        i -= 1
    if i < sent_start or doc[i].pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    first = tok = doc[i]
    for _ in range(6):  # from a prepositional object or a time up to the noun it hangs on
        if tok.i == verb.i:  # the phrase hangs on the cue itself: the noun before it
            break
        noun = tok.pos_ in ("NOUN", "PROPN", "NUM") and tok.dep_ != "pobj"
        if noun and not is_time(tok):
            return tok if sent_start <= tok.i < verb.i else None
        if tok.pos_ == "VERB" and tok.i < verb.i:  # 'Tallies [posted on Friday] suggest'
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            if subj is not None:
                return subj if subj.i >= sent_start else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return first if tok.i == verb.i and not is_time(first) else None


def _parenthetical(doc: Any, verb: Any, subj: Any) -> bool:
    """Whether a cue is set off by a comma right after its parsed subject
    ('X, said Y, ...'), as an attribution inside the quoted words is."""
    return (
        verb.dep_ == "parataxis"
        and subj.i < verb.i
        and verb.i > 0
        and doc[verb.i - 1].text == ","
        and subj.right_edge.i in (verb.i - 2, verb.i - 1)
    )


def _passive_target(verb: Any, subj: Any) -> bool:
    """Whether ``subj`` is the passive subject of the cue itself, with no agent: the one
    told, charged or accused, not who spoke ('X was quoted as saying' excepted)."""
    if subj.dep_ != "nsubjpass" or subj.head.i != verb.i or verb.lemma_.lower() == "quote":
        return False
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    if any(c.lower_ in ("'s", "’s") for c in aux):
        return False  # "He's said": 'has said', read by the parser as a passive
    return not any(c.dep_ == "agent" for c in verb.children)


def _expletive(verb: Any, subj: Any) -> bool:
    """'It was said that ...', 'it is worth stressing that ...': an 'it' that stands for the
    clause, not for anyone who speaks."""
    if subj.lower_ != "it":
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children) and subj.head.i == verb.i
    return passive or (subj.head.i != verb.i and subj.head.lemma_ == "be")


def speaker_for_verb(ix: DocIndex, verb: Any) -> SpeakerSpan | None:
    """The speaker phrase of cue ``verb`` (subject, inverted subject), or ``None``."""
    doc = ix.doc
    subj = subject_of(verb)
    if subj is not None and _parenthetical(doc, verb, subj):
        # 'The ferries, said an official, will sail': the parser read the quoted clause's
        # subject as the cue's and the speaker after it as its object
        subj = inverted_subject(doc, verb) or subj
    elif subj is not None and subj.i < verb.i:
        subj = set_off_speaker(doc, verb) or subj
    if subj is None and verb.dep_ == "conj" and verb.head.dep_ == "ccomp":
        # 'He says [he respects her] and calls her "…"': the reporter's next act
        subj = subject_of(verb.head.head)
    if subj is None:
        subj = participle_holder(verb)
    if subj is None and verb.dep_ == "ROOT":
        subj = name_before(doc, verb)
    if subj is None:
        subj = noun_before(doc, verb)
    if subj is None and verb.dep_ in ("ROOT", "parataxis", "ccomp", "conj"):
        subj = inverted_subject(doc, verb)
    if subj is not None and _passive_target(verb, subj):
        return None  # 'X was charged with ...', 'was told that ...': X is acted on
    if subj is None or is_time(subj) or _expletive(verb, subj):
        return None  # 'spent the evening ... saying': a time the parser took for a subject
    if subj.lower_ in ("that", "which", "who", "what", "this"):
        if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
            # a relative pronoun is written as the speaker; its antecedent is resolved later
            return SpeakerSpan(
                subj.idx, subj.idx + len(subj.text), subj.i, antecedent=subj.head.head.i
            )
        return None
    lo, hi = phrase_of(doc, subj)
    start, end = _char_span(doc, lo, hi)
    span = SpeakerSpan(start, end, subj.i)
    return _join_split_name(ix, span)


def _join_split_name(ix: DocIndex, span: SpeakerSpan) -> SpeakerSpan:
    """'..., John said. Kirby of the Council.' -> one speaker 'John ... Kirby'.

    Bad translations split a name across a sentence break: a lone first name as the
    speaker, and the next sentence opening on a capitalised surname followed by
    'of'/'from'/','. The speaker span then runs from the first name to the surname.
    """
    doc = ix.doc
    head = doc[span.head]
    if head.pos_ != "PROPN" or span.end - span.start != len(head.text):
        return span
    s = ix.sent_of_token(head.i)
    if s + 1 >= len(ix.sent_bounds):
        return span
    a, b = ix.sent_bounds[s]
    # the speaker and its verb must close the sentence: '... John said.'
    tail = [t for t in doc[head.i + 1 : b] if not t.is_punct]
    if len(tail) > 1 or ix.para_of(doc[a].idx) != ix.para_of(doc[b - 1].idx):
        return span
    na, nb = ix.sent_bounds[s + 1]
    if nb - na < 2 or ix.para_of(doc[na].idx) != ix.para_of(head.idx):
        return span
    first, second = doc[na], doc[na + 1]
    if not (
        first.pos_ == "PROPN" and first.text[:1].isupper() and second.lower_ in ("of", "from", ",")
    ):
        return span
    return SpeakerSpan(span.start, first.idx + len(first.text), first.i, joined=True)


def strip_honorific(ix: DocIndex, start: int, end: int) -> int:
    """Start of a speaker span past a leading title such as 'Dr.'."""
    for i in ix.tokens_between(start, end):
        tok = ix.doc[i]
        if tok.lower_ in HONORIFICS or tok.is_punct:
            continue
        return int(tok.idx)
    return start
