"""A store built once from the test's own fixture articles, and clients over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import dossier
from dossier.serve import create_app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TOKEN = "test-token"


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store.sqlite"
    with dossier.open(path) as db:
        db.ingest([FIXTURES / "api", FIXTURES / "serve" / "hostile.txt"])
    return path


@pytest.fixture(scope="session")
def client(built_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(built_store), TOKEN)) as c:
        yield c


@pytest.fixture()
def writable(built_store: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client over a copy of the store, for tests that write."""
    path = tmp_path / "copy.sqlite"
    shutil.copy(built_store, path)
    with TestClient(create_app(str(path), TOKEN, max_upload=4096)) as c:
        yield c


@pytest.fixture(scope="session")
def ids(client: TestClient) -> dict[str, str]:
    """Ids of records the tests look at: the Lisbon meeting row, the hostile article, and
    the entity Rui Alves."""
    rows = client.get(
        "/api/timeline",
        params={"entity": "Rui Alves", "since": "2024-03-04", "until": "2024-03-04"},
    ).json()["items"]
    lisbon = next(r for r in rows if r["place"] == "Lisbon")
    arts = client.get("/api/articles", params={"source": "hostile"}).json()["items"]
    alves = client.get("/api/entities", params={"entity": "Rui Alves"}).json()["items"][0]
    return {"row": lisbon["id"], "hostile": arts[0]["id"], "alves": alves["id"]}
