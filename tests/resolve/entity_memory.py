"""An in-memory stand-in for the store's entity state, for incremental-resolution tests."""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Collection, Sequence

from dossier.records import Entity, EntityType, Mention
from dossier.resolve.entities import EntityEngine
from dossier.resolve.entities.leaves import Leaf
from dossier.resolve.entities.local import votes_for


class MemoryState:
    """Votes, leaves, entities and mentions kept between runs, as the store keeps them."""

    def __init__(self) -> None:
        self.votes: dict[str, Counter[EntityType]] = {}
        self.leaves: dict[str, Leaf] = {}
        self.entities: dict[str, Entity] = {}
        self.mentions: dict[str, Mention] = {}
        self.entity_of: dict[str, str] = {}
        self.leaf_of: dict[str, str] = {}

    # --- EntitySource
    def find_leaves(self, field: str, values: Collection[str]) -> list[Leaf]:
        want = set(values)
        return [
            copy.deepcopy(x)
            for x in self.leaves.values()
            if any(f == field and v in want for f, v in x.lookups())
        ]

    def find_votes(self, folds: Collection[str]) -> dict[str, Counter[EntityType]]:
        return {f: Counter(self.votes[f]) for f in folds if f in self.votes}

    def articles_with_folds(self, folds: Collection[str]) -> list[str]:
        return sorted({m.article_id for m in self.mentions.values() if votes_for(m) in folds})

    def article_mentions(self, article_ids: Collection[str]) -> list[Mention]:
        ids = set(article_ids)
        return [m for m in self.mentions.values() if m.article_id in ids]

    # --- one ingest
    def ingest(self, mentions: Sequence[Mention]) -> None:
        changes = EntityEngine(self).add(mentions)
        self.votes.update({f: Counter(c) for f, c in changes.votes.items()})
        for leaf in changes.leaves:
            self.leaves[leaf.id] = copy.deepcopy(leaf)
        for eid in changes.removed:
            self.entities.pop(eid, None)
        for ent in changes.entities:
            self.entities[ent.id] = ent
        for m in mentions:
            self.mentions[m.id] = m
        self.leaf_of.update(changes.mention_leaf)
        for mid, leaf in self.leaf_of.items():
            self.entity_of[mid] = self.leaves[leaf].entity

    def record(self) -> tuple[list[Entity], dict[str, str]]:
        ents = sorted(self.entities.values(), key=lambda e: (-e.mentions, e.type, e.name, e.id))
        return ents, dict(self.entity_of)
