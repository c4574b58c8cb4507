"""Faults: an ingest killed (SIGKILL) at random points and finished later gives the
record of a clean run; a full disk is one clear error and loses nothing committed.
Each ingest runs in a forked child that shares this process's loaded model."""

from __future__ import annotations

import json
import random
import resource
import signal
import sqlite3
from pathlib import Path

import pytest
from make_corpus import article
from typer.testing import CliRunner

import dossier
from dossier.cli.main import app
from dossier.pipeline import Pipeline
from forked import run_forked

runner = CliRunner()
KILLS = 20
ARTICLES = 60  # in batches of 2: 30 transactions of about 0.07 s each


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "in"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"a{i:02d}.txt").write_text(article(500 + i), encoding="utf-8")
    (folder / "copy.txt").write_text(article(500), encoding="utf-8")  # a duplicate
    warm = folder.parent / "warm.txt"
    warm.write_text(article(499), encoding="utf-8")
    result = runner.invoke(app, ["--db", str(folder.parent / "warm.sqlite"), "ingest", str(warm)])
    assert result.exit_code == 0, result.output
    return folder


def _ingest_in_small_batches(db: Path, folder: Path) -> None:
    with dossier.open(db, create=True) as store:
        Pipeline(store.store, batch_size=2).run([str(folder)])


def _record(db: Path) -> dict[str, list[object]]:
    """The whole record as the CLI lists it. A story's articles are compared as a set:
    the cosine each joined on, and their order, depend on which articles had arrived
    when it joined (batch boundaries move when an ingest is cut short), by design."""
    out: dict[str, list[object]] = {}
    for command in ("articles", "events", "quotes", "entities", "timeline", "stories"):
        result = runner.invoke(app, ["--db", str(db), command, "--json"])
        assert result.exit_code == 0, result.output
        out[command] = [json.loads(line) for line in result.stdout.splitlines()]
    for story in out["stories"]:
        assert isinstance(story, dict)
        story["articles"] = sorted(a["id"] for a in story["articles"])
    return out


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(scope="module")
def killed_store(corpus: Path) -> tuple[Path, list[bool]]:
    """A store that 20 ingests were killed into, at random points; then one ingest that
    finishes (the same batches as the clean run). Returns the store and which runs were
    killed."""
    db = corpus.parent / "killed.sqlite"
    rng = random.Random(14)
    killed = []
    for _ in range(KILLS):
        outcome = run_forked(
            lambda: _ingest_in_small_batches(db, corpus), kill_after=rng.uniform(0.02, 0.2)
        )
        killed.append(outcome.killed)
    last = run_forked(lambda: _ingest_in_small_batches(db, corpus))
    assert last.error is None and not last.killed
    return db, killed


def test_most_of_the_random_kills_hit_a_running_ingest(
    killed_store: tuple[Path, list[bool]],
) -> None:
    _, killed = killed_store
    assert sum(killed) >= KILLS // 2


def test_a_store_killed_twenty_times_ends_as_a_clean_runs(
    corpus: Path, killed_store: tuple[Path, list[bool]]
) -> None:
    clean = corpus.parent / "clean.sqlite"
    outcome = run_forked(lambda: _ingest_in_small_batches(clean, corpus))
    assert outcome.error is None and not outcome.killed
    assert _record(killed_store[0]) == _record(clean)


def test_a_killed_store_passes_the_integrity_check(
    killed_store: tuple[Path, list[bool]],
) -> None:
    assert _integrity(killed_store[0]) == "ok"


def test_the_run_after_a_kill_says_what_it_resumed(corpus: Path) -> None:
    db = corpus.parent / "resumed.sqlite"
    for delay in (0.2, 0.3, 0.5, 0.8):  # a kill after some batches were committed
        outcome = run_forked(lambda: _ingest_in_small_batches(db, corpus), kill_after=delay)
        with dossier.open(db) as store:
            stored = len(store.articles())
        if outcome.killed and stored:
            break
    else:
        pytest.skip("no kill landed between two committed batches on this machine")
    result = runner.invoke(app, ["--db", str(db), "ingest", str(corpus)])
    assert "resumed the ingest interrupted at" in result.stderr
    assert f"kept the {stored} article(s) it had stored" in result.stderr


def _ingest_on_a_full_disk(db: Path, folder: Path) -> tuple[int, str]:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
    room = db.stat().st_size + 16_384
    resource.setrlimit(resource.RLIMIT_FSIZE, (room, resource.RLIM_INFINITY))
    result = runner.invoke(app, ["--db", str(db), "ingest", str(folder)])
    return result.exit_code, result.stderr


@pytest.fixture(scope="module")
def full_disk(corpus: Path) -> tuple[Path, list[object], tuple[int, str]]:
    db = corpus.parent / "full.sqlite"
    first = corpus.parent / "first"
    first.mkdir()
    (first / "one.txt").write_text(article(600), encoding="utf-8")
    assert runner.invoke(app, ["--db", str(db), "ingest", str(first)]).exit_code == 0
    before = _record(db)["articles"]
    more = corpus.parent / "more"
    more.mkdir()
    for i in range(6):
        (more / f"big{i}.txt").write_text(article(700 + i, paragraphs=40), encoding="utf-8")
    outcome = run_forked(lambda: _ingest_on_a_full_disk(db, more))
    assert outcome.error is None and not outcome.killed
    return db, before, outcome.value


def test_a_full_disk_is_one_clear_error_line(
    full_disk: tuple[Path, list[object], tuple[int, str]],
) -> None:
    code, stderr = full_disk[2]
    assert code == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "free some disk space" in lines[0], stderr


def test_a_full_disk_loses_nothing_committed_before(
    full_disk: tuple[Path, list[object], tuple[int, str]],
) -> None:
    db, before, _ = full_disk
    assert _record(db)["articles"][: len(before)] == before and _integrity(db) == "ok"
