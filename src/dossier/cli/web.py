"""The web commands: ``dossier serve``, ``dossier curate ...`` and ``dossier bench serve``,
registered on the apps of :mod:`dossier.cli.main` and :mod:`dossier.cli.bench` (thin adapters
over the API)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from dossier.cli import render
from dossier.cli.bench import _run_bench, bench_app
from dossier.cli.main import CmdDbOpt, JsonOpt, _open, app, err, handles_errors, out
from dossier.errors import DossierError

curate_app = typer.Typer(
    help="Curation: verdicts on rows, deleting articles, merging and splitting entities, "
    "moving event mentions; recorded in an audit and undoable.",
    no_args_is_help=True,
)
app.add_typer(curate_app, name="curate")


@app.command()
@handles_errors
def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="Address to bind (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8765,
    db: CmdDbOpt = None,
) -> None:
    """Serve the HTTP API (/api, /docs) and the web workspace over the store. Writes need
    the token it prints (or $DOSSIER_TOKEN)."""
    import os

    from dossier.serve import run
    from dossier.serve.security import ENV_TOKEN, new_token

    with _open(ctx, db) as store:  # a missing store is one clear error, before binding
        location = store.location
    token = os.environ.get(ENV_TOKEN) or new_token()
    name = os.environ.get("DOSSIER_TOKEN_NAME") or "serve"
    out.print(f"serving {render.escape(location)} at http://{host}:{port}/")
    if not os.environ.get(ENV_TOKEN):
        out.print(f"write token (send as 'Authorization: Bearer TOKEN'): {token}")
    run(location, token, host=host, port=port, token_name=name)


# ----------------------------------------------------------------------- curate
ByOpt = Annotated[str, typer.Option("--by", help="Who makes the change, as the audit names it.")]


def _print_change(change: Any, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(render.json_line(change.as_json()) + "\n")
        return
    undone = (
        f"  [dim](undone {change.undone_at} by {change.undone_by})[/dim]"
        if change.undone_at
        else ""
    )
    b = change.body
    what = (
        b.get("verdict")
        or b.get("article", {}).get("title")
        or (b.get("from") and b.get("into") and f"{b['from']} -> {b['into']}")
        or (b.get("name") and f"{len(b.get('mentions', []))} mentions -> {b['name']}")
        or (b.get("to_row") and f"-> {b['to_row']}")
        or ""
    )
    out.print(
        f"{change.id}  {change.at}  {render.escape(change.by)}  {change.action} "
        f"{render.escape(change.target)} {render.escape(str(what))}{undone}"
    )


@curate_app.command("mark")
@handles_errors
def curate_mark(
    ctx: typer.Context,
    timeline_id: Annotated[str, typer.Argument(help="A timeline row id (or unique prefix).")],
    verdict: Annotated[str, typer.Argument(help="wrong or confirmed.")],
    by: ByOpt = "cli",
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Mark a timeline row wrong or confirmed; the verdict stays with its mentions."""
    with _open(ctx, db) as store:
        change = store.mark(timeline_id, verdict, by)
    _print_change(change, as_json)


@curate_app.command("delete-article")
@handles_errors
def curate_delete_article(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(help="An article id (or unique prefix).")],
    by: ByOpt = "cli",
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Delete an article and everything derived from it (rebuilds the resolution);
    later ingests of the same text leave it out until the change is undone."""
    with _open(ctx, db) as store:
        change = store.delete_article(article_id, by)
    _print_change(change, as_json)


@curate_app.command("merge")
@handles_errors
def curate_merge(
    ctx: typer.Context,
    source_id: Annotated[str, typer.Argument(help="The entity to merge away (its id).")],
    into_id: Annotated[str, typer.Argument(help="The entity it is merged into (its id).")],
    by: ByOpt = "cli",
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Merge one entity into another: its mentions, now and in later ingests, resolve
    to the second, which takes its names as aliases."""
    with _open(ctx, db) as store:
        change = store.merge_entities(source_id, into_id, by)
    _print_change(change, as_json)


@curate_app.command("split")
@handles_errors
def curate_split(
    ctx: typer.Context,
    entity_id: Annotated[str, typer.Argument(help="The entity to split (its id).")],
    mention: Annotated[
        list[str] | None, typer.Option("--mention", help="A mention id to split off (repeat).")
    ] = None,
    alias: Annotated[
        str | None, typer.Option("--alias", help="Split off every mention written so.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="The new entity's name.")] = None,
    by: ByOpt = "cli",
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Split mentions (by id, or every one written as an alias) off an entity into a
    new one."""
    with _open(ctx, db) as store:
        change = store.split_entity(entity_id, mention or [], alias, name, by)
    _print_change(change, as_json)


@curate_app.command("move")
@handles_errors
def curate_move(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="The event mention to move (its id).")],
    timeline_id: Annotated[str, typer.Argument(help="The row to move it to (or a prefix).")],
    by: ByOpt = "cli",
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Move an event mention into another timeline row; it stays there through later
    ingests and `resolve --all`."""
    with _open(ctx, db) as store:
        change = store.move_event(event_id, timeline_id, by)
    _print_change(change, as_json)


@curate_app.command("undo")
@handles_errors
def curate_undo(
    ctx: typer.Context,
    change_id: Annotated[int, typer.Argument(help="The change's id, from `dossier curate log`.")],
    by: ByOpt = "cli",
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Undo one curation change (it stays in the log, marked undone)."""
    with _open(ctx, db) as store:
        change = store.undo(change_id, by)
    _print_change(change, as_json)


@curate_app.command("log")
@handles_errors
def curate_log(ctx: typer.Context, db: CmdDbOpt = None, as_json: JsonOpt = False) -> None:
    """Every curation change, oldest first: when, by whom, what, and whether undone."""
    with _open(ctx, db) as store:
        changes = store.curation_log()
    if not changes and not as_json:
        err.print("[dim]no curation yet[/dim]")
    for change in changes:
        _print_change(change, as_json)


@bench_app.command("serve")
@handles_errors
def bench_serve(
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Bench texts (JSON Lines) to build the store from."),
    ] = None,
    synthetic: Annotated[
        int, typer.Option("--synthetic", min=1, help="Articles in the built store.")
    ] = 10_000,
    store: Annotated[
        Path | None, typer.Option("--store", help="Time this store instead of building one.")
    ] = None,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Calls per route.")] = 7,
    keep: Annotated[
        Path | None, typer.Option("--keep", help="Keep the built store at this path.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Latency of every page and API call on a large store (median of --repeat calls)."""
    if store is not None:
        if not store.exists():
            raise DossierError(f"no store at {store}: pass --store with an existing store")
        _run_bench("serve", [], as_json, store=store, repeat=repeat)
        return
    if data is None:
        raise DossierError(
            "bench serve needs --data (texts to build the store from) or --store (a store)"
        )
    _run_bench("serve", data, as_json, synthetic=synthetic, repeat=repeat, keep=keep)
