"""Who took part, according to each source: the actor and the target of an event.

An actor's country is the country part of its CAMEO actor code ('RUSGOV' -> 'RUS'), else
the country the places stage put the entity in. Two sources agree on a role when they name
the same entity or actors of the same country ('Putin' and 'Russia'); they disagree when
they put actors of two known, different countries in it ('North Korea' against 'China'
as the supplier). A swap is not a disagreement: when one source's actor is a party to the
other source's account of the event in any role (one says A met B, the other that B met
A, or a passive read backwards), the sources differ in who is the grammatical subject, not
in who took part. That holds for events the parties do together (meetings, talks,
agreements, cooperation); for an act done by one party to another (a supply, an attack, a
threat), two sources naming opposite directions contradict each other.
"""

from __future__ import annotations

from functools import lru_cache

from dossier.annotate.events.coding import alpha3
from dossier.records import Entity
from dossier.resolve.corroboration.claims import Claim
from dossier.resources import read_table

ROLES = ("actor", "target")


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(r[1] for r in read_table("actors.tsv") if len(r) > 2 and r[2] == "country")


def country_of(code: str | None, entity: Entity | None) -> str | None:
    """ISO alpha-3 country of an actor: from its CAMEO code, else from its entity."""
    if code and code[:3] in _countries():
        return code[:3]
    if entity is not None and entity.country_code:
        return alpha3(entity.country_code)
    return None


def actors_conflict(a: Claim, b: Claim, named: dict[str, set[str]], together: bool = True) -> bool:
    """Two sources put actors of different countries in one role, and (for an event done
    ``together``) neither actor is a party to the other source's account (``named``:
    article id -> every country it names for the event, in any role)."""
    if a.value == b.value or a.country is None or b.country is None or a.country == b.country:
        return False
    if not together:
        return any(x != y for x in a.article_ids for y in b.article_ids)
    return any(
        x != y and a.country not in named.get(y, set()) and b.country not in named.get(x, set())
        for x in a.article_ids
        for y in b.article_ids
    )
