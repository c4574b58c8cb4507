"""The per-document columns give exactly what spaCy's own token attributes give."""

from __future__ import annotations

import random
from typing import Any

import pytest

from dossier.annotate.columns import Columns, char_span, columns
from dossier.annotate.intervals import Intervals

TEXT = (
    "MOSCOW (Eastline Wire) - President Olga Petrenko, the head of the regional office, "
    "said on Monday that talks with Kim Jong Un “will go on”.\n\nAsked whether the "
    "cease-fire would hold, she said:  'We hope so.'  Officials in São Paulo didn't agree!\n"
    "THE SUMMIT ENDS IN LISBON\n\nIt rained."
)


@pytest.fixture(scope="module")
def doc(nlp: Any) -> Any:
    return nlp(TEXT)


def test_every_column_is_the_token_attribute(doc: Any) -> None:
    cols = Columns(doc)
    sents = list(doc.sents)
    assert cols.sent_bounds == [(s.start, s.end) for s in sents]
    assert cols.doc_text == doc.text
    for t in doc:
        i = t.i
        assert cols.text[i] == t.text and cols.lower[i] == t.lower_
        assert cols.lemma[i] == t.lemma_ and cols.lemma_lower[i] == t.lemma_.lower()
        assert (cols.pos[i], cols.tag[i], cols.dep[i]) == (t.pos_, t.tag_, t.dep_)
        assert cols.ent_type[i] == t.ent_type_
        assert (cols.idx[i], cols.end[i]) == (t.idx, t.idx + len(t.text))
        assert cols.reach[i] == t.idx + len(t.text_with_ws) and cols.space[i] == t.whitespace_
        assert cols.head[i] == t.head.i
        assert cols.children[i] == [c.i for c in t.children]
        flags = (cols.is_title[i], cols.is_upper[i], cols.is_lower[i], cols.is_punct[i])
        assert flags == (t.is_title, t.is_upper, t.is_lower, t.is_punct)
        assert (cols.is_space[i], cols.is_stop[i]) == (t.is_space, t.is_stop)
        assert cols.sent_span(i) == (t.sent.start, t.sent.end)
        assert cols.span_text(*cols.sent_span(i)) == t.sent.text


def test_char_span_is_spacys_expand_mode(doc: Any) -> None:
    cols = Columns(doc)
    n = len(doc.text)
    rnd = random.Random(7)
    pairs = [(s, e) for s in range(-2, n + 3, 3) for e in (s - 1, s, s + 1, s + 7)]
    pairs += [(rnd.randint(-2, n + 2), rnd.randint(-2, n + 2)) for _ in range(500)]
    for s, e in pairs:
        try:
            span = doc.char_span(s, e, alignment_mode="expand")
            expected: Any = None if span is None else (span.start, span.end)
        except Exception as exc:  # spaCy's own error for an impossible span
            expected = type(exc)
        try:
            got: Any = cols.char_span(s, e)
        except Exception as exc:
            got = type(exc)
        assert got == expected, (s, e)


def test_char_span_gives_the_span_spacy_gives(doc: Any) -> None:
    for ent in doc.ents:
        span = char_span(doc, ent.start_char + 1, ent.end_char - 1)
        assert span is not None and (span.start, span.end) == (ent.start, ent.end)


def test_columns_are_shared_by_the_stages_of_one_document(doc: Any, nlp: Any) -> None:
    assert columns(doc) is columns(doc)
    other = nlp("Another text.")
    assert columns(other) is not columns(doc)
    assert columns(other).text == ["Another", "text", "."]


def test_intervals_find_what_a_scan_finds() -> None:
    rnd = random.Random(3)
    for _ in range(200):
        spans = []
        for _ in range(rnd.randint(0, 12)):
            a = rnd.randint(0, 60)
            spans.append((a, a + rnd.randint(0, 15)))
        ix = Intervals(spans)
        for _ in range(20):
            s = rnd.randint(-2, 70)
            e = s + rnd.randint(0, 12)
            hits = [j for j, (a, b) in enumerate(spans) if a < e and s < b]
            assert ix.hits(s, e) == hits
            assert ix.overlaps(s, e) == bool(hits)


def test_columns_of_a_joined_and_of_tiny_documents(nlp: Any) -> None:
    from spacy.tokens import Doc

    joined = Doc.from_docs([nlp("First part here.\n\n"), nlp("Kim Jong Un spoke.")], False)
    for doc in (joined, nlp(""), nlp("Hello"), nlp(" ")):
        cols = Columns(doc)
        assert cols.doc_text == doc.text
        assert cols.sent_bounds == ([(s.start, s.end) for s in doc.sents] if len(doc) else [])
        for t in doc:
            assert (cols.text[t.i], cols.head[t.i], cols.idx[t.i]) == (t.text, t.head.i, t.idx)
            assert cols.children[t.i] == [c.i for c in t.children]
            assert cols.subtree(t.i) == [s.i for s in t.subtree]
