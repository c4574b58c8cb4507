"""Incremental entity resolution: new mentions change only the leaves and entities they touch.

:meth:`EntityEngine.add` takes the mentions of new articles and works out, layer by layer
(:mod:`.layers`), which leaves, groups and entities they change: it recomputes those and
nothing else. Run from an empty store over every mention, it is the full resolution
(``dossier resolve --all``); run over new mentions against a stored state, it gives the
same entities, because every layer is recomputed over a set that nothing outside it can
change. The store is reached only through :class:`EntitySource`, so the engine also runs
in memory (tests, benchmarks).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from dossier.records import Entity, EntityType, Mention
from dossier.resolve.entities import layers
from dossier.resolve.entities.leaves import Leaf, LeafIndex, LeafSource, initials, spelling_block
from dossier.resolve.entities.local import Contribution, contributions, votes_for, winner
from dossier.resolve.entities.naming import assemble, group_name

Votes = dict[str, Counter[EntityType]]


class EntitySource(LeafSource, Protocol):
    """The stored state the engine reads (the store implements it)."""

    def find_votes(self, folds: Collection[str]) -> Votes: ...

    def articles_with_folds(self, folds: Collection[str]) -> list[str]: ...

    def article_mentions(self, article_ids: Collection[str]) -> list[Mention]: ...


@dataclass
class EntityChanges:
    """What one run changed, for the store to write."""

    votes: Votes = field(default_factory=dict)
    leaves: list[Leaf] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)  # new or changed
    removed: list[str] = field(default_factory=list)  # entity ids no longer standing
    mention_leaf: dict[str, str] = field(default_factory=dict)  # new or moved mentions
    leaf_entity: dict[str, str] = field(default_factory=dict)  # leaves whose entity changed
    entity_of_mention: dict[str, str] = field(default_factory=dict)  # every mention given


def _bump(counter: Counter[Any], key: object, sign: int) -> None:
    counter[key] += sign
    if counter[key] <= 0:
        del counter[key]


class EntityEngine:
    def __init__(self, source: EntitySource | None = None) -> None:
        self.source = source
        self.index = LeafIndex(source)
        self.votes: Votes = {}

    # ------------------------------------------------------------------- votes
    def _load_votes(self, folds: Iterable[str]) -> None:
        todo = [f for f in set(folds) if f not in self.votes]
        if todo and self.source is not None:
            self.votes.update(self.source.find_votes(todo))
        for f in todo:
            self.votes.setdefault(f, Counter())

    # --------------------------------------------------------------------- run
    def add(self, mentions: Sequence[Mention]) -> EntityChanges:
        """Resolve new mentions (of articles not resolved before) into the state."""
        new_folds = [f for m in mentions if (f := votes_for(m)) is not None]
        self._load_votes(new_folds)
        before = {f: Counter(self.votes[f]) for f in set(new_folds)}
        for m in mentions:
            f = votes_for(m)
            if f is not None:
                self.votes[f][m.type] += 1
        flipped = {f for f, old in before.items() if old and winner(old) != winner(self.votes[f])}
        # Articles whose mentions change type re-contribute: out with the old votes, in
        # with the new ones.
        own = {m.article_id for m in mentions}
        again: list[Mention] = []
        if flipped and self.source is not None:
            ids = sorted(set(self.source.articles_with_folds(flipped)) - own)
            again = self.source.article_mentions(ids) if ids else []
        self._load_votes(f for m in again if (f := votes_for(m)) is not None)
        old_votes = {**self.votes, **before}
        touched: dict[str, tuple[int, int]] = {}  # leaf id -> (n before, unlisted before)
        out = contributions(again, old_votes)
        into = contributions([*again, *mentions], self.votes)
        self.index.load("id", {c.leaf for c in [*out, *into]})  # one query, not one a leaf
        for c in out:
            self._apply(c, -1, touched)
        placed: list[Contribution] = []
        for c in into:
            self._apply(c, +1, touched)
            placed.append(c)
        changes = self._propagate(touched)
        changes.votes = {f: self.votes[f] for f in set(new_folds)}
        changes.mention_leaf = {c.mention_id: c.leaf for c in placed}
        changes.entity_of_mention = {c.mention_id: self.index.leaves[c.leaf].entity for c in placed}
        return changes

    def _apply(self, c: Contribution, sign: int, touched: dict[str, tuple[int, int]]) -> None:
        leaf = self.index.get(c.leaf)
        if leaf is None:
            leaf = Leaf(c.leaf, c.etype, c.key, c.gid, c.acro)
            self.index.put(leaf)
        touched.setdefault(leaf.id, (leaf.n, leaf.unlisted))
        leaf.n += sign
        if not c.listed:
            leaf.unlisted += sign
        if c.canonical:
            leaf.lexical += sign
            _bump(leaf.canonical, c.canonical, sign)
        _bump(leaf.forms, c.form, sign)
        if c.role:
            _bump(leaf.roles, c.role, sign)
        if c.point is not None:
            _bump(leaf.points, c.point, sign)
        if c.cc:
            _bump(leaf.ccs, c.cc, sign)

    # ---------------------------------------------------------------- layers
    def _propagate(self, touched: dict[str, tuple[int, int]]) -> EntityChanges:
        idx = self.index
        leaves = [idx.leaves[i] for i in sorted(touched)]
        self._prefetch(leaves)
        appeared = [x for x in leaves if touched[x.id][0] <= 0 < x.n]
        vanished = [x for x in leaves if x.n <= 0 < touched[x.id][0]]
        changed: dict[str, Leaf] = {x.id: x for x in leaves}
        old_group = {x.id: x.group for x in leaves}
        old_entity = {x.id: x.entity for x in leaves}

        def note(leaf: Leaf) -> None:
            changed.setdefault(leaf.id, leaf)
            old_group.setdefault(leaf.id, leaf.group)
            old_entity.setdefault(leaf.id, leaf.entity)

        # acronyms: spelt out by the organisations whose initials they spell
        spelt = {initials(x.key) for x in appeared + vanished if x.etype == "ORG" and " " in x.key}
        acros = {x.id: x for x in leaves if x.acro}
        for i in sorted(spelt):
            for x in idx.find("acro", i):
                note(x)
                acros[x.id] = x
        blocks: set[str] = set()
        for x in leaves:
            if not x.acro and not x.akey:
                x.akey = x.key
        for x in acros.values():
            akey = layers.spell_out(idx, x)
            if akey != x.akey:
                if x.akey and (b := spelling_block(x.etype, x.akey)):
                    blocks.add(b)
                x.akey = akey
        for x in changed.values():
            idx.put(x)
            if b := spelling_block(x.etype, x.akey):
                blocks.add(b)
        # spelling variants, block by block
        respelt: list[Leaf] = []
        for b in sorted(blocks):
            respelt.extend(layers.respell_block(idx, b))
        for x in list(changed.values()):
            if spelling_block(x.etype, x.akey) is None and x.skey != x.akey:
                x.skey = x.akey
                respelt.append(x)
        for x in respelt:
            note(x)
        # the gazetteer: one key per GeoNames id
        gids = {x.gid for x in changed.values() if x.gid is not None and x.etype == "PLACE"}
        for gid in sorted(gids):
            gkey = layers.gazetteer_key(idx, gid)
            for x in idx.find("gid", str(gid)):
                note(x)
                if gkey is not None and x.n > 0:
                    x.group = f"PLACE|{gkey}"
        for x in changed.values():
            if x.etype != "PERSON" and (x.gid is None or x.etype != "PLACE" or not x.group):
                x.group = f"{x.etype}|{x.skey}"
        # people: complete linkage over the compatible names the change reaches
        seeds = [x.tokens for x in appeared + vanished if x.full]
        for x in vanished:
            if x.full:
                seeds.extend(y.tokens for y in layers.live(idx.find("group", x.group)))
        for key, root in layers.link_people(layers.person_component(idx, seeds)).items():
            leaf = idx.get("PERSON|" + " ".join(key))
            if leaf is not None:
                note(leaf)
                leaf.group = layers.person_group(root)
        for x in changed.values():
            idx.put(x)
        dirty_groups = {g for x in changed.values() for g in (old_group[x.id], x.group) if g}
        # one-word names decided by the people whose words they are
        words: set[str] = set()
        for g in sorted(dirty_groups):
            if g.startswith("PERSON|"):
                words |= layers.words_of(idx, g)
        words |= {t for x in changed.values() if x.full for t in (x.tokens[0], x.tokens[-1])}
        singles = {x.id: x for x in changed.values() if x.etype == "PERSON" and not x.full}
        for w in sorted(words):
            for x in idx.find("word", w):
                singles[x.id] = x
        for p in sorted({w[:3] for w in words}):
            for x in idx.find("prefix", p):
                singles[x.id] = x
        for x in singles.values():
            group = layers.one_word_group(idx, x)
            if group != x.group:
                note(x)
                dirty_groups |= {g for g in (x.group, group) if g}
                x.group = group
                idx.put(x)
        return self._name(changed, dirty_groups, old_entity)

    def _prefetch(self, leaves: list[Leaf]) -> None:
        """Load, one query a field, the stored leaves the layers will look up for these
        (the lookups a layer makes one value at a time then find them in memory)."""
        wanted: dict[str, set[str]] = {}
        for x in leaves:
            for fld, value in x.lookups():
                wanted.setdefault(fld, set()).add(value)
            toks = x.tokens
            if x.etype == "PERSON" and toks:
                for t in {toks[0], toks[-1]}:
                    for fld in ("first", "last", "word"):
                        wanted.setdefault(fld, set()).add(t)
                    wanted.setdefault("prefix", set()).add(t[:3])
                    wanted.setdefault("wprefix", set()).add(t[:3])
            if x.acro:
                wanted.setdefault("initials", set()).add(x.acro)
        for fld in sorted(wanted):
            self.index.load(fld, wanted[fld])

    def _name(
        self, changed: dict[str, Leaf], dirty_groups: set[str], old_entity: dict[str, str]
    ) -> EntityChanges:
        idx = self.index
        for x in changed.values():
            dirty_groups.add(x.group)
        affected = {e for e in old_entity.values() if e}
        for g in sorted(dirty_groups):
            members = layers.live(idx.find("group", g))
            if not members:
                continue
            _, eid = group_name(g, members)
            for x in idx.find("group", g):
                if x.entity != eid and x.n > 0:
                    old_entity.setdefault(x.id, x.entity)
                    changed.setdefault(x.id, x)
                    if x.entity:
                        affected.add(x.entity)
                    x.entity = eid
                    idx.put(x)
            affected.add(eid)
        out = EntityChanges()
        for eid in sorted(affected):
            groups: dict[str, list[Leaf]] = {}
            for x in layers.live(idx.find("entity", eid)):
                groups.setdefault(x.group, [])
            for g in groups:
                groups[g] = [x for x in layers.live(idx.find("group", g)) if x.entity == eid]
            ent = assemble(eid, list(groups.items()))
            if ent is None:
                out.removed.append(eid)
            else:
                out.entities.append(ent)
        out.leaves = sorted(changed.values(), key=lambda x: x.id)
        out.leaf_entity = {
            x.id: x.entity for x in out.leaves if x.entity != old_entity.get(x.id, "")
        }
        return out


def resolve_entities(mentions: Sequence[Mention]) -> tuple[list[Entity], dict[str, str]]:
    """Cluster mentions into entities, in memory (the full resolution over them).

    Returns the entities, most mentioned first, and a map from mention id to entity id.
    Deterministic: the same mentions give the same entities and ids, in any order.
    """
    changes = EntityEngine().add(mentions)
    entities = sorted(changes.entities, key=lambda e: (-e.mentions, e.type, e.name, e.id))
    return entities, changes.entity_of_mention
