"""Whole stories end to end: ingest a topic, rank its days, score against editors' timelines.

Data: ``T.articles.jsonl`` (Timeline17: ``{id, date, source, text}``, dossier JSON Lines as
they are) with its sibling ``T.timelines.jsonl`` (the editors' timelines). Each topic is
ingested into a fresh store; the days are ranked by :func:`dossier.resolve.salience.rank_days`
and each day gets the text of its top rows; the timeline is scored by the
``score_timeline.py`` shipped next to the data (imported from there, never copied).

Baselines: PUBCOUNT (the days with most articles, from the scorer) and MENTIONCOUNT (the
days the time tagger finds referred to most often, by day-precision time expressions).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dossier.bench.common import load_scorer
from dossier.errors import InputError

SCORER = "score_timeline.py"
SUFFIX = ".articles.jsonl"
ANCHORS = {
    "note": "mean over all 19 Timeline17 timelines (Gholipour Ghalandari & Ifrim 2020)",
    "DATEWISE": 0.544,
    "MARTSCHAT2018": 0.544,
    "PUBCOUNT": 0.481,
}


def gold_path(data: Path) -> Path:
    if not data.name.endswith(SUFFIX):
        raise InputError(f"{data}: expected a file named T{SUFFIX}")
    path = data.with_name(data.name[: -len(SUFFIX)] + ".timelines.jsonl")
    if not path.is_file():
        raise InputError(f"{path} not found: the editors' timelines sit next to {data.name}")
    return path


def mentioncount(db: Any) -> dict[str, Any]:
    """Days by how many day-precision time expressions refer to them."""
    counts: Counter[str] = Counter()
    for t in db.store.times():
        if t.precision == "day" and len(t.value) >= 10 and t.value[:4].isdigit():
            counts[t.value[:10]] += 1
    return {"dates": [{"date": d, "summary": []} for d, _ in counts.most_common()]}


def _topic(data: Path, scorer: Any, workers: int | None, keep: Path | None) -> dict[str, Any]:
    import dossier
    from dossier.resolve.salience import system_timeline

    gold = gold_path(data)
    with tempfile.TemporaryDirectory() as tmp:
        path = (keep / f"{data.name[: -len(SUFFIX)]}.sqlite") if keep else Path(tmp) / "t.sqlite"
        start = time.perf_counter()
        with dossier.open(path) as db:
            if db.articles(limit=0).total == 0:
                db.ingest([str(data)], workers=workers)
            system = system_timeline(db.store)
            mention = mentioncount(db)
            articles = db.articles(limit=0).total
        seconds = time.perf_counter() - start
    ours = scorer.score(str(gold), system)
    return {
        "topic": data.name[: -len(SUFFIX)],
        "date_f1": ours["date_f1"],
        "ar1_f": ours["ar1_f"],
        "articles": articles,
        "seconds": round(seconds, 2),
        "days": len(system["dates"]),
        "baseline": {
            "PUBCOUNT": scorer.score(str(gold), scorer.pubcount(str(data)))["date_f1"],
            "MENTIONCOUNT": scorer.score(str(gold), mention)["date_f1"],
        },
        "system": system,
    }


def run_timeline_bench(
    data: Path | Sequence[Path],
    limit: int | None = None,
    workers: int | None = None,
    keep: Path | None = None,
) -> dict[str, Any]:
    files = [data] if isinstance(data, Path) else list(data)
    scorer = load_scorer(files[0], SCORER)
    topics = [_topic(f, scorer, workers, keep) for f in files[: limit or None]]
    n = len(topics)

    def mean(key: str, of: str | None = None) -> float:
        vals = [t[of][key] if of else t[key] for t in topics]
        return round(sum(vals) / n, 4)

    return {
        "date_f1": mean("date_f1"),
        "ar1_f": mean("ar1_f"),
        "articles": mean("articles"),
        "seconds": mean("seconds"),
        "topics": [{k: v for k, v in t.items() if k != "system"} for t in topics],
        "baseline": {
            "PUBCOUNT": {"date_f1": mean("PUBCOUNT", "baseline")},
            "MENTIONCOUNT": {"date_f1": mean("MENTIONCOUNT", "baseline")},
        },
        "anchors": ANCHORS,
        "above_pubcount_on_every_topic": all(
            t["date_f1"] > t["baseline"]["PUBCOUNT"] for t in topics
        ),
    }


def write_system(result: dict[str, Any], out: Path) -> None:
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
