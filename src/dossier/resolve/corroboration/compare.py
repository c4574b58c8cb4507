"""Comparing the sources of each timeline row on its date, place, actors and quantities.

- date: each mention's own calendar date (a date taken from the article's publication is
  not a claim); '2023-09' and '2023-09-13' agree, two different days disagree.
- place: see ``places.places_conflict``.
- actor / target: see ``actors.actors_conflict``; group entities (demonyms) are too vague
  to compare.
- quantity: counts of the same noun ('shells', 'shell') are compared as ranges
  ('two to five million' holds 'three million'); counts of different nouns are different
  details. Counts with no noun in one event are compared with each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resolve.corroboration.actors import ROLES, actors_conflict, country_of
from dossier.resolve.corroboration.claims import Claim, Comparison, add_claim, assess
from dossier.resolve.corroboration.places import narrowest, places_conflict
from dossier.resolve.corroboration.quantities import Quantity, overlap, parse_quantity
from dossier.resolve.dates import compatible, is_calendar, to_date
from dossier.resolve.timeline import article_label
from dossier.resolve.timeline.mentions import mutual


def _dates_conflict(a: Claim, b: Claim) -> bool:
    return not compatible(a.value, b.value)


def _days_apart(claims: list[Claim]) -> str:
    """'2 days apart' for the furthest apart full days given, '' when there are none."""
    days = sorted(d for c in claims if (d := to_date(c.value)) is not None)
    if len(days) < 2 or days[0] == days[-1]:
        return ""
    n = (days[-1] - days[0]).days
    return f"{n} day{'s' if n > 1 else ''} apart"


def _counts_conflict(a: Claim, b: Claim) -> bool:
    return not overlap(Quantity(a.low, a.high, a.noun), Quantity(b.low, b.high, b.noun))


class _Row:
    """The claims of one timeline row, detail by detail."""

    def __init__(self, together: bool = True) -> None:
        self.together = together  # the parties do the event together (no direction)
        self.dates: dict[str, Claim] = {}
        self.places: dict[str, Claim] = {}
        self.countries: dict[str, str | None] = {}  # place name -> country code
        self.actors: dict[str, dict[str, Claim]] = {role: {} for role in ROLES}
        self.named: dict[str, set[str]] = {}  # article id -> countries of its parties
        self.counts: dict[str, dict[str, Claim]] = {}  # counted noun -> claims

    def read(self, ev: Event, label: str, entity_of: dict[str, Entity]) -> None:
        day = (ev.date or "").split("T", 1)[0]  # '2023-09-13T10:00' is claimed as its day
        if is_calendar(day) and ev.date_how != "published":
            add_claim(self.dates, day, day, ev, label)
        place = entity_of.get(ev.place_mention_id or "")
        if place is not None:
            claim = add_claim(self.places, place.name, place.name, ev, label)
            claim.lat, claim.lon = place.lat, place.lon
            self.countries[place.name] = place.country_code
        elif ev.place_text and ev.place_text.strip():
            name = ev.place_text.strip()
            add_claim(self.places, name, name, ev, label)
            self.countries.setdefault(name, None)
        parties = (
            ("actor", ev.source_mention_id, ev.source_code),
            ("target", ev.target_mention_id, ev.target_code),
        )
        for role, mention_id, code in parties:
            entity = entity_of.get(mention_id or "")
            country = country_of(code, entity)
            if country:
                self.named.setdefault(ev.article_id, set()).add(country)
            if entity is None or entity.type == "GROUP":
                continue
            claim = add_claim(self.actors[role], entity.id, entity.name, ev, label)
            claim.country = claim.country or country
        for text in ev.quantities:
            self._count(text.strip(), ev, label)

    def _count(self, text: str, ev: Event, label: str) -> None:
        parsed = parse_quantity(text)
        noun = parsed.noun if parsed else None
        # Counts with no noun in one event ('about one million', 'as many as two million')
        # count the same thing, the event's object; phrases with no number stay apart.
        key = noun or ("#" if parsed is not None else f"#{text.lower()}")
        group = self.counts.setdefault(key, {})
        claim = add_claim(group, text.lower(), text, ev, label)
        if parsed is not None:
            claim.low, claim.high, claim.noun = parsed.low, parsed.high, parsed.noun

    def comparisons(self, row_id: str) -> list[Comparison]:
        out: list[Comparison] = []
        if self.dates:
            comp = assess(row_id, "date", list(self.dates.values()), _dates_conflict)
            comp.note = _days_apart(comp.claims)
            out.append(comp)
        if self.places:
            clash = partial(places_conflict, countries=self.countries)
            places = narrowest(list(self.places.values()), self.countries)
            out.append(assess(row_id, "place", places, clash))
        for role in ROLES:
            if self.actors[role]:
                clash = partial(actors_conflict, named=self.named, together=self.together)
                out.append(assess(row_id, role, list(self.actors[role].values()), clash))
        for key in sorted(self.counts):
            noun = None if key.startswith("#") else key
            claims = list(self.counts[key].values())
            out.append(assess(row_id, "quantity", claims, _counts_conflict, about=noun))
        return out


def compare(
    row: TimelineEntry,
    events: dict[str, Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
) -> list[Comparison]:
    """Every detail of one timeline row that some source gives, compared across its
    sources (a detail given once is returned too: a comparison of one claim)."""
    claims = _Row(together=mutual(row.code))
    for eid in row.event_ids:
        ev = events.get(eid)
        art = articles.get(ev.article_id) if ev else None
        if ev is None or art is None:
            continue
        claims.read(ev, article_label(art), entity_of)
    return claims.comparisons(row.id)


def corroborate(
    rows: Sequence[TimelineEntry],
    events: dict[str, Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
) -> list[tuple[TimelineEntry, Comparison]]:
    """Every comparison, agreeing or not, of a timeline row with at least two sources
    (a detail only one of them gives is kept, marked ``single_source``: who alone reported
    it, with its hedges), or of a detail given two different ways."""
    found: list[tuple[TimelineEntry, Comparison]] = []
    for row in rows:
        behind = {events[e].article_id for e in row.event_ids if e in events}
        for comp in compare(row, events, articles, entity_of):
            if len(comp.claims) > 1 or len(behind & articles.keys()) > 1:
                found.append((row, comp))
    return found


def contradictions(
    rows: Sequence[TimelineEntry],
    events: dict[str, Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
) -> list[tuple[TimelineEntry, Comparison]]:
    """Every timeline row whose sources disagree: on its place (even within one article),
    or, between different articles, on its date, its actors or a count of one thing."""
    return [
        (row, comp)
        for row, comp in corroborate(rows, events, articles, entity_of)
        if not comp.agree and (comp.detail == "place" or comp.between_articles)
    ]
