"""A store built once from the shared seed articles and the Zyte bench pages, and a helper
that writes one export of it to a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dossier
from dossier.api import Dossier

ZYTE = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "ingest" / "zyte" / "html"


@pytest.fixture(scope="session")
def seeds_store(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and (when present) the Zyte pages, ingested into one store."""
    path = tmp_path_factory.mktemp("export") / "dossier.sqlite"
    inputs: list[str | Path] = [seeds_dir]
    if ZYTE.is_dir():
        inputs += sorted(ZYTE.iterdir())
    with dossier.open(path) as db:
        db.ingest(inputs, workers=1)
    return path


@pytest.fixture(scope="session")
def db(seeds_store: Path) -> Iterator[Dossier]:
    with dossier.open(seeds_store, create=False) as d:
        yield d


@pytest.fixture(scope="session")
def exported(db: Dossier, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """``exported(fmt, table=None, **filters)``: the path of that export (written once)."""
    folder = tmp_path_factory.mktemp("exports")
    done: dict[tuple[Any, ...], Path] = {}

    def write(fmt: str, table: str | None = None, **filters: Any) -> Path:
        key = (fmt, table, *sorted(filters.items()))
        if key not in done:
            path = folder / f"{len(done)}.{fmt}"
            db.export(fmt, path, table, **filters)
            done[key] = path
        return done[key]

    return write
