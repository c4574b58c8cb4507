"""Copying a store (``dossier migrate``): SQLite into PostgreSQL and back, row for row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import dossier
from dossier.errors import StoreError
from dossier.store import open_store
from dossier.store.copy import copy_store_at, tables
from store_tables import dump

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite store of the examples, with a curation change (ids count up)."""
    path = tmp_path_factory.mktemp("src") / "store.sqlite"
    with dossier.open(path) as d:
        d.ingest([str(EXAMPLES)])
        row = d.timeline()[0].entry
        d.undo(d.mark(row.id, "wrong").id)
        d.mark(row.id, "confirmed")
    return path


def test_a_copy_into_postgres_is_the_same_row_for_row(source: Path, pg_url: str) -> None:
    copy_store_at(source, pg_url)
    assert dump(pg_url, like=str(source)) == dump(str(source), like=str(source))


def test_a_copy_back_into_sqlite_is_the_same_row_for_row(
    source: Path, pg_url: str, tmp_path: Path
) -> None:
    copy_store_at(source, pg_url)
    back = tmp_path / "back.sqlite"
    copy_store_at(pg_url, back)
    assert dump(str(back), like=str(source)) == dump(str(source), like=str(source))


def test_a_copy_counts_every_row_of_every_table(source: Path, pg_url: str) -> None:
    copied = copy_store_at(source, pg_url)
    assert list(copied) == tables()
    assert copied["articles"] == 10 and copied["curation"] == 2


def test_a_copy_keeps_the_order_articles_joined_their_stories(source: Path, pg_url: str) -> None:
    copy_store_at(source, pg_url)
    lite, post = open_store(source), open_store(pg_url)
    try:
        assert [s.article_ids for s in post.stories()] == [s.article_ids for s in lite.stories()]
    finally:
        lite.close()
        post.close()


def test_a_copy_never_gives_an_id_again(source: Path, pg_url: str) -> None:
    copy_store_at(source, pg_url)
    post = open_store(pg_url)
    try:
        assert post.add_curation("mark", "x", {"verdict": "wrong"}, "me", []) == 3
    finally:
        post.close()


def test_a_target_that_is_not_empty_is_refused_saying_what_to_do(source: Path, pg_url: str) -> None:
    copy_store_at(source, pg_url)
    with pytest.raises(StoreError, match=r"is not empty .*copy into a new, empty database"):
        copy_store_at(source, pg_url)


def test_a_refused_copy_writes_nothing(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "t.sqlite"
    shutil.copy(source, target)
    with pytest.raises(StoreError):
        copy_store_at(source, target)
    assert dump(str(target), like=str(source)) == dump(str(source), like=str(source))


def test_a_store_is_not_copied_onto_itself(source: Path) -> None:
    with pytest.raises(StoreError, match="onto itself"):
        copy_store_at(source, source)


def test_a_missing_source_is_an_error(tmp_path: Path, pg_url: str) -> None:
    with pytest.raises(StoreError, match="no store at"):
        copy_store_at(tmp_path / "none.sqlite", pg_url)
