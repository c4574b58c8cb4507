"""A name whose type vote flips in a later ingest moves the earlier articles' mentions to
another entity; the timeline rows built on them are rebuilt to name it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import dossier

TOWN = "Kestrelby"
PLANS = (
    "repair the old mill",
    "close the ferry road",
    "build a new school",
    "raise parking fees",
    "plant a thousand trees",
    "buy two fire engines",
    "open a night market",
    "fix the sea wall",
    "hire ten teachers",
    "rename the main square",
    "pave the harbour lane",
    "light the bridge",
)
PEOPLE = ("Edda Quill", "Bram Oster", "Nina Falk", "Otto Brink", "Ruth Hale", "Saul Penn")


def early(n: int) -> str:
    """The town as the actor (tagged as a person, the first vote)."""
    return f"{TOWN} agreed to {PLANS[n]} on Monday, March {1 + n}, 2023, the council said.\n"


def later(n: int) -> str:
    """The town in a dateline (tagged as an organisation: the vote flips)."""
    plan = PLANS[(n + 2) % len(PLANS)]
    return (
        f"{TOWN.upper()}, March {5 + n}, 2023 — {PEOPLE[n % 6]} promised on Friday to "
        f"{plan}.\n\n{PEOPLE[(n + 1) % 6]} said the plan to {plan} would take a year, "
        f"case {n}.\n"
    )


def test_rows_name_the_entity_their_mentions_moved_to(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for n in range(2):
        (first / f"early{n}.txt").write_text(early(n), encoding="utf-8")
    for n in range(12):
        (second / f"later{n:02d}.txt").write_text(later(n), encoding="utf-8")
    db = tmp_path / "store.sqlite"
    with dossier.open(db) as store:
        store.ingest([str(first)], workers=1)
        store.ingest([str(second)], workers=1)
    with closing(sqlite3.connect(db)) as conn:
        acting = conn.execute(
            "SELECT COUNT(*) FROM timeline WHERE source_actor LIKE ?", (TOWN,)
        ).fetchone()[0]
        stale = conn.execute(
            "SELECT id, source_entity_id FROM timeline WHERE source_entity_id LIKE 'ent%' "
            "AND source_entity_id NOT IN (SELECT id FROM entities)"
        ).fetchall()
    assert acting and not stale
