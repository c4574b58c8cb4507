"""``dossier bench ...``: score a stage on a shared benchmark file, registered on the app of
:mod:`dossier.cli.main` (thin adapters over the runners of :mod:`dossier.bench`, which load
only when a bench runs). ``bench serve`` lives with the web commands in
:mod:`dossier.cli.web`."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from dossier.cli import render
from dossier.cli.main import JsonOpt, app, handles_errors, out
from dossier.errors import DossierError

bench_app = typer.Typer(
    help="Benchmarks: score a stage on a shared benchmark file.", no_args_is_help=True
)
app.add_typer(bench_app, name="bench")

_BENCHES = {
    "time": ("dossier.bench.time", "run_time_bench"),
    "quotes": ("dossier.bench.quotes", "run_quotes_bench"),
    "events": ("dossier.bench.events", "run_events_bench"),
    "places": ("dossier.bench.places", "run_places_bench"),
    "crossdoc": ("dossier.bench.crossdoc", "run_crossdoc_bench"),
    "throughput": ("dossier.bench.throughput", "run_throughput_bench"),
    "timeline": ("dossier.bench.timeline", "run_timeline_bench"),
    "serve": ("dossier.bench.serve", "run_serve_bench"),
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
ScorerOpt = Annotated[
    Path | None,
    typer.Option(
        "--scorer", help="The shipped scorer (score_*.py), when it is not next to the data file."
    ),
]
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
def bench_quotes(
    data: DataOpt,
    limit: BenchLimit = None,
    as_json: JsonOpt = False,
    speech: Annotated[
        bool, typer.Option("--speech", help="Score only the quotes `quotes` lists (speech).")
    ] = False,
    scorer: ScorerOpt = None,
) -> None:
    """Quote extraction and speaker attribution, with textacy as the baseline."""
    _run_bench("quotes", data, as_json, limit=limit, speech=speech, scorer_path=scorer)


@bench_app.command("events")
@handles_errors
def bench_events(
    data: DataOpt,
    limit: BenchLimit = None,
    codebook: Annotated[
        bool, typer.Option("--codebook", help="Score the CAMEO codebook examples.")
    ] = False,
    as_json: JsonOpt = False,
    scorer: ScorerOpt = None,
) -> None:
    """CAMEO / PLOVER event coding."""
    _run_bench("events", data, as_json, limit=limit, codebook=codebook, scorer_path=scorer)


@bench_app.command("places")
@handles_errors
def bench_places(
    data: DataOpt,
    limit: BenchLimit = None,
    as_json: JsonOpt = False,
    scorer: ScorerOpt = None,
) -> None:
    """Toponym recognition and geocoding, with the population-prior baseline."""
    _run_bench("places", data, as_json, limit=limit, scorer_path=scorer)


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


@bench_app.command("throughput")
@handles_errors
def bench_throughput(
    data: DataOpt,
    limit: Annotated[
        int | None, typer.Option("--limit", help="The first N distinct articles (default 200).")
    ] = 200,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes that parse and annotate.")
    ] = 1,
    synthetic: Annotated[
        int | None,
        typer.Option(
            "--synthetic", help="Scale run: a store of N articles recombined from the texts."
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Annotate on a Dask cluster: tcp://HOST:PORT or local:N."),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store", help="Ingest into this new, empty store (a PostgreSQL URL), not a temp file."
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Ingest speed against bare spaCy over the same texts, or the scale run."""
    _run_bench(
        "throughput",
        data,
        as_json,
        limit=limit,
        workers=workers,
        synthetic=synthetic,
        dask=dask,
        store=store,
    )


@bench_app.command("timeline")
@handles_errors
def bench_timeline(
    data: Annotated[
        list[Path],
        typer.Option("--data", help="T.articles.jsonl file(s) of Timeline17; one topic each."),
    ],
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N topics.")] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Processes that parse and annotate.")
    ] = None,
    keep: Annotated[
        Path | None, typer.Option("--keep", help="Keep each topic's store in this folder.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Whole stories: each topic ingested, its days ranked, scored on editors' timelines."""
    _run_bench("timeline", data, as_json, limit=limit, workers=workers, keep=keep)
