"""Event mentions as the resolver sees them, and their analysis (lemma, arguments, vectors).

An :class:`EventMention` is plain data: the sentence it sits in, the trigger's character
span in that sentence, and what the caller already knows (story, date, actors, place).
:func:`analyse` parses each distinct sentence once with the shared spaCy pipeline and
embeds triggers, sentences and documents with wordllama; the results are cached by text,
so recombined or repeated sentences cost nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dossier.annotate import nlp as nlp_mod
from dossier.annotate.events.hints import (
    PARTICIPANT_LABELS,
    PLACE_LABELS,
    TIME_LABELS,
    arguments,
    head_of,
)
from dossier.resolve.events import embeddings

_LEX_DIM = 1024
_LEX_WEIGHT = 0.3  # share of the names-and-numbers bag in a story vector (tuned on train)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "als", "al")


@dataclass(frozen=True)
class Parsed:
    lemma: str
    participants: frozenset[str]
    places: frozenset[str]
    times: frozenset[str]
    entities: frozenset[str]


@dataclass(frozen=True)
class EventMention:
    """One event mention: ``sentence[start:end]`` is its trigger.

    ``story`` blocks candidates (mentions of different stories are never compared); with
    no story, documents are grouped into stories first (:mod:`.stories`). ``date``,
    ``actors`` and ``place`` come from the caller's own extraction when it has them:
    dates further apart than the resolver's window, or two different places, keep
    mentions apart.
    """

    id: str
    doc_id: str
    sentence: str
    start: int
    end: int
    story: str | None = None
    lemma: str | None = None
    date: dt.date | None = None
    actors: tuple[str, ...] = ()
    place: str | None = None
    # what the caller's own parse gave (lemma, participants, places, times, entities):
    # with it, the sentence is not parsed again
    parsed: Parsed | None = None

    @property
    def trigger(self) -> str:
        return self.sentence[self.start : self.end]


@dataclass
class Analysis:
    """What the pairwise features need of one mention."""

    lemma: str
    stem: str
    participants: frozenset[str]
    places: frozenset[str]
    times: frozenset[str]
    entities: frozenset[str]
    trigger_vec: np.ndarray
    sentence_vec: np.ndarray
    context_vec: np.ndarray
    text: str
    doc_vec: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    lemma_vec: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))


def stem(lemma: str) -> str:
    """A derivational key, so that nominal and verbal forms meet ('killing'/'kill',
    'election'/'elect'). spaCy lemmatises by part of speech and leaves 'killing' (noun)
    alone; no stemmer ships with our dependencies, so a few suffixes are cut by hand."""
    word = lemma.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2]:  # 'shipp' (shipping) -> 'ship'
        word = word[:-1]
    return word.rstrip("e")


def _context(m: EventMention, words: int = 5) -> str:
    """The words around the trigger (``words`` on each side, the trigger left out)."""
    left = m.sentence[: m.start].split()[-words:]
    right = m.sentence[m.end :].split()[:words]
    return " ".join(left + right) or m.sentence


def _head_token(doc: Any, start: int, end: int) -> Any:
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return doc[0]
    return head_of(toks)


class Analyser:
    """Analyses mentions, caching parses and vectors by text (one instance per run)."""

    def __init__(self) -> None:
        self._docs: dict[str, Any] = {}
        self._sent_vecs: dict[str, np.ndarray] = {}
        self._trig_vecs: dict[str, np.ndarray] = {}
        self._cache: dict[tuple[str, int, int, str | None, Parsed | None], Analysis] = {}
        self._slots: dict[str, np.ndarray] = {}

    def _parse(self, sentences: Sequence[str]) -> None:
        todo = sorted({s for s in sentences if s not in self._docs})
        for text, doc in zip(todo, nlp_mod.parse(todo, batch_size=64), strict=True):
            self._docs[text] = doc

    def _embed(self, texts: Sequence[str], cache: dict[str, np.ndarray]) -> None:
        todo = sorted({t for t in texts if t not in cache})
        if todo:
            for text, vec in zip(todo, embeddings.embed(todo), strict=True):
                cache[text] = vec

    def analyse(self, mentions: Sequence[EventMention]) -> list[Analysis]:
        sentences = [m.sentence for m in mentions]
        self._parse([m.sentence for m in mentions if m.parsed is None])
        self._embed(sentences, self._sent_vecs)
        self._embed([m.trigger.lower() for m in mentions], self._trig_vecs)
        self._embed([_context(m) for m in mentions], self._sent_vecs)
        todo = []
        for m in mentions:
            key = (m.sentence, m.start, m.end, m.lemma, m.parsed)
            if key not in self._cache:
                self._cache[key] = self._one(m)
                todo.append(self._cache[key])
        # the lemma's own vector meets inflections and spellings the surface form misses
        self._embed([a.lemma for a in todo], self._trig_vecs)
        for a in todo:
            a.lemma_vec = self._trig_vecs[a.lemma]
        out = []
        for m in mentions:
            a = self._cache[(m.sentence, m.start, m.end, m.lemma, m.parsed)]
            # actors and places the caller knows join the parsed ones (never cached)
            if m.actors or m.place:
                a = Analysis(
                    a.lemma,
                    a.stem,
                    a.participants | {x.lower() for x in m.actors},
                    a.places | ({m.place.lower()} if m.place else set()),
                    a.times,
                    a.entities,
                    a.trigger_vec,
                    a.sentence_vec,
                    a.context_vec,
                    a.text,
                    lemma_vec=a.lemma_vec,
                )
            out.append(a)
        return out

    def _one(self, m: EventMention) -> Analysis:
        if m.parsed is not None:
            p = m.parsed
            lemma = (m.lemma or p.lemma or m.trigger).lower()
            parts, places, times, ents = p.participants, p.places, p.times, p.entities
        else:
            doc = self._docs[m.sentence]
            head = _head_token(doc, m.start, m.end)
            lemma = (m.lemma or head.lemma_ or m.trigger).lower()
            parts_, places_, times_ = arguments(head)
            parts, places, times = frozenset(parts_), frozenset(places_), frozenset(times_)
            ents = frozenset(
                e.text.lower()
                for e in doc.ents
                if e.label_ in PARTICIPANT_LABELS | PLACE_LABELS | TIME_LABELS
            )
        return Analysis(
            lemma=lemma,
            stem=stem(lemma),
            participants=frozenset(parts),
            places=frozenset(places),
            times=frozenset(times),
            entities=ents,
            trigger_vec=self._trig_vecs[m.trigger.lower()],
            sentence_vec=self._sent_vecs[m.sentence],
            context_vec=self._sent_vecs[_context(m)],
            text=m.trigger.lower(),
        )

    def doc_vectors(self, mentions: Sequence[EventMention]) -> dict[str, np.ndarray]:
        """One vector per document: the normalised mean of its mention sentences' vectors
        (each distinct sentence once)."""
        self._embed([m.sentence for m in mentions], self._sent_vecs)
        sents: dict[str, set[str]] = {}
        for m in mentions:
            sents.setdefault(m.doc_id, set()).add(m.sentence)
        out = {}
        for doc_id, texts in sents.items():
            vec = np.mean([self._sent_vecs[t] for t in sorted(texts)], axis=0)
            out[doc_id] = embeddings.normalise(vec)
        return out

    def _name_slots(self, text: str) -> np.ndarray:
        """Hash slots of a sentence's names and numbers (cached by text)."""
        slots = self._slots.get(text)
        if slots is None:
            slots = np.array(
                [
                    zlib.crc32(tok.lower().encode()) % _LEX_DIM
                    for i, tok in enumerate(text.split())
                    if (i > 0 and tok[:1].isupper()) or any(c.isdigit() for c in tok)
                ],
                dtype=np.int64,
            )
            self._slots[text] = slots
        return slots

    def story_vectors(self, mentions: Sequence[EventMention]) -> dict[str, np.ndarray]:
        """Document vectors for grouping into stories: the embedding of
        :meth:`doc_vectors` joined with a hashed bag of the document's names and numbers
        (capitalised words inside a sentence, words with digits), which tell apart two
        stories on one subject (two earthquakes, two award ceremonies). Hashing needs no
        vocabulary or document-frequency table, so a new document is placed on its own."""
        dense = self.doc_vectors(mentions)
        sents: dict[str, set[str]] = {}
        for m in mentions:
            sents.setdefault(m.doc_id, set()).add(m.sentence)
        out = {}
        for doc_id, texts in sents.items():
            lex = np.zeros(_LEX_DIM, dtype=np.float32)
            for text in texts:
                np.add.at(lex, self._name_slots(text), 1.0)
            lex = embeddings.normalise(np.sqrt(lex))
            joined = np.concatenate(
                [np.sqrt(1 - _LEX_WEIGHT) * dense[doc_id], np.sqrt(_LEX_WEIGHT) * lex]
            )
            out[doc_id] = embeddings.normalise(joined)
        return out
