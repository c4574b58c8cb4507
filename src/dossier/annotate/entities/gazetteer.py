"""Place names the model misses, found with a spaCy PhraseMatcher over the supplement.

The matcher is compiled once per vocabulary (so once per process in practice) and runs
case-insensitively; a hit must still be capitalised in the text.
"""

from __future__ import annotations

import threading
from typing import Any

from dossier.annotate.entities.lexicon import Lexicon

_lock = threading.Lock()
_matchers: dict[int, Any] = {}


def _matcher(vocab: Any, lex: Lexicon) -> Any:
    from spacy.lang.en import English
    from spacy.matcher import PhraseMatcher

    with _lock:
        found = _matchers.get(id(vocab))
        if found is None:
            tokenizer = English(vocab=vocab).tokenizer
            found = PhraseMatcher(vocab, attr="LOWER")
            forms = sorted({f for f in lex.place_forms if not f.lower().startswith("the ")})
            found.add("PLACE", [tokenizer(f) for f in forms])
            _matchers[id(vocab)] = found
    return found


def place_hits(doc: Any, lex: Lexicon) -> list[tuple[int, int]]:
    """Character spans of supplement places in ``doc``, longest first where they overlap."""
    from spacy.util import filter_spans

    spans = [doc[s:e] for _, s, e in _matcher(doc.vocab, lex)(doc)]
    out: list[tuple[int, int]] = []
    for span in filter_spans(spans):
        if _written_as_name(span.text, lex):
            out.append((span.start_char, span.end_char))
    return sorted(out)


def _written_as_name(text: str, lex: Lexicon) -> bool:
    """A hit counts only when capitalised like a name; a short one ('US', 'UK') only when
    written exactly as listed or in capitals, so the pronoun 'Us' is not the United States."""
    if not text[:1].isupper():
        return False
    if len(text) <= 4:
        return text.isupper() or text in lex.place_forms
    return True
