"""Two ingests at once into one SQLite store, of the same articles: nothing is lost and
nothing is stored twice (the second to write finds the first's articles under the write
lock). The PostgreSQL twin of this test is in tests/store."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DOSSIER = Path(sys.executable).with_name("dossier")


def test_two_ingests_of_the_same_articles_at_once_store_each_once(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    runs = [
        subprocess.Popen(
            [str(DOSSIER), "--db", str(db), "ingest", str(EXAMPLES), "--workers", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        failures = conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0]
        annotated = conn.execute("SELECT COUNT(*) FROM articles WHERE annotated = 1").fetchone()[0]
    assert len(ids) == len(set(ids)) == 10 and annotated == 10
    assert failures == 0
    alone = tmp_path / "alone.sqlite"
    subprocess.run([str(DOSSIER), "--db", str(alone), "ingest", str(EXAMPLES)], check=True)
    assert _timeline(db) == _timeline(alone)  # the record one ingest alone makes


def _timeline(db: Path) -> str:
    args = [str(DOSSIER), "--db", str(db), "timeline", "--json"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout
