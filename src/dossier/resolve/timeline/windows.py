"""Publication windows of undated articles, inferred again when the rows they meet change.

An undated article's window is what its own text says, intersected with the rows dated
to a day by other articles that its events are part of: its dated events' rows, and the
one row each undated event would join read without any window. Reported as past, an
event dates the article on or after the row's day; as expected, on or before. News
being recent, the window kept is the likely one (:func:`~dossier.resolve.publication.likely`:
within a month of the nearest such event) where the text allows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from dossier.records import Event, PublicationWindow
from dossier.resolve import dates
from dossier.resolve.publication import combine, from_reports, likely
from dossier.resolve.timeline.attach import choose
from dossier.resolve.timeline.core import EngineCore
from dossier.resolve.timeline.mentions import TMention, to_mention
from dossier.resolve.timeline.rows import make_row
from dossier.resolve.timeline.rules import Cluster
from dossier.resolve.timeline.state import StoredRow


class WindowsMixin(EngineCore):
    def _windows(
        self, article_ids: set[str], l1: Sequence[Cluster], candidates: Any
    ) -> dict[str, PublicationWindow | None]:
        """New windows of undated articles (only those that changed)."""
        if not article_ids:
            return {}
        texts = self.source.text_windows(sorted(article_ids))
        missing = sorted(article_ids - self.articles.keys())
        if missing:
            self.articles.update((a.id, a) for a in self.source.articles(missing))
        self.load([e.id for e in self.source.events(sorted(article_ids))])
        out: dict[str, PublicationWindow | None] = {}
        for aid in sorted(article_ids):
            art = self.articles[aid]
            reports = self._evidence(aid, l1, candidates)
            text = texts.get(aid)
            # the likely window where the text allows it, else the hard one
            window = combine(text, likely(reports)) or combine(text, from_reports(reports))
            old = (
                PublicationWindow(art.published_earliest, art.published_latest)
                if art.published_how == "inferred"
                else None
            )
            if (
                (window is None) != (old is None)
                or (
                    window is not None
                    and old is not None
                    and (window.earliest, window.latest) != (old.earliest, old.latest)
                )
                or (window is not None and art.published_evidence != "; ".join(window.evidence))
            ):
                out[aid] = window
        return out

    def _evidence(
        self, aid: str, l1: Sequence[Cluster], candidates: Any
    ) -> list[tuple[Event, str, str]]:
        """What an undated article's events say of its date: ``(event, day, row)`` for
        each of its events in a row dated to a day by other articles (as past: on or
        after; as expected: on or before)."""
        mine = [m for e, m in sorted(self._article_mentions(aid).items()) if m is not None]
        reports = []
        for m in mine:
            row = self._row_for(m, l1, candidates)
            if row is None:
                continue
            day, articles, first = row
            if dates.precision_of(day) != "day" or dates.to_date(day) is None:
                continue
            if articles - {aid}:  # only evidence from other articles
                reports.append((m.event, day, f"the event of {first}"))
        return reports

    def _row_for(
        self, m: TMention, l1: Sequence[Cluster], candidates: Any
    ) -> tuple[str, frozenset[str], str] | None:
        """(date, articles of its anchored mentions, id) of the row an undated article's
        mention is in, read without any inferred window."""
        if m.anchored:
            for c in l1:
                if any(x.event.id == m.event.id for x in c.members):
                    row = make_row(c)
                    return (row.date or "", frozenset(x.article.id for x in c.members), c.first_id)
            return None
        bare = replace(m, window=None)
        chosen = choose(bare, *candidates(bare))
        if chosen is None:
            return None
        found = chosen[0]
        if isinstance(found, Cluster):
            row = make_row(found)
            return (row.date or "", frozenset(x.article.id for x in found.members), found.first_id)
        assert isinstance(found, StoredRow)
        return (found.date or "", found.articles, found.first_id)

    def _article_mentions(self, aid: str) -> dict[str, TMention | None]:
        ids = [e for e, ev in self.events.items() if ev.article_id == aid]
        return {e: self.mention(e) for e in ids}

    def _rewindow(self, aid: str, window: PublicationWindow | None) -> None:
        art = self.articles[aid]
        if window is None:
            art = replace(
                art, published_how="unknown", published_earliest=None, published_latest=None
            )
        else:
            art = replace(
                art,
                published_how="inferred",
                published_earliest=window.earliest,
                published_latest=window.latest,
                published_evidence="; ".join(window.evidence),
            )
        self.articles[aid] = art
        for e, m in list(self._mentions.items()):
            if m is not None and m.article.id == aid:
                self._mentions[e] = to_mention(m.event, art, self.entity_of)
