"""Seconds spent per pipeline stage, for progress reports and ``bench throughput``."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

# The stages ``bench throughput`` reports, in pipeline order.
STAGES = ("read", "parse", "entities", "time", "places", "quotes", "events", "store", "resolve")


class Stages:
    """Accumulated wall-clock seconds per stage (a plain dict underneath)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def merge(self, other: Mapping[str, float]) -> None:
        for name, seconds in other.items():
            self.add(name, seconds)

    @contextmanager
    def time(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    def rounded(self, digits: int = 3) -> dict[str, float]:
        """Every reported stage (zero when it did not run), then any others."""
        names = [*STAGES, *(n for n in sorted(self.seconds) if n not in STAGES)]
        return {n: round(self.seconds.get(n, 0.0), digits) for n in names}
