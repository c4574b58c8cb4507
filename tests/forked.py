"""Run a function in a forked child: it shares the parent's loaded model (no start-up
cost), can be killed at any point, and reports its own time and peak memory."""

from __future__ import annotations

import os
import pickle
import resource
import signal
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Outcome:
    value: Any  # what the function returned (None if it was killed or raised)
    error: str | None  # repr of an exception it raised
    killed: bool  # killed by the timeout or by ``kill_after``
    seconds: float
    rss_start_mb: float  # resident memory of the child as it started (shared pages too)
    peak_mb: float  # its peak resident memory

    @property
    def growth_mb(self) -> float:
        return max(0.0, self.peak_mb - self.rss_start_mb)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_forked(
    func: Callable[[], Any], timeout: float = 120.0, kill_after: float | None = None
) -> Outcome:
    """``func()`` in a child process; SIGKILL after ``kill_after`` seconds (a fault) or
    ``timeout`` (a hang)."""
    fd, result = tempfile.mkstemp(suffix=".pickle")
    os.close(fd)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child
        code = 0
        try:
            rss = _rss_mb()
            t0 = time.monotonic()
            try:
                value, error = func(), None
            except BaseException as exc:
                value, error = None, repr(exc)
            seconds = time.monotonic() - t0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            payload = pickle.dumps((value, error, seconds, rss, peak))
            with open(result, "wb") as fh:
                fh.write(payload)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    limit = kill_after if kill_after is not None else timeout
    killed = False
    while True:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() - started > limit:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            killed = True
            break
        time.sleep(0.005)
    data = Path(result).read_bytes()
    os.unlink(result)
    if killed or not data:
        return Outcome(None, None, killed, time.monotonic() - started, 0.0, 0.0)
    value, error, seconds, rss, peak = pickle.loads(data)
    return Outcome(value, error, False, seconds, rss, peak)
