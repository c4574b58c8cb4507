"""Event status: asserted, negated, expected, hypothetical or reported; and hedges.

Read from the words around the trigger: negation ('did not', 'never'), prevention ('foiled
a strike'), modals ('will',
'could', 'may'), governing verbs ('expected to meet', 'deny the existence of', 'accused X
of supplying'), conditional clauses ('if ...'), adverbs ('reportedly') and attributions
('according to ...').
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.columns import columns
from dossier.records import EventStatus

NEGATING = frozenset({"deny", "refute", "dispute"})
# 'refused to lift', 'failed to reach': the complement did not (will not) happen.
REFUSING = frozenset({"refuse", "decline", "fail"})
# 'air defences foiled a strike', 'prevented them from crossing': the act was stopped
# before it took place ('repelled' and 'stopped' are left out: what they stop had begun).
PREVENTING = frozenset({"prevent", "foil", "thwart", "avert", "forestall", "preempt"})
# 'met to talk about the supply of fuel': an act that is the topic of talks is discussed,
# not done (only for an event named by a noun: 'discussed how troops attacked' reports it).
DISCUSSING = frozenset({"talk", "discuss", "debate", "negotiate", "consider", "negotiation"})
REPORTING = frozenset(
    {"allege", "claim", "accuse", "rumor", "rumour", "suspect", "blame", "charge", "indict"}
)
REPORTING_PASSIVE = frozenset(
    {
        "say",
        "believe",
        "think",
        "report",
        "allege",
        "rumor",
        "rumour",
        "suspect",
        "understand",
        "know",
    }
)
EXPECTING = frozenset(
    [
        "expect",
        "plan",
        "intend",
        "prepare",
        "schedule",
        "set",
        "aim",
        "hope",
        "want",
        "seek",
        "wish",
        "promise",
        "pledge",
        "vow",
        "swear",
        "agree",
        "go",
        "look",
        "propose",
        "offer",
        "due",
        "arrange",
        "head",
        "willing",
        "ready",
        "prepared",
        "eager",
        "determined",
        "poised",
        "keen",
        "able",
    ]
)
HYPOTHESIZING = frozenset(
    {"fear", "consider", "threaten", "warn", "risk", "could", "might", "imagine", "suggest"}
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPO_AUX = frozenset({"could", "may", "might", "would", "should", "can", "must"})
NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
REPORT_ADV = frozenset(
    {"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "ostensibly"}
)
HEDGE_ADV = REPORT_ADV | frozenset(
    {
        "likely",
        "possibly",
        "probably",
        "perhaps",
        "maybe",
        "presumably",
        "unofficially",
        "officially",
    }
)
EXPECT_ADJ = frozenset(
    {
        "planned",
        "upcoming",
        "expected",
        "forthcoming",
        "scheduled",
        "future",
        "next",
        "proposed",
        "coming",
        "impending",
        "prospective",
    }
)
HYPO_ADJ = frozenset({"possible", "potential", "hypothetical", "conditional"})
REPORT_ADJ = frozenset(
    {
        "alleged",
        "reported",
        "rumoured",
        "rumored",
        "suspected",
        "so-called",
        "purported",
        "supposed",
    }
)
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


def _modal_flags(tok: Any) -> set[str]:
    """Flags from the words attached directly to one verb or noun."""
    flags: set[str] = set()
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (low in NEG_WORDS and c.dep_ in ("det", "advmod", "preconj")):
            flags.add("negated")
        elif c.dep_ == "aux" and low in FUTURE_AUX:
            flags.add("expected")
        elif (c.dep_ == "aux" and low in HYPO_AUX) or (
            c.dep_ == "mark" and low in CONDITIONAL_MARKS
        ):
            flags.add("hypothetical")
        elif c.dep_ == "advmod" and low in REPORT_ADV:
            flags.add("reported")
        elif c.dep_ == "amod":
            if low in EXPECT_ADJ:
                flags.add("expected")
            elif low in HYPO_ADJ:
                flags.add("hypothetical")
            elif low in REPORT_ADJ:
                flags.add("reported")
        elif c.dep_ == "prep" and low == "according":
            flags.add("reported")
        if c.dep_ == "aux" and low in ("going",):
            flags.add("expected")
    return flags


def _governor_flags(tok: Any) -> set[str]:
    """Flags from the words that govern the trigger ('expected to', 'deny', 'accused of')."""
    flags: set[str] = set()
    cur = tok
    for _ in range(4):
        dep = cur.dep_
        head = cur.head
        if head.i == cur.i:
            break
        lemma = head.lemma_.lower()
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
        if dep in (
            "xcomp",
            "ccomp",
            "pcomp",
            "pobj",
            "dobj",
            "prep",
            "advcl",
            "acl",
            "nsubjpass",
            "nsubj",
            "attr",
            "oprd",
            "acomp",
        ):
            if lemma in NEGATING or (lemma in REFUSING and dep == "xcomp"):
                flags.add("negated")
            if lemma in PREVENTING and dep in ("dobj", "nsubjpass", "prep", "pcomp", "pobj"):
                flags.add("negated")
            if lemma in DISCUSSING and tok.pos_ == "NOUN" and dep in ("dobj", "prep"):
                flags.add("hypothetical")
            if lemma in REPORTING or (passive and lemma in REPORTING_PASSIVE):
                flags.add("reported")
            infinitive = dep == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children
            )
            going = lemma == "go" and dep != "xcomp"  # 'went on strike' is done
            if (
                lemma in EXPECTING
                and not going
                and (dep in ("xcomp", "prep", "pobj", "pcomp", "dobj", "acl") or infinitive)
            ):
                flags.add("expected")
            if lemma in HYPOTHESIZING and dep in ("xcomp", "ccomp", "dobj", "pcomp", "prep"):
                flags.add("hypothetical")
            if dep in ("xcomp", "acomp") or (
                cur is tok and dep in ("nsubj", "nsubjpass", "dobj", "attr")
            ):
                # modals of the governing verb scope over its complement ('could try to
                # meet') and over an event noun it predicates ('the meeting could take place')
                flags |= _modal_flags(head) & {"hypothetical", "expected"}
            if "negated" in _modal_flags(head) and dep in ("xcomp", "dobj"):
                flags.add("negated")
        if dep in ("ROOT", "conj", "relcl", "parataxis"):
            break
        cur = head
    return flags


def _sentence_flags(tok: Any) -> set[str]:
    flags: set[str] = set()
    if _according_to(tok):
        flags.add("reported")
    return flags


def _according_to(tok: Any) -> list[int]:
    """Indexes of the 'according' of each 'according to' in the token's sentence."""
    cols = columns(tok.doc)  # the words of the sentence, without a Token for each
    lower, n = cols.lower, cols.n
    start, end = cols.sent_span(tok.i)
    return [
        i
        for i in range(start, end)
        if lower[i] == "according" and i + 1 < n and lower[i + 1] == "to"
    ]


def _threat_content_future(tok: Any) -> bool:
    """'warned that X will pay a price': the threatened consequence is still to come."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and (_modal_flags(c) & {"expected", "hypothetical"}):
            return True
    return False


def _in_question(tok: Any) -> bool:
    """Whether the trigger sits in a question: its sentence ends with '?' and no colon or
    quotation mark opens a quoted question after the trigger ('alleged, asking: "...?"')."""
    cols = columns(tok.doc)
    start, end = cols.sent_span(tok.i)
    sent_text = cols.span_text(start, end)  # the sentence's text, as Span.text
    if not sent_text.rstrip().rstrip("\"'”’»").endswith("?"):
        return False
    after = sent_text[tok.idx - cols.idx[start] :]
    return not any(ch in after for ch in ':"“”«')


def status_of(tok: Any, light: Any | None = None, threat: bool = False) -> EventStatus:
    """The status of the event named by ``tok`` (lent a subject by ``light``, if any).

    For threats (``threat``), a consequence marked as future ('will pay a price') makes the
    event 'expected': what the threat announces has not happened yet.
    """
    flags = _modal_flags(tok) | _governor_flags(tok)
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("for", "to") and head.head.pos_ in ("VERB", "AUX"):
        # 'will travel to Beijing for talks': the purpose shares the trip's modality
        flags |= _modal_flags(head.head) & {"expected", "hypothetical"}
    if _in_question(tok):
        flags.add("hypothetical")  # asked, not told
    if threat and _threat_content_future(tok):
        flags.add("expected")
    if light is not None:
        flags |= _modal_flags(light) | _governor_flags(light)
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        # 'will meet and discuss': modals are shared across coordinated verbs.
        flags |= _modal_flags(tok.head) - {"negated"}
    flags |= _sentence_flags(tok)
    order: tuple[EventStatus, ...] = ("negated", "hypothetical", "expected", "reported")
    for status in order:
        if status in flags:
            return status
    return "asserted"


# Verbs that attribute a clause to a named source ('the ministry said missiles hit').
ATTRIBUTING = frozenset({"say", "claim", "report", "state", "announce", "allege", "tell"})


def attribution_of(tok: Any) -> list[str]:
    """The named source a trigger's clause is attributed to: 'The Russian defence ministry
    said' for 'The Russian defence ministry said ten missiles hit the port' (the event is
    that party's account, not a fact the writer vouches for)."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "conj", "xcomp") or cur.head.i == cur.i:
            return []
        head = cur.head
        if head.lemma_.lower() in ATTRIBUTING and head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ == "PRON":
                return []
            lo = min(subj.left_edge.i, head.i)
            return [tok.doc[lo : head.i + 1].text] if head.i - lo <= 8 else []
        cur = head
    return []


def hedges_of(tok: Any, light: Any | None = None) -> list[str]:
    """Hedging words and attributions in the trigger's sentence ('reportedly', 'according to
    various sources')."""
    out: list[str] = []
    carriers = [tok] if light is None else [tok, light]
    for carrier in carriers:
        for c in carrier.children:
            if c.dep_ == "advmod" and c.lower_ in HEDGE_ADV:
                out.append(c.text)
            elif c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children
            ):
                # the condition the event hangs on ('unless the talks resume')
                toks = [t for t in c.subtree if not t.is_space]
                while toks and toks[-1].is_punct:
                    toks.pop()
                if toks:
                    out.append(tok.doc[toks[0].i : toks[-1].i + 1].text)
    out.extend(attribution_of(tok))
    for i in _according_to(tok):
        end = tok.doc[i + 1]
        for c in end.children:
            if c.dep_ == "pobj":
                end = c.right_edge
        out.append(tok.doc[i : end.i + 1].text)
    return list(dict.fromkeys(out))
