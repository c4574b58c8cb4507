"""Cross-document entity resolution: one entity per real person, place or organisation.

Owner: entities.

- Places, organisations and groups are keyed by their lexicon canonical name when the
  extractor found one ('Vladivostock' -> Vladivostok, 'DPRK' -> North Korea, 'Russians' ->
  Russia), else by their folded text; an all-capitals acronym is linked to the organisation
  whose initials it spells ('NSC'), in its article first, then store-wide when unique.
- Places that the gazetteer resolved to the same GeoNames id are one entity, which
  carries that id, its country and its coordinates.
- People are clustered by ``entities_persons`` (partial names within an article, then
  compatible full names across the store).
- A name with no lexicon entry that NER typed differently in different places ('Aljazeera'
  as a person here, an organisation there) takes its majority type first.

Entity ids are ``ent_`` + a digest of (type, folded name) for people and of (type, group
key) for the rest, so the same mentions always give the same entities. Work is linear in
the number of mentions apart from the blocked person comparisons.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from dossier.annotate.entities.lexicon import fold, lexicon
from dossier.ids import digest
from dossier.records import Entity, EntityType, Mention
from dossier.resolve.entities_names import person_tokens
from dossier.resolve.entities_persons import cluster_persons

_TYPE_ORDER: dict[EntityType, int] = {"PERSON": 0, "ORG": 1, "PLACE": 2, "GROUP": 3}
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})


def _vote_types(mentions: Sequence[Mention]) -> dict[str, EntityType]:
    """Mention id -> type, with unlisted names re-typed to their store-wide majority type."""
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for m in mentions:
        if m.canonical is None and m.type != "GROUP":
            votes[fold(m.text)][m.type] += 1
    out: dict[str, EntityType] = {}
    for m in mentions:
        tally = votes.get(fold(m.text))
        if m.canonical is None and m.type != "GROUP" and tally:
            out[m.id] = min(tally, key=lambda t: (-tally[t], _TYPE_ORDER[t]))
        else:
            out[m.id] = m.type
    return out


def _lexicon_name(m: Mention) -> str | None:
    """The lexicon's canonical name for a mention that came without one."""
    lex = lexicon()
    key = fold(m.text)
    if m.type == "ORG":
        return lex.orgs.get(key)
    if m.type == "GROUP":
        return lex.demonyms.get(key)
    place = lex.places.get(key)
    return place.name if place else None


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _ACRONYM_SKIP)


def _org_keys(mentions: Sequence[Mention]) -> dict[str, str]:
    """Mention id -> key for organisations, places and groups."""
    keys = {m.id: fold(m.canonical or _lexicon_name(m) or m.text) for m in mentions}
    orgs = [m for m in mentions if m.type == "ORG"]
    by_initials: dict[str, set[str]] = defaultdict(set)
    article_initials: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in orgs:
        k = keys[m.id]
        if " " in k:
            by_initials[_initials(k)].add(k)
            article_initials[(m.article_id, _initials(k))].add(k)
    for m in orgs:
        text = m.text.replace(".", "")
        if m.canonical is None and text.isupper() and 2 <= len(text) <= 6 and " " not in text:
            local = article_initials.get((m.article_id, text.lower()), set())
            found = local if len(local) == 1 else by_initials.get(text.lower(), set())
            if len(found) == 1:
                keys[m.id] = next(iter(found))
    listed = {m.id for m in mentions if m.canonical or _lexicon_name(m)}
    listed |= {m.id for m in mentions if m.type == "PLACE" and m.geonameid is not None}
    return _merge_by_gazetteer(mentions, _merge_spellings(mentions, keys, listed), listed)


def _merge_by_gazetteer(
    mentions: Sequence[Mention], keys: dict[str, str], listed: set[str]
) -> dict[str, str]:
    """Places with the same GeoNames id share one key ('Vladivostock', 'Vladivostok'): the
    key of a lexicon-listed mention when there is one, else the most frequent key (ties:
    the first in sort order), so ids of listed places do not move."""
    by_gid: dict[int, Counter[tuple[int, str]]] = defaultdict(Counter)
    for m in mentions:
        if m.type == "PLACE" and m.geonameid is not None:
            rank = 0 if (m.canonical or _lexicon_name(m)) else 1
            by_gid[m.geonameid][(rank, keys[m.id])] += 1
    best = {gid: min(c, key=lambda rk: (rk[0], -c[rk], rk[1]))[1] for gid, c in by_gid.items()}
    out = dict(keys)
    for m in mentions:
        if m.type == "PLACE" and m.geonameid is not None:
            out[m.id] = best[m.geonameid]
    return out


def _place_facts(ent: Entity, ms: Sequence[Mention]) -> None:
    """A place entity's gazetteer entry: the id most of its mentions carry (if any), with the
    country and coordinates of its literal mentions (a metonymic use is not a point on the
    map); a supplement place without a GeoNames id still gets its coordinates."""
    gids = Counter(m.geonameid for m in ms if m.geonameid is not None)
    gid = min(gids, key=lambda g: (-gids[g], g)) if gids else None
    ent.geonameid = gid
    points = Counter(
        (m.lat, m.lon, m.country_code)
        for m in ms
        if m.geonameid == gid and m.lat is not None and m.lon is not None
    )
    if points:
        ent.lat, ent.lon, ent.country_code = min(points, key=lambda p: (-points[p], str(p)))
    ent.country_code = ent.country_code or next(
        (m.country_code for m in ms if m.geonameid == gid and m.country_code), None
    )


FUZZY_NAME_CUTOFF = 92.0
FUZZY_NAME_MIN = 8


def _spelling_variants(a: str, b: str) -> bool:
    """Two folded names with the same words up to small spelling slips; a word that names a
    listed place or people never counts as a slip ('Embassy of Austria' is not 'of
    Australia')."""
    if fuzz.ratio(a, b) < FUZZY_NAME_CUTOFF:
        return False
    lex = lexicon()
    for x, y in zip(a.split(), b.split(), strict=True):
        if x == y:
            continue
        if Levenshtein.distance(x, y) > 2:
            return False
        if any(w in lex.places or w in lex.demonyms for w in (x, y)):
            return False
    return True


def _merge_spellings(
    mentions: Sequence[Mention], keys: dict[str, str], listed: set[str]
) -> dict[str, str]:
    """Join spelling variants of names no lexicon knows ('Press Centre'/'Press Center',
    'Ministry of Defence'/'Defense'): same type, same first three letters, same number of
    words, at least ``FUZZY_NAME_MIN`` letters and ``_spelling_variants``. Each variant
    joins the most frequent key it is close to (no all-pairs over the store: blocks)."""
    counts: Counter[tuple[EntityType, str]] = Counter()
    for m in mentions:
        if m.id not in listed and m.type != "GROUP" and len(keys[m.id]) >= FUZZY_NAME_MIN:
            counts[(m.type, keys[m.id])] += 1
    blocks: dict[tuple[EntityType, str, int], list[str]] = defaultdict(list)
    for (etype, key), _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        blocks[(etype, key[:3], key.count(" "))].append(key)
    target: dict[tuple[EntityType, str], str] = {}
    for (etype, _, _), block in blocks.items():
        reps: list[str] = []
        for key in block:
            rep = next((r for r in reps if _spelling_variants(key, r)), None)
            if rep is None:
                reps.append(key)
            else:
                target[(etype, key)] = rep
    return {m.id: target.get((m.type, keys[m.id]), keys[m.id]) for m in mentions}


def _best_name(forms: Counter[str], etype: EntityType, canonical: Counter[str]) -> str:
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


def resolve_entities(mentions: Sequence[Mention]) -> tuple[list[Entity], dict[str, str]]:
    """Cluster all mentions of the store into entities.

    Returns the entities and a map from mention id to entity id. Deterministic: the
    same mentions give the same entities and ids.
    """
    mentions = sorted(mentions, key=lambda m: (m.article_id, m.start, m.end, m.id))
    types = _vote_types(mentions)
    persons = [m for m in mentions if types[m.id] == "PERSON"]
    others = [m for m in mentions if types[m.id] != "PERSON"]
    group_of: dict[str, tuple[EntityType, str]] = {}
    for mid, key in cluster_persons(persons).items():
        group_of[mid] = ("PERSON", " ".join(key))
    for mid, okey in _org_keys([_retyped(m, types[m.id]) for m in others]).items():
        group_of[mid] = (types[mid], okey)

    members: dict[tuple[EntityType, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        members[group_of[m.id]].append(m)
    by_id: dict[str, Entity] = {}
    assignment: dict[str, str] = {}
    for (etype, gkey), ms in sorted(members.items()):
        forms = Counter(m.text for m in ms)
        canonical = Counter(c for m in ms if (c := m.canonical or _lexicon_name(m)))
        if etype == "GROUP":
            canonical = Counter()  # a group is named by its own word ('Russian'), not the country
        name = _best_name(forms, etype, canonical)
        # People are identified by their chosen name, everything else by its lexicon key
        # (so a group's id does not change when 'Russians' overtakes 'Russian').
        eid = "ent_" + digest(etype, fold(name) if etype == "PERSON" else gkey, length=12)
        ent = by_id.get(eid)
        if ent is None:
            ent = by_id[eid] = Entity(id=eid, name=name, type=etype)
        ent.mentions += len(ms)
        ent.aliases = _merge_ranked(ent.aliases, forms)
        ent.roles = _merge_ranked(ent.roles, _role_counts(ms))
        for m in ms:
            assignment[m.id] = eid
        if etype == "PLACE" and ent.geonameid is None:
            _place_facts(ent, ms)
    entities = sorted(by_id.values(), key=lambda e: (-e.mentions, e.type, e.name, e.id))
    return entities, assignment


def _retyped(m: Mention, etype: EntityType) -> Mention:
    if m.type == etype:
        return m
    from dataclasses import replace

    return replace(m, type=etype)


def _role_counts(ms: Sequence[Mention]) -> Counter[str]:
    """Roles as written, one form per role ignoring case (the most frequent form, then the
    first in sort order), with the count of the whole case-folded group."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ms:
        if m.role:
            groups[" ".join(m.role.lower().split())][m.role] += 1
    out: Counter[str] = Counter()
    for forms in groups.values():
        best = min(forms, key=lambda f: (-forms[f], f))
        out[best] = sum(forms.values())
    return out


def _merge_ranked(existing: list[str], counts: Counter[str]) -> list[str]:
    """Distinct values, most frequent first (ties alphabetical), keeping earlier ones first."""
    new = sorted((v for v in counts if v not in existing), key=lambda v: (-counts[v], v))
    return [*existing, *new]
