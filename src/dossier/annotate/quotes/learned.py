"""Learned stance attributions: the long tail of verbs no lexicon lists.

News attribution schemes (PolNeAR) annotate far more than speech: 'X endorsed Y',
'Z attacked the plan', 'they pushed for a recount'. The lexicon (``attribution_frames.tsv``)
covers the frequent verbs; measured on PolNeAR train, more than a thousand other cue
strings each occur once or twice, too many to list by hand. Here every verb with a
complement that no other finder claimed is a candidate, and a logistic
model over its parse (lemma, frame, subject, tense, negation, content shape) decides
whether it is an attribution. The model is data (``stance_model.json``), fitted on
PolNeAR train only by ``scripts/fit_stance.py``; nothing is learned at run time.

Such a quote is a stance, never speech: it is kept with ``speech`` False, so listings
of what was said are unchanged.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dossier.annotate.quotes.cues import Cand
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.indirect import content_of
from dossier.annotate.quotes.lexicon import frames, is_speech_verb
from dossier.annotate.quotes.speakers import speaker_for_verb
from dossier.annotate.quotes.trim import char_span, trim_edges
from dossier.resources import data_path

EXTRACTOR = "quotes.stance_model"
VERSION = "0.1"
MODEL_FILE = "stance_model.json"
ALL_FRAMES = frozenset({"ccomp", "xcomp", "dobj", "oprd"})
MIN_CONTENT_CHARS = 3
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
MAX_CONTENT_CHARS = 400  # a longer 'content' is a parse that swallowed the sentence


@dataclass
class Candidate:
    """A stance attribution the model will judge, with the features it judges by."""

    cand: Cand
    features: list[str]


@dataclass(frozen=True)
class StanceModel:
    """Weights of the logistic model over feature strings, and its decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, object]:
        return {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}


@functools.lru_cache(maxsize=1)
def shipped_model() -> StanceModel | None:
    """The packaged model, or ``None`` where none ships (then no candidate is kept)."""
    path = data_path(MODEL_FILE)
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return StanceModel(
        {str(k): float(v) for k, v in raw["weights"].items()},
        float(raw["bias"]),
        float(raw["threshold"]),
    )


def _bucket(n: int) -> str:
    return str(min(n.bit_length(), 8))


def _via(verb: Any, head: Any) -> str:
    """Which dependent of the verb holds the content: 'ccomp', 'dobj', 'prep:for', ..."""
    if head.dep_ in ("pobj", "pcomp") and head.head.head.i == verb.i:
        return f"prep:{head.head.lower_}"
    return str(head.dep_)


def _features(verb: Any, head: Any, toks: list[Any], subj: Any) -> list[str]:
    lemma = verb.lemma_.lower()
    via = _via(verb, head)
    kids = list(verb.children)
    listed = frames().get(lemma, frozenset())
    feats = [
        f"l={lemma}",
        f"v={via}",
        f"lv={lemma}|{via}",
        f"t={verb.tag_}",
        f"d={verb.dep_}",
        f"hp={head.pos_}",
        f"he={head.ent_type_ or '-'}",
        f"n={_bucket(len(toks))}",
        f"vn={via}|{_bucket(len(toks))}",
    ]
    if subj is None:
        feats.append("s=none")
    else:
        feats += [
            f"s={subj.pos_}|{subj.ent_type_ or '-'}",
            f"sl={subj.lower_}" if subj.pos_ == "PRON" else "sl=-",
        ]
    if via in listed:
        feats.append("listed")
    if listed:
        feats.append("framed")
    if is_speech_verb(lemma, verb.lower_):
        feats.append("speech")
    for c in kids:
        if c.dep_ == "neg":
            feats.append("neg")
        elif c.dep_ == "aux" and c.tag_ == "MD":
            feats.append(f"md={c.lower_}")
        elif c.dep_ == "auxpass":
            feats.append("pass")
        elif c.dep_ == "prt":
            feats.append(f"lp={lemma}|{c.lower_}")
    if toks and toks[0].lower_ in ("that", "whether", "how", "why", "what"):
        feats.append(f"w={toks[0].lower_}")
    if any(t.pos_ in ("VERB", "AUX") for t in toks):
        feats.append("clause")
    # 'released [a statement]', 'took [questions]'; a name only by its type, so the model
    # learns kinds of object, never the people its training articles were about
    named = head.pos_ == "PROPN" or head.ent_type_ in NAME_TYPES
    obj = f"name:{head.ent_type_ or '-'}" if named else head.lemma_.lower()
    feats += [f"o={obj}", f"lo={lemma}|{obj}"]
    gov = verb.head
    if gov.i != verb.i:
        # nested in someone else's report ('said [they would back X]') or a noun's clause
        gl = gov.lemma_.lower()
        kind = "speech" if is_speech_verb(gl, gov.lower_) else "frame" if gl in frames() else "-"
        feats.append(f"g={verb.dep_}|{gov.pos_}|{kind}")
    sent = verb.sent
    if sent.text.rstrip().endswith("?"):
        feats.append("question")
    if verb.i == sent.root.i:
        feats.append("root")
    return feats


def candidates(
    ix: DocIndex, skip: Callable[[int], bool], taken: Callable[[int, int], bool]
) -> list[Candidate]:
    """Every verb with a complement outside quote marks (``skip``) whose content no other
    finder's quote overlaps (``taken``), with its features; its speaker where the parse
    names one (without one it can only stand for an attribution that names nobody)."""
    doc = ix.doc
    out: list[Candidate] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.ent_type_ in NAME_TYPES or skip(verb.idx):
            continue  # a name the tagger read as a verb ('Trump') is nobody's act
        para = ix.paras[ix.para_of(verb.idx)]
        found = content_of(verb, False, para, ALL_FRAMES, preps=True)
        if found is None:
            continue
        head, toks = found
        toks = sorted(toks, key=lambda t: t.i)
        start, end = trim_edges(ix, *char_span(toks))
        start, end = max(start, para[0]), min(end, para[1])
        if not MIN_CONTENT_CHARS <= end - start <= MAX_CONTENT_CHARS or taken(start, end):
            continue
        speaker = speaker_for_verb(ix, verb)
        if speaker is not None and speaker.start < end and start < speaker.end:
            continue  # the parse made the content its own source
        subj = doc[speaker.head] if speaker is not None else None
        c = Cand(start, end, "indirect", stance=True, learned=True)
        c.cue = verb
        c.cue_lemma = verb.lemma_.lower()
        c.cue_start, c.cue_end = verb.idx, verb.idx + len(verb.text)
        c.speaker = speaker
        out.append(Candidate(c, _features(verb, head, toks, subj)))
    return out


def learned_stances(
    ix: DocIndex,
    skip: Callable[[int], bool],
    taken: Callable[[int, int], bool],
    model: StanceModel | None,
) -> list[Cand]:
    """The candidates the model accepts (none without a model)."""
    if model is None:
        return []
    return [
        k.cand for k in candidates(ix, skip, taken) if model.score(k.features) >= model.threshold
    ]
