"""Leaves: the unit entity resolution works on, and the index that finds them.

A leaf is every mention with the same resolution key: its voted type, its name key (the
person name it stands for in its article, or the organisation/place key), its gazetteer
id and whether it is an acronym still to be spelt out store-wide. A leaf keeps only
counts (mentions, forms, roles, canonical names, points), so resolution costs what the
distinct names cost, not what the mentions cost, and a new article only adds to counts.

The layers of :mod:`.layers` fill in the derived fields (``akey`` after acronyms,
``skey`` after spelling variants, ``group``, ``entity``). :class:`LeafIndex` holds the
leaves a run has seen, indexed by every field a layer looks leaves up by; with a
``source`` (the store) it loads what it has not seen yet, one lookup at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from dossier.records import EntityType

FUZZY_NAME_MIN = 8  # letters: shorter names are never joined as spelling variants
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})

Point = tuple[float, float, str | None]


def initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _ACRONYM_SKIP)


def leaf_id(etype: EntityType, key: str, gid: int | None, acro: str | None) -> str:
    if etype == "PERSON":
        return f"PERSON|{key}"
    return f"{etype}|{key}|{gid if gid is not None else ''}|{acro or ''}"


@dataclass
class Leaf:
    """Counts of the mentions with one resolution key, and what resolution made of them."""

    id: str
    etype: EntityType
    key: str  # person: name tokens joined by spaces; others: the folded name key
    gid: int | None = None  # places: the gazetteer id of these mentions
    acro: str | None = None  # an acronym to spell out store-wide ('nsc')
    n: int = 0
    unlisted: int = 0  # mentions neither in a lexicon nor geocoded (spelling variants)
    lexical: int = 0  # mentions with a lexicon or extractor canonical name
    forms: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    canonical: Counter[str] = field(default_factory=Counter)
    points: Counter[Point] = field(default_factory=Counter)
    ccs: Counter[str] = field(default_factory=Counter)
    # derived by the layers
    akey: str = ""  # key after acronyms
    skey: str = ""  # key after spelling variants
    group: str = ""  # 'PERSON|kim jong un', 'ORG|national security council'
    entity: str = ""  # entity id

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.key.split()) if self.key else ()

    @property
    def full(self) -> bool:
        """A person name of more than one word."""
        return self.etype == "PERSON" and len(self.tokens) > 1

    def lookups(self) -> set[tuple[str, str]]:
        """(field, value) pairs this leaf is found by."""
        out: set[tuple[str, str]] = {("id", self.id), ("group", self.group)}
        if self.entity:
            out.add(("entity", self.entity))
        toks = self.tokens
        if self.etype == "PERSON":
            if len(toks) > 1:
                out |= {("first", toks[0]), ("last", toks[-1])}
                out |= {("wprefix", toks[0][:3]), ("wprefix", toks[-1][:3])}
            elif toks:
                out |= {("word", toks[0]), ("prefix", toks[0][:3])}
            return out
        if self.etype == "ORG" and " " in self.key and not self.acro:
            out.add(("initials", initials(self.key)))
        if self.acro:
            out.add(("acro", self.acro))
        block = spelling_block(self.etype, self.akey or self.key)
        if block:
            out.add(("sblock", block))
        if self.gid is not None and self.etype == "PLACE":
            out.add(("gid", str(self.gid)))
        return out


def spelling_block(etype: EntityType, akey: str) -> str | None:
    """The block spelling variants are looked for in (same type, first three letters and
    number of words), or None for names never joined as variants."""
    if etype in ("PERSON", "GROUP") or len(akey) < FUZZY_NAME_MIN:
        return None
    return f"{etype}|{akey[:3]}|{akey.count(' ')}"


class LeafSource(Protocol):
    """Where leaves not yet in memory come from (the store)."""

    def find_leaves(self, field: str, values: Collection[str]) -> list[Leaf]: ...


class LeafIndex:
    """The leaves of one run, by id and by every lookup field."""

    def __init__(self, source: LeafSource | None = None) -> None:
        self.source = source
        self.leaves: dict[str, Leaf] = {}
        self._by: dict[tuple[str, str], set[str]] = {}
        self._keys: dict[str, set[tuple[str, str]]] = {}
        self._loaded: set[tuple[str, str]] = set()

    def _index(self, leaf: Leaf) -> None:
        new = leaf.lookups()
        old = self._keys.get(leaf.id, set())
        for k in old - new:
            self._by.get(k, set()).discard(leaf.id)
        for k in new - old:
            self._by.setdefault(k, set()).add(leaf.id)
        self._keys[leaf.id] = new

    def put(self, leaf: Leaf) -> None:
        """Add a leaf, or re-index one whose fields changed."""
        self.leaves[leaf.id] = leaf
        self._index(leaf)

    def load(self, fld: str, values: Iterable[str]) -> None:
        """Bring every stored leaf found by these values into memory."""
        todo = sorted({v for v in values if (fld, v) not in self._loaded})
        if not todo:
            return
        self._loaded.update((fld, v) for v in todo)
        if self.source is None:
            return
        for leaf in self.source.find_leaves(fld, todo):
            if leaf.id not in self.leaves:
                self.put(leaf)

    def find(self, fld: str, value: str) -> list[Leaf]:
        """Leaves found by one value (loaded from the source first), in id order."""
        self.load(fld, [value])
        return [self.leaves[i] for i in sorted(self._by.get((fld, value), ()))]

    def get(self, leaf_id: str) -> Leaf | None:
        self.load("id", [leaf_id])
        return self.leaves.get(leaf_id)
