"""Reported speech without (or with partial) quote marks: speech-verb clauses, 'according to'."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dossier.annotate.columns import columns
from dossier.annotate.quotes.cues import Cand, is_cue, set_cue
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import (
    DIRECT_ONLY_CUES,
    MIXED_ONLY_CUES,
    SPEECH_NO_OBJECT,
    frames,
    is_speech_verb,
)
from dossier.annotate.quotes.misparse import misparsed_clause
from dossier.annotate.quotes.passives import passive_report, raised_view
from dossier.annotate.quotes.questions import asked as question_asked
from dossier.annotate.quotes.speakers import SpeakerSpan, phrase_of, set_off_speaker, subject_of
from dossier.annotate.quotes.trim import (
    MIN_CONTENT_TOKENS,
    char_span,
    drop_tail,
    next_report,
    trailing_participle,
    trim_edges,
)

CONTENT_DEPS = ("ccomp",)


# tags of a verb form that carries its tense ('left', 'leaves', 'leave'), and with a modal
# ('would') the tags of a finite verb
TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP"})
FINITE_TAGS = TENSED_TAGS | {"MD"}


def _tensed_aux(verb: Any) -> bool:
    """'did not suggest', 'has since denied': a verb whose auxiliary carries the tense
    ('would release' is what the speaker said would happen, and stays out)."""
    return any(c.dep_ == "aux" and c.tag_ in TENSED_TAGS for c in verb.children)


def _clause_tokens(head: Any) -> list[Any]:
    """A complement clause without a trailing ', adding/saying ...' or '... and calls
    her ...': a speaker's next speech act that the parser hung on the clause (a speech
    verb without a subject of its own), not part of what was said."""
    cut: set[int] = set()
    for child in head.rights:
        gerund = child.dep_ == "advcl" and child.tag_ == "VBG"
        next_act = (
            child.dep_ == "conj"
            and (child.tag_ in ("VBZ", "VBD") or _tensed_aux(child))
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        )
        act = is_speech_verb(child.lemma_, child.lower_) or child.lemma_ in MIXED_ONLY_CUES
        report = next_report(head, child) or trailing_participle(head, child)
        if ((gerund or next_act) and act) or report:
            cut.update(t.i for t in child.subtree)
            if next_act or report:
                cut.update(c.i for c in head.rights if c.dep_ == "cc" and c.i < child.i)
    return [t for t in head.subtree if t.i not in cut]


def allowed_frames(lemma: str, speech: bool) -> frozenset[str]:
    """The frames a verb lemma takes: its listed ones, ccomp and (mostly) dobj for speech
    verbs, less the ones listed as ``-dep``."""
    listed = frames().get(lemma, frozenset())
    allowed = set(listed)
    if speech:
        allowed.add("ccomp")
        if lemma not in SPEECH_NO_OBJECT:
            allowed.add("dobj")
    return frozenset(a for a in allowed if not a.startswith("-") and f"-{a}" not in listed)


# prepositions that open the when, where or despite-what of a report, not its content
ADJUNCT_PREPS = frozenset(
    {"at", "during", "despite", "amid", "throughout", "after", "before", "since", "according"}
)


def _adjunct(dep: Any) -> bool:
    """'criticized X [at a rally] [on Monday]': a prepositional adjunct of the cue verb."""
    if dep.dep_ != "prep":
        return False
    if dep.lower_ in ADJUNCT_PREPS:
        return True
    return any(c.ent_type_ in ("DATE", "TIME") for c in dep.children if c.dep_ == "pobj")


def _as_predicate(dep: Any) -> bool:
    """'see X [as likely to win]', 'described X [as Y doing Z]': what the object is
    taken for, parsed as a preposition or an adverbial clause that opens with 'as'; a
    finite 'as' clause is when or how ('as he left', 'as Breitbart reported')."""
    if dep.left_edge.lower_ != "as":
        return False
    if dep.dep_ == "advcl":
        passive = any(c.dep_ == "auxpass" for c in dep.children)
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in dep.children)
        return dep.tag_ not in FINITE_TAGS and not (_tensed_aux(dep) or modal or passive)
    return bool(dep.dep_ == "prep")


def content_of(
    verb: Any,
    speech: bool,
    para: tuple[int, int],
    allowed: frozenset[str] | None = None,
    preps: bool = False,
) -> tuple[Any, list[Any]] | None:
    """What a cue verb attributes: its complement clause, object or prepositional object
    as its frame allows, or (speech verbs) the head clause it interrupts. Dependents in
    another paragraph are parser errors across a line break and are passed over.
    ``allowed``: the frames to try instead of the verb's listed ones; ``preps``: any
    prepositional object that is not an adjunct (for candidates a model judges)."""
    if allowed is None:
        allowed = allowed_frames(verb.lemma_.lower(), speech)
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS and "ccomp" in allowed and para[0] <= child.idx < para[1]:
            return child, _clause_tokens(child)
    if speech:
        # 'X said he was ...' parsed with the clause as advcl/conj after the verb
        for child in verb.rights:
            if (
                child.dep_ in ("advcl", "conj", "xcomp", "dep")
                and child.pos_ in ("VERB", "AUX")
                and para[0] <= child.idx < para[1]
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
                and not any(c.dep_ == "mark" and c.lower_ != "that" for c in child.children)
            ):
                return child, list(child.subtree)
        found = misparsed_clause(verb, para)
        if found is not None:
            return found
    speaker = subject_of(verb)
    if "oprd" in allowed:
        # 'called [him a fraud]', 'deemed [the plan unworkable]': object and predicate
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        pred = next((c for c in verb.children if c.dep_ == "oprd"), None)
        if obj is not None and pred is not None and obj.i < pred.i and obj != speaker:
            return obj, list(obj.subtree) + list(pred.subtree)
    for child in verb.children:
        if child.dep_ == "dobj" and child.ent_type_ in ("DATE", "TIME"):
            continue  # 'promised Sunday to ...': when, not what
        if child.dep_ == "dobj" and "dobj" in allowed and child != speaker:
            # 'criticized X for ...', 'called X "..."': the object and what follows it
            toks = list(child.subtree)
            for right in verb.rights:
                if right.i > child.i and (
                    (right.dep_ in ("prep", "oprd", "xcomp", "ccomp") and not _adjunct(right))
                    or _as_predicate(right)
                ):
                    toks += list(right.subtree)
            return child, toks
        if child.dep_ == "xcomp" and "xcomp" in allowed:
            return child, list(child.subtree)
        listed_prep = f"prep:{child.lower_}" in allowed or (preps and not _adjunct(child))
        if child.dep_ == "advcl" and child.i > verb.i:
            # 'calling for [Trump to be banned]': the preposition parsed as the mark of a clause
            mark = next((c for c in child.children if c.dep_ == "mark"), None)
            if mark is not None and mark.i < child.i and f"prep:{mark.lower_}" in allowed:
                return child, [t for t in child.subtree if t.i != mark.i]
        # 'To a standing ovation, Kasich called for ...': a preposition before the verb
        # opens an adjunct, never what was said
        if child.dep_ == "prep" and listed_prep and child.i > verb.i:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                # 'called on [him to resign]': the infinitive after the object goes with it
                toks = list(obj.subtree)
                for right in verb.rights:
                    if right.i > child.i and right.dep_ == "xcomp":
                        toks += list(right.subtree)
                        break
                    if right.i > child.i and _as_predicate(right):
                        toks += list(right.subtree)  # 'pointed to [X as the obstacle]'
                        break
                return obj, toks
    # 'As X reported, the plan failed': the reported clause is the one the cue modifies
    # ('as she accepted the award': an act with its own object says when, not who said)
    as_clause = (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    )
    # '..., said X, ...' / 'Russia, echoed X, "will ..."': the cue hangs off the clause
    if speech and (verb.dep_ == "parataxis" or as_clause) and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        own = {t.i for t in verb.subtree}
        toks = [t for t in head.subtree if t.i not in own]
        return head, toks
    return None


def _cue_candidates(ix: DocIndex) -> list[int]:
    """Indexes of the tokens that can pass the test opening :func:`speech_clauses` (a cue,
    see :func:`is_cue`, or a verb with frames), read off the columns: no Token is made
    for the others."""
    cols = columns(ix.doc)
    table = frames()
    pos, lemma, lemma_lower, lower = cols.pos, cols.lemma, cols.lemma_lower, cols.lower
    return [
        i
        for i in range(cols.n)
        if lemma_lower[i] == "put"
        or (
            pos[i] in ("VERB", "AUX")
            and is_speech_verb(lemma[i], lower[i])
            and lemma_lower[i] not in MIXED_ONLY_CUES
            and lemma_lower[i] not in DIRECT_ONLY_CUES
        )
        or (pos[i] == "VERB" and lemma_lower[i] in table)
    ]


def speech_clauses(ix: DocIndex, skip: Callable[[int], bool]) -> list[Cand]:
    """One candidate per cue verb with a complement clause (``skip``: positions in quotes)."""
    doc = ix.doc
    cols = columns(doc)
    out: list[Cand] = []
    for i in _cue_candidates(ix):
        tok = doc[i]
        speech = is_cue(tok)
        if skip(tok.idx) or not (speech or (tok.pos_ == "VERB" and tok.lemma_.lower() in frames())):
            continue
        asked = question_asked(ix, tok)
        if asked is not None:
            out.append(asked)
            continue
        # reduced passives and participles: 'Asked whether ...', 'a plan announced ...'
        if tok.tag_ == "VBN" and not any(
            cols.dep[c] in ("aux", "auxpass") for c in cols.children[tok.i]
        ):
            continue
        lead_from = max(ix.sent_chars(ix.sent_of_token(tok.i))[0], ix.paras[ix.para_of(tok.idx)][0])
        if not any(map(str.isalnum, ix.text[lead_from : tok.idx])):
            continue  # 'Asked whether ...': a sentence-initial participle, not a report
        raised = raised_view(ix, tok)
        if raised is not None:
            out.append(raised)
            continue
        passive = passive_report(ix, tok, speech)
        if passive is not None:
            out.append(passive)
            continue
        found = content_of(tok, speech, ix.paras[ix.para_of(tok.idx)])
        if found is None:
            continue
        content_head, toks = found
        if content_head.dep_ != "ccomp" and subject_of(tok) is None:
            continue  # objects count only with someone to attribute them to
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) > 1 and subjects[0].i < tok.i < subjects[-1].i:
            # 'Kim and Putin, said X, will meet': the first subject belongs to the content
            toks = list(subjects[0].subtree) + toks
        elif subjects and subjects[0].i < tok.i < content_head.i and set_off_speaker(doc, tok):
            # 'The plan, said Ruiz, would fail': the speaker set off after the cue, the
            # parsed subject before it opens the content
            toks = list(subjects[0].subtree) + toks
        if content_head.dep_ == "ccomp" and len(toks) < MIN_CONTENT_TOKENS:
            continue
        toks = drop_tail(content_head, toks)
        toks.sort(key=lambda t: t.i)
        start, end = char_span(toks)
        # a clause never runs past the cue's paragraph (the parser's sentences may)
        ps, pe = ix.paras[ix.para_of(tok.idx)]
        if end <= tok.idx:
            end = _run_on(ix, tok, end)
        start, end = trim_edges(ix, max(start, ps), min(end, pe))
        if end - start < 3:
            continue
        c = Cand(start, end, "indirect", sourceless=_described(tok, content_head, speech))
        set_cue(c, ix, tok)
        out.append(c)
    return out


def _run_on(ix: DocIndex, verb: Any, end: int) -> int:
    """'A, the auditor noted; B.' / 'A, the union said: B; C.': an attribution set in the
    reported words and closed by a semicolon or colon goes on to the sentence's end, the
    words after it reported too (the attribution comes out as the gap between pieces)."""
    doc = ix.doc
    r = next((i for i in range(verb.i + 1, min(len(doc), verb.i + 9)) if doc[i].is_punct), None)
    if r is None or r + 1 >= len(doc) or doc[r].text not in (";", ":"):
        return end
    nxt = doc[r + 1]
    pe = ix.paras[ix.para_of(verb.idx)][1]
    if nxt.idx >= pe or not nxt.is_alpha:
        return end
    return min(ix.sent_chars(ix.sent_of_token(nxt.i))[1], pe)


def _described(verb: Any, content: Any, speech: bool) -> bool:
    """'[X] is known as [Y]': a passive frame verb without an agent, its content a
    prepositional object, describes its subject; whoever holds the view goes unnamed."""
    if speech or content.head.dep_ != "prep" or content.head.head.i != verb.i:
        return False
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "agent" not in deps


def _noun_source(noun: Any) -> Any | None:
    """Whose 'criticism of ...': the possessor, a 'by' agent, or the subject of the verb
    the noun is the object of ('she voiced support for ...')."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        if _received(noun):
            return None  # 'she faces criticism for ...': she is its target, not its source
        return subject_of(noun.head)
    return None


def _received(noun: Any) -> bool:
    """'drew criticism', 'faces questions': the verb's subject is on the receiving end."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING_VERBS


def _noun_content(noun: Any, allowed: frozenset[str]) -> Any | None:
    """The dependent of a report noun that holds its content: 'criticism of [X]' (nprep:of),
    'the claim [that X]' (nthat), 'a pledge [to X]' (nto)."""
    for c in noun.children:
        if c.dep_ == "prep" and f"nprep:{c.lower_}" in allowed:
            return next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
        if (
            c.dep_ in ("acl", "ccomp")
            and "nthat" in allowed
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ):
            return c
        if c.dep_ == "acl" and c.tag_ == "VB" and "nto" in allowed:
            return c
    return None


def nominal_frames(ix: DocIndex, skip: Callable[[int], bool]) -> list[Cand]:
    """'his criticism of [the deal]', 'voiced support for [the bill]' (``nprep:`` frames)."""
    out: list[Cand] = []
    table = frames()
    cols = columns(ix.doc)
    nouns = [
        i
        for i, (pos, lemma) in enumerate(zip(cols.pos, cols.lemma_lower, strict=True))
        if pos == "NOUN" and table.get(lemma)
    ]
    for i in nouns:
        tok = ix.doc[i]
        if tok.pos_ != "NOUN" or skip(tok.idx):
            continue
        allowed = table.get(tok.lemma_.lower())
        if not allowed:
            continue
        obj = _noun_content(tok, allowed)
        source = _noun_source(tok)
        # 'she faces criticism of ...': said by someone unnamed, about her
        received = source is None and _received(tok)
        if obj is None or (source is None and not received):
            continue
        if source is not None and source.lower_ in ("it", "there"):
            continue
        start, end = trim_edges(ix, *char_span(list(obj.subtree)))
        if end - start < 3:
            continue
        c = Cand(start, end, "indirect", sourceless=received)
        c.cue = tok
        c.cue_lemma = tok.lemma_.lower()
        c.cue_start, c.cue_end = tok.idx, tok.idx + len(tok.text)
        if source is not None:
            doc = ix.doc
            lo, hi = phrase_of(doc, source)
            c.speaker = SpeakerSpan(doc[lo].idx, doc[hi].idx + len(doc[hi].text), source.i)
        out.append(c)
    return out


def according_to(ix: DocIndex, skip: Callable[[int], bool]) -> list[Cand]:
    """'According to X, …' / '…, according to X': content is the rest of the sentence."""
    doc = ix.doc
    out: list[Cand] = []
    for i in [i for i, low in enumerate(columns(doc).lower) if low == "according"]:
        tok = doc[i]
        if tok.lower_ != "according" or skip(tok.idx) or tok.i + 1 >= len(doc):
            continue
        to = doc[tok.i + 1]
        if to.lower_ != "to":
            continue
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        lo, hi = phrase_of(doc, pobj)
        phrase_end = doc[hi].idx + len(doc[hi].text)
        s = ix.sent_of_token(tok.i)
        sent_start, sent_end = ix.sent_chars(s)
        if skip(phrase_end - 1):  # 'according to her book "The Road: A Memoir,"': the title
            while phrase_end < sent_end and skip(phrase_end):
                phrase_end += 1
        para = ix.paras[ix.para_of(tok.idx)]
        sent_start, sent_end = max(sent_start, para[0]), min(sent_end, para[1])
        if tok.idx - sent_start <= 2:
            # the content starts after the whole source phrase, however long
            # ('according to results of the poll conducted by X for Y, ...')
            edge = pobj.right_edge
            start, end = max(phrase_end, edge.idx + len(edge.text)), sent_end
        else:
            start, end = sent_start, tok.idx
            if sent_end - phrase_end > 3:  # mid-sentence: the whole sentence
                end = sent_end
        start, end = trim_edges(ix, start, end)
        if end - start < 8:
            continue
        c = Cand(start, end, "according-to")
        c.cue_lemma = "according to"
        c.cue_start, c.cue_end = tok.idx, to.idx + len(to.text)
        c.speaker = SpeakerSpan(doc[lo].idx, phrase_end, pobj.i)
        out.append(c)
    return out


# verbs whose subject is on the receiving end of their object: the one who criticises or
# asks goes unnamed unless 'from X' names them
RECEIVING_VERBS = frozenset(
    {"receive", "face", "draw", "attract", "endure", "weather", "suffer", "get", "invite"}
)
SOURCE_DOCS = frozenset({"poll", "survey"})


def in_source(ix: DocIndex, skip: Callable[[int], bool]) -> list[Cand]:
    """'In a poll released Monday, [most voters ...]': a sentence opening on a poll or
    survey attributes the rest of the sentence to it."""
    doc = ix.doc
    cols = columns(doc)
    out: list[Cand] = []
    for i in [i for i, low in enumerate(cols.lower) if low == "in" and cols.dep[i] == "prep"]:
        tok = doc[i]
        if skip(tok.idx):
            continue
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in SOURCE_DOCS:
            continue
        sent_start, sent_end = ix.sent_chars(ix.sent_of_token(tok.i))
        if tok.idx - sent_start > 2:
            continue
        para = ix.paras[ix.para_of(tok.idx)]
        edge = pobj.right_edge
        start, end = trim_edges(ix, edge.idx + len(edge.text), min(sent_end, para[1]))
        if end - start < 8:
            continue
        c = Cand(start, end, "indirect")
        c.cue_lemma = "in"
        c.cue_start, c.cue_end = tok.idx, tok.idx + len(tok.text)
        lo, hi = phrase_of(doc, pobj)
        c.speaker = SpeakerSpan(doc[lo].idx, doc[hi].idx + len(doc[hi].text), pobj.i)
        out.append(c)
    return out
