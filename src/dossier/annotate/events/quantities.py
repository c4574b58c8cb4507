"""Quantities stated with an event: 'ten cruise missiles', 'at least 24 people', 'between two
and five million'."""

from __future__ import annotations

from typing import Any

# Head nouns whose counts matter for violent events (casualties, weapons, targets).
COUNTED_FOR_FORCE = frozenset(
    [
        "people",
        "person",
        "civilian",
        "soldier",
        "troop",
        "casualty",
        "victim",
        "child",
        "woman",
        "man",
        "resident",
        "fighter",
        "missile",
        "rocket",
        "drone",
        "shell",
        "bomb",
        "warship",
        "ship",
        "vessel",
        "tank",
        "aircraft",
        "plane",
        "jet",
        "building",
        "house",
        "home",
        "explosion",
        "blast",
        "strike",
    ]
)
VIOLENT_ROOTS = ("18", "19", "20")
# Verbs whose bare-number subject counts the weapons stopped ('seven had been shot down').
INTERCEPTING = frozenset({"shoot", "intercept", "down", "destroy", "neutralise", "neutralize"})


def _intercepted(tok: Any) -> str | None:
    """'seven had been shot down': a bare number counting weapons stopped, with its verb."""
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or head.lemma_.lower() not in INTERCEPTING:
        return None
    hi = head.i + 1
    for c in head.children:
        if c.dep_ == "prt" and c.i == hi:
            hi += 1
    return str(tok.doc[tok.i : hi].text)


def _quantity_at(tok: Any) -> tuple[int, int] | None:
    """Token bounds of the quantity phrase whose number is ``tok``."""
    if not (tok.like_num or tok.ent_type_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")):
        return None
    if tok.ent_type_ in ("DATE", "TIME", "ORDINAL"):
        return None
    doc = tok.doc
    lo = tok.left_edge.i
    hi = tok.i + 1
    # Extend over the rest of a multi-word number entity ('between two and five million').
    while (
        hi < len(doc)
        and doc[hi].ent_iob_ == "I"
        and doc[hi].ent_type_ == tok.ent_type_
        and not doc[hi].is_space
    ):
        hi += 1
    head = tok.head
    if (
        tok.dep_ in ("nummod", "quantmod", "amod")
        and head.i >= hi
        and head.pos_ in ("NOUN", "PROPN")
    ):
        hi = head.i + 1
    if lo > tok.i:
        lo = tok.i
    return lo, hi


def event_quantities(clause: list[Any], sent: Any, code: str) -> list[str]:
    """Quantities of an event: number phrases in its clause; for violent events also the
    casualty and weapon counts anywhere in its sentence."""
    out: list[str] = []
    covered: set[int] = set()
    violent = code.startswith(VIOLENT_ROOTS)
    clause_ids = {t.i for t in clause}
    for tok in sent if violent else clause:
        if tok.i in covered:
            continue
        bounds = _quantity_at(tok)
        if bounds is None:
            continue
        lo, hi = bounds
        doc = tok.doc
        if "\n" in doc[lo:hi].text:
            continue
        counted = doc[hi - 1]
        if violent and hi - lo < 2 and (stopped := _intercepted(tok)) is not None:
            covered.add(tok.i)
            out.append(stopped)
            continue
        if hi - lo < 2 or (counted.like_num and hi - lo < 3):
            continue  # a bare number ('2000', a list item) is not a stated quantity
        if tok.i not in clause_ids and counted.lemma_.lower() not in COUNTED_FOR_FORCE:
            continue
        covered.update(range(lo, hi))
        out.append(doc[lo:hi].text)
    return out
