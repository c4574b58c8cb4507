"""Opinion: the writer's question, recommendation or view, which reports no event.

'Will the two leaders meet?', 'peace can be achieved through more support', 'the West
must respond': the trigger names an act, but the sentence asks or argues for it. Such an
event keeps its code and span with status ``opinion`` (and why, among its hedges), and
the timeline leaves it out. Words said by someone else (in a quotation, or attributed)
are that party's statement, not the writer's: they are left as they are.

The cues are data (``data/opinion_cues.tsv``). Hand-written on the parse rather than a
stance classifier: no model for it ships with the pinned packages, and the cues are few.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dossier.annotate.events.modality import _in_question, attribution_of
from dossier.resources import data_path

FIRST_PERSON = frozenset({"i", "we"})


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for line in data_path("opinion_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = line.split("\t")
        kinds.setdefault(kind, set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in kinds.items()}


def _governors(tok: Any, light: Any | None) -> list[Any]:
    """The trigger, its light verb, and the verbs above it up the clause (two steps)."""
    out = [tok] if light is None else [tok, light]
    cur = light if light is not None else tok
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("xcomp", "ccomp", "pcomp", "prep"):
            break
    return out


def opinion_of(tok: Any, light: Any | None = None) -> str | None:
    """Why the event named by ``tok`` is the writer's opinion ('a question', 'should'),
    or None when it reports something. The caller checks it is outside any quotation."""
    if _in_question(tok):
        return "a question"
    if attribution_of(tok):
        return None
    kinds = cues()
    for g in _governors(tok, light):
        for c in g.children:
            low = c.lower_
            if c.dep_ == "aux" and low in kinds["obligation"]:
                return f"'{c.text}': what ought to happen"
            if (
                c.dep_ == "nsubj"
                and low in FIRST_PERSON
                and g.lemma_.lower() in kinds["stance"] | kinds["obligation"]
            ):
                return f"'{c.text} {g.text}': the writer's view"
        if g.lemma_.lower() in kinds["remedy"] and any(
            c.dep_ == "aux" and c.lower_ in ("can", "could") for c in g.children
        ):
            return f"'{g.text}': a way proposed"
    return None
