"""Ingest progress: a bar with rate and ETA on a terminal, a status line every few
seconds elsewhere (a log file, CI)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console

STATUS_EVERY = 5.0  # seconds between status lines off a terminal


class _Lines:
    """Short status lines for a stderr that is not a terminal."""

    def __init__(self, console: Console, total: int | None) -> None:
        self.console = console
        self.total = total
        self.start = time.monotonic()
        self.last = self.start

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self.last < STATUS_EVERY:
            return
        self.last = now
        self.console.print(status_line(phase, done, total or self.total, now - self.start))


def status_line(phase: str, done: int, total: int | None, seconds: float) -> str:
    rate = done / seconds if seconds > 0 else 0.0
    line = f"{phase}: {done}" + (f"/{total}" if total else "") + f" articles, {rate:.1f}/s"
    if total and rate > 0 and done < total:
        line += f", about {int((total - done) / rate)} s left"
    return line


@contextmanager
def progress_for(console: Console, total: int | None) -> Iterator[Any]:
    """A progress callback ``(phase, done, total)`` shown on ``console``."""
    if not console.is_terminal:
        yield _Lines(console, total)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(show_speed=True),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("annotating", total=total)

        def update(phase: str, done: int, _total: int | None) -> None:
            bar.update(task, description=phase, completed=done)

        yield update
