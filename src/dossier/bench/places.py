"""Benchmark of toponym recognition and geocoding on GeoWebNews-style data.

Data rows: ``{doc_id, text, toponyms: [{start, end, name, lat, lon, geonameid, type}]}``.
Scoring is done by ``score_places.py`` shipped next to the data file, loaded from there
(never copied). Only toponyms with coordinates are gold, so demonyms are not predicted.

dossier's figures are at the top level; the population-prior baseline (spaCy GPE/LOC/FAC
entities, each given its most populous gazetteer match) is under ``baseline``.
``seconds_per_doc`` is the time on top of the spaCy parse (mentions, toponyms, geocoding).
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dossier.annotate import nlp
from dossier.annotate.entities import extract_mentions
from dossier.annotate.places import geocode_mentions
from dossier.annotate.places.gazetteer import Entry, ensure_cached, gazetteer, reset
from dossier.annotate.places.resolve import KIND_SIZE
from dossier.bench.common import load_rows, load_scorer
from dossier.records import Article

Docs = list[dict[str, Any]]
KEYS = ("precision", "recall", "f1", "acc161", "acc161_e2e", "median_km", "id_accuracy")
USAGE_TYPES = {"Literal": "literal", "Metonymic": "metonymic"}


def _scorer(data: Path) -> Callable[..., dict[str, Any]]:
    score: Callable[..., dict[str, Any]] = load_scorer(data, "score_places.py").score
    return score


def usage_accuracy(rows: Docs, ours: Docs, match: Callable[..., Any]) -> dict[str, Any]:
    """Literal vs metonymic on the gold toponyms typed plainly 'Literal' or 'Metonymic'
    that the geoparser found (matched with the scorer's own matching)."""
    n = right = met_gold = met_found = 0
    by_doc = {d["doc_id"]: d["toponyms"] for d in ours}
    for row in rows:
        gold = [t for t in row.get("toponyms") or [] if t.get("type") in USAGE_TYPES]
        pred = [
            {**t, "coords": None if t["lat"] is None else (t["lat"], t["lon"])}
            for t in by_doc.get(str(row["doc_id"]), [])
        ]
        for gi, pi in match(gold, pred):
            n += 1
            want = USAGE_TYPES[gold[gi]["type"]]
            got = pred[pi]["usage"]
            right += want == got
            met_gold += want == "metonymic"
            met_found += want == got == "metonymic"
    return {
        "usage_accuracy": right / n if n else None,
        "metonymic_recall": met_found / met_gold if met_gold else None,
        "n_usage_pairs": n,
    }


def _pred(t: Any) -> dict[str, Any]:
    return {
        "start": t.start,
        "end": t.end,
        "lat": t.lat,
        "lon": t.lon,
        "geonameid": t.geonameid,
        "usage": "metonymic" if t.modifier else t.usage,
    }


def run_dossier(rows: Docs, docs: list[Any]) -> tuple[Docs, float]:
    out: Docs = []
    t0 = time.perf_counter()
    for row, doc in zip(rows, docs, strict=True):
        article = Article(id=str(row["doc_id"]), text=row["text"], path="", fmt="jsonl")
        mentions = extract_mentions(article, doc, geocode=False)
        tops = geocode_mentions(article, doc, mentions)
        out.append(
            {
                "doc_id": article.id,
                "toponyms": [_pred(t) for t in tops if t.usage != "demonym" or t.modifier],
            }
        )
    return out, time.perf_counter() - t0


def _population(e: Entry) -> float:
    return float(e.population) if e.population > 0 else 10 ** KIND_SIZE.get(e.kind, 6.0)


def run_baseline(rows: Docs, docs: list[Any]) -> tuple[Docs, float]:
    gaz = gazetteer()
    out: Docs = []
    t0 = time.perf_counter()
    for row, doc in zip(rows, docs, strict=True):
        tops = []
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            found = gaz.lookup(ent.text)
            best = max(found, key=_population) if found else None
            tops.append(
                {
                    "start": ent.start_char,
                    "end": ent.end_char,
                    "lat": best.lat if best else None,
                    "lon": best.lon if best else None,
                    "geonameid": best.geonameid if best else None,
                }
            )
        out.append({"doc_id": str(row["doc_id"]), "toponyms": tops})
    return out, time.perf_counter() - t0


def _gazetteer_cost() -> tuple[float, float]:
    """Seconds to load the (cached) gazetteer, and the memory it holds in MB."""
    ensure_cached()
    reset()
    t0 = time.perf_counter()
    gazetteer()
    seconds = time.perf_counter() - t0
    reset()
    tracemalloc.start()
    gazetteer()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20


def _summary(metrics: dict[str, Any], seconds: float, n: int) -> dict[str, Any]:
    out = {k: metrics.get(k) for k in KEYS}
    out["seconds_per_doc"] = seconds / n if n else 0.0
    for k in ("n_gold", "n_pred", "n_matched", "n_resolved", "n_id_pairs"):
        out[k] = metrics.get(k)
    return out


def run_places_bench(
    data: Path, limit: int | None = None, scorer_path: Path | None = None
) -> dict[str, Any]:
    """Score dossier's toponyms and the population-prior baseline on ``data``.
    ``scorer_path``: score_places.py, when the data file is not next to it (a file written
    for a check, such as the local-news one in ``tests/fixtures``)."""
    data = Path(data)
    scorer = load_scorer(data if scorer_path is None else Path(scorer_path), "score_places.py")
    score: Callable[..., dict[str, Any]] = scorer.score
    rows = load_rows(data, limit)
    load_s, memory_mb = _gazetteer_cost()
    t0 = time.perf_counter()
    docs = list(nlp.parse(row["text"] for row in rows))
    parse_s = time.perf_counter() - t0
    ours, ours_s = run_dossier(rows, docs)
    base, base_s = run_baseline(rows, docs)
    report = _summary(score(rows, ours), ours_s, len(rows))
    report.update(usage_accuracy(rows, ours, scorer.match_doc))
    report.update(
        {
            "docs": len(rows),
            "parse_seconds_per_doc": parse_s / len(rows) if rows else 0.0,
            "gazetteer_load_seconds": load_s,
            "gazetteer_memory_mb": memory_mb,
            "baseline": _summary(score(rows, base), base_s, len(rows)),
        }
    )
    return report
