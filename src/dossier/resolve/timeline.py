"""The merged timeline: one row per real-world event, across the articles reporting it.

An explainable resolver in two passes. Rules first: event mentions join when their event
family, actors and dates are compatible. Then similarity: given the pairwise model's
mean pair probability (``similar``, see :mod:`dossier.resolve.crossdoc`), two rows of one
family whose dates fit (days may differ by one: time zones, a source's slip), that share
a participant (or, when one names none, a place) and name no different places are merged
when their mentions read alike; a
mention with no entity behind it joins the row of its own article it reads most like,
and is otherwise left out. The
best-supported mention (asserted, dated by its own text, with a
place and both actors) gives the row its place; every other place any source gives is
kept in ``places`` so disagreements stay visible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dossier.ids import digest
from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resolve import dates

# Statuses that say the event took place, ranked for choosing a row's best mention.
_STATUS_WEIGHT = {"asserted": 3, "reported": 2, "expected": 1, "hypothetical": 0, "negated": 0}
# How far (days) a report's own date may lie from the event it reports without a date.
_WEAK_WINDOW_DAYS = 10
# How far apart (days) two sources may date one event, when their mentions read alike.
_SLIP_DAYS = 1

# Mean pair probability between two groups of event ids (the pairwise model).
Similar = Callable[[Sequence[str], Sequence[str]], float]


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


@dataclass
class _Mention:
    event: Event
    article: Article
    actors: frozenset[str]
    source: str | None
    target: str | None
    place: str | None
    strong: str | None  # date from the event's own text
    weak: str | None  # the reporting article's date, when the text gives none
    countries: frozenset[str] = frozenset()  # country parts of the actor codes (RUS, PRK)
    window: tuple[str, str] | None = None  # an undated article's inferred window, widened
    site: str | None = None  # the place, when a resolved place entity stands behind it

    @property
    def score(self) -> int:
        return (
            _STATUS_WEIGHT.get(self.event.status, 0)
            + (2 if self.strong else 0)
            + (1 if self.place else 0)
            + (1 if len(self.actors) > 1 else 0)
        )


@dataclass
class _Cluster:
    family: str
    members: list[_Mention] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)  # event id -> why it joined

    @property
    def actors(self) -> frozenset[str]:
        return frozenset().union(*(m.actors for m in self.members))

    @property
    def countries(self) -> frozenset[str]:
        return frozenset().union(*(m.countries for m in self.members))

    @property
    def strong(self) -> str | None:
        value: str | None = None
        for m in self.members:
            if m.strong:
                value = m.strong if value is None else dates.unite(value, m.strong)
        return value

    @property
    def weak(self) -> list[str]:
        return [m.weak for m in self.members if m.weak]


def _actors_reason(m: _Mention, c: _Cluster) -> str | None:
    """Why the mention has the cluster's participants (None if it has not): the same
    entities, or (sharing at least one entity) the same two countries by actor code, so
    'Putin visits Pyongyang', 'Putin visits North Korea' and 'Putin meets Kim Jong Un' can
    be one event."""
    a, b = m.actors, c.actors
    if not a or not b:
        return None
    shared = ", ".join(sorted(a & b))
    if len(a) > 1 and len(b) > 1:
        if a == b:
            return f"same participants ({shared})"
        if a & b and len(m.countries) == 2 and m.countries == c.countries:
            return f"shares {shared} and the same countries ({', '.join(sorted(m.countries))})"
        return None
    return f"shares {shared}" if a & b else None


def _countries(ev: Event) -> frozenset[str]:
    return frozenset(code[:3] for code in (ev.source_code, ev.target_code) if code)


def _dates_reason(m: _Mention, c: _Cluster) -> str | None:
    """Why the mention's date fits the cluster's (None if it does not)."""
    strong = c.strong
    if m.strong and strong:
        return (
            f"dates {m.strong} and {strong} agree" if dates.compatible(m.strong, strong) else None
        )
    if m.strong and c.weak:
        ok = any(dates.compatible(m.strong, w) or _near(m.strong, w) for w in c.weak)
        return f"date {m.strong} fits the reports' dates" if ok else None
    if m.weak and strong:
        ok = _near(strong, m.weak) or (dates.compatible(strong, m.weak) and "X" in strong)
        return f"reported on {m.weak}, within {_WEAK_WINDOW_DAYS} days of {strong}" if ok else None
    if m.weak and c.weak:
        ok = any(_near(m.weak, w) for w in c.weak)
        return (
            f"reported on {m.weak}, within {_WEAK_WINDOW_DAYS} days of the others" if ok else None
        )
    if m.window is not None:  # no date, but the article's inferred publication window
        values = [strong] if strong else c.weak
        if values and not any(_in_window(v, m.window) for v in values):
            return None
        return f"undated; its article's inferred window {m.window[0]}..{m.window[1]} fits"
    return "undated, in an undated article: the only candidate with these participants"


def _in_window(value: str, window: tuple[str, str]) -> bool:
    span = dates.interval(value) if dates.is_calendar(value) else None
    return span is not None and span[1] >= window[0] and span[0] <= window[1]


def _window(article: Article) -> tuple[str, str] | None:
    """An undated article's inferred window, widened as a report's date is (news reports
    recent events): None unless the article has one closed at both ends."""
    if article.published_how != "inferred":
        return None
    lo = dates.shift(article.published_earliest, -_WEAK_WINDOW_DAYS)
    hi = dates.shift(article.published_latest, _WEAK_WINDOW_DAYS)
    return (lo, hi) if lo and hi else None  # an open-ended window tells too little


def _near(value: str, anchor: str) -> bool:
    return dates.within(value, anchor, _WEAK_WINDOW_DAYS)


def _entity_key(mention_id: str | None, entity_of: dict[str, Entity]) -> str | None:
    """The resolved entity's name; None for an actor no entity stands behind, or only a
    group named by a demonym ('Russian'), too vague to tell one real-world event."""
    entity = entity_of.get(mention_id or "")
    if entity is None or entity.type == "GROUP":
        return None
    return entity.name


def _mentions(
    events: Sequence[Event], articles: dict[str, Article], entity_of: dict[str, Entity]
) -> tuple[list[_Mention], list[_Mention]]:
    """Mentions with an entity behind them, and dated ones without (which may only join
    a row by similarity)."""
    out: list[_Mention] = []
    orphans: list[_Mention] = []
    for ev in events:
        article = articles.get(ev.article_id)
        if article is None:
            continue
        source = _entity_key(ev.source_mention_id, entity_of)
        target = _entity_key(ev.target_mention_id, entity_of)
        place = _entity_key(ev.place_mention_id, entity_of) or (
            ev.place_text.strip() if ev.place_text else None
        )
        if target == source:
            target = None  # an event of an actor with itself: keep the actor once
        strong = ev.date if dates.is_calendar(ev.date) else None
        weak = None
        if strong is None and dates.is_calendar(article.published):
            weak = article.published
        actors = frozenset(a for a in (source, target) if a)
        window = _window(article) if strong is None and weak is None else None
        mention = _Mention(
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
            _entity_key(ev.place_mention_id, entity_of),
        )
        if source is None and target is None and ev.place_mention_id not in entity_of:
            # no entity to tell which real-world event this is: it may only join a row
            # it reads like, on a day it fits
            if _day(strong) or _day(weak):
                orphans.append(mention)
            continue
        out.append(mention)
    return out, orphans


def _day(value: str | None) -> bool:
    return dates.precision_of(value) == "day" if value and dates.is_calendar(value) else False


def _slip(a: str | None, b: str | None) -> bool:
    """Two full days at most ``_SLIP_DAYS`` apart (but not the same day)."""
    return bool(a and b and a != b and dates.within(a, b, _SLIP_DAYS))


def _sites(c: _Cluster) -> set[str]:
    return {m.site for m in c.members if m.site}


def _loose_actors(a: _Cluster, b: _Cluster) -> str | None:
    """Participants that do not clash: at least one shared entity, and not two different
    pairs of countries; or no participant named on one side and the same named place
    (the rows still need to read alike)."""
    if not a.actors or not b.actors:
        common = _sites(a) & _sites(b)
        return f"no participants on one side; same place ({min(common)})" if common else None
    shared = a.actors & b.actors
    if not shared:
        return None
    if len(a.countries) == 2 and len(b.countries) == 2 and a.countries != b.countries:
        return None
    return f"shares {', '.join(sorted(shared))}"


def _places_clash(members: Sequence[_Mention], c: _Cluster) -> bool:
    """Both sides name places and none is shared: the weaker, similarity route never
    merges across places (the rules may, and corroboration then reports it)."""
    mine = {m.place for m in members if m.place}
    theirs = {m.place for m in c.members if m.place}
    return bool(mine and theirs and not mine & theirs)


def _loose_dates(members: Sequence[_Mention], c: _Cluster) -> str | None:
    """Dates that fit a row, allowing a one-day slip between two sources' days."""
    reasons = []
    for m in members:
        if m.strong and c.strong and _slip(m.strong, c.strong):
            reasons.append(f"dates {m.strong} and {c.strong} one day apart")
            continue
        why = _dates_reason(m, c)
        if why is None or why.startswith("undated"):
            return None
        reasons.append(why)
    return reasons[0] if reasons else None


def _best(c: _Cluster) -> str:
    """The event id of a row's best-supported mention (the one the row shows): rows are
    compared through it, as a mention that reads unlike the rest ('the agreement') would
    pull a mean down."""
    return min(c.members, key=lambda m: (-m.score, m.event.article_id, m.event.start)).event.id


def _ids(c: _Cluster) -> list[str]:
    return [m.event.id for m in c.members]


def _merge_similar(
    clusters: list[_Cluster], orphans: list[_Mention], similar: Similar, threshold: float
) -> list[_Cluster]:
    """The similarity pass: rows whose best mentions read alike merge; an orphan joins the
    one row of its article whose best mention it reads like (with several, it stays out).
    Deterministic: larger and better-dated rows absorb the others. Only rows
    that share a participant (indexed by family and entity) are ever compared, and an
    orphan only with the rows of its own article."""
    order = sorted(
        clusters,
        key=lambda c: (-len(c.members), -dates.specificity(c.strong), min(_ids(c))),
    )
    rank = {id(c): i for i, c in enumerate(order)}
    dead: set[int] = set()
    by_actor: dict[tuple[str, str], list[_Cluster]] = {}  # also 'site:' keys for places
    for c in order:
        for a in [*c.actors, *(f"site:{x}" for x in _sites(c))]:
            by_actor.setdefault((c.family, a), []).append(c)
    for c in order:
        if id(c) in dead:
            continue
        keys = [*c.actors, *(f"site:{x}" for x in _sites(c))]
        cands = {id(d): d for a in keys for d in by_actor.get((c.family, a), [])}
        for d in sorted(cands.values(), key=lambda d: rank[id(d)]):
            if d is c or id(d) in dead:
                continue
            actors = _loose_actors(d, c)
            when = _loose_dates(d.members, c) if actors else None
            if not (actors and when) or _places_clash(d.members, c):
                continue
            p = similar([_best(c)], [_best(d)])
            if p < threshold:
                continue
            for m in d.members:
                c.why[m.event.id] = f"{c.family} family; reads alike (p={p:.2f}); {actors}; {when}"
            c.members.extend(d.members)
            dead.add(id(d))
            for a in [*d.actors, *(f"site:{x}" for x in _sites(d))]:
                by_actor.setdefault((c.family, a), []).append(c)
    alive = [c for c in order if id(c) not in dead]
    by_article: dict[str, list[_Cluster]] = {}
    for c in alive:
        for aid in dict.fromkeys(x.article.id for x in c.members):
            by_article.setdefault(aid, []).append(c)
    for m in sorted(orphans, key=lambda m: m.event.id):
        fam = family(m.event.code)
        found: list[tuple[float, _Cluster, str]] = []
        # an orphan is a description ('the talks') of an event its own article names
        for c in by_article.get(m.article.id, []):
            if c.family != fam or _places_clash([m], c):
                continue
            when = _loose_dates([m], c)
            if when is None:
                continue
            # read against the row's mentions in its own article (within-document)
            own = [x.event.id for x in c.members if x.article.id == m.article.id]
            p = similar(own, [m.event.id])
            if p >= threshold:
                found.append((p, c, when))
        if len(found) == 1:  # several rows read alike: never guess
            p, c, when = found[0]
            c.members.append(m)
            c.why[m.event.id] = f"{fam} family; no entity named, reads alike (p={p:.2f}); {when}"
    return alive


def _sites_reason(m: _Mention, c: _Cluster) -> str | None:
    """Meetings of the same people on one day are one event, wherever sources place it
    (a disagreement corroboration reports); attacks, strikes or protests happen in many
    places at once, so outside the consult family two different named places keep
    mentions apart. Returns None when they must stay apart, else '' or a reason."""
    if c.family == "consult" or m.site is None:
        return ""
    sites = {x.site for x in c.members if x.site}
    if not sites:
        return ""
    return f"same place ({m.site})" if m.site in sites else None


def _cluster(
    mentions: list[_Mention],
    orphans: Sequence[_Mention] = (),
    similar: Similar | None = None,
    threshold: float = 1.0,
) -> list[_Cluster]:
    # Most specific first, so vaguer mentions join the clusters they fit.
    mentions.sort(
        key=lambda m: (-dates.specificity(m.strong), m.weak is None, -m.score, m.event.id)
    )
    clusters: list[_Cluster] = []
    # Every fit needs a shared entity (see _actors_reason): clusters are indexed by family
    # and entity, so a mention is compared only with the clusters that share one.
    by_actor: dict[tuple[str, str], list[int]] = {}
    for m in mentions:
        fam = family(m.event.code)
        fits: list[tuple[_Cluster, str]] = []
        cands = sorted({i for a in m.actors for i in by_actor.get((fam, a), [])})
        for c in (clusters[i] for i in cands):
            actors = _actors_reason(m, c)
            when = _dates_reason(m, c) if actors else None
            site = _sites_reason(m, c) if actors and when else None
            if actors and when and site is not None:
                where = f"; {site}" if site else ""
                fits.append((c, f"{fam} family; {actors}; {when}{where}"))
        if not m.strong and not m.weak and len(fits) > 1:
            fits = []  # no date at all and several candidates: keep it apart, never guess
        if fits:
            best, why = max(fits, key=lambda f: (len(f[0].members), dates.specificity(f[0].strong)))
            best.members.append(m)
            best.why[m.event.id] = why
            pos = next(i for i in cands if clusters[i] is best)
        else:
            clusters.append(_Cluster(fam, [m], {m.event.id: "first mention of this event"}))
            pos = len(clusters) - 1
        for a in m.actors:
            slot = by_actor.setdefault((fam, a), [])
            if pos not in slot:
                slot.append(pos)
    if similar is not None:
        clusters = _merge_similar(clusters, list(orphans), similar, threshold)
    return clusters


def build_timeline(
    events: Sequence[Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
    similar: Similar | None = None,
    threshold: float = 1.0,
) -> list[TimelineEntry]:
    """Merge event mentions into timeline rows, sorted by date (undated last).

    ``entity_of`` maps mention ids to their resolved entities; with ``similar``, rows and
    orphan mentions whose mean pair probability reaches ``threshold`` are merged too.
    """
    found, orphans = _mentions(events, articles, entity_of)
    rows = [_row(c) for c in _cluster(found, orphans, similar, threshold)]
    rows.sort(key=lambda r: (r.date is None, r.date or "", r.code, r.id))
    return rows


def explain_timeline(
    events: Sequence[Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
    similar: Similar | None = None,
    threshold: float = 1.0,
) -> dict[str, dict[str, str]]:
    """For each timeline row id, why each of its event mentions joined it (the same
    clustering as ``build_timeline``, with its reasons kept)."""
    out: dict[str, dict[str, str]] = {}
    found, orphans = _mentions(events, articles, entity_of)
    for c in _cluster(found, orphans, similar, threshold):
        out[_row(c).id] = dict(c.why)
    return out


def _row(c: _Cluster) -> TimelineEntry:
    members = sorted(c.members, key=lambda m: (-m.score, m.event.article_id, m.event.start))
    best = members[0]
    date, how = c.strong, "text" if c.strong else None
    if date and "X" in date:
        for w in c.weak:
            if dates.compatible(date, w):
                date, how = dates.unite(date, w)[: len(date)], "text+published"
                break
    if date is None and c.weak:
        date, how = best.weak or c.weak[0], "published"
    places: list[str] = []
    for m in members:
        if m.place and m.place not in places:
            places.append(m.place)
    statuses = [m.event.status for m in members]
    # the most frequent status; ties go to the one saying most firmly it took place (a
    # plain max over a set would depend on the process's string hashing)
    status = (
        "asserted"
        if "asserted" in statuses
        else max(sorted(set(statuses)), key=lambda x: (statuses.count(x), _STATUS_WEIGHT.get(x, 0)))
    )
    article_ids: list[str] = []
    sources: list[str] = []
    for m in members:
        if m.article.id not in article_ids:
            article_ids.append(m.article.id)
            label = article_label(m.article)
            if label not in sources:
                sources.append(label)
    ev = best.event
    return TimelineEntry(
        id="tl_" + digest(*sorted(m.event.id for m in members), length=12),
        date=date,
        date_precision=dates.precision_of(date) if date and dates.is_calendar(date) else None,
        code=ev.code,
        code_name=ev.code_name,
        source_actor=best.source,
        target_actor=best.target,
        place=best.place or (places[0] if places else None),
        status=status,
        event_ids=[m.event.id for m in members],
        article_ids=article_ids,
        sources=sources,
        places=places,
        text=ev.text,
        article_id=ev.article_id,
        start=ev.start,
        end=ev.end,
        date_how=how,
    )
