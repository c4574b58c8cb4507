"""Toponyms: place names in an article, how they are used, and where they are.

Built on the entity mentions (spaCy GPE/LOC/FAC plus the supplement's regions,
facilities, seas and misspellings, see ``dossier.annotate.entities``):

1. every PLACE mention is a toponym; a GROUP mention that is a demonym ('North Korean')
   points to its country; place names inside organisation names ('the Kyiv city council')
   are found as embedded toponyms (they are not mentions: mentions never overlap); place
   names the model missed or took for people are recovered (``recover``);
2. ``usage`` tells literal from metonymic uses and demonyms;
3. ``resolve`` picks the GeoNames entry (``gazetteer``) in the article's context.

``geocode_mentions`` writes the result onto the mentions (``usage, geonameid, lat, lon,
country_code, geo_how``); a metonymic use or a demonym keeps the entry's id and its
country, which names the actor ('Pyongyang said' -> KP), but no coordinates: it is not a
point on the map. (A capital keeps its own id rather than its country's, so that its
mentions stay one entity with the literal ones.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dossier.annotate.columns import char_span
from dossier.annotate.entities.lexicon import fold, lexicon
from dossier.annotate.places.gazetteer import Entry, Gazetteer, gazetteer
from dossier.annotate.places.recover import missed_toponyms
from dossier.annotate.places.resolve import Pick, Resolver
from dossier.annotate.places.usage import is_modifier, usage
from dossier.records import Article, Mention

__all__ = ["Toponym", "find_toponyms", "gazetteer", "geocode_mentions"]

EMBED_MIN_POPULATION = 100_000
_EMBED_KINDS = frozenset({"country", "admin1", "region", "continent"})


@dataclass(frozen=True)
class Toponym:
    """One place name in an article and its reading."""

    start: int
    end: int
    text: str
    usage: str  # 'literal' | 'metonymic' | 'demonym'
    mention_id: str | None  # None for a name embedded in a longer mention
    geonameid: int | None = None
    name: str | None = None  # the gazetteer's name for it
    kind: str | None = None  # country, admin1, city, region, facility, sea, continent
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    how: str | None = None
    modifier: bool = False  # used as a modifier of a noun ('Russian officials', 'Texas law')
    capital: bool = False  # the entry is a national capital


def _query(m: Mention) -> str | None:
    """The name to look up for a mention, or None when it is not a place."""
    lex = lexicon()
    if m.type == "PLACE":
        return m.canonical or m.text
    if m.type == "GROUP":
        return m.canonical or lex.demonyms.get(fold(m.text))
    if m.type == "ORG" and any(_names_place(e) for e in gazetteer().lookup(m.text)):
        # a seat of power ('the Kremlin'), a union of states ('the EU'), or a place
        # standing for its team or council ('Liverpool won')
        return m.text
    return None


def _names_place(e: Entry) -> bool:
    """An entry whose own name, written as an organisation, still names that place."""
    if e.alternate and not e.listed:
        return False
    return e.kind != "city" or e.population >= EMBED_MIN_POPULATION


def _embedded(doc: Any, m: Mention, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Place names inside an organisation's name: capitalised runs of 1-3 tokens that name a
    country, a region or a city of 100,000 people or more, or a demonym ('the Nigerian
    Senate'); with the name to look up."""
    demonyms = lexicon().demonyms
    span = char_span(doc, m.start, m.end)
    if span is None:
        return []
    out: list[tuple[int, int, str]] = []
    i = 0
    toks = list(span)
    while i < len(toks):
        hit = None
        for n in (3, 2, 1):
            part = toks[i : i + n]
            if len(part) < n or not all(t.text[:1].isupper() for t in part):
                continue
            if n == len(toks):
                continue
            s, e = part[0].idx, part[-1].idx + len(part[-1].text)
            name = span.text[s - span.start_char : e - span.start_char]
            country = demonyms.get(fold(name))
            if country is not None:
                hit = (s, e, n, country)
                break
            if any(
                en.kind in _EMBED_KINDS or en.population >= EMBED_MIN_POPULATION
                for en in gaz.lookup(name)
                if not en.alternate or en.listed
            ):
                hit = (s, e, n, name)
                break
        if hit:
            out.append((hit[0], hit[1], hit[3]))
            i += hit[2]
        else:
            i += 1
    return out


def _toponym(
    start: int, end: int, text: str, use: str, mid: str | None, pick: Pick | None
) -> Toponym:
    if pick is None:
        return Toponym(start, end, text, use, mid)
    e: Entry = pick.entry
    return Toponym(
        start,
        end,
        text,
        use,
        mid,
        geonameid=e.geonameid,
        name=e.name,
        kind=e.kind,
        lat=e.lat,
        lon=e.lon,
        country_code=e.country or None,
        how=pick.how,
        capital=e.capital,
    )


_resolver: Resolver | None = None


def resolver() -> Resolver:
    global _resolver
    gaz = gazetteer()
    if _resolver is None or _resolver.gaz is not gaz:
        _resolver = Resolver(gaz)
    return _resolver


_LIST_GLUE = (", ", " and ", " or ", ", and ", ", or ")


def _pairs(
    text: str, items: Sequence[tuple[int, int, str, str, str | None, bool]]
) -> list[tuple[int, int]]:
    """(k, k + 1) for each 'Town, Division' written as a pair: two literal names with only
    ', ' between them, not inside a list of places ('Washington, Oregon and Idaho')."""

    def glue(k: int) -> str:
        return text[items[k][1] : items[k + 1][0]]

    out = []
    for k in range(len(items) - 1):
        if glue(k) != ", " or not items[k][3] == items[k + 1][3] == "literal":
            continue
        if (k + 2 < len(items) and glue(k + 1) in _LIST_GLUE) or (
            k > 0 and glue(k - 1) in _LIST_GLUE
        ):
            continue
        out.append((k, k + 1))
    return out


def find_toponyms(
    article: Article,
    doc: Any,
    mentions: Sequence[Mention],
    story: Iterable[str] = (),
    embedded: bool = True,
    recover: bool = True,
) -> list[Toponym]:
    """Toponyms of one parsed article, sorted by position. ``story``: country codes the
    wider story is about (e.g. from other articles of the store), used as context;
    ``embedded``: also place names inside organisation names; ``recover``: also place
    names the mentions missed (``recover``). Those two kinds have no ``mention_id``."""
    res = resolver()
    items: list[tuple[int, int, str, str, str | None, bool]] = []
    for m in mentions:
        query = _query(m)
        if query is not None:
            use = usage(doc, m.start, m.end, m.label, m.type)
            items.append((m.start, m.end, query, use, m.id, is_modifier(doc, m.start, m.end)))
        elif embedded and m.type == "ORG":
            for s, e, query in _embedded(doc, m, res.gaz):
                items.append((s, e, query, "metonymic", None, True))
    if recover:
        taken = [(it[0], it[1]) for it in items]
        for s, e, _ in missed_toponyms(doc, mentions, taken, res.gaz):
            use = usage(doc, s, e, "", "PLACE")
            items.append((s, e, article.text[s:e], use, None, is_modifier(doc, s, e)))
    items.sort(key=lambda it: (it[0], it[1]))
    picks = res.resolve([it[2] for it in items], story, _pairs(article.text, items))
    out = [
        replace(_toponym(s, e, article.text[s:e], use, mid, pick), modifier=mod)
        for (s, e, _, use, mid, mod), pick in zip(items, picks, strict=True)
    ]
    return sorted(out, key=lambda t: (t.start, t.end))


def geocode_mentions(
    article: Article, doc: Any, mentions: Sequence[Mention], story: Iterable[str] = ()
) -> list[Toponym]:
    """Fill the place fields of the mentions in place; returns the article's toponyms."""
    tops = find_toponyms(article, doc, mentions, story)
    by_id = {m.id: m for m in mentions}
    for t in tops:
        m = by_id.get(t.mention_id or "")
        if m is None:
            continue
        m.usage = t.usage
        if t.how is None:
            continue
        m.geonameid = t.geonameid
        m.country_code = t.country_code
        m.geo_how = t.how
        if t.usage == "literal":
            m.lat, m.lon = t.lat, t.lon
    return tops
