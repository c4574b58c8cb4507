"""Watching inputs: folders that grow, feeds that gain items, read again every so often
and ingested incrementally, until stopped.

Each round expands the inputs again and ingests only files new or changed since the
round that read them (by size and modification time) and every URL (a feed adds only its
new items: the store remembers the items read). A stop request (Ctrl-C in the CLI) is
honoured between articles: what was read before it is stored, nothing is half-done.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.errors import InputError
from dossier.ingest.sources import STDIN, expand
from dossier.pipeline import IngestReport
from dossier.records import IngestFailure
from dossier.store.sql_record import now

if TYPE_CHECKING:
    from dossier.api import Dossier

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
POLL = 0.2  # seconds between looks at the stop flag while waiting
SETTLE = 1.0  # a file modified this recently may still be being written: next round
QUIET = "folder has no (non-hidden) files to read"  # a watched folder may start empty


def parse_every(value: str) -> float:
    """Seconds of an interval: "90", "30s", "10m", "1h", "1d"."""
    m = _EVERY.match(value)
    if not m or float(m.group(1)) <= 0:
        raise InputError(
            f"--every {value!r} is not an interval: give seconds or a number with s, m, h "
            "or d, such as 30s or 10m"
        )
    return float(m.group(1)) * _UNIT[m.group(2).lower()]


@dataclass
class Round:
    """One pass over the inputs."""

    number: int
    at: str  # when it started (UTC ISO)
    report: IngestReport
    files: int  # files read this round (new or changed)


@dataclass
class Watcher:
    """Reads ``inputs`` into ``db`` every ``every`` seconds until ``stop()`` is true (or
    ``rounds`` rounds are done)."""

    db: Dossier
    inputs: Sequence[str]
    every: float = 600.0
    allow_private: bool = False
    workers: int = 1
    stop: Callable[[], bool] = lambda: False
    _seen: dict[str, tuple[int, int]] = field(default_factory=dict)

    def run(
        self, rounds: int | None = None, on_round: Callable[[Round], None] | None = None
    ) -> list[Round]:
        if STDIN in self.inputs:
            raise InputError("watch reads files, folders and URLs, not standard input")
        done: list[Round] = []
        while not self.stop():
            one = self.round(len(done) + 1)
            done.append(one)
            if on_round is not None:
                on_round(one)
            if one.report.stopped or (rounds is not None and len(done) >= rounds):
                break
            self._wait()
        return done

    def round(self, number: int) -> Round:
        """Ingest what is new since the last round."""
        at = now()
        todo: list[str] = []
        failures: list[IngestFailure] = []
        files = 0
        for item in expand(tuple(self.inputs)):
            if isinstance(item, IngestFailure):
                if item.reason != QUIET and number == 1:
                    failures.append(item)
            elif isinstance(item, str):
                todo.append(item)  # a URL: read every round (feeds skip items seen)
            else:
                stamp = _stamp(item)
                if stamp is not None and self._seen.get(str(item)) == stamp:
                    continue
                if stamp is not None and time.time() - stamp[1] / 1e9 < SETTLE:
                    continue
                todo.append(str(item))
                files += 1
                if stamp is not None:
                    self._seen[str(item)] = stamp
        report = IngestReport()
        if todo:
            report = self.db.ingest(
                todo, workers=self.workers, allow_private=self.allow_private, stop=self.stop
            )
        report.failures[:0] = failures
        return Round(number, at, report, files)

    def _wait(self) -> None:
        deadline = time.monotonic() + self.every
        while not self.stop():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(POLL, left))


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns
