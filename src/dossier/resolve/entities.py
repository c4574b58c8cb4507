"""Cross-document entity resolution: one entity per real person, place or organisation.

Owner: entities.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.records import Entity, Mention


def resolve_entities(mentions: Sequence[Mention]) -> tuple[list[Entity], dict[str, str]]:
    """Cluster all mentions of the store into entities.

    Returns the entities and a map from mention id to entity id. Deterministic: the
    same mentions give the same entities and ids.
    """
    raise NotImplementedError
