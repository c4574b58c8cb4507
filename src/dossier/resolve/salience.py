"""Which days of a story matter most, from what the record holds.

A day's importance is a weighted sum (weights in ``data/salience.json``, fitted on the
Timeline17 dev topics by leave-one-topic-out cross-validation: ``scripts/fit_salience.py``)
of, each as log(1 + count):

- ``published``: articles published that day, and ``published_next``: the day after
  (reports of yesterday's events);
- ``referred``: articles whose text refers to that day (a time expression dated to it);
- ``referred_later``: articles published more than a day later that still refer to it,
  and ``referred_far``: more than ``LOOK_BACK_DAYS`` later (what later coverage looks
  back on: the day a story turned, not only the day it was news);
- ``reported``: timeline rows dated to that day, each counted by the articles behind it
  beyond the first (an event several sources report).

A row's importance (:func:`row_importance`) weighs what the record holds about it: its
independent sources and its mentions (each as log(1 + count)), whether it is reported as
done rather than expected, the intensity of its CAMEO code (Goldstein, |g| / 10), and how
central its actors are to the story (the share of the story's rows the most central of
them is in, against the most any entity is in). The weights are set by hand, each term
in [0, 1] but the counts, so that sources count most; they order a day's rows, never the
days.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from dossier.resources import data_path

# How firmly a row's status says it took place.
DONE = {"asserted": 1.0, "reported": 0.8, "expected": 0.5, "negated": 0.3, "hypothetical": 0.2}
ROW_WEIGHTS = {"sources": 2.0, "mentions": 0.5, "done": 1.0, "intensity": 0.5, "central": 1.0}

FEATURES = (
    "published",
    "published_next",
    "referred",
    "referred_later",
    "referred_far",
    "reported",
)
LOOK_BACK_DAYS = 7


class DaySource(Protocol):
    def day_counts(self) -> dict[str, dict[str, int]]: ...
    def day_rows(self, days: list[str], per_day: int) -> dict[str, list[dict[str, Any]]]: ...


@dataclass(frozen=True)
class Weights:
    values: dict[str, float]

    def score(self, feats: dict[str, float]) -> float:
        return sum(self.values.get(k, 0.0) * v for k, v in feats.items())


@lru_cache(maxsize=1)
def weights() -> Weights:
    raw = json.loads(data_path("salience.json").read_text(encoding="utf-8"))
    return Weights({k: float(raw["weights"][k]) for k in FEATURES})


def _next(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def day_features(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    """Features of every day any count names (log(1 + count) each)."""
    out: dict[str, dict[str, float]] = {}
    for day, c in counts.items():
        try:
            following = counts.get(_next(day), {})
        except ValueError:
            continue
        out[day] = {
            "published": math.log1p(c.get("published", 0)),
            "published_next": math.log1p(following.get("published", 0)),
            "referred": math.log1p(c.get("referred", 0)),
            "referred_later": math.log1p(c.get("referred_later", 0)),
            "referred_far": math.log1p(c.get("referred_far", 0)),
            "reported": math.log1p(c.get("reported", 0)),
        }
    return out


def rank_days(source: DaySource, w: Weights | None = None) -> list[tuple[str, float]]:
    """Every day, most important first (ties: the earlier day)."""
    w = w or weights()
    feats = day_features(source.day_counts())
    scored = [(day, round(w.score(f), 6)) for day, f in feats.items()]
    scored.sort(key=lambda ds: (-ds[1], ds[0]))
    return scored


def system_timeline(
    source: DaySource, per_day: int = 3, w: Weights | None = None
) -> dict[str, Any]:
    """Days, most important first, each with the text of its top rows (the shape the
    Timeline17 scorer reads)."""
    ranked = rank_days(source, w)
    rows = source.day_rows([d for d, _ in ranked], per_day)
    return {
        "dates": [
            {"date": d, "importance": s, "summary": [r["text"] for r in rows.get(d, [])]}
            for d, s in ranked
        ]
    }


def row_importance(
    n_sources: int,
    n_mentions: int,
    status: str,
    goldstein: float | None,
    centrality: float,
) -> float:
    """A row's importance from its evidence (see the module docstring)."""
    w = ROW_WEIGHTS
    return round(
        w["sources"] * math.log1p(n_sources)
        + w["mentions"] * math.log1p(n_mentions)
        + w["done"] * DONE.get(status, 0.0)
        + w["intensity"] * abs(goldstein or 0.0) / 10.0
        + w["central"] * centrality,
        4,
    )
