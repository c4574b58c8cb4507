"""Fit the day-salience weights (src/dossier/data/salience.json) on Timeline17 dev topics.

Usage:
    .venv/bin/dossier bench timeline --data ../shared/bench/timeline/X.articles.jsonl ... \
        --keep STORES --json                     # builds one store per topic, once
    .venv/bin/python scripts/fit_salience.py STORES [--write]

A grid over the weights is scored by date F1 (the shipped scorer); weights below
PUBCOUNT on any topic they are fitted on are passed over. Leave-one-topic-out:
for each topic the weights best on the others are scored on it, and the mean of those
held-out scores is printed (what the weights are worth on a topic they never saw). The
weights best on every topic are written with ``--write``.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

import dossier
from dossier.bench.common import load_scorer
from dossier.resolve.salience import FEATURES, Weights, system_timeline

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "timeline"
GRID = {
    "published": [1.0],
    "published_next": [0.0, 0.25, 0.5],
    "referred": [0.25, 0.5, 0.75, 1.0],
    "referred_later": [0.0, 0.25, 0.5],
    "referred_far": [0.0, 0.25, 0.5, 0.75, 1.0],
    "reported": [0.0, 0.25],
}


class _Cached:
    """A store's day counts and rows, read once."""

    def __init__(self, store: Any) -> None:
        self.counts = store.day_counts()
        self.rows = store.day_rows(sorted(self.counts), 3)

    def day_counts(self) -> dict[str, dict[str, int]]:
        return self.counts

    def day_rows(self, days: list[str], per_day: int) -> dict[str, list[dict[str, Any]]]:
        return self.rows


def main(folder: Path, write: bool) -> None:
    scorer = load_scorer(BENCH / "H1N1_bbc.articles.jsonl", "score_timeline.py")
    topics = {}
    for path in sorted(folder.glob("*.sqlite")):
        with dossier.open(path, create=False) as db:
            topics[path.stem] = _Cached(db.store)
    grid = [dict(zip(FEATURES, ws, strict=True)) for ws in itertools.product(*GRID.values())]

    def f1(topic: str, w: dict[str, float]) -> float:
        gold = BENCH / f"{topic}.timelines.jsonl"
        return float(
            scorer.score(str(gold), system_timeline(topics[topic], 3, Weights(w)))["date_f1"]
        )

    table = {(t, i): f1(t, w) for t in topics for i, w in enumerate(grid)}

    pub = {
        t: float(
            scorer.score(
                str(BENCH / f"{t}.timelines.jsonl"),
                scorer.pubcount(str(BENCH / f"{t}.articles.jsonl")),
            )["date_f1"]
        )
        for t in topics
    }

    def best(on: list[str]) -> int:
        """The weights with the best mean on ``on`` among those above PUBCOUNT on each of
        them (the benchmark's bar), else the best mean."""
        above = [i for i in range(len(grid)) if all(table[(t, i)] > pub[t] for t in on)]
        pool = above or list(range(len(grid)))
        return max(pool, key=lambda i: (sum(table[(t, i)] for t in on), -i))

    held = {t: table[(t, best([o for o in topics if o != t]))] for t in topics}
    everywhere = best(list(topics))
    print(json.dumps({
        "leave_one_topic_out": {t: round(v, 4) for t, v in held.items()},
        "leave_one_topic_out_mean": round(sum(held.values()) / len(held), 4),
        "weights": grid[everywhere],
        "in_sample_mean": round(sum(table[(t, everywhere)] for t in topics) / len(topics), 4),
    }, indent=1))  # fmt: skip
    if write:
        out = Path(__file__).resolve().parents[1] / "src" / "dossier" / "data" / "salience.json"
        raw = json.loads(out.read_text(encoding="utf-8"))
        raw["weights"] = grid[everywhere]
        out.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--write" in sys.argv[2:])
