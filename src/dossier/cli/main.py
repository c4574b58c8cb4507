"""The ``dossier`` command: a thin typer adapter over the Python API.

Commands parse options, call ``dossier.api`` and format the result; no logic lives here.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from dossier.cli import render
from dossier.cli.errors import OneLineGroup, exit_code
from dossier.errors import DossierError

if TYPE_CHECKING:  # the API loads when a command runs, not for --help
    from dossier.api import Dossier

ENV_DB = "DOSSIER_DB"
SMALL_INGEST = 16  # articles: fewer are annotated in this process whatever --workers says

app = typer.Typer(
    help="dossier: news articles in, a sourced and queryable story record out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    cls=OneLineGroup,
)

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", envvar=ENV_DB, help="Store file (default: $DOSSIER_DB or ./dossier.sqlite)."
    ),
]
# the same option after the command ('dossier timeline --db X'); it wins over the global one
CmdDbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Store file (as the global --db, given after the command)."),
]
EntityOpt = Annotated[
    str | None, typer.Option("--entity", help="Only facts about this entity (name or alias).")
]
SinceOpt = Annotated[
    str | None, typer.Option("--since", help="Only from this date on (YYYY[-MM[-DD]]).")
]
UntilOpt = Annotated[
    str | None, typer.Option("--until", help="Only up to this date (YYYY[-MM[-DD]]).")
]
SourceOpt = Annotated[
    str | None,
    typer.Option("--source", help="Only from sources whose name, site or file contains this."),
]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=0, help="At most this many rows.")]
OffsetOpt = Annotated[
    int | None, typer.Option("--offset", min=0, help="Skip this many rows first (paging).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON Lines instead of text.")]
AllowPrivateOpt = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Fetch URLs on private, loopback and link-local addresses too (your own servers).",
    ),
]


def handles_errors(func: F) -> F:
    """Turn a DossierError into one clear line on stderr: exit 2 for a bad argument
    (a date, an id), else 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DossierError as exc:
            err.print(f"[red]error:[/red] {render.escape(str(exc))}")
            raise typer.Exit(exit_code(exc)) from None

    return wrapper  # type: ignore[return-value]


@app.callback()
def main_options(ctx: typer.Context, db: DbOpt = None) -> None:
    """dossier: news articles in, a sourced and queryable story record out."""
    ctx.obj = {"db": db}


def _open(ctx: typer.Context, db: str | None = None, create: bool = False) -> Dossier:
    """The store named after the command, else before it, else the default. Read
    commands never create one: a missing store is one clear error."""
    import dossier

    return dossier.open(db or (ctx.obj or {}).get("db"), create=create)


def _emit(rows: list[Any], as_json: bool, printer: Callable[[Console, list[Any]], None]) -> None:
    if as_json:
        for row in rows:
            sys.stdout.write(render.json_line(row.as_json()) + "\n")
        return
    if not rows:
        err.print("[dim]nothing matches[/dim]")
        return
    printer(out, rows)


@app.command()
@handles_errors
def ingest(
    ctx: typer.Context,
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, globs, web archives, feeds, URLs, or - for stdin."),
    ],
    allow_private: AllowPrivateOpt = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Parse and annotate on a Dask cluster: tcp://HOST:PORT, or local:N workers.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Processes that parse and annotate (default: one per core; one for a few).",
        ),
    ] = None,
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Read articles (.txt, .html, .json, .jsonl, .warc, feeds, URLs), annotate them and
    store the record."""
    from dossier.cli.progress import progress_for
    from dossier.ingest.sources import count_documents
    from dossier.ingest.web import is_url

    stdin = sys.stdin if "-" in inputs else None
    total = count_documents(inputs)
    if workers is None and total is not None and total < SMALL_INGEST:
        workers = 1  # starting processes (each loads the model) costs more than it saves
    elif workers is None and any(is_url(i) for i in inputs):
        workers = 1  # a page or a feed: fetching, not parsing, is what it waits on
    with _open(ctx, db, create=True) as store, progress_for(err, total) as progress:
        report = store.ingest(
            inputs,
            stdin=stdin,
            progress=progress,
            workers=workers,
            allow_private=allow_private,
            dask=dask,
        )
    render.print_report_notes(err, report)
    for failure in report.failures:
        err.print(f"[red]error:[/red] {render.escape(failure.describe())}")
    if report.rebuilt:
        err.print("[dim]rebuilt the record of this store (made by an older dossier)[/dim]")
    if report.resumed:
        err.print(f"resumed {report.resumed} unannotated article(s)")
    if report.interrupted_at is not None:
        err.print(
            f"resumed the ingest interrupted at {report.interrupted_at}: kept the "
            f"{len(report.kept)} article(s) it had stored, read the rest again"
        )
    if as_json:
        sys.stdout.write(
            render.json_line(
                {
                    "added": report.added,
                    "duplicates": [vars(s) for s in report.duplicates],
                    "unchanged": report.unchanged,
                    "failures": [vars(f) for f in report.failures],
                    "resumed": report.resumed,
                    "interrupted_at": report.interrupted_at,
                    "kept": report.kept,
                    "not_annotated": [
                        {"path": p, "language": lang} for p, lang in report.not_annotated
                    ],
                }
            )
            + "\n"
        )
    else:
        out.print(
            f"stored {len(report.added)} new article(s); {len(report.duplicates)} duplicate(s) "
            f"linked; {len(report.unchanged)} unchanged; "
            + (f"{len(report.kept)} kept from the interrupted ingest; " if report.kept else "")
            + f"{len(report.failures)} failed "
            f"[dim]({render.escape(store.location)})[/dim]"
        )
    if not report.ok:
        raise typer.Exit(1)


@app.command()
@handles_errors
def resolve(
    ctx: typer.Context,
    every: Annotated[
        bool, typer.Option("--all", help="Rebuild every resolved record from the annotations.")
    ] = False,
    stories: Annotated[
        bool, typer.Option("--stories", help="Also regroup the stories, in date order.")
    ] = False,
    db: CmdDbOpt = None,
) -> None:
    """Rebuild entities, timeline, windows and corroboration from the stored annotations
    (ingest resolves what new articles touch; this gives the same record from scratch)."""
    if not every:
        raise DossierError("say what to resolve: `dossier resolve --all` rebuilds everything")
    with _open(ctx, db) as store:
        store.resolve(stories=stories)
        n = store.timeline(limit=0).total
    out.print(
        f"rebuilt the record: {n} timeline row(s) [dim]({render.escape(store.location)})[/dim]"
    )


def _page_note(rows: list[Any], offset: int | None, as_json: bool) -> None:
    """Which rows of how many the text output shows, when there are more."""
    total = getattr(rows, "total", len(rows))
    if not as_json and rows and total > len(rows):
        first = (offset or 0) + 1
        err.print(
            f"[dim]rows {first}-{first + len(rows) - 1} of {total}: "
            "--offset and --limit page through the rest[/dim]"
        )


def _list(
    ctx: typer.Context,
    db: str | None,
    as_json: bool,
    printer: Callable[[Console, list[Any]], None],
    method: str,
    filters: dict[str, Any],
    limit: int | None,
    offset: int | None,
    **extra: Any,
) -> None:
    """One listing: filters checked (bad values: one line), one API method, one printer."""
    from dossier.query import Filters

    Filters(since=filters.get("since"), until=filters.get("until"), limit=limit, offset=offset)
    with _open(ctx, db) as store:
        rows = getattr(store, method)(**extra, **filters, limit=limit, offset=offset)
    _emit(rows, as_json, printer)
    _page_note(rows, offset, as_json)


def _listing(
    name: str, method: str, printer: Callable[[Console, list[Any]], None], doc: str
) -> None:
    """Register a listing command: the same filters, one API method, one printer."""

    @handles_errors
    def command(
        ctx: typer.Context,
        entity: EntityOpt = None,
        since: SinceOpt = None,
        until: UntilOpt = None,
        source: SourceOpt = None,
        limit: LimitOpt = None,
        offset: OffsetOpt = None,
        db: CmdDbOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        filters = {"entity": entity, "since": since, "until": until, "source": source}
        _list(ctx, db, as_json, printer, method, filters, limit, offset)

    command.__doc__ = doc
    app.command(name)(command)


_listing(
    "articles",
    "articles",
    render.print_articles,
    "List stored articles with their dates and how the dates were found.",
)


@app.command("timeline")
@handles_errors
def timeline(
    ctx: typer.Context,
    entity: EntityOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source: SourceOpt = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = None,
    key: Annotated[
        bool, typer.Option("--key", help="The story's key events: its most important days.")
    ] = False,
    top: Annotated[int, typer.Option("--top", min=1, help="With --key: this many rows.")] = 15,
    min_sources: Annotated[
        int | None, typer.Option("--min-sources", min=1, help="Rows with this many articles.")
    ] = None,
    dated: Annotated[bool, typer.Option("--dated", help="Only rows with a date.")] = False,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", help="Only rows of this status (repeat for several)."),
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", help="Only merged rows at least this confident."),
    ] = None,
    off_topic: Annotated[
        bool,
        typer.Option("--off-topic", help="Also rows only off-topic articles report."),
    ] = False,
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The dated timeline: one row per real-world event, with its sources."""
    from dossier.query import Filters

    Filters(since=since, until=until, limit=limit, offset=offset)  # bad values: one line
    filters: dict[str, Any] = {"entity": entity, "since": since, "until": until}
    filters["source"] = source
    with _open(ctx, db) as store:
        if key:
            rows = store.key_events(top, min_sources, status, **filters)
        else:
            rows = store.timeline(
                min_sources,
                dated,
                status,
                min_confidence,
                off_topic,
                **filters,
                limit=limit,
                offset=offset,
            )
    _emit(rows, as_json, render.print_timeline)
    if not key:
        _page_note(rows, offset, as_json)


_listing(
    "events",
    "events",
    render.print_events,
    "Event mentions, one per article sentence, with CAMEO code and status.",
)


@app.command("quotes")
@handles_errors
def quotes(
    ctx: typer.Context,
    entity: EntityOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source: SourceOpt = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = None,
    attributions: Annotated[
        bool,
        typer.Option(
            "--attributions",
            help="Also views, wishes and findings attributed to someone ('wants to', 'believes').",
        ),
    ] = False,
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Who said what, with the cue, the kind and who relayed it."""
    filters = {"entity": entity, "since": since, "until": until, "source": source}
    _list(
        ctx, db, as_json, render.print_quotes, "quotes", filters, limit, offset,
        attributions=attributions,
    )  # fmt: skip


_listing(
    "entities",
    "entities",
    render.print_entities,
    "People, organisations, places and groups, one per real entity, with aliases.",
)


_listing(
    "stories",
    "stories",
    render.print_stories,
    "Stories: the articles grouped as they arrived, newest first.",
)
_listing(
    "contradictions",
    "contradictions",
    render.print_contradictions,
    "Events whose sources disagree (date, place, who, counts), with the sources behind each value.",
)
_listing(
    "corroboration",
    "corroboration",
    render.print_contradictions,
    "Every comparison of each event's sources, agreeing ones too, with who reported what.",
)


@app.command()
@handles_errors
def explain(
    ctx: typer.Context,
    timeline_id: Annotated[
        str,
        typer.Argument(help="A timeline row id (or unique prefix), or an event mention id."),
    ],
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Why the event mentions of one timeline row were joined into one event."""
    with _open(ctx, db) as store:
        view = store.explain(timeline_id)
    if as_json:
        sys.stdout.write(render.json_line(view.as_json()) + "\n")
    else:
        render.print_explanation(out, view)


@app.command()
@handles_errors
def failures(
    ctx: typer.Context,
    clear: Annotated[bool, typer.Option("--clear", help="Forget the failures listed.")] = False,
    db: CmdDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Inputs that failed to ingest: which file (and line), which stage, why (repeats
    grouped, with how many times and the last time)."""
    with _open(ctx, db) as store:
        if clear:
            n = store.clear_failures()
            out.print(f"cleared {n} failure(s)")
            return
        rows = store.failures()
    for row in rows:
        if as_json:
            sys.stdout.write(
                render.json_line(
                    {"id": row.id, "at": row.at, "count": row.count, **vars(row.failure)}
                )
                + "\n"
            )
        else:
            times = f"  [dim](x{row.count})[/dim]" if row.count > 1 else ""
            out.print(f"{row.at}  {render.escape(row.failure.describe())}{times}")


if __name__ in ("__main__", "__mp_main__"):
    # ``python -m dossier.cli.main`` runs this file as ``__main__`` (and a worker process
    # it spawns, as ``__mp_main__``), but the command modules below register on the app of
    # the module ``dossier.cli.main``: load that one first, so they register in order, and
    # run it (at the end, in the parent only)
    import dossier.cli.main

# the bench commands, the web commands (serve, curate, bench serve), watch, the exports and
# migrate register themselves on the app above
from dossier.cli import bench, export, migrate, watch, web  # noqa: E402

__all__ = ["app", "bench", "export", "main", "migrate", "watch", "web"]


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":
    dossier.cli.main.main()  # the module the commands registered on (above)
