"""The same curation changes, and a rebuild, leave the same record in SQLite and in
PostgreSQL (deletes that cascade, entity edits, moved mentions, undo)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import dossier
from dossier.api import Dossier
from store_tables import dump

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _curate(d: Dossier) -> None:
    """Every kind of change, on targets picked the same way in any store."""
    rows = [v.entry for v in d.timeline(off_topic=True)]
    people = sorted(e.id for e in d.store.entities() if e.type == "PERSON")
    d.mark(rows[0].id, "wrong")
    d.merge_entities(people[1], people[0])
    moved = d.move_event(rows[1].event_ids[0], rows[2].id)
    d.undo(moved.id)
    d.delete_article(sorted(d.store.article_ids())[0])


STEPS: dict[str, Callable[[Dossier], Any]] = {
    "curated": _curate,
    "curated and rebuilt": lambda d: (_curate(d), d.resolve(stories=True)),
}


@pytest.mark.parametrize("step", list(STEPS))
def test_curation_leaves_the_same_record(step: str, pg_url: str, tmp_path: Path) -> None:
    lite = str(tmp_path / "store.sqlite")
    with dossier.open(lite) as a, dossier.open(pg_url) as b:
        for d in (a, b):
            d.ingest([str(EXAMPLES)])
            STEPS[step](d)
        assert [v.as_json() for v in b.timeline()] == [v.as_json() for v in a.timeline()]
    assert dump(pg_url, like=lite) == dump(lite, like=lite)
