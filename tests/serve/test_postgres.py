"""The HTTP API over a PostgreSQL store answers as over the SQLite store it was copied
from: every listing, a row, the map and the graph, and a curation change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dossier.serve import create_app
from dossier.store.copy import copy_store_at

TOKEN = "test-token"
GETS = [
    "/api/health", "/api/timeline?limit=50", "/api/events?limit=50", "/api/quotes?limit=50",
    "/api/entities?limit=50", "/api/articles?limit=50", "/api/stories?limit=50",
    "/api/contradictions?limit=50", "/api/corroboration?limit=50", "/api/places",
    "/api/graph", "/api/timeline?source=a&since=2020-01-01",
]  # fmt: skip


@pytest.fixture(scope="module")
def clients(
    built_store: Path, pg_server: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, TestClient]]:
    lite = tmp_path_factory.mktemp("lite") / "store.sqlite"
    url = pg_server.url()
    copy_store_at(built_store, lite)  # a copy of its own: the tests here write
    copy_store_at(built_store, url)
    with TestClient(create_app(str(lite), TOKEN)) as a, TestClient(create_app(url, TOKEN)) as b:
        yield a, b


@pytest.mark.parametrize("path", GETS)
def test_every_read_answers_the_same(clients: tuple[TestClient, TestClient], path: str) -> None:
    a, b = clients
    left, right = a.get(path), b.get(path)
    assert (right.status_code, right.json()) == (left.status_code, left.json())


def test_a_row_answers_the_same(clients: tuple[TestClient, TestClient]) -> None:
    a, b = clients
    row = a.get("/api/timeline", params={"limit": 1}).json()["items"][0]["id"]
    assert b.get(f"/api/timeline/{row}").json() == a.get(f"/api/timeline/{row}").json()


def test_a_mark_is_audited_the_same(clients: tuple[TestClient, TestClient]) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    a, b = clients
    row = a.get("/api/timeline", params={"limit": 1}).json()["items"][0]["id"]
    changes = [
        c.post(f"/api/timeline/{row}/mark", json={"verdict": "wrong"}, headers=auth).json()
        for c in (a, b)
    ]
    assert {**changes[1], "at": None} == {**changes[0], "at": None}
    assert b.get("/api/timeline").json() == a.get("/api/timeline").json()
