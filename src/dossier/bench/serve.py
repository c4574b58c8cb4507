"""``dossier bench serve``: the latency of every page and API call on a large store.

The store is either given (``store=``) or built as the scale run builds it
(``bench throughput --synthetic``: N articles recombined from the bench texts, through
dedup, store and resolution). Each route is then asked ``repeat`` times through the whole
ASGI stack in process (FastAPI's TestClient: routing, the store opened per request,
rendering, JSON), and the median and the slowest answer are reported in milliseconds.
Ids for the detail pages are the store's own: the best supported key event, its article
and its first actor.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dossier.records import Annotations, IngestFailure, RawDocument
from dossier.timing import Stages


def build_store(data: Path, n: int, path: Path, pool: int = 200, seed: int = 7) -> float:
    """The scale run's store of ``n`` articles at ``path``; returns the seconds it took."""
    import dossier
    from dossier.bench.throughput_scale import _pool
    from dossier.pipeline import Pipeline, annotate_here

    source, _ = _pool(data, pool)
    given: dict[str, Annotations] = {}

    def stream() -> Iterator[RawDocument]:
        rng = random.Random(seed)
        for i in range(n):
            doc, ann = source.synthetic(i, rng)
            given[ann.article_id] = ann
            yield doc

    def replay(articles: Any, stages: Stages) -> list[Annotations | IngestFailure]:
        out: list[Annotations | IngestFailure] = []
        for a in articles:
            ann = given.pop(a.id, None)
            out.extend(annotate_here([a], stages) if ann is None else [ann])
        return out

    t0 = time.perf_counter()
    with dossier.open(path) as db:
        Pipeline(db.store, annotator=replay).run_documents(stream())
    return time.perf_counter() - t0


def routes(client: Any) -> list[str]:
    """Every page and API call, with ids taken from the store."""
    key = client.get("/api/timeline", params={"key": True, "top": 1}).json()["items"]
    row = key[0] if key else client.get("/api/timeline", params={"limit": 1}).json()["items"][0]
    actor = row.get("source_entity_id") or client.get("/api/entities").json()["items"][0]["id"]
    person = client.get("/api/entities", params={"limit": 1}).json()["items"][0]["name"]
    listings = ["timeline", "events", "quotes", "entities", "articles", "stories"]
    listings += ["contradictions", "corroboration"]
    return [
        "/api/health",
        *[f"/api/{name}?limit=50" for name in listings],
        f"/api/timeline?limit=50&entity={person}",
        "/api/timeline?key=true",
        f"/api/timeline/{row['id']}",
        f"/api/articles/{row['article_id']}",
        f"/api/entities/{actor}",
        f"/api/explain/{row['id']}",
        "/api/places",
        "/api/graph",
        "/",
        f"/events/{row['id']}",
        f"/articles/{row['article_id']}",
        f"/entities/{actor}",
        "/quotes",
        "/contradictions",
        "/entities",
        "/articles",
        "/map",
        "/graph",
        "/openapi.json",
    ]


def time_routes(store: Path, repeat: int = 7) -> dict[str, dict[str, float]]:
    """Median and slowest milliseconds of each route, after one warm-up call."""
    import logging

    from fastapi.testclient import TestClient

    from dossier.serve import create_app

    for name in ("httpx", "httpx2"):  # one INFO line per request otherwise
        logging.getLogger(name).setLevel(logging.WARNING)

    out: dict[str, dict[str, float]] = {}
    with TestClient(create_app(str(store), "bench")) as client:
        for path in routes(client):
            status = client.get(path).status_code
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - t0) * 1000)
            out[path] = {
                "median_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
            }
    return out


def run_serve_bench(
    data: Path | list[Path] | None,
    synthetic: int = 10_000,
    store: Path | None = None,
    repeat: int = 7,
    keep: Path | None = None,
) -> dict[str, Any]:
    import dossier

    with tempfile.TemporaryDirectory() as tmp:
        built = None
        if store is None:
            if not isinstance(data, Path):
                raise ValueError("give a store, or bench data to build one from")
            store = keep or Path(tmp) / "serve.sqlite"
            built = round(build_store(data, synthetic, store), 1)
        with dossier.open(store, create=False) as db:
            articles = db.articles(limit=0).total
            rows = db.timeline(limit=0).total
        timings = time_routes(store, repeat)
    worst = max(timings.items(), key=lambda kv: kv[1]["median_ms"])
    result: dict[str, Any] = {
        "articles": articles,
        "timeline_rows": rows,
        "build_seconds": built,
        "repeat": repeat,
        "slowest_route": worst[0],
        "slowest_median_ms": worst[1]["median_ms"],
        "routes_over_300ms": sum(1 for t in timings.values() if t["median_ms"] >= 300),
    }
    result.update({f"ms {path}": t["median_ms"] for path, t in timings.items()})
    result["timings"] = timings
    return result
