"""Cross-document entity resolution: one entity per real person, place or organisation.

Owner: entities. Modules: ``local`` (what one article's mentions contribute: type votes,
names linked within the article, organisation keys), ``leaves`` (counts per resolution
key, and their index), ``layers`` (acronyms, spelling variants, gazetteer ids, people),
``naming`` (an entity's name, id, aliases and roles), ``engine`` (incremental runs).

- Places, organisations and groups are keyed by their lexicon canonical name when the
  extractor found one ('Vladivostock' -> Vladivostok, 'DPRK' -> North Korea, 'Russians' ->
  Russia), else by their folded text; an all-capitals acronym is linked to the organisation
  whose initials it spells ('NSC'), in its article first, then store-wide when unique.
- Places that the gazetteer resolved to the same GeoNames id are one entity, which
  carries that id, its country and its coordinates.
- People: partial names within an article, then compatible full names across the store
  (complete linkage, so a chain of near-misses never joins two different given names).
- A name with no lexicon entry that NER typed differently in different places takes its
  majority type first.

Entity ids are ``ent_`` + a digest of (type, folded name) for people and of (type, group
key) for the rest, so the same mentions always give the same entities.
"""

from dossier.resolve.entities.engine import (
    EntityChanges,
    EntityEngine,
    EntitySource,
    resolve_entities,
)

__all__ = ["EntityChanges", "EntityEngine", "EntitySource", "resolve_entities"]
