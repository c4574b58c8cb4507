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
# A report about what may yet happen ('could meet tomorrow') dates its article before it,
# as an expected one does.
_AHEAD = {"expected", "hypothetical"}
# News reports what is recent: an undated article that reports an event as past was most
# likely published within this many days after it, and a preview within this many days
# before the event it expects. The window these give is a likelihood, kept apart from the
# hard window (which only the article's own text and the events' order bound).
RECENT_DAYS = 30
# A report matched to a row by its participants may tell a part of the event a few days
# off the row's date (an arrival before the summit): the likely window allows that much.
PART_DAYS = 3


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
        elif ev.status in _AHEAD:
            if latest is None or day < latest:
                latest = day
            evidence.append(f"{label} by other sources, reported as expected: on or before {day}")
    if earliest is None and latest is None:
        return None
    if earliest and latest and earliest > latest:
        return None  # the sources disagree; say nothing rather than something wrong
    return PublicationWindow(earliest, latest, evidence)


def likely(reports: Iterable[tuple[Event, str, str]]) -> PublicationWindow | None:
    """The narrower window the same reports make likely: the latest past event and the
    earliest expected one that most of them agree with (a report read against the wrong
    row disagrees with the rest and is left out), and, news being recent, within
    ``RECENT_DAYS`` of one side: after the latest event it reports as past, or before the
    event it previews when the previews weigh more (a report of what may happen weighs
    half: 'could meet' tells less than 'will meet')."""
    past: list[tuple[str, str]] = []
    ahead: list[tuple[str, str]] = []
    for ev, day, row in reports:
        label = f"event text[{ev.start}:{ev.end}]={ev.text[:60]!r} is {row} dated {day}"
        if ev.status in _PAST:
            past.append((day, label))
        elif ev.status in _AHEAD:
            ahead.append((day, ev.status + "|" + label))
    if not past and not ahead:
        return None
    points = sorted({d for d, _ in past} | {d for d, _ in ahead})

    def agree(t: str) -> int:
        return sum(d <= t for d, _ in past) + sum(d >= t for d, _ in ahead)

    # the point most reports agree with; among equals the latest (news is recent)
    best = max(points, key=lambda t: (agree(t), t))
    lows = [(d, w) for d, w in past if d <= best]
    highs = [(d, w) for d, w in ahead if d >= best]
    left = len(past) + len(ahead) - len(lows) - len(highs)
    evidence = [f"{w} by other sources, reported as past: on or after {d}" for d, w in lows]
    evidence += [
        f"{w.split('|', 1)[1]} by other sources, reported as {w.split('|', 1)[0]}: on or before {d}"
        for d, w in highs
    ]
    if left:
        evidence.append(f"{left} report(s) that disagree with the rest left out")
    weight = sum(1.0 for _ in lows), sum(_weight(w) for _, w in highs)
    if highs and weight[1] > weight[0]:
        day = min(d for d, _ in highs)
        floor = dates.shift(day, -RECENT_DAYS) or day
        earliest = max([floor, *(d for d, _ in lows)])
        latest = dates.shift(day, PART_DAYS) or day
        evidence.append(
            f"a preview: likely within {RECENT_DAYS} days before {day} ({PART_DAYS} after)"
        )
    else:
        day = max(d for d, _ in lows)
        earliest = dates.shift(day, -PART_DAYS) or day
        latest = dates.shift(day, RECENT_DAYS) or day
        evidence.append(
            f"news is recent: likely within {RECENT_DAYS} days after {day} ({PART_DAYS} before)"
        )
    return PublicationWindow(earliest, latest, evidence)


def _weight(tagged: str) -> float:
    return 0.5 if tagged.startswith("hypothetical|") else 1.0


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
