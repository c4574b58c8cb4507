"""Event mentions as the timeline sees them: family, participants and dates.

A mention's participants are the entities behind its actors (by id: two entities may
share a name), its site the place entity behind its place. Its dates:

- ``strong``: the event's own calendar date, from its text. A date without a year takes
  the year of its article's stated date, when it has one;
- ``weak``: the reporting article's stated date, when the text gives none;
- ``window``: an undated article's inferred publication window, widened (news reports
  recent events).

Mentions dated to a day (``strong`` of day precision, or ``weak``) are *anchored* on
that day: they form the timeline's rows, in time order (:mod:`.sweep`). The
others (a month, a year, or no date at all) are *attached* afterwards to a row they fit
(:mod:`.attach`), without changing what the rows meet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossier.records import Article, Entity, Event
from dossier.resolve import dates

# Statuses that say the event took place, ranked for choosing a row's best mention.
STATUS_WEIGHT = {"asserted": 3, "reported": 2, "expected": 1, "hypothetical": 0, "negated": 0}
# The writer's question, recommendation or view reports no event: never a row.
NOT_EVENTS = frozenset({"opinion"})
# How far (days) a report's own date may lie from the event it reports without a date.
WEAK_WINDOW_DAYS = 10
# How far apart (days) two sources may date one event, when their mentions read alike.
SLIP_DAYS = 1


def family(code: str) -> str:
    """Event family for merging: meetings, visits and consultations are one family."""
    if code.startswith("04") or code == "036":
        return "consult"
    return code[:2]


def article_label(article: Article) -> str:
    """How a source is named in the record: outlet, else site, else file name."""
    if article.source:
        return article.source
    if article.url:
        host = article.url.split("//", 1)[-1].split("/", 1)[0]
        return host.removeprefix("www.")
    return article.path.rsplit("/", 1)[-1]


def mutual(code: str) -> bool:
    """Whether the parties do the event together, with no direction: consultations and
    meetings (04), cooperation (06), signing an agreement (057), expressing the intent to
    meet or cooperate (036). Any other act goes from one party to another (a supply, an
    attack): two accounts of opposite directions are two events, or a contradiction."""
    return code[:2] in ("04", "06") or code[:3] in ("036", "057")


@dataclass
class TMention:
    event: Event
    article: Article
    actors: frozenset[str]  # entity ids
    source: str | None  # entity id
    target: str | None
    place: str | None  # entity id, else the place as written
    strong: str | None  # date from the event's own text
    weak: str | None  # the reporting article's date, when the text gives none
    countries: frozenset[str] = frozenset()  # country parts of the actor codes (RUS, PRK)
    window: tuple[str, str] | None = None  # an undated article's inferred window, widened
    site: str | None = None  # the place entity, when one stands behind the place
    names: tuple[tuple[str, str], ...] = ()  # (entity id, name) of its participants and site

    @property
    def score(self) -> int:
        return (
            STATUS_WEIGHT.get(self.event.status, 0)
            + (2 if self.strong else 0)
            + (1 if self.place else 0)
            + (1 if len(self.actors) > 1 else 0)
        )

    @property
    def family(self) -> str:
        return family(self.event.code)

    @property
    def direction(self) -> tuple[str, str] | None:
        """(from, to) of a directed act, each party by its country where its actor code
        gives one, else by its entity, '' where unnamed; None for a mutual event or one
        with no party named."""
        if mutual(self.event.code):
            return None
        a = _country_code(self.event.source_code) or self.source or ""
        b = _country_code(self.event.target_code) or self.target or ""
        if a == b:
            return None  # one party, or two of one country: no direction to tell
        return a, b

    @property
    def anchored(self) -> bool:
        """Dated to a day (by its text or its article): it can form a row."""
        return _is_day(self.strong) or (self.strong is None and _is_day(self.weak))

    @property
    def orphan(self) -> bool:
        """No entity behind it: it may only join a row of its own article by similarity."""
        return not self.actors and self.site is None

    def day(self) -> int:
        """The day (ordinal) an anchored mention is anchored on: its own, else its report's."""
        day = dates.to_date(self.strong if _is_day(self.strong) else self.weak)
        assert day is not None, "day() is for anchored mentions"
        return day.toordinal()


def _country_code(code: str | None) -> str | None:
    return code[:3] if code and len(code) >= 3 and code[:3].isalpha() else None


def _is_day(value: str | None) -> bool:
    """A calendar day with its year ('XXXX-09-13' names no day on the calendar)."""
    v = value or ""
    return dates.is_calendar(v) and "X" not in v and dates.precision_of(v) == "day"


def entity_key(mention_id: str | None, entity_of: dict[str, Entity]) -> str | None:
    """The resolved entity's id; for a group named by a demonym ('Ukrainian drones'), its
    country (:func:`country_key`); None for an actor no entity stands behind, or a group
    no country stands behind ('the protesters'), too vague to tell one real-world event."""
    entity = entity_of.get(mention_id or "")
    if entity is None:
        return None
    if entity.type == "GROUP":
        country = demonym_country(entity.name)
        return country_key(country) if country else None
    return entity.id


def demonym_country(name: str) -> str | None:
    """The country a demonym names ('Ukrainian' -> 'Ukraine'), from the entities' lexicon."""
    from dossier.annotate.entities.lexicon import fold, lexicon

    return lexicon().demonyms.get(fold(name))


def country_key(country: str) -> str:
    """The actor key of a country a group stands for: no entity of the store, named
    by the country (see :func:`entity_key`)."""
    return "country:" + country


def _names(ev: Event, entity_of: dict[str, Entity]) -> tuple[tuple[str, str], ...]:
    out = set()
    for mid in (ev.source_mention_id, ev.target_mention_id, ev.place_mention_id):
        e = entity_of.get(mid or "")
        if e is None:
            continue
        key = entity_key(mid, entity_of) or e.id
        out.add((key, e.name if key == e.id else key.removeprefix("country:")))
    return tuple(sorted(out))


def _countries(ev: Event) -> frozenset[str]:
    return frozenset(code[:3] for code in (ev.source_code, ev.target_code) if code)


def window_of(article: Article) -> tuple[str, str] | None:
    """An undated article's inferred window, widened as a report's date is (news reports
    recent events): None unless the article has one closed at both ends."""
    if article.published_how != "inferred":
        return None
    lo = dates.shift(article.published_earliest, -WEAK_WINDOW_DAYS)
    hi = dates.shift(article.published_latest, WEAK_WINDOW_DAYS)
    return (lo, hi) if lo and hi else None  # an open-ended window tells too little


def _own_date(ev: Event, article: Article) -> str | None:
    """The event's own calendar date; a date without a year takes its article's year when
    the article states one (else it stays without: such a mention only joins a row)."""
    if not dates.is_calendar(ev.date):
        return None
    value = ev.date or ""
    stated = article.published if article.published_how != "inferred" else None
    year = (stated or "")[:4]
    if value.startswith("XXXX") and dates.is_calendar(stated) and year.isdigit():
        return year + value[4:]
    return value


def to_mention(ev: Event, article: Article, entity_of: dict[str, Entity]) -> TMention | None:
    """The timeline's view of one event; None for an event that can never be a row (an
    opinion, or no entity behind it and no day to place it on)."""
    if ev.status in NOT_EVENTS:
        return None
    source = entity_key(ev.source_mention_id, entity_of)
    target = entity_key(ev.target_mention_id, entity_of)
    site = entity_key(ev.place_mention_id, entity_of)
    place = site or (ev.place_text.strip() if ev.place_text else None)
    if target == source:
        target = None  # an event of an actor with itself: keep the actor once
    strong = _own_date(ev, article)
    weak = None
    stated = article.published if article.published_how != "inferred" else None
    if strong is None and dates.is_calendar(stated):
        weak = stated
    actors = frozenset(a for a in (source, target) if a)
    window = window_of(article) if strong is None and weak is None else None
    names = _names(ev, entity_of)
    m = TMention(
        ev,
        article,
        actors,
        source,
        target,
        place,
        strong,
        weak,
        _countries(ev),
        window,
        site,
        names,
    )
    if m.orphan and not m.anchored:
        return None
    return m


def to_mentions(
    events: Sequence[Event], articles: dict[str, Article], entity_of: dict[str, Entity]
) -> list[TMention]:
    out = []
    for ev in events:
        article = articles.get(ev.article_id)
        if article is not None and (m := to_mention(ev, article, entity_of)) is not None:
            out.append(m)
    return out
