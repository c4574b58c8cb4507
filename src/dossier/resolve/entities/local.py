"""What each mention of one article contributes to entity resolution.

Everything here reads one article and the store-wide type votes of its names only:

- a name no lexicon lists that NER typed differently in different places ('Aljazeera' as
  a person here, an organisation there) takes its store-wide majority type (the votes);
- people: a one-word name is linked to a full name of its article
  (:func:`~dossier.resolve.entities_persons.link_within_article`);
- organisations, places and groups are keyed by their lexicon canonical name when the
  extractor found one, else by their folded text; an all-capitals acronym is spelt out
  by the one organisation of its article whose initials it spells, and otherwise left
  for the store-wide pass (``acro``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dossier.annotate.entities.lexicon import fold, lexicon
from dossier.records import EntityType, Mention
from dossier.resolve.entities.leaves import Point, initials, leaf_id
from dossier.resolve.entities_persons import link_within_article

TYPE_ORDER: dict[EntityType, int] = {"PERSON": 0, "ORG": 1, "PLACE": 2, "GROUP": 3}


def votes_for(m: Mention) -> str | None:
    """The folded name a mention votes with for its type (None: it has no vote)."""
    if m.canonical is None and m.type != "GROUP":
        return fold(m.text)
    return None


def winner(tally: Counter[EntityType]) -> EntityType | None:
    """The type a tally of votes elects (ties: the first in ``TYPE_ORDER``)."""
    if not tally:
        return None
    return min(tally, key=lambda t: (-tally[t], TYPE_ORDER[t]))


def voted_type(m: Mention, votes: Mapping[str, Counter[EntityType]]) -> EntityType:
    """The mention's type after the store-wide majority vote of its name."""
    key = votes_for(m)
    tally = votes.get(key) if key is not None else None
    return (winner(tally) if tally else None) or m.type


def lexicon_name(text: str, etype: EntityType) -> str | None:
    """The lexicon's canonical name of a name of this type, if it lists one."""
    lex = lexicon()
    key = fold(text)
    if etype == "ORG":
        return lex.orgs.get(key)
    if etype == "GROUP":
        return lex.demonyms.get(key)
    place = lex.places.get(key)
    return place.name if place else None


@dataclass(frozen=True)
class Contribution:
    """One mention's share of its leaf."""

    mention_id: str
    article_id: str
    leaf: str
    etype: EntityType
    key: str
    gid: int | None
    acro: str | None
    form: str
    role: str | None
    canonical: str | None  # extractor or lexicon canonical name
    listed: bool  # in a lexicon, or geocoded: never a spelling variant
    point: Point | None
    cc: str | None


def contributions(
    mentions: Sequence[Mention], votes: Mapping[str, Counter[EntityType]]
) -> list[Contribution]:
    """The contributions of the mentions of one article (given in any order)."""
    ms = sorted(mentions, key=lambda m: (m.article_id, m.start, m.end, m.id))
    types = {m.id: voted_type(m, votes) for m in ms}
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        by_article[m.article_id].append(m)
    out: list[Contribution] = []
    for group in by_article.values():
        persons = link_within_article([m for m in group if types[m.id] == "PERSON"])
        okeys = _org_keys([m for m in group if types[m.id] != "PERSON"], types)
        for m in group:
            etype = types[m.id]
            canonical = m.canonical or lexicon_name(m.text, etype)
            gid = m.geonameid if etype == "PLACE" else None
            if etype == "PERSON":
                key, acro = " ".join(persons[m.id]), None
            else:
                key, acro = okeys[m.id]
            point = None
            if etype == "PLACE" and m.lat is not None and m.lon is not None:
                point = (m.lat, m.lon, m.country_code)
            out.append(
                Contribution(
                    mention_id=m.id,
                    article_id=m.article_id,
                    leaf=leaf_id(etype, key, gid, acro),
                    etype=etype,
                    key=key,
                    gid=gid,
                    acro=acro,
                    form=m.text,
                    role=m.role,
                    canonical=canonical,
                    listed=bool(canonical) or gid is not None,
                    point=point,
                    cc=m.country_code if etype == "PLACE" else None,
                )
            )
    return out


def _org_keys(
    mentions: Iterable[Mention], types: Mapping[str, EntityType]
) -> dict[str, tuple[str, str | None]]:
    """Mention id -> (key, acronym left for the store-wide pass) for one article's
    organisations, places and groups."""
    ms = list(mentions)
    keys = {m.id: fold(m.canonical or lexicon_name(m.text, types[m.id]) or m.text) for m in ms}
    local: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        if types[m.id] == "ORG" and " " in keys[m.id]:
            local[initials(keys[m.id])].add(keys[m.id])
    out: dict[str, tuple[str, str | None]] = {}
    for m in ms:
        key, acro = keys[m.id], None
        text = m.text.replace(".", "")
        if (
            types[m.id] == "ORG"
            and m.canonical is None
            and text.isupper()
            and 2 <= len(text) <= 6
            and " " not in text
        ):
            found = local.get(text.lower(), set())
            if len(found) == 1:
                key = next(iter(found))
            else:
                acro = text.lower()
        out[m.id] = (key, acro)
    return out
