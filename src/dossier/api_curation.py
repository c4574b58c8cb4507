"""The curation part of the Python API: verdicts on rows, deleted articles, merged and
split entities and moved events, each audited and undoable (``dossier.curation``).
:class:`dossier.api.Dossier` has these methods; they live here to keep the API module
readable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from dossier.records import TimelineEntry

if TYPE_CHECKING:
    from dossier.api import Dossier
    from dossier.curation import Change


class Curating:
    """Curation methods of :class:`dossier.api.Dossier`."""

    def _db(self) -> Dossier:
        return cast("Dossier", self)

    def mark(self, timeline_id: str, verdict: str, by: str = "api") -> Change:
        """Mark a timeline row ``wrong`` or ``confirmed`` (recorded in the audit as
        made ``by`` a token's name); the verdict stays with the row's mentions."""
        from dossier.curation import mark

        return mark(self._db(), timeline_id, verdict, by)

    def delete_article(self, article_id: str, by: str = "api") -> Change:
        """Delete an article and everything derived from it (the resolution is rebuilt
        without it); recorded in the audit, undoable, and kept deleted by later ingests."""
        from dossier.curation import delete_article

        return delete_article(self._db(), article_id, by)

    def undo(self, change_id: int, by: str = "api") -> Change:
        """Undo one curation change (it stays in the audit, marked undone)."""
        from dossier.curation import undo

        return undo(self._db(), change_id, by)

    def merge_entities(self, source_id: str, into_id: str, by: str = "api") -> Change:
        """Merge entity ``source_id`` into ``into_id`` (its mentions, now and in later
        ingests, resolve to ``into_id``, which takes its names as aliases); audited and
        undoable."""
        from dossier.curation_edits import merge_entities

        return merge_entities(self._db(), source_id, into_id, by)

    def split_entity(
        self,
        entity_id: str,
        mention_ids: Sequence[str] = (),
        alias: str | None = None,
        name: str | None = None,
        by: str = "api",
    ) -> Change:
        """Split mentions off an entity into a new one: ``mention_ids``, or every mention
        written as ``alias``; the new entity is called ``name`` (default: how they are
        most often written). Audited and undoable."""
        from dossier.curation_edits import split_entity

        return split_entity(self._db(), entity_id, mention_ids, alias, name, by)

    def move_event(self, event_id: str, timeline_id: str, by: str = "api") -> Change:
        """Move an event mention into another timeline row (id or unique prefix), where it
        stays through later ingests and ``resolve --all``. Audited and undoable."""
        from dossier.curation_edits import move_event

        return move_event(self._db(), event_id, timeline_id, by)

    def curation_log(self) -> list[Change]:
        """Every curation change, oldest first, undone ones too."""
        from dossier.curation import log

        return log(self._db())

    def verdicts(self, rows: Sequence[TimelineEntry]) -> dict[str, str]:
        """Per row id, the standing verdict (``wrong``/``confirmed``) on it, if any."""
        from dossier.curation import verdicts

        return verdicts(self._db(), rows)
