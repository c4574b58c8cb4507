"""Benchmark of the temporal tagger on TempEval-3 style data (TimeBank, AQUAINT).

Data rows: ``{doc_id, dct, title, text, timexes: [{start, end, type, value, ...}]}``.
Scoring is the character-offset TempEval-3 Task A metric of the scorer shipped next to
the data (``score_timex.py``), loaded from there; when it is absent the same metric is
computed by :func:`score` below. The baseline is dateparser's ``search_dates`` with the
article date as ``RELATIVE_BASE`` and every hit typed DATE.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dossier.annotate.time import tag_times
from dossier.bench.common import load_rows, load_scorer

Timex = dict[str, Any]
Docs = dict[str, dict[str, Any]]


def _overlap(a: Timex, b: Timex) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def _rank(s: Timex, t: Timex) -> tuple[int, int]:
    """Exact span first, then the largest overlap."""
    exact = s["start"] == t["start"] and s["end"] == t["end"]
    return (-int(exact), -(min(s["end"], t["end"]) - max(s["start"], t["start"])))


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score(gold: Docs, system: Docs) -> dict[str, float]:
    """TempEval-3 Task A on characters: strict and relaxed span F1, type and value accuracy
    over relaxed matches (exact span preferred, then the largest overlap), value F1 =
    value accuracy x relaxed F1. Used only when the shipped scorer is not found."""
    n_g = n_s = strict_g = strict_s = relax_g = relax_s = val = typ = 0
    for doc_id, g in gold.items():
        gold_t = g["timexes"]
        sys_t = system.get(doc_id, {"timexes": []})["timexes"]
        n_g += len(gold_t)
        n_s += len(sys_t)
        gspans = {(t["start"], t["end"]) for t in gold_t}
        sspans = {(t["start"], t["end"]) for t in sys_t}
        strict_g += sum((t["start"], t["end"]) in sspans for t in gold_t)
        strict_s += sum((t["start"], t["end"]) in gspans for t in sys_t)
        relax_s += sum(any(_overlap(s, t) for t in gold_t) for s in sys_t)
        for t in gold_t:
            cands = [s for s in sys_t if _overlap(s, t)]
            if not cands:
                continue
            relax_g += 1
            best = min(cands, key=lambda s: _rank(s, t))
            val += best.get("value") == t.get("value")
            typ += best.get("type") == t.get("type")
    sp = strict_s / n_s if n_s else 0.0
    sr = strict_g / n_g if n_g else 0.0
    rp = relax_s / n_s if n_s else 0.0
    rr = relax_g / n_g if n_g else 0.0
    rf = _f1(rp, rr)
    va = val / relax_g if relax_g else 0.0
    ta = typ / relax_g if relax_g else 0.0
    return {
        "strict_F1": _f1(sp, sr),
        "relaxed_F1": rf,
        "value_acc": va,
        "value_F1": va * rf,
        "type_acc": ta,
    }


def _scorer(data: Path) -> Callable[[Docs, Docs], dict[str, float]]:
    """The ``score`` function of score_timex.py next to the data file, else ours."""
    if (data.parent / "score_timex.py").is_file():
        fn = getattr(load_scorer(data, "score_timex.py"), "score", None)
        if callable(fn):
            scorer: Callable[[Docs, Docs], dict[str, float]] = fn
            return scorer
    return score


def _summary(metrics: dict[str, float], seconds: float, docs: int) -> dict[str, float | int]:
    return {
        "strict_f1": round(metrics["strict_F1"], 4),
        "relaxed_f1": round(metrics["relaxed_F1"], 4),
        "type_accuracy": round(metrics["type_acc"], 4),
        "value_accuracy": round(metrics["value_acc"], 4),
        "value_f1": round(metrics["value_F1"], 4),
        "seconds_per_doc": round(seconds / docs, 4) if docs else 0.0,
        "docs": docs,
    }


def _dct(row: dict[str, Any]) -> str | None:
    dct = row.get("dct")
    return str(dct)[:10] if dct else None


def run_tagger(rows: list[dict[str, Any]]) -> tuple[Docs, float]:
    """Our tagger's output per document, and the seconds it took (no spaCy parse)."""
    system: Docs = {}
    t0 = time.perf_counter()
    for row in rows:
        times = tag_times(row["doc_id"], row["text"], _dct(row))
        system[row["doc_id"]] = {
            "timexes": [
                {"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in times
            ]
        }
    return system, time.perf_counter() - t0


def _dateparser_value(when: dt.datetime) -> str:
    return when.date().isoformat()


def run_dateparser(rows: list[dict[str, Any]]) -> tuple[Docs, float]:
    """Baseline: dateparser's search_dates on each text, anchored on its article date."""
    from dateparser.search import search_dates

    system: Docs = {}
    t0 = time.perf_counter()
    for row in rows:
        text = row["text"]
        settings: dict[str, Any] = {}
        dct = _dct(row)
        if dct:
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(dct)
        hits = search_dates(text, languages=["en"], settings=settings) or []
        timexes: list[Timex] = []
        cursor = 0
        for surface, when in hits:
            start = text.find(surface, cursor)
            if start < 0:
                start = text.find(surface)
            if start < 0:
                continue
            cursor = start + len(surface)
            timexes.append(
                {
                    "start": start,
                    "end": start + len(surface),
                    "type": "DATE",
                    "value": _dateparser_value(when),
                }
            )
        system[row["doc_id"]] = {"timexes": timexes}
    return system, time.perf_counter() - t0


def run_time_bench(
    data: Path | Sequence[Path], limit: int | None = None, baseline: bool = True
) -> dict[str, Any]:
    """Score the tagger (and dateparser) on TempEval-3 style JSON Lines files.

    Several files are scored together as one set (micro-averaged), e.g. TimeBank plus
    AQUAINT; ``limit`` applies to each file.
    """
    files = [Path(data)] if isinstance(data, str | Path) else [Path(d) for d in data]
    rows: list[dict[str, Any]] = []
    for path in files:
        for row in load_rows(path, limit):
            if any(r["doc_id"] == row["doc_id"] for r in rows):
                row = {**row, "doc_id": f"{path.stem}/{row['doc_id']}"}
            rows.append(row)
    gold: Docs = {r["doc_id"]: {"timexes": r["timexes"]} for r in rows}
    scorer = _scorer(files[0])
    system, seconds = run_tagger(rows)
    report: dict[str, Any] = _summary(scorer(gold, system), seconds, len(rows))
    if baseline:
        base, base_seconds = run_dateparser(rows)
        report["baseline"] = _summary(scorer(gold, base), base_seconds, len(rows))
    return report
