"""``dossier export`` and ``dossier datasette-metadata``, registered on the app of
:mod:`dossier.cli.main` (thin adapters over ``Dossier.export`` and the shipped metadata)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Annotated

import typer

from dossier.cli import render
from dossier.cli.main import (
    CmdDbOpt,
    EntityOpt,
    LimitOpt,
    SinceOpt,
    SourceOpt,
    UntilOpt,
    _open,
    app,
    err,
    handles_errors,
)


@app.command("export")
@handles_errors
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="csv, parquet, gdelt, plover, acled, graphml, gexf or timelinejs.",
        ),
    ],
    out_file: Annotated[Path, typer.Option("--out", help="The file to write (- for stdout).")],
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            help="csv/parquet: timeline (default), events, quotes, entities, articles or "
            "contradictions.",
        ),
    ] = None,
    entity: EntityOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source: SourceOpt = None,
    limit: LimitOpt = None,
    db: CmdDbOpt = None,
) -> None:
    """Write the record for other tools: CSV or Parquet of any listing, GDELT 2.0 events,
    PLOVER JSON lines, ACLED CSV, the actor network (GraphML, GEXF), TimelineJS."""
    to_stdout = str(out_file) == "-"
    target: Path | IO[bytes] = sys.stdout.buffer if to_stdout else out_file
    with _open(ctx, db) as store:
        report = store.export(
            fmt, target, table, entity=entity, since=since, until=until, source=source,
            limit=limit,
        )  # fmt: skip
    if to_stdout:
        sys.stdout.flush()
    what = f"{report.format} ({report.table})" if report.table else report.format
    where = "stdout" if to_stdout else render.escape(str(out_file))
    err.print(f"wrote {report.rows} record(s) as {what} to {where}")


@app.command("datasette-metadata")
@handles_errors
def datasette_metadata(
    ctx: typer.Context,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write it to this file (default: stdout).")
    ] = None,
    db: CmdDbOpt = None,
) -> None:
    """Datasette metadata (descriptions of the tables and views) for the store:
    `datasette STORE -m FILE`."""
    with _open(ctx, db) as store:
        text = json.dumps(store.datasette_metadata(), indent=2, ensure_ascii=False) + "\n"
    if out_file is None:
        sys.stdout.write(text)
    else:
        out_file.write_text(text, encoding="utf-8")
        err.print(f"wrote the Datasette metadata to {render.escape(str(out_file))}")
