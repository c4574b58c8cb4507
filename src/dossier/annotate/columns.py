"""A parsed document's token attributes as plain Python lists, built once per document.

Every ``for tok in doc`` and ``doc[i]`` makes a new spaCy ``Token`` object, and the
extractors used to walk whole documents many times over that way. ``columns(doc)`` reads
the attributes once for the whole document (one ``Doc.to_array`` call, so without making
tokens; each list is built when first asked for) and is shared by every extractor run on
the same document: a stage filters token indexes on these lists and makes ``Token``
objects only for the few it keeps. Each list holds exactly what the token attribute of
the same name gives (``pos[i] == doc[i].pos_``, ``head[i] == doc[i].head.i``,
``children[i] == [c.i for c in doc[i].children]``, ``subtree(i) == [t.i for t in
doc[i].subtree]``; tests/annotate/test_columns.py checks them against spaCy).

The extractors never change a ``Doc``; a caller that changes one (``doc.ents = ...``)
between two stages must not expect the columns to follow.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Any

# The attributes read for every document (all the stages together use each of them).
_ATTRS = (
    "ORTH",
    "LOWER",
    "LEMMA",
    "POS",
    "TAG",
    "DEP",
    "ENT_TYPE",
    "IDX",
    "HEAD",
    "SPACY",
    "IS_TITLE",
    "IS_UPPER",
    "IS_LOWER",
    "IS_PUNCT",
    "IS_SPACE",
    "IS_STOP",
)
_NAMES: dict[int, str] = {}  # string hash -> string, as the StringStore gives it
_MAX_NAMES = 2_000_000  # forgotten past this many (a long-running process)


class Columns:
    """Token attributes of one ``Doc``, by token index."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.n = len(doc)
        self.memo: dict[str, Any] = {}  # a stage's own per-document indexes, by name

    @cached_property
    def _arrays(self) -> dict[str, list[int]]:
        """Every attribute in ``_ATTRS``, read with one ``Doc.to_array`` call."""
        from spacy import attrs

        table = self.doc.to_array([getattr(attrs, a) for a in _ATTRS])
        if table.ndim == 1:  # a single token or attribute comes back flat
            table = table.reshape(self.n, len(_ATTRS))
        found = dict(zip(_ATTRS, table.T.tolist(), strict=True))
        found["HEAD"] = table[:, _ATTRS.index("HEAD")].astype("int64").tolist()  # signed
        return found

    def _strings(self, attr: str) -> list[str]:
        values = self._arrays[attr]
        strings = self.doc.vocab.strings
        # a hash always names the same string: look each one up once per process
        missing = set(values).difference(_NAMES)
        if len(_NAMES) + len(missing) > _MAX_NAMES:
            _NAMES.clear()
            missing = set(values)
        for h in missing:
            _NAMES[h] = strings[h]
        return list(map(_NAMES.__getitem__, values))

    def _flags(self, attr: str) -> list[bool]:
        return list(map(bool, self._arrays[attr]))

    @cached_property
    def text(self) -> list[str]:
        return self._strings("ORTH")

    @cached_property
    def doc_text(self) -> str:
        """``doc.text``: every token's text with its trailing space, joined."""
        return "".join(map(str.__add__, self.text, self.space))

    @cached_property
    def space(self) -> list[str]:
        """Each token's trailing space (``whitespace_``): ' ' or ''."""
        return [" " if sp else "" for sp in self._flags("SPACY")]

    @cached_property
    def lower(self) -> list[str]:
        return self._strings("LOWER")

    @cached_property
    def lemma(self) -> list[str]:
        return self._strings("LEMMA")

    @cached_property
    def lemma_lower(self) -> list[str]:
        return [s.lower() for s in self.lemma]

    @cached_property
    def pos(self) -> list[str]:
        return self._strings("POS")

    @cached_property
    def tag(self) -> list[str]:
        return self._strings("TAG")

    @cached_property
    def dep(self) -> list[str]:
        return self._strings("DEP")

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings("ENT_TYPE")

    @cached_property
    def idx(self) -> list[int]:
        return self._arrays["IDX"]

    @cached_property
    def end(self) -> list[int]:
        """Character offset just after each token (``idx + len(text)``)."""
        return [i + len(t) for i, t in zip(self.idx, self.text, strict=True)]

    @cached_property
    def reach(self) -> list[int]:
        """Character offset just after each token's trailing space, if any."""
        return [e + len(sp) for e, sp in zip(self.end, self.space, strict=True)]

    def _token_at(self, char: int) -> int:
        """The token whose text or trailing space holds ``char``, else -1 (as spaCy's
        ``token_by_char``)."""
        k = bisect_right(self.idx, char) - 1
        return k if k >= 0 and char < self.reach[k] else -1

    def char_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token bounds of ``doc.char_span(start, end, alignment_mode="expand")``, or None
        when that is None (spaCy's own steps, on the columns)."""
        first = self._token_at(start)
        if first < 0:
            return None
        last = self._token_at(end - 1)
        if last < 0:
            return None
        if start == self.end[first]:  # trailing space is not part of the previous token
            first += 1
        if first > last + 1:  # an inverted request: let spaCy answer it
            span = self.doc.char_span(start, end, alignment_mode="expand")
            return None if span is None else (span.start, span.end)
        return first, last + 1

    @cached_property
    def head(self) -> list[int]:
        return [i + rel for i, rel in enumerate(self._arrays["HEAD"])]  # offsets to the head

    @cached_property
    def children(self) -> Children:
        """The children of each token, in text order (as ``Token.children``)."""
        return Children(self.head)

    def subtree(self, i: int) -> list[int]:
        """``[t.i for t in doc[i].subtree]``: each left child's subtree, the token, each
        right child's subtree (spaCy nests a generator per level for the same order)."""
        kids = self.children
        out: list[int] = []
        stack = [i]  # a token to expand, or ~token to emit
        while stack:
            x = stack.pop()
            if x < 0:
                out.append(~x)
                continue
            ks = kids[x]
            if not ks:
                out.append(x)
                continue
            split = bisect_right(ks, x)  # lefts ks[:split], rights ks[split:]
            stack.extend(reversed(ks[split:]))
            stack.append(~x)
            stack.extend(reversed(ks[:split]))
        return out

    @cached_property
    def is_title(self) -> list[bool]:
        return self._flags("IS_TITLE")

    @cached_property
    def is_upper(self) -> list[bool]:
        return self._flags("IS_UPPER")

    @cached_property
    def is_lower(self) -> list[bool]:
        return self._flags("IS_LOWER")

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flags("IS_PUNCT")

    @cached_property
    def is_stop(self) -> list[bool]:
        return self._flags("IS_STOP")

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flags("IS_SPACE")

    @cached_property
    def sent_bounds(self) -> list[tuple[int, int]]:
        """Token bounds ``[start, end)`` of each of ``doc.sents``."""
        return [(s.start, s.end) for s in self.doc.sents]

    @cached_property
    def sent_starts(self) -> list[int]:
        return [s for s, _ in self.sent_bounds]

    def sent_of(self, i: int) -> int:
        """Index of the sentence holding token ``i``."""
        return bisect_right(self.sent_starts, i) - 1

    def sent_span(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token ``i`` (``doc[i].sent``)."""
        return self.sent_bounds[self.sent_of(i)]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` for a non-empty span."""
        return self.doc_text[self.idx[start] : self.end[end - 1]]


class Children:
    """``Token.children`` indexes of every token, sliced on demand from the tokens sorted
    by head (a stable sort keeps text order)."""

    def __init__(self, head: list[int]) -> None:
        import numpy as np

        heads = np.asarray(head, dtype="int64")
        order = np.argsort(heads, kind="stable")
        self._order: list[int] = order.tolist()
        self._bounds: list[int] = np.searchsorted(heads[order], np.arange(len(head) + 1)).tolist()
        self._head = head

    def __getitem__(self, i: int) -> list[int]:
        kids = self._order[self._bounds[i] : self._bounds[i + 1]]
        return [k for k in kids if k != i] if self._head[i] == i else kids


_last: tuple[Any, Columns] | None = None  # the document annotated last, and its columns


def columns(doc: Any) -> Columns:
    """The columns of ``doc``, shared by the stages annotating it (one document is
    annotated at a time; a thread with another one just builds its own)."""
    global _last
    last = _last  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is doc:
        return last[1]
    cols = Columns(doc)
    _last = (doc, cols)
    return cols


def char_span(doc: Any, start: int, end: int) -> Any | None:
    """``doc.char_span(start, end, alignment_mode="expand")``, found on the columns (spaCy's
    own lookup makes a few Token objects per call)."""
    bounds = columns(doc).char_span(start, end)
    return None if bounds is None else doc[bounds[0] : bounds[1]]
