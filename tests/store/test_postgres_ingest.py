"""Two ingests at once into one PostgreSQL store: nothing is lost, nothing stored twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

import dossier

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(str(p) for p in (ROOT / "examples").iterdir() if p.is_file())


def _ingest_at_once(url: str, *inputs: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Run one ``dossier ingest`` process per list of inputs, all at once."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    cmd = [sys.executable, "-c", "from dossier.cli.main import main; main()", "--db", url]
    procs = [
        subprocess.Popen(
            [*cmd, "ingest", "--workers", "1", *files],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files in inputs
    ]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=600)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


def _articles(url: str) -> list[str]:
    """The ids of the articles stored, each as often as it is stored."""
    with psycopg.connect(url) as conn:
        return sorted(r[0] for r in conn.execute("SELECT id FROM articles"))


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The ids one ingest of every file stores."""
    with dossier.open(tmp_path_factory.mktemp("one") / "s.sqlite") as d:
        d.ingest(FILES)
        return d.store.article_ids()


def test_two_ingests_of_different_articles_at_once_lose_nothing(
    pg_url: str, expected: list[str]
) -> None:
    dossier.open(pg_url).close()  # the schema first: two new stores are not the point here
    half = len(FILES) // 2
    done = _ingest_at_once(pg_url, FILES[:half], FILES[half:])
    assert [p.returncode for p in done] == [0, 0], [p.stderr for p in done]
    assert _articles(pg_url) == expected


def test_two_ingests_into_a_new_database_at_once_both_migrate_it(pg_url: str) -> None:
    done = _ingest_at_once(pg_url, FILES[:1], FILES[1:2])
    assert [p.returncode for p in done] == [0, 0], [p.stderr for p in done]
    assert len(_articles(pg_url)) == 2


def test_two_ingests_of_the_same_articles_at_once_store_each_once(
    pg_url: str, expected: list[str]
) -> None:
    dossier.open(pg_url).close()
    done = _ingest_at_once(pg_url, FILES[:7], FILES[3:])
    assert [p.returncode for p in done] == [0, 0], [p.stderr for p in done]
    assert _articles(pg_url) == expected
