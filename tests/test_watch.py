"""Watching: each round ingests only new or changed files; the CLI stops on Ctrl-C
between articles, with everything read stored."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dossier
from dossier.errors import InputError
from dossier.watch import Watcher, parse_every

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DOSSIER = Path(sys.executable).with_name("dossier")


def _settled(path: Path) -> None:
    """Make a file look written a while ago (a watch skips files still being written)."""
    old = time.time() - 60
    os.utime(path, (old, old))


@pytest.mark.parametrize(
    ("value", "seconds"), [("90", 90), ("30s", 30), ("10m", 600), ("1h", 3600)]
)
def test_an_interval_is_read_in_its_unit(value: str, seconds: float) -> None:
    assert parse_every(value) == seconds


def test_a_bad_interval_says_what_to_give() -> None:
    with pytest.raises(InputError, match="such as 30s or 10m"):
        parse_every("soon")


def test_each_round_reads_only_new_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    texts = sorted(EXAMPLES.glob("*.txt"))
    shutil.copy(texts[0], folder / "a.txt")
    _settled(folder / "a.txt")
    with dossier.open(tmp_path / "s.sqlite") as db:
        watcher = Watcher(db, [str(folder)], every=0.01)
        first = watcher.round(1)
        shutil.copy(texts[1], folder / "b.txt")
        _settled(folder / "b.txt")
        second = watcher.round(2)
        third = watcher.round(3)
    assert (first.files, len(first.report.added)) == (1, 1)
    assert (second.files, len(second.report.added)) == (1, 1)
    assert (third.files, len(third.report.added)) == (0, 0)


def test_an_empty_folder_is_not_a_failure_while_watched(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    with dossier.open(tmp_path / "s.sqlite") as db:
        done = Watcher(db, [str(tmp_path / "in")], every=0.01).run(rounds=2)
    assert [r.report.failures for r in done] == [[], []]


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def test_ctrl_c_stops_the_watch_and_keeps_what_it_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "s.sqlite"
    proc = subprocess.Popen(
        [str(DOSSIER), "--db", str(db), "watch", str(folder), "--every", "1s"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for i, src in enumerate(sorted(EXAMPLES.glob("*.txt"))[:2]):
            shutil.copy(src, folder / f"{i}.txt")
            _settled(folder / f"{i}.txt")
        deadline = time.monotonic() + 120
        while _stored(db) < 2 and time.monotonic() < deadline:
            time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped" in err and "Traceback" not in err
    assert _stored(db) == 2
