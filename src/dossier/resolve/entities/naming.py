"""Entities from groups of leaves: their name, id, aliases, roles and place facts."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz

from dossier.annotate.entities.lexicon import fold
from dossier.ids import digest
from dossier.records import Entity, EntityType
from dossier.resolve.entities.leaves import Leaf, Point
from dossier.resolve.entities_names import person_tokens


def group_parts(group: str) -> tuple[EntityType, str]:
    etype, _, key = group.partition("|")
    return etype, key  # type: ignore[return-value]


def best_name(forms: Counter[str], etype: EntityType, canonical: Counter[str]) -> str:
    """Canonical name when the lexicon gave one; else the most frequent well-formed variant
    (multi-word forms first for people and organisations; then the most frequent spelling
    ignoring case and hyphens, the most frequent form, and fewer words, so 'Vladimir Putin'
    rather than the form with the patronymic)."""
    if canonical:
        return min(canonical, key=lambda c: (-canonical[c], c))

    spellings: Counter[str] = Counter()  # frequency of each spelling, ignoring case and hyphens
    for form, n in forms.items():
        spellings[fold(form)] += n

    def centrality(form: str) -> float:
        """How close a spelling is to all the others (the medoid wins ties: 'Zelensky'
        between 'Zelenskyy' and 'Zelenskiy')."""
        key = fold(form)
        return sum(n * fuzz.ratio(key, other) for other, n in spellings.items())

    def rank(form: str) -> tuple[int, int, bool, int, float, int, str]:
        words = len(person_tokens(form) if etype == "PERSON" else fold(form).split())
        multi = 0 if (etype in ("PERSON", "ORG") and words > 1) else 1
        shouted = form.isupper() and etype != "ORG"  # 'KIM JONG UN' of a headline
        return (
            multi,
            -spellings[fold(form)],
            shouted,
            -forms[form],
            -centrality(form),
            words,
            form,
        )

    return min(forms, key=rank)


def role_counts(roles: Counter[str]) -> Counter[str]:
    """Roles as written, one form per role ignoring case (the most frequent form, then the
    first in sort order), with the count of the whole case-folded group."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for role, n in roles.items():
        groups[" ".join(role.lower().split())][role] += n
    out: Counter[str] = Counter()
    for forms in groups.values():
        best = min(forms, key=lambda f: (-forms[f], f))
        out[best] = sum(forms.values())
    return out


def merge_ranked(existing: list[str], counts: Counter[str]) -> list[str]:
    """Distinct values, most frequent first (ties alphabetical), keeping earlier ones first."""
    new = sorted((v for v in counts if v not in existing), key=lambda v: (-counts[v], v))
    return [*existing, *new]


def _sum(leaves: Sequence[Leaf], attr: str) -> Counter[Any]:
    out: Counter[Any] = Counter()
    for leaf in leaves:
        out.update(getattr(leaf, attr))
    return out


def group_name(group: str, leaves: Sequence[Leaf]) -> tuple[str, str]:
    """(name, entity id) of one group. People are identified by their chosen name,
    everything else by its key (so a group's id does not change when 'Russians' overtakes
    'Russian')."""
    etype, gkey = group_parts(group)
    canonical: Counter[str] = Counter() if etype == "GROUP" else _sum(leaves, "canonical")
    name = best_name(_sum(leaves, "forms"), etype, canonical)
    eid = "ent_" + digest(etype, fold(name) if etype == "PERSON" else gkey, length=12)
    return name, eid


def _place_facts(ent: Entity, leaves: Sequence[Leaf]) -> None:
    """A place entity's gazetteer entry: the id most of its mentions carry (if any), with the
    country and coordinates its mentions give most often; a supplement place without a
    GeoNames id still gets its coordinates."""
    gids: Counter[int] = Counter()
    for leaf in leaves:
        if leaf.gid is not None:
            gids[leaf.gid] += leaf.n
    gid = min(gids, key=lambda g: (-gids[g], g)) if gids else None
    ent.geonameid = gid
    chosen = [x for x in leaves if x.gid == gid]
    points: Counter[Point] = _sum(chosen, "points")
    if points:
        ent.lat, ent.lon, ent.country_code = min(points, key=lambda p: (-points[p], str(p)))
    if ent.country_code is None:
        ccs: Counter[str] = _sum(chosen, "ccs")
        ent.country_code = min(ccs, key=lambda c: (-ccs[c], c)) if ccs else None


def assemble(eid: str, groups: Sequence[tuple[str, Sequence[Leaf]]]) -> Entity | None:
    """The entity of these groups (in group order: the first names it)."""
    ent: Entity | None = None
    for group, leaves in sorted(groups, key=lambda g: g[0]):
        if not leaves:
            continue
        etype, _ = group_parts(group)
        name, _ = group_name(group, leaves)
        if ent is None:
            ent = Entity(id=eid, name=name, type=etype)
        ent.mentions += sum(x.n for x in leaves)
        ent.aliases = merge_ranked(ent.aliases, _sum(leaves, "forms"))
        ent.roles = merge_ranked(ent.roles, role_counts(_sum(leaves, "roles")))
        if etype == "PLACE" and ent.geonameid is None:
            _place_facts(ent, leaves)
    return ent
