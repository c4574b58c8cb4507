"""A timeline row from a cluster of mentions: its date, place, status and sources.

The best-supported mention (asserted, dated by its own text, with a place and both
actors) gives the row its actors and place; every other place any source gives is kept
in ``places`` so disagreements stay visible.
"""

from __future__ import annotations

from dossier.ids import digest
from dossier.records import TimelineEntry
from dossier.resolve import dates
from dossier.resolve.timeline.mentions import STATUS_WEIGHT, article_label
from dossier.resolve.timeline.rules import Cluster


def row_id(event_ids: list[str]) -> str:
    return "tl_" + digest(*sorted(event_ids), length=12)


def make_row(c: Cluster) -> TimelineEntry:
    everyone = [*c.members, *c.attached]
    members = sorted(everyone, key=lambda m: (-m.score, m.event.article_id, m.event.start))
    best = members[0]
    date, how = c.strong, "text" if c.strong else None
    if date and "X" in date:
        for w in c.weak:
            if dates.compatible(date, w):
                date, how = dates.unite(date, w)[: len(date)], "text+published"
                break
    if date is None and c.weak:
        date, how = best.weak or c.weak[0], "published"
        # a source that joined afterwards may state the day the reports give
        said = [m.strong for m in c.attached if m.strong and dates.compatible(m.strong, date)]
        if any(dates.precision_of(s) == "day" for s in said):
            how = "text+published"
    refs: list[str] = []
    for m in members:
        if m.place and m.place not in refs:
            refs.append(m.place)
    statuses = [m.event.status for m in members]
    # the most frequent status; ties go to the one saying most firmly it took place (a
    # plain max over a set would depend on the process's string hashing)
    status = (
        "asserted"
        if "asserted" in statuses
        else max(sorted(set(statuses)), key=lambda x: (statuses.count(x), STATUS_WEIGHT.get(x, 0)))
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
    place = best.place or (refs[0] if refs else None)
    sites = {m.site for m in members if m.site}
    return TimelineEntry(
        id=row_id([m.event.id for m in members]),
        date=date,
        date_precision=dates.precision_of(date) if date and dates.is_calendar(date) else None,
        code=ev.code,
        code_name=ev.code_name,
        source_actor=c.name(best.source) if best.source else None,
        target_actor=c.name(best.target) if best.target else None,
        place=c.name(place) if place else None,
        status=status,
        event_ids=[m.event.id for m in members],
        article_ids=article_ids,
        sources=sources,
        places=[c.name(r) for r in refs],
        text=ev.text,
        article_id=ev.article_id,
        start=ev.start,
        end=ev.end,
        date_how=how,
        source_entity_id=best.source,
        target_entity_id=best.target,
        place_entity_id=place if place in sites else None,
        place_refs=refs,
    )
