"""Events: who did what to whom, when and where, coded in CAMEO. Owner: events.

One pass over the spaCy parse of an article: triggers (verbs and nouns of the event
lexicon, light-verb constructions; an act that is the content of a demand, appeal, threat,
refusal or protest refines that event's code instead: ``content``) -> CAMEO code refined
by word classes -> source and target actors tied to entity mentions -> place, date,
status, quote, quantities, hedges.
Events with neither an actor nor a place are dropped (precision over recall), and events
of one sentence that describe the same happening are merged, and an unreal act of a
subordinate clause ('to force him to ...', 'if they refused ...') is dropped when the
sentence reports another event (``secondary``). Each event is then coded
(``coding``): CAMEO actor codes for source and target from their whole phrases and a dated
actor dictionary, PLOVER category, mode (the auxiliary modes negation/future/hypothetical
come from the status) and contexts, Goldstein score.

Public functions: ``extract_events`` (the extractor), ``code_name`` (CAMEO code -> short
name), ``plover`` (CAMEO code -> PLOVER category), ``actor_code`` (actor phrase ->
CAMEO-style code such as 'RUSGOV'), ``cameo_convention`` (the code CAMEO-coded data would
give an event of a given status: announced acts as intents or threats), ``plover_coding``
(CAMEO code + status -> PLOVER category, mode, contexts, Goldstein), ``mention_code``
(entity mention -> actor code, for stages that re-tie event actors to mentions).
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.columns import columns
from dossier.annotate.events.actors import actor_code
from dossier.annotate.events.arguments import Actor, ActorFinder
from dossier.annotate.events.coding import ActorCoder, coding_date, mention_code, plover_coding
from dossier.annotate.events.dates import fallback_times, governing_time, index_times
from dossier.annotate.events.frames import drop_unattributed_frames
from dossier.annotate.events.lexicon import Lexicon, cameo_convention, code_name, lexicon, plover
from dossier.annotate.events.merge import merge_events
from dossier.annotate.events.modality import attribution_of, hedges_of, status_of
from dossier.annotate.events.places import Place, PlaceFinder
from dossier.annotate.events.quantities import event_quantities
from dossier.annotate.events.roles import noun_roles, subject_token, verb_roles
from dossier.annotate.events.secondary import drop_secondary_unreal
from dossier.annotate.events.stance import opinion_of
from dossier.annotate.events.triggers import Trigger, find_triggers, phrase_tokens
from dossier.ids import span_id
from dossier.records import Article, Event, Mention, Quote, TimeExpr

__all__ = [
    "EXTRACTOR",
    "VERSION",
    "actor_code",
    "cameo_convention",
    "code_name",
    "extract_events",
    "mention_code",
    "plover",
    "plover_coding",
]

EXTRACTOR = "events.rules"
VERSION = "0.5"

# Verbs of motion that make a visit when they have a destination ('flies to Pyongyang').
MOTION = frozenset({"fly", "travel", "arrive", "head", "go", "come", "journey", "land"})
CLAUSE_HEAD_POS = ("VERB", "AUX")


class _Context:
    def __init__(
        self,
        article: Article,
        doc: Any,
        mentions: list[Mention],
        times: list[TimeExpr],
        quotes: list[Quote],
    ) -> None:
        self.article = article
        self.doc = doc
        self.lex: Lexicon = lexicon()
        self.actors = ActorFinder(article.text, mentions)
        self.coder = ActorCoder(doc, mentions)
        self.places = PlaceFinder(article.text, self.actors.index)
        self.times_by_token = index_times(doc, times or fallback_times(article.id, doc))
        self.quotes = sorted(quotes, key=lambda q: q.start)


def _clause_head(tok: Any) -> Any:
    """The verb heading the clause a token sits in (the token itself for verbs)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in CLAUSE_HEAD_POS and cur.dep_ not in ("amod", "aux", "auxpass"):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the paragraph (blank-line separated block) around ``pos``."""
    lo = text.rfind("\n\n", 0, pos)
    hi = text.find("\n\n", pos)
    return (0 if lo < 0 else lo + 2), (len(text) if hi < 0 else hi)


def _clause_span(head: Any, trigger: Any, lo: int, hi: int) -> tuple[int, int]:
    """The clause of ``head``, widened to hold the trigger, clipped to the paragraph."""
    toks = phrase_tokens(head, frozenset({"ccomp"}) if head.dep_ == "ROOT" else frozenset())
    if trigger not in toks:
        toks = sorted({*toks, *phrase_tokens(trigger)}, key=lambda t: t.i)
    toks = [t for t in toks if not t.is_space and lo <= t.idx < hi]
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].is_quote):
        toks.pop()
    while len(toks) > 1 and (toks[0].is_punct or toks[0].is_quote):
        toks.pop(0)
    if not toks:
        return trigger.idx, trigger.idx + len(trigger)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _quote_of(ctx: _Context, pos: int) -> str | None:
    for q in ctx.quotes:
        if q.start <= pos < q.end:
            return q.id
        if q.start > pos:
            break
    return None


def _in_paragraph(ctx: _Context, actor: Actor, lo: int, hi: int) -> Actor | None:
    """The actor if it lies in the trigger's paragraph; else the party in apposition to it
    there ('Moscow, <date> <blank line> President X met ...': a run-in dateline)."""
    if lo <= actor.start and actor.end <= hi:
        return actor
    if actor.token_i < 0:
        return None
    for c in ctx.doc[actor.token_i].children:
        if c.dep_ == "appos" and lo <= c.idx < hi:
            return ctx.actors.actor(c)
    return None


def _things_struck(code: str) -> bool:
    """Codes whose target may be a thing or place hit rather than a party."""
    return code.startswith(("18", "19", "20"))


def _destination(tok: Any, actor: Actor | None) -> bool:
    """Whether ``actor`` is where the trigger verb sends its object ('deported 40 dissidents
    to Spain'): the object of a 'to'/'into' phrase on the verb itself."""
    if actor is None or actor.token_i < 0:
        return False
    word = tok.doc[actor.token_i]
    while word.dep_ in ("compound", "amod", "det", "nmod", "poss") and word.head.i != word.i:
        word = word.head  # 'United' of 'the United States'
    prep = word.head
    return word.dep_ == "pobj" and prep.lower_ in ("to", "into") and prep.head.i == tok.i


def _by_protesters(ctx: _Context, code: str, sources: list[Actor], other: Actor | None) -> bool:
    """Violence done by protesters (or a clash one side of which they are): CAMEO codes
    it as a violent protest (145), not as an assault or a fight."""
    if not code.startswith(("18", "19")):
        return False
    crowd = ctx.lex.classes.get("protesters", set())
    sides = [*sources, *([other] if other is not None else [])]
    return any(a.token_i >= 0 and ctx.doc[a.token_i].lemma_.lower() in crowd for a in sides)


def _place_suffices(trig: Trigger, code: str, place: Place | None, governed: bool) -> bool:
    """An event named by a noun may stand on its place alone: an attack near a place
    ('a barrage ... on the port'), a meeting held in one ('the meeting will be held in X')."""
    if place is None or not trig.nominal:
        return False
    return code.startswith(("18", "19", "20")) or (code.startswith("04") and governed)


def _non_party_subject(ctx: _Context, tok: Any) -> bool:
    """An active verb whose subject can never be a party ('the storm killed three people',
    'prices hit a record'): not an event between actors."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    subj = subject_token(tok)
    return subj is not None and subj.lemma_.lower() in ctx.lex.classes.get("notactor", set())


def _headless(tok: Any) -> bool:
    """An active verb with no subject anywhere up its chain: a headline or a fragment
    ('Hit about ... banned'), too unreliable to read an event from."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    return not passive and tok.dep_ != "acl" and subject_token(tok) is None


def _motion_head(tok: Any) -> Any | None:
    head = tok.head
    if tok.dep_ in ("xcomp", "advcl", "conj") and head.lemma_.lower() in MOTION:
        return head
    return None


def _visit_by_motion(ctx: _Context, tok: Any) -> Place | None:
    """A destination that makes a motion verb a visit: a named place, with a named mover."""
    if tok.lemma_.lower() not in MOTION or tok.pos_ != "VERB" or tok.text.isupper():
        return None
    subj = subject_token(tok)
    actor = ctx.actors.actor(subj) if subj is not None else None
    if actor is None or actor.mention_type not in ("PERSON", "ORG"):
        return None
    place = ctx.places.governed([tok], destination=True)
    if place is None or place.mention_id is None:
        return None
    return place


def _on_the_way(ctx: _Context, tok: Any) -> bool:
    """'is on his way to the capital': a visit under way (its subject is the visitor)."""
    if tok.lower_ != "way" or tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "en"):
        return False
    return ctx.places.governed([tok], destination=True) is not None


def _triggers(ctx: _Context, sent: Any) -> list[Trigger]:
    found = list(find_triggers(sent, ctx.lex))
    seen = {t.token.i for t in found}
    cols = columns(ctx.doc)
    lemma, pos, lower, dep = cols.lemma_lower, cols.pos, cols.lower, cols.dep
    for i in range(sent.start, sent.end):
        # only a motion verb or 'way' can pass the tests below: no Token for the others
        motion = lemma[i] in MOTION and pos[i] == "VERB"
        if i in seen or not (motion or (lower[i] == "way" and dep[i] == "pobj")):
            continue
        tok = ctx.doc[i]
        if _visit_by_motion(ctx, tok) is not None:
            found.append(Trigger(tok, "042"))
        elif _on_the_way(ctx, tok):
            found.append(Trigger(tok, "042", light=tok.head.head, nominal=True, way=True))
    found.sort(key=lambda t: t.token.i)
    return found


def _build(ctx: _Context, trig: Trigger, stop: set[int]) -> list[Event]:
    tok, light, code = trig.token, trig.light, trig.code
    text = ctx.article.text
    symmetric = tok.lemma_.lower() in ctx.lex.symmetric or tok.lower_ in ctx.lex.symmetric
    if trig.way and light is not None:
        roles = verb_roles(ctx.actors, light, code, symmetric)
        roles.target = None
        roles.sources = [a for a in roles.sources if a.mention_type != "PLACE"]
        if not roles.sources:
            roles = noun_roles(ctx.actors, tok, code, symmetric, None)  # 'his way'
            roles.target = None
    elif trig.nominal:
        roles = noun_roles(ctx.actors, tok, code, symmetric, light)
    else:
        if _headless(tok) or _non_party_subject(ctx, tok):
            return []
        roles = verb_roles(ctx.actors, tok, code, symmetric)
    motion = _motion_head(tok)
    destination = code.startswith("042") or motion is not None
    carriers = [tok, light, motion]
    head = light if light is not None else (tok if not trig.nominal else _clause_head(tok))
    if tok.dep_ == "relcl" and tok.pos_ in CLAUSE_HEAD_POS:
        carriers.append(tok)  # 'the capital, where he will meet ...'
    place = ctx.places.governed([c for c in carriers if c is not None], destination)
    governed_place = place is not None
    if place is None:
        place = ctx.places.nearby(tok, stop)
    lo, hi = _paragraph(text, tok.idx)
    in_par = [_in_paragraph(ctx, a, lo, hi) for a in roles.sources]
    sources = [a for a in in_par if a is not None]
    target = roles.target if roles.target and lo <= roles.target.start < hi else None
    if _by_protesters(ctx, code, sources, target if symmetric else None):
        code = "145"  # 'protesters stormed ...', 'police and demonstrators clashed'
    if place is not None and not (lo <= place.start < hi):
        place = None
    if target is None and code.startswith("042") and place is not None and place.mention_id:
        target = Actor(place.text, place.start, place.end, place.mention_id, "PLACE")
    if not sources and target is None and not _place_suffices(trig, code, place, governed_place):
        return []
    time = governing_time([tok, light, motion, head], ctx.times_by_token, (lo, hi))
    start, end = _clause_span(head, tok, lo, hi)
    t_start, t_end = tok.idx, tok.idx + len(tok)
    status = status_of(tok, light, threat=code.startswith("13"))
    if trig.way and status == "asserted":
        status = "expected"  # on the way: the visit is about to happen
    clause = phrase_tokens(head) if head is not None else [tok]
    quants = event_quantities(clause, tok.sent, code)
    hedges = hedges_of(tok, light)
    if status == "asserted" and attribution_of(tok):
        status = "reported"  # a party's account ('the ministry said missiles hit the port')
    if status != "negated" and _quote_of(ctx, t_start) is None:
        why = opinion_of(tok, light)
        if why is not None:
            status = "opinion"  # the writer asks or argues: no event is reported
            hedges = [*hedges, f"opinion: {why}"]
    pc = plover_coding(code, status)
    when = coding_date(time.value if time else None, ctx.article.published)
    first_src = ctx.coder.code(sources[0], when) if sources else None
    if ctx.coder.own_belonging(target) and ctx.coder.code(target, when) in (None, first_src):
        target = None  # 'withdraw its troops': the target is whom they are withdrawn from
    if (
        target is not None
        and target.mention_type != "PERSON"
        and not ctx.coder.code(target, when)
        and not code.startswith("01")
        and not (_things_struck(code) and target.mention_id is None)
    ):
        # an uncoded target that is no named person ('expelled inspectors of the IAEA'): a
        # coded party later in the clause names the side better; but what an attack hits
        # ('the port', 'a camp') stays its target
        after = light.i if light is not None else tok.i
        better = ctx.coder.party_after(
            ctx.actors, head, after, sources, when, places_ok=not symmetric
        )
        if code.startswith("17") and _destination(tok, better):
            better = None  # the people deported are the target, not where they are sent
        target = better or target
    if target is None and not code.startswith("01"):
        after = light.i if light is not None else tok.i
        target = ctx.coder.party_after(
            ctx.actors, head, after, sources, when, places_ok=not symmetric
        )
    target_code = ctx.coder.code(target, when)
    out: list[Event] = []
    srcs: list[Actor | None] = [*sources] if sources else [None]
    place_cc = ctx.coder.place_country(place.text, place.mention_id) if place else None
    for src in srcs:
        src_code = ctx.coder.code(src, when)
        tgt_code = target_code or ctx.coder.domestic(target, place_cc or src_code)
        src_code = src_code or ctx.coder.domestic(src, place_cc or tgt_code)
        out.append(
            Event(
                id=span_id("ev", ctx.article.id, t_start, t_end, src.start if src else ""),
                article_id=ctx.article.id,
                start=start,
                end=end,
                text=text[start:end],
                code=code,
                extractor=EXTRACTOR,
                version=VERSION,
                trigger=text[t_start:t_end],
                trigger_start=t_start,
                trigger_end=t_end,
                code_name=code_name(code),
                source_text=src.text if src else None,
                source_start=src.start if src else None,
                source_end=src.end if src else None,
                source_mention_id=src.mention_id if src else None,
                target_text=target.text if target else None,
                target_start=target.start if target else None,
                target_end=target.end if target else None,
                target_mention_id=target.mention_id if target else None,
                place_text=place.text if place else None,
                place_start=place.start if place else None,
                place_end=place.end if place else None,
                place_mention_id=place.mention_id if place else None,
                date=time.value if time else None,
                date_precision=time.precision if time else None,
                date_how="text" if time else None,
                time_id=time.id if time else None,
                status=status,
                quote_id=_quote_of(ctx, t_start),
                quantities=quants,
                hedges=hedges,
                source_code=src_code,
                target_code=tgt_code,
                plover=pc.category,
                plover_mode=pc.mode,
                plover_context=pc.contexts,
                goldstein=pc.goldstein,
            )
        )
    return out


def extract_events(
    article: Article,
    doc: Any,
    mentions: list[Mention],
    times: list[TimeExpr],
    quotes: list[Quote],
) -> list[Event]:
    """The events of one parsed article (``doc`` is the spaCy parse of ``article.text``)."""
    ctx = _Context(article, doc, mentions, times, quotes)
    events: list[Event] = []
    for sent in doc.sents:
        triggers = _triggers(ctx, sent)
        stop = {t.token.i for t in triggers}
        found: list[Event] = []
        for trig in triggers:
            found.extend(_build(ctx, trig, stop - {trig.token.i}))
        kept = drop_secondary_unreal(merge_events(found), doc)
        events.extend(drop_unattributed_frames(kept, doc))
    return events
