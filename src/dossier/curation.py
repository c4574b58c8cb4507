"""Curation recorded as data, each change one row of an audit table (when, what, by which
token's name), undone by id:

- a verdict on a timeline row (``wrong`` or ``confirmed``), stored on the event mentions
  the row held when it was given, so it follows them into whatever row a later ingest or
  ``resolve --all`` puts them in;
- deleting an article and everything derived from it (its annotations go, and the
  resolution is rebuilt without it); a later ingest of the same text is taken out again,
  and undo ingests the article's text and metadata, kept in the change, once more;
- merging and splitting entities and moving an event mention to another row
  (:mod:`dossier.curation_edits`), which the resolve stage applies again each time.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.errors import NotFound, QueryError
from dossier.records import TimelineEntry

if TYPE_CHECKING:
    from dossier.api import Dossier
    from dossier.pipeline import IngestReport

VERDICTS = ("wrong", "confirmed")


@dataclass(frozen=True)
class Change:
    """One audit row."""

    id: int
    at: str
    by: str
    action: str
    target: str
    body: dict[str, Any]
    undone_at: str | None = None
    undone_by: str | None = None

    def as_json(self) -> dict[str, Any]:
        return dict(vars(self))


def _change(row: dict[str, Any]) -> Change:
    return Change(**row)


def mark(db: Dossier, timeline_id: str, verdict: str, by: str) -> Change:
    if verdict not in VERDICTS:
        raise QueryError(f"verdict {verdict!r}: use one of {', '.join(VERDICTS)}")
    rows = db.store.row_by_prefix(timeline_id)
    if len(rows) != 1:
        raise NotFound(f"no single timeline row with id {timeline_id!r}: see `dossier timeline`")
    row = rows[0]
    body = {"verdict": verdict, "event_ids": row.event_ids, "code": row.code, "date": row.date}
    with db.store.transaction():
        cid = db.store.add_curation("mark", row.id, body, by, row.event_ids)
    return _change(db.store.curation([cid])[0])


def delete_article(db: Dossier, article_id: str, by: str) -> Change:
    """Delete an article (id or unique prefix) and everything derived from it."""
    from dossier.resolution import rebuild

    a = db.article(article_id).article
    record = {
        "text": a.text,
        "title": a.title,
        "url": a.url,
        "source": a.source,
        "author": a.author,
        "date": a.published if a.published_how == "metadata" else None,
    }
    body = {"article": {k: v for k, v in record.items() if v is not None}, "path": a.path}
    with db.store.transaction():
        cid = db.store.add_curation("delete_article", a.id, body, by, [])
        db.store.delete_articles([a.id])
        rebuild(db.store, stories=True)
    return _change(db.store.curation([cid])[0])


def undo(db: Dossier, change_id: int, by: str) -> Change:
    found = db.store.curation([change_id])
    if not found:
        raise NotFound(f"no curation change {change_id}: see `dossier curate log`")
    if found[0]["undone_at"] is not None:
        raise QueryError(f"change {change_id} is already undone")
    from dossier.curation_edits import EDIT_ACTIONS
    from dossier.resolution import rebuild

    with db.store.transaction():
        db.store.undo_curation(change_id, by)
        if found[0]["action"] in EDIT_ACTIONS:
            rebuild(db.store)  # the resolution again, with the standing changes only
    change = _change(db.store.curation([change_id])[0])
    if change.action == "delete_article":
        _restore(db, change)
    return change


def _restore(db: Dossier, change: Change) -> None:
    """Ingest a deleted article's text and metadata again, as a JSON record."""
    name = Path(str(change.body.get("path", "article"))).name.split(":")[0] or "article"
    with tempfile.TemporaryDirectory(prefix="dossier-restore-") as folder:
        path = Path(folder) / f"{Path(name).stem}.json"
        path.write_text(json.dumps(change.body["article"], ensure_ascii=False), "utf-8")
        db.ingest([path])


def reapply_deletions(db: Dossier, report: IngestReport) -> None:
    """Take out again any article an ingest stored that a standing change deleted."""
    from dossier.resolution import rebuild

    deleted = db.store.deleted_articles()
    back = [a for a in report.added if a in deleted]
    if not back:
        return
    paths = db.store.article_paths(back)
    with db.store.transaction():
        db.store.delete_articles(back)
        rebuild(db.store, stories=True)
    report.added = [a for a in report.added if a not in deleted]
    report.unchanged.extend(paths[a] for a in back if a in paths)


def log(db: Dossier) -> list[Change]:
    return [_change(r) for r in db.store.curation()]


def verdicts(db: Dossier, rows: Sequence[TimelineEntry]) -> dict[str, str]:
    """Per row id, the newest standing verdict on any of its mentions."""
    marks = db.store.marks_of_events([e for r in rows for e in r.event_ids])
    out: dict[str, str] = {}
    for r in rows:
        found = [marks[e] for e in r.event_ids if e in marks]
        if found:
            out[r.id] = max(found)[1]
    return out
