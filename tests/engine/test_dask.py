"""The Dask engine: the seeds through a LocalCluster, and through a real ``dask
scheduler`` with two ``dask worker`` processes, give exactly the local timeline."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import dossier
from dossier.errors import EngineError

DASK = Path(sys.executable).with_name("dask")


def _timeline(db_path: Path) -> list[dict[str, object]]:
    with dossier.open(db_path, create=False) as db:
        return [row.as_json() for row in db.timeline()]


def _ingest(db_path: Path, seeds: Path, engine: str | None) -> list[dict[str, object]]:
    with dossier.open(db_path) as db:
        report = db.ingest([seeds], dask=engine)
        assert report.ok and len(report.added) == 5
    return _timeline(db_path)


@pytest.fixture(scope="module")
def local_timeline(
    seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> list[dict[str, object]]:
    return _ingest(tmp_path_factory.mktemp("local") / "s.sqlite", seeds_dir, None)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two workers, real processes, on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    common = ["--no-dashboard"]
    procs = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--scheduler-file",
                str(info),
                *common,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        str(DASK),
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--no-dashboard",
                        "--local-directory",
                        str(folder),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_a_local_cluster_gives_the_local_timeline(
    seeds_dir: Path, tmp_path: Path, local_timeline: list[dict[str, object]]
) -> None:
    assert _ingest(tmp_path / "s.sqlite", seeds_dir, "local:2") == local_timeline


def test_a_scheduler_and_two_workers_give_the_local_timeline(
    seeds_dir: Path, tmp_path: Path, local_timeline: list[dict[str, object]], cluster: str
) -> None:
    assert _ingest(tmp_path / "s.sqlite", seeds_dir, cluster) == local_timeline


def test_an_address_that_is_not_dask_fails_in_one_line(tmp_path: Path) -> None:
    with dossier.open(tmp_path / "s.sqlite") as db, pytest.raises(EngineError, match="local:N"):
        db.ingest([tmp_path], dask="redis://127.0.0.1:1")


def test_an_unreachable_scheduler_fails_saying_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOSSIER_DASK_TIMEOUT", "2s")
    with (
        dossier.open(tmp_path / "s.sqlite") as db,
        pytest.raises(EngineError, match="dask scheduler"),
    ):
        db.ingest([tmp_path], dask="tcp://127.0.0.1:9")
