"""``dossier watch``: folders and feeds read again every so often until Ctrl-C (a thin
adapter over :class:`dossier.watch.Watcher`)."""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from dossier.cli import render
from dossier.cli.main import AllowPrivateOpt, CmdDbOpt, JsonOpt, _open, app, err, handles_errors

if TYPE_CHECKING:
    from dossier.watch import Round


class _StopFlag:
    """Set by the first Ctrl-C (or SIGTERM): the ingest stops after the article it is
    reading. A second Ctrl-C interrupts at once (committed batches are kept)."""

    def __init__(self) -> None:
        self.set = False

    def __call__(self) -> bool:
        return self.set

    def handle(self, signum: int, frame: FrameType | None) -> None:
        self.set = True
        err.print("stopping after the current article (Ctrl-C again to stop at once)")
        signal.signal(signal.SIGINT, signal.default_int_handler)


@app.command()
@handles_errors
def watch(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(help="Folders, files, feeds or URLs to watch.")],
    every: Annotated[
        str, typer.Option("--every", help="How often to look again: 30s, 10m, 1h.")
    ] = "10m",
    rounds: Annotated[
        int | None, typer.Option("--rounds", min=1, help="Stop after N rounds (default: never).")
    ] = None,
    allow_private: AllowPrivateOpt = False,
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Ingest new files in folders and new feed items, every so often, until Ctrl-C."""
    from dossier.watch import Watcher, parse_every  # the pipeline loads only when it runs

    seconds = parse_every(every)
    flag = _StopFlag()
    signal.signal(signal.SIGINT, flag.handle)
    signal.signal(signal.SIGTERM, flag.handle)

    def show(one: Round) -> None:
        report = one.report
        for failure in report.failures:
            err.print(f"[red]error:[/red] {render.escape(failure.describe())}")
        render.print_report_notes(err, report)
        if as_json:
            line = {
                "round": one.number,
                "at": one.at,
                "files": one.files,
                "added": report.added,
                "duplicates": len(report.duplicates),
                "unchanged": len(report.unchanged),
                "failures": [vars(f) for f in report.failures],
                "stopped": report.stopped,
            }
            sys.stdout.write(render.json_line(line) + "\n")
            sys.stdout.flush()
        elif one.files or report.added or report.duplicates or report.failures:
            err.print(
                f"round {one.number} at {one.at}: stored {len(report.added)} new article(s); "
                f"{len(report.duplicates)} duplicate(s) linked; {len(report.failures)} failed"
            )

    with _open(ctx, db, create=True) as store:
        watcher = Watcher(store, inputs, seconds, allow_private=allow_private, stop=flag)
        done = watcher.run(rounds=rounds, on_round=show)
    err.print(f"watched {len(done)} round(s); stopped")
