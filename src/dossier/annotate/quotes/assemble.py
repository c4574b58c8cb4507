"""Putting the pieces together: candidates from every finder, linked, resolved, recorded."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from dossier.annotate.quotes.coref import Coref
from dossier.annotate.quotes.cues import (
    Cand,
    colon_speaker,
    cue_after,
    cue_before,
    dash_name_after,
    mixed_only_cue,
    reporting_verb_after,
    set_cue,
)
from dossier.annotate.quotes.dashes import colon_attributions, dash_quotes
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.indirect import (
    according_to,
    in_source,
    nominal_frames,
    speech_clauses,
)
from dossier.annotate.quotes.learned import EXTRACTOR as LEARNED
from dossier.annotate.quotes.learned import VERSION as LEARNED_VERSION
from dossier.annotate.quotes.learned import (
    Candidate,
    candidates,
    learned_stances,
    shipped_model,
)
from dossier.annotate.quotes.lexicon import PRONOUNS
from dossier.annotate.quotes.marks import MarkSpan, find_trailers, pair_marks
from dossier.annotate.quotes.pieces import pieces_text, quote_pieces
from dossier.annotate.quotes.ranges import inside_test, overlap_test
from dossier.annotate.quotes.relay import (
    cue_relays,
    hedges_for,
    intro_cue,
    intro_sources,
    named_relay,
    trailer_relay,
)
from dossier.annotate.quotes.repeats import merge_repeats
from dossier.annotate.quotes.speakers import SpeakerSpan
from dossier.annotate.quotes.speech import heading_lines, is_speech_quote
from dossier.annotate.quotes.stance import participle_stances
from dossier.annotate.quotes.transcript import with_turns
from dossier.annotate.quotes.uncued import embedded_speaker, is_title, whole_sentence
from dossier.ids import span_id
from dossier.records import Article, Mention, Quote, Relay, TimeExpr

MIN_UNCUED_WORDS = 8  # shorter quoted phrases without a cue are titles or scare quotes
FLOAT_PARAS = 2  # a floating quote continues a speaker at most this many paragraphs back


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _link_clauses(clauses: list[Cand], directs: list[Cand]) -> None:
    """A clause that is the quote itself gives it a cue; one that holds a quote is mixed."""
    for cl in clauses:
        for d in directs:
            if d.block or d.absorbed or d.mark is None:
                continue
            q = (d.mark.open_pos, d.mark.close_end)
            inter = _overlap(q, (cl.start, cl.end))
            if inter == 0:
                continue
            if inter >= 0.8 * (cl.end - cl.start) or (q[0] <= cl.start and q[1] >= cl.end - 2):
                if d.cue is None and d.cue_lemma is None:
                    d.cue, d.cue_lemma = cl.cue, cl.cue_lemma
                    d.cue_start, d.cue_end, d.speaker = cl.cue_start, cl.cue_end, cl.speaker
                cl.absorbed = True
                break
            cl.kind = "mixed"
            cl.start, cl.end = min(cl.start, q[0]), max(cl.end, q[1])
            d.absorbed = True


def _attribute_direct(ix: DocIndex, d: Cand) -> None:
    """Cue and speaker of a quote-marked passage no clause claimed: a cue after it, before
    it, a describing verb, a reporting clause, an intro paragraph, 'X:' or '― X'."""
    if d.block or d.absorbed or d.cue_lemma is not None or d.mark is None:
        return
    verb = cue_after(ix, d.mark)
    if verb is not None:
        set_cue(d, ix, verb)
        return
    found = cue_before(ix, d.mark)
    if found is not None:
        set_cue(d, ix, found[0])
        if found[1]:
            d.kind = "mixed"
        return
    verb = mixed_only_cue(ix, d.mark)
    if verb is not None:
        set_cue(d, ix, verb)
        d.kind = "mixed"
        # 'called [the plan "a disaster"]': the object belongs to the content
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if obj is not None and verb.idx < obj.left_edge.idx < d.mark.open_pos:
            d.start, d.end = obj.left_edge.idx, max(d.end, d.mark.close_end)
        return
    verb = reporting_verb_after(ix, d.mark)
    if verb is not None:
        set_cue(d, ix, verb)
        return
    intro_cue(ix, d)
    if d.speaker is None:
        d.speaker = colon_speaker(ix, d.mark) or dash_name_after(ix, d.mark)


def _relay_block(ix: DocIndex, d: Cand) -> tuple[int, int, list[Relay]]:
    """A relay block's speaker and cue from its intro paragraph, its relays from the intro
    and the '(OUTLET : DATE)' trailer; returns the chain the quotes inside it inherit."""
    if d.mark is None:
        return d.start, d.end, []
    text = ix.text
    sources, verb = intro_sources(ix, ix.para_of(d.mark.open_pos) - 1)
    chain: list[Relay] = []
    names = [sp for sp in sources if text[sp.start : sp.end].lower() not in PRONOUNS]
    if len(names) > 1:
        # 'as reported by A, B and C': co-authors of one report, one link of the chain
        # (each passing it to the next would be a chain they never formed)
        joint = SpeakerSpan(names[0].start, names[-1].end, names[-1].head)
        chain.append(named_relay(ix, joint.start, joint.end))
        sources = [joint]
    else:
        chain += [named_relay(ix, sp.start, sp.end) for sp in names]
    if sources:
        d.speaker = sources[0]
    if verb is not None:
        d.cue_lemma = verb.lemma_.lower()
        d.cue_start, d.cue_end = verb.idx, verb.idx + len(verb.text)
    if d.mark.trailer is not None:
        chain.append(trailer_relay(ix, d.mark.trailer))
        d.date = d.mark.trailer.date
    d.relays = _dedupe(chain[1:] if sources and chain and chain[0].end == sources[0].end else chain)
    return d.start, d.end, _dedupe(chain)


def _merge_split(ix: DocIndex, directs: list[Cand]) -> None:
    """'"A," she said, "B."' is one quote: fold B into A (the span covers both)."""
    live = [d for d in directs if not d.absorbed and not d.block and d.mark is not None]
    for a, b in pairwise(live):
        if a.absorbed or a.mark is None or b.mark is None:
            continue
        if ix.para_of(a.mark.open_pos) != ix.para_of(b.mark.open_pos):
            continue
        same_cue = a.cue is not None and b.cue is not None and a.cue.i == b.cue.i
        gap = ix.text[a.mark.close_end : b.mark.open_pos]
        # the attribution closes before B ('said, "B."'); 'said on Channel 4's "Island Hour."' names
        # a title inside the attribution, not the rest of the quote
        closed = gap.rstrip()[-1:] in ",.:;!?—–-"
        follows = (
            closed
            and b.cue is None
            and a.cue_end is not None
            and a.mark.close_end <= a.cue_end <= b.mark.open_pos
            and len(gap) < 150
        )
        # '"A," X, the aide, said, "B."': the cue between the pieces was read for B only
        precedes = (
            closed
            and a.cue is None
            and a.speaker is None
            and b.cue is not None
            and b.cue_start is not None
            and a.mark.close_end <= b.cue_start < b.mark.open_pos
            and len(gap) < 150
            and not any(  # '"A," she sings before asking, "B?"': two acts, two quotes
                ix.doc[i].pos_ == "VERB" and i != b.cue.i
                for i in ix.tokens_between(a.mark.close_end, b.mark.open_pos)
            )
        )
        if precedes:
            a.cue, a.cue_lemma, a.cue_start, a.cue_end = b.cue, b.cue_lemma, b.cue_start, b.cue_end
            a.speaker, a.relays = b.speaker, b.relays
        if same_cue or follows or precedes:
            b.absorbed = True
            b_end, b_close = b.end, b.mark.close_end
            a.end = b_end
            a.mark = MarkSpan(
                a.mark.start,
                b_end,
                a.mark.open_pos,
                b_close,
                a.mark.family,
                a.mark.block,
                a.mark.parent,
                b.mark.trailer or a.mark.trailer,
            )


def assemble(
    article: Article,
    doc: Any,
    mentions: list[Mention],
    times: list[TimeExpr],
    extractor: str,
    version: str,
    stance_sink: Callable[[list[Candidate]], None] | None = None,
) -> list[Quote]:
    """``stance_sink``: where a fit script takes the learned finder's candidates (with
    their features); they are then left out, so the quotes are those of the rules."""
    text = article.text
    ix = DocIndex.build(text, doc, mentions)
    trailers = find_trailers(text)
    marks = pair_marks(text, trailers)

    top: list[MarkSpan] = []
    for ms in marks:
        parent = marks[ms.parent] if ms.parent is not None else None
        if parent is None or (parent.block and parent.parent is None):
            top.append(ms)
    dashes = dash_quotes(ix)
    quoted = [(ms.open_pos, ms.close_end) for ms in top if not ms.block]
    in_quote = inside_test(quoted + [(d.start, d.end) for d in dashes])
    in_quote_only = inside_test(quoted)

    directs = [Cand(ms.start, ms.end, "direct", mark=ms, block=ms.block) for ms in top]
    clauses = [
        cl
        for cl in speech_clauses(ix, in_quote)
        if not any(d.start <= (cl.cue_start or 0) <= (d.cue_end or 0) for d in dashes)
    ]
    accs = according_to(ix, in_quote) + nominal_frames(ix, in_quote) + in_source(ix, in_quote)
    accs += participle_stances(ix, in_quote)
    headlined: set[int] = set()  # 'Senator Jones: Deal Is Dead.': a heading that attributes
    for col in colon_attributions(ix):
        # a quote-marked headline quote keeps its marks and takes the speaker
        marked = [
            d
            for d in directs
            if d.mark is not None and not d.block and col.start <= d.mark.open_pos <= col.start + 1
        ]
        if marked:
            if marked[0].speaker is None and marked[0].cue_lemma is None:
                marked[0].speaker = col.speaker
            headlined.add(id(marked[0]))
        elif not in_quote(col.start):
            accs.append(col)
            headlined.add(id(col))
    _link_clauses(clauses, directs)

    for d in directs:
        _attribute_direct(ix, d)
    _merge_split(ix, directs)
    for d in directs:
        unclaimed = d.speaker is None and d.cue_lemma is None and not d.absorbed
        if unclaimed and not d.block and d.mark is not None:
            d.speaker = embedded_speaker(ix, d.mark)
            d.embedded = d.speaker is not None

    block_chains = [_relay_block(ix, d) for d in directs if d.block and d.mark is not None]

    cands = [c for c in directs + clauses + accs + dashes if not c.absorbed]
    cands = with_turns(ix, cands)
    in_heading = inside_test(heading_lines(ix))
    keep: list[Cand] = []
    for c in cands:
        if not _says_something(text[c.start : c.end]):
            continue  # 'explained that' with the clause cut off: nothing is attributed
        if (
            in_heading(c.start)
            and id(c) not in headlined
            and (c.kind != "direct" or c.speaker is None)
        ):
            # headings are not quotes ('Mill to shut, workers say'): the body gives the
            # words, with their speaker; a pull quote signed on its line ('“...” ― Name') is
            continue
        uncued = c.kind == "direct" and c.cue_lemma is None and not c.block
        if uncued and c.mark is not None and is_title(ix, c.mark):
            continue  # a headline or a book's name in quote marks: nobody's words
        if (
            c.kind == "direct"
            and c.cue_lemma is None
            and (c.speaker is None or c.embedded)
            and not c.block
            and c.mark is not None
        ):
            if whole_sentence(ix, c.mark):
                c.resolution = "floating?"
            elif len(text[c.start : c.end].split()) < MIN_UNCUED_WORDS:
                continue
        keep.append(c)
    keep.sort(key=lambda c: (c.start, -c.end))
    seen: set[tuple[int, int, str]] = set()
    unique = []
    for c in keep:  # two finders may read the same words the same way: one quote
        if (c.start, c.end, c.kind) not in seen:
            seen.add((c.start, c.end, c.kind))
            unique.append(c)
    keep = _drop_nested(unique)
    taken = overlap_test([(c.start, c.end) for c in keep])
    if stance_sink is not None:
        stance_sink(candidates(ix, in_quote, taken))
    else:
        keep += learned_stances(ix, in_quote, taken, shipped_model())
        keep = _drop_nested(sorted(keep, key=lambda c: (c.start, -c.end)))

    _resolve(ix, keep, in_quote_only)
    out: list[Quote] = []
    for c in keep:
        relays: list[Relay] = []
        for s, e, chain in block_chains:
            if s <= c.start and c.end <= e and not c.block:
                relays += chain
        # outermost first: the blog's source, then whom that source quoted
        if c.mark is not None and c.mark.trailer is not None and not c.block:
            relays.append(trailer_relay(ix, c.mark.trailer))
        relays += c.relays
        if c.cue is not None:
            relays += cue_relays(ix, c.cue)
        speaker = (c.speaker_text or "").lower().removeprefix("the ")
        c.relays = [r for r in _dedupe(relays) if r.name.lower().removeprefix("the ") != speaker]
        c.hedges = hedges_for(ix, c)
        if c.date is None:
            c.date = _date(ix, c, times)
        made_by = (LEARNED, LEARNED_VERSION) if c.learned else (extractor, version)
        out.append(_record(article, c, *made_by, is_speech_quote(ix, c)))
    return merge_repeats(out)


_EMPTY_WORDS = frozenset({"that", "this", "it", "so", "which", "what", "whether", "how"})


def _says_something(content: str) -> bool:
    """Whether the content holds a word beyond a bare complementiser or pronoun."""
    words = [w.lower() for w in re.findall(r"[\w'’-]+", content)]
    return any(w not in _EMPTY_WORDS for w in words)


def _drop_nested(cands: list[Cand]) -> list[Cand]:
    """A report inside another report's content ('said [officials believe [the plan
    failed]]') is left to the outer one, which carries it: news attribution schemes
    (PolNeAR) annotate the outer report and seldom the inner (measured on its train set)."""
    out: list[Cand] = []
    for c in cands:  # sorted by start, longest first
        if c.kind in ("indirect", "according-to") and any(
            o.kind != "direct" and o.start <= c.start and c.end <= o.end for o in out[-8:]
        ):
            continue
        out.append(c)
    return out


def _dedupe(relays: list[Relay]) -> list[Relay]:
    """One link per name (case-insensitive); a dated link fills in a missing date."""
    out: list[Relay] = []
    for r in relays:
        key = r.name.lower().removeprefix("the ")
        same = next((o for o in out if o.name.lower().removeprefix("the ") == key), None)
        if same is None:
            out.append(Relay(r.name, r.kind, r.start, r.end, r.date))
        elif same.date is None and r.date is not None:
            same.date = r.date
    return out


def _resolve(ix: DocIndex, cands: list[Cand], in_quote: Callable[[int], bool]) -> None:
    coref = Coref(ix, in_quote)
    doc = ix.doc
    last: Cand | None = None
    for c in cands:
        if c.resolution == "floating?":
            c.resolution = "unresolved"
            if (
                last is not None
                and last.speaker_text is not None
                and c.mark is not None
                and ix.para_of(c.mark.open_pos) - ix.para_of(last.end) <= FLOAT_PARAS
            ):
                c.floating_from = last
                c.resolution = "floating"
                c.mention_id = last.mention_id
                c.speaker_text = last.speaker_text
                c.speaker = last.speaker
            continue
        sp = c.speaker
        if sp is None:
            continue
        c.speaker_text = ix.text[sp.start : sp.end]
        head_tok = doc[sp.head]
        mention: Mention | None = None
        if sp.antecedent is not None:
            ante = doc[sp.antecedent]
            mention = ix.mention_of(ante.left_edge.idx, ante.idx + len(ante.text), ante.idx)
            if mention is not None:
                c.mention_id, c.resolution = mention.id, "coref"
            last = c
            continue
        if sp.joined:
            found = ix.mentions_in(doc[sp.head].idx, sp.end) or ix.mentions_in(sp.start, sp.end)
            mention = found[0] if found else None
        else:
            mention = ix.mention_of(sp.start, sp.end, head_tok.idx)
        if mention is not None:
            c.mention_id, c.resolution = mention.id, "direct"
        else:
            last_mention = _mention_by_id(ix, last.mention_id) if last is not None else None
            words = ix.text[sp.start : sp.end].split()
            if head_tok.pos_ == "PRON" and head_tok.lower_ in PRONOUNS:
                mention = coref.pronoun(head_tok.lower_, sp.start, last_mention)
            elif head_tok.pos_ == "NOUN" and words and words[0].lower() in ("the", "this"):
                mention = coref.description(words, sp.start)
            if mention is not None:
                c.mention_id, c.resolution = mention.id, "coref"
        last = c


def _mention_by_id(ix: DocIndex, mid: str | None) -> Mention | None:
    return next((m for m in ix.mentions if m.id == mid), None) if mid else None


def _date(ix: DocIndex, c: Cand, times: list[TimeExpr]) -> str | None:
    """The value of a time expression in the cue's clause (outside the content)."""
    if c.cue_start is None or not times:
        return None
    s = ix.sent_of_token(ix.token_at(c.cue_start))
    lo, hi = ix.sent_chars(s)
    best: tuple[int, str] | None = None
    for t in times:
        if t.start < lo or t.end > hi or _overlap((t.start, t.end), (c.start, c.end)) > 0:
            continue
        dist = abs(t.start - c.cue_start)
        if best is None or dist < best[0]:
            best = (dist, t.value)
    return best[1] if best else None


def _record(article: Article, c: Cand, extractor: str, version: str, speech: bool) -> Quote:
    sp = c.speaker
    cue = (c.cue_start, c.cue_end) if c.cue_start is not None and c.cue_end is not None else None
    pieces = quote_pieces(
        article.text,
        c.start,
        c.end,
        cue,
        (sp.start, sp.end) if sp is not None else None,
        c.kind == "direct",
    )
    return Quote(
        id=span_id("q", article.id, c.start, c.end, c.kind),
        article_id=article.id,
        start=c.start,
        end=c.end,
        text=pieces_text(article.text, pieces) if pieces else article.text[c.start : c.end],
        kind=c.kind,  # type: ignore[arg-type]
        extractor=extractor,
        version=version,
        cue=c.cue_lemma,
        cue_start=c.cue_start,
        cue_end=c.cue_end,
        speaker_text=c.speaker_text
        if c.speaker_text is not None or sp is None
        else article.text[sp.start : sp.end],
        speaker_start=sp.start if sp is not None else None,
        speaker_end=sp.end if sp is not None else None,
        speaker_mention_id=c.mention_id,
        speaker_resolution=c.resolution,
        relayed_by=c.relays,
        hedges=c.hedges,
        date=c.date,
        speech=speech,
        pieces=pieces,
    )
