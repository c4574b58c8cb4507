"""Publication windows for undated articles, from the events they share with dated ones.

An undated article that reports, as having happened, an event the timeline dates from
other sources was published on or after that date; one that reports it as expected was
published on or before it. The window is intersected with what the article's own text
says (``annotate.time.pubdate``). It is stored as a window with its evidence and
``published_how = "inferred"``, never as a stated date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dossier.records import Article, Event, PublicationWindow, TimelineEntry
from dossier.resolve import dates

_PAST = {"asserted", "reported", "negated"}


def from_reports(reports: Iterable[tuple[Event, str, str]]) -> PublicationWindow | None:
    """The window implied by an undated article's events that are part of rows other
    articles date to a day: ``(event, day, what the row is called)`` each."""
    earliest: str | None = None
    latest: str | None = None
    evidence: list[str] = []
    for ev, day, row in reports:
        label = f"event text[{ev.start}:{ev.end}]={ev.text[:60]!r} is {row} dated {day}"
        if ev.status in _PAST:
            if earliest is None or day > earliest:
                earliest = day
            evidence.append(f"{label} by other sources, reported as past: on or after {day}")
        elif ev.status == "expected":
            if latest is None or day < latest:
                latest = day
            evidence.append(f"{label} by other sources, reported as expected: on or before {day}")
    if earliest is None and latest is None:
        return None
    if earliest and latest and earliest > latest:
        return None  # the sources disagree; say nothing rather than something wrong
    return PublicationWindow(earliest, latest, evidence)


def from_events(
    article: Article, events: Sequence[Event], rows: Sequence[TimelineEntry]
) -> PublicationWindow | None:
    """The window implied by timeline rows (dated to a day) that this article reports."""
    mine = {e.id: e for e in events if e.article_id == article.id}
    reports: list[tuple[Event, str, str]] = []
    for row in rows:
        day = row.date if row.date_precision == "day" else None
        if day is None or dates.to_date(day) is None:
            continue
        if not any(a != article.id for a in row.article_ids):
            continue  # only evidence from other articles
        reports.extend((mine[eid], day, row.id) for eid in row.event_ids if eid in mine)
    return from_reports(reports)


def combine(*windows: PublicationWindow | None) -> PublicationWindow | None:
    """The intersection of windows; None if there are none or they contradict each other."""
    present = [w for w in windows if w is not None]
    if not present:
        return None
    lows = [w.earliest for w in present if w.earliest]
    highs = [w.latest for w in present if w.latest]
    earliest = max(lows) if lows else None
    latest = min(highs) if highs else None
    if earliest and latest and earliest > latest:
        return None
    return PublicationWindow(earliest, latest, [e for w in present for e in w.evidence])
