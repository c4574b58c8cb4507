"""``dossier migrate --from A --to B``: copy a whole store into a new one (SQLite into
PostgreSQL, or back), registered on the app of :mod:`dossier.cli.main` (a thin adapter
over ``store.copy.copy_store_at``)."""

from __future__ import annotations

from typing import Annotated

import typer

from dossier.cli import render
from dossier.cli.main import app, err, handles_errors, out
from dossier.store import shown


@app.command("migrate")
@handles_errors
def migrate(
    source: Annotated[
        str, typer.Option("--from", help="The store to copy: a file or a postgresql:// URL.")
    ],
    target: Annotated[
        str,
        typer.Option("--to", help="A new, empty store: a file or a postgresql:// URL."),
    ],
) -> None:
    """Copy every record of one store into a new, empty one (for example an SQLite file
    into PostgreSQL: --to postgresql://user@host:5432/dbname)."""
    from dossier.store.copy import copy_store_at

    def progress(table: str, n: int) -> None:
        err.print(f"[dim]{render.escape(table)}: {n} rows[/dim]")

    copied = copy_store_at(source, target, progress)
    rows = f"{sum(copied.values())} rows in {len(copied)} tables"
    out.print(
        f"copied {copied.get('articles', 0)} articles ({rows}) from "
        f"{render.escape(shown(source))} to {render.escape(shown(target))}"
    )
