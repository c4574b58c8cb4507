"""The ``dossier`` command: a thin typer adapter over the Python API.

Commands parse options, call ``dossier.api`` and format the result; no logic lives here.
"""

from __future__ import annotations

import functools
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

import dossier
from dossier.api import ENV_DB, Dossier
from dossier.cli import render
from dossier.errors import DossierError

app = typer.Typer(
    help="dossier: news articles in, a sourced and queryable story record out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
bench_app = typer.Typer(
    help="Benchmarks: score a stage on a shared benchmark file.", no_args_is_help=True
)
app.add_typer(bench_app, name="bench")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", envvar=ENV_DB, help="Store file (default: $DOSSIER_DB or ./dossier.sqlite)."
    ),
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
LimitOpt = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON Lines instead of text.")]


def handles_errors(func: F) -> F:
    """Turn a DossierError into one clear line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DossierError as exc:
            err.print(f"[red]error:[/red] {render.escape(str(exc))}")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


@app.callback()
def main_options(ctx: typer.Context, db: DbOpt = None) -> None:
    """dossier: news articles in, a sourced and queryable story record out."""
    ctx.obj = {"db": db}


def _open(ctx: typer.Context) -> Dossier:
    return dossier.open((ctx.obj or {}).get("db"))


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
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    as_json: JsonOpt = False,
) -> None:
    """Read articles (.txt, .html, .json, .jsonl), annotate them and store the record."""
    with (
        _open(ctx) as db,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("annotating", total=None)

        def progress(phase: str, done: int, total: int) -> None:
            bar.update(task, description=phase, completed=done, total=total)

        stdin = sys.stdin if "-" in inputs else None
        report = db.ingest(inputs, stdin=stdin, progress=progress)
    for failure in report.failures:
        err.print(f"[red]error:[/red] {render.escape(failure.describe())}")
    if as_json:
        sys.stdout.write(
            render.json_line(
                {
                    "added": report.added,
                    "duplicates": [vars(s) for s in report.duplicates],
                    "unchanged": report.unchanged,
                    "failures": [vars(f) for f in report.failures],
                }
            )
            + "\n"
        )
    else:
        out.print(
            f"stored {len(report.added)} new article(s); {len(report.duplicates)} duplicate(s) "
            f"linked; {len(report.unchanged)} unchanged; {len(report.failures)} failed "
            f"[dim]({render.escape(db.location)})[/dim]"
        )
    if not report.ok:
        raise typer.Exit(1)


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
        as_json: JsonOpt = False,
    ) -> None:
        with _open(ctx) as db:
            rows = getattr(db, method)(
                entity=entity, since=since, until=until, source=source, limit=limit
            )
        _emit(rows, as_json, printer)

    command.__doc__ = doc
    app.command(name)(command)


_listing(
    "articles",
    "articles",
    render.print_articles,
    "List stored articles with their dates and how the dates were found.",
)
_listing(
    "timeline",
    "timeline",
    render.print_timeline,
    "The dated timeline: one row per real-world event, with its sources.",
)
_listing(
    "events",
    "events",
    render.print_events,
    "Event mentions, one per article sentence, with CAMEO code and status.",
)
_listing(
    "quotes",
    "quotes",
    render.print_quotes,
    "Who said what, with the cue, the kind and who relayed it.",
)
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
    as_json: JsonOpt = False,
) -> None:
    """Why the event mentions of one timeline row were joined into one event."""
    with _open(ctx) as db:
        view = db.explain(timeline_id)
    if as_json:
        sys.stdout.write(render.json_line(view.as_json()) + "\n")
    else:
        render.print_explanation(out, view)


@app.command()
@handles_errors
def failures(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Inputs that failed to ingest: which file (and line), which stage, why."""
    with _open(ctx) as db:
        rows = db.failures()
    for row in rows:
        if as_json:
            sys.stdout.write(
                render.json_line({"id": row.id, "at": row.at, **vars(row.failure)}) + "\n"
            )
        else:
            out.print(f"{row.at}  {render.escape(row.failure.describe())}")


# ------------------------------------------------------------------------- bench
_BENCHES = {
    "time": ("dossier.bench.time", "run_time_bench"),
    "quotes": ("dossier.bench.quotes", "run_quotes_bench"),
    "events": ("dossier.bench.events", "run_events_bench"),
    "places": ("dossier.bench.places", "run_places_bench"),
    "crossdoc": ("dossier.bench.crossdoc", "run_crossdoc_bench"),
}


def _run_bench(name: str, data: Path | list[Path], as_json: bool, **kwargs: Any) -> None:
    for path in data if isinstance(data, list) else [data]:
        if not path.exists():
            raise DossierError(
                f"benchmark file {path} not found: pass --data with a path under ../shared/bench"
            )
    module_name, func_name = _BENCHES[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise DossierError(f"bench {name} is not available in this build ({exc.name})") from exc
    result = getattr(module, func_name)(data, **kwargs)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        render.print_metrics(out, name, result)


DataOpt = Annotated[Path, typer.Option("--data", help="Benchmark file (JSON Lines).")]
BenchLimit = Annotated[
    int | None, typer.Option("--limit", help="Only the first N documents (smoke runs).")
]


@bench_app.command("time")
@handles_errors
def bench_time(
    data: Annotated[
        list[Path], typer.Option("--data", help="Benchmark file(s); several are scored as one set.")
    ],
    limit: BenchLimit = None,
    as_json: JsonOpt = False,
) -> None:
    """TIMEX3 tagging and normalisation, with dateparser as the baseline."""
    _run_bench("time", data, as_json, limit=limit)


@bench_app.command("quotes")
@handles_errors
def bench_quotes(data: DataOpt, limit: BenchLimit = None, as_json: JsonOpt = False) -> None:
    """Quote extraction and speaker attribution, with textacy as the baseline."""
    _run_bench("quotes", data, as_json, limit=limit)


@bench_app.command("events")
@handles_errors
def bench_events(
    data: DataOpt,
    limit: BenchLimit = None,
    codebook: Annotated[
        bool, typer.Option("--codebook", help="Score the CAMEO codebook examples.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """CAMEO / PLOVER event coding."""
    _run_bench("events", data, as_json, limit=limit, codebook=codebook)


@bench_app.command("places")
@handles_errors
def bench_places(data: DataOpt, limit: BenchLimit = None, as_json: JsonOpt = False) -> None:
    """Toponym recognition and geocoding, with the population-prior baseline."""
    _run_bench("places", data, as_json, limit=limit)


@bench_app.command("crossdoc")
@handles_errors
def bench_crossdoc(
    data: DataOpt,
    limit: BenchLimit = None,
    synthetic: Annotated[
        int | None,
        typer.Option("--synthetic", help="Scale run: N articles recombined from the bench texts."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Cross-document event coreference on ECB+ (gold mentions), with the same-lemma baseline."""
    _run_bench("crossdoc", data, as_json, limit=limit, synthetic=synthetic)


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":
    main()
