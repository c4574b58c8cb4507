"""The store in Datasette: the views of migration 0010 and the shipped metadata, read
through Datasette's own Python API (no network)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from dossier.api import Dossier
from dossier.export.datasette import metadata

VIEWS = ("timeline_with_sources", "timeline_reports", "quotes_with_speakers", "events_with_actors")


def _get(store: Path, path: str, meta: dict[str, Any] | None = None) -> Any:
    from datasette.app import Datasette

    async def fetch() -> Any:
        ds = Datasette([str(store)], metadata=meta or metadata(store.stem))
        await ds.invoke_startup()
        return await ds.client.get(path)

    return asyncio.run(fetch())


def _rows(store: Path, view: str, query: str = "") -> list[dict[str, Any]]:
    r = _get(store, f"/{store.stem}/{view}.json?_shape=array&_size=max{query}")
    assert r.status_code == 200, r.text
    rows: list[dict[str, Any]] = r.json()
    return rows


def test_the_migration_creates_the_views(seeds_store: Path) -> None:
    with sqlite3.connect(seeds_store) as conn:
        found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='view'")}
    assert set(VIEWS) <= found


@pytest.mark.parametrize("view", VIEWS)
def test_datasette_serves_each_view(seeds_store: Path, view: str) -> None:
    assert _rows(seeds_store, view)


def test_the_timeline_view_has_a_line_per_row(seeds_store: Path) -> None:
    sql = "select count(*) as n from timeline_with_sources"
    r = _get(seeds_store, f"/{seeds_store.stem}.json?sql={sql.replace(' ', '+')}&_shape=array")
    with sqlite3.connect(seeds_store) as conn:
        assert r.json()[0]["n"] == conn.execute("SELECT COUNT(*) FROM timeline").fetchone()[0]


def test_the_timeline_view_lists_its_sources(seeds_store: Path) -> None:
    rows = _rows(seeds_store, "timeline_with_sources", "&n_articles__gte=2")
    assert rows and all(r["sources"] and r["n_articles"] >= 2 for r in rows)


def test_quotes_carry_the_resolved_speaker(db: Dossier, seeds_store: Path) -> None:
    quote = next(q for q in db.quotes(limit=200) if q.speaker is not None)
    rows = _rows(seeds_store, "quotes_with_speakers", f"&id={quote.quote.id}")
    assert [(r["speaker"], r["speaker_id"]) for r in rows] == [
        (quote.speaker.name, quote.speaker.id)  # type: ignore[union-attr]
    ]


def test_events_carry_their_actors_and_row(db: Dossier, seeds_store: Path) -> None:
    event = next(e for e in db.events(limit=200) if e.source_actor is not None)
    row = _rows(seeds_store, "events_with_actors", f"&id={event.event.id}")[0]
    assert row["source_actor"] == event.source_actor.name  # type: ignore[union-attr]
    assert row["code"] == event.event.code and row["timeline_id"]


def test_the_metadata_describes_the_views(seeds_store: Path) -> None:
    page = _get(seeds_store, f"/{seeds_store.stem}/events_with_actors")
    described = metadata()["databases"]["dossier"]["tables"]["events_with_actors"]
    assert described["description"] in page.text


def test_the_metadata_hides_the_resolution_state(seeds_store: Path) -> None:
    tables = _get(seeds_store, f"/{seeds_store.stem}.json").json()["tables"]
    hidden = {t["name"] for t in tables if t["hidden"]}
    assert {"minhash_bands", "name_leaves", "timeline_keys"} <= hidden


def test_the_metadata_names_the_store_it_describes() -> None:
    assert set(metadata("newsroom")["databases"]) == {"newsroom"}


def test_every_described_table_exists(seeds_store: Path) -> None:
    with sqlite3.connect(seeds_store) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert set(metadata()["databases"]["dossier"]["tables"]) <= names


def test_the_api_gives_the_metadata_for_its_store(db: Dossier, seeds_store: Path) -> None:
    assert set(db.datasette_metadata()["databases"]) == {seeds_store.stem}


def test_the_postgresql_twin_creates_the_same_views() -> None:
    import re

    from dossier.resources import data_path

    store = data_path("x").parent.parent / "store"
    found = {
        kind: re.findall(r"CREATE VIEW (\w+)", (store / kind / "0010_views.sql").read_text())
        for kind in ("migrations", "migrations_pg")
    }
    assert found["migrations"] == found["migrations_pg"] == list(VIEWS)
