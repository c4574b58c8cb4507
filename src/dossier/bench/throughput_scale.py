"""The scale run: a store of N articles recombined from the bench texts, as in
``bench crossdoc --synthetic``.

A pool of real articles (the first ``pool`` distinct texts of the data file) is parsed and
annotated once. Synthetic article ``i`` belongs to story ``i // PER_STORY``, dated
``story // STORIES_PER_DAY`` days after a fixed start (a steady news stream: about
``PER_STORY * STORIES_PER_DAY`` articles a day whatever N is). It takes three paragraphs
of each of two pool articles (chosen with a seeded generator: deterministic), and their
annotations moved to where the paragraphs now sit, with every date moved by the days
between the pool article's date and the synthetic one. The synthetic articles then go
through the real pipeline (dedup, store, resolve) with their annotations given: what is
measured is what grows with the store. Parsing and annotating cost the same per article
at any N, and ``bench throughput`` measures them.

Reported for one N (run one N per process, for its peak memory): seconds per 1,000
articles; the cost of one more real article (parsed, annotated, stored, resolved) into
the store of N; the latency of ``db.timeline(entity=..., since=..., limit=50)``; peak
resident memory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dossier.bench.common import load_rows
from dossier.bench.throughput import distinct_rows, peak_rss_mb
from dossier.ids import digest
from dossier.ingest import prepare
from dossier.ingest.formats import record
from dossier.ingest.identity import content_id
from dossier.records import Annotations, Article, IngestFailure, RawDocument
from dossier.timing import Stages

PER_STORY = 8
STORIES_PER_DAY = 2
START = dt.date(2020, 1, 1)
PARAGRAPHS = 3  # taken from each of the two pool articles
_PARA = re.compile(r"\n\s*\n|\n")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def shift_value(value: str | None, days: int) -> str | None:
    """A calendar value moved by ``days`` at its own precision (others unchanged)."""
    if not value:
        return value
    if m := _DAY.match(value):
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + dt.timedelta(days)
        return d.isoformat() + value[10:]
    if m := _MONTH.match(value):
        d = dt.date(int(m.group(1)), int(m.group(2)), 15) + dt.timedelta(days)
        return f"{d.year:04d}-{d.month:02d}"
    if m := _YEAR.match(value):
        d = dt.date(int(m.group(1)), 7, 1) + dt.timedelta(days)
        return f"{d.year:04d}"
    return value


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PARA.finditer(text):
        if m.start() > start and text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


class Pool:
    """Real articles with their annotations, to recombine."""

    def __init__(self, articles: list[Article], annotations: list[Annotations]) -> None:
        self.articles = articles
        self.annotations = {a.article_id: a for a in annotations}
        self.paras = {a.id: _paragraphs(a.text) for a in articles}
        self.usable = [a for a in articles if len(self.paras[a.id]) >= PARAGRAPHS and a.published]

    def synthetic(self, i: int, rng: random.Random) -> tuple[RawDocument, Annotations]:
        story = i // PER_STORY
        day = START + dt.timedelta(days=story // STORIES_PER_DAY)
        picked = rng.sample(self.usable, 2)
        pieces: list[tuple[Article, tuple[int, int]]] = []
        for art in picked:
            spans = self.paras[art.id]
            first = rng.randrange(0, len(spans) - PARAGRAPHS + 1)
            pieces.extend((art, s) for s in spans[first : first + PARAGRAPHS])
        text = ""
        moves: list[tuple[Article, int, int, int]] = []  # article, start, end, delta
        for art, (s, e) in pieces:
            if text:
                text += "\n\n"
            moves.append((art, s, e, len(text) - s))
            text += art.text[s:e]
        aid = content_id(text)
        ann = Annotations(aid)
        ids: dict[str, str] = {}
        kept: list[tuple[Any, int, int]] = []
        for art, s, e, delta in moves:
            src = self.annotations[art.id]
            days = (day - dt.date.fromisoformat((art.published or "")[:10])).days
            records: list[Any] = [*src.mentions, *src.times, *src.quotes, *src.events]
            for rec in records:
                if s <= rec.start and rec.end <= e:
                    ids[rec.id] = rec.id.split("_", 1)[0] + "_" + digest(aid, rec.id, length=12)
                    kept.append((rec, delta, days))
        for rec, delta, days in kept:
            moved = _move(rec, aid, delta, days, ids)
            getattr(ann, _LIST[type(rec).__name__]).append(moved)
        doc = RawDocument(
            path=f"synthetic:{i}", fmt="txt", text=text, title=None, published=day.isoformat()
        )
        return doc, ann


_LIST = {"Mention": "mentions", "TimeExpr": "times", "Quote": "quotes", "Event": "events"}
_REFS = ("speaker_mention_id", "source_mention_id", "target_mention_id", "place_mention_id",
         "time_id", "quote_id")  # fmt: skip
_DATES = ("date", "value", "begin", "end_value")


def _move(rec: Any, aid: str, delta: int, days: int, ids: dict[str, str]) -> Any:
    changes: dict[str, Any] = {"id": ids[rec.id], "article_id": aid}
    for f in dataclasses.fields(rec):
        value = getattr(rec, f.name)
        if (f.name.endswith("start") or f.name.endswith("end")) and isinstance(value, int):
            changes[f.name] = value + delta
        elif f.name in _REFS and value is not None:
            changes[f.name] = ids.get(value)
        elif f.name in _DATES and isinstance(value, str):
            changes[f.name] = shift_value(value, days)
    if type(rec).__name__ == "Quote":
        changes["relayed_by"] = [
            dataclasses.replace(
                r,
                start=None if r.start is None else r.start + delta,
                end=None if r.end is None else r.end + delta,
                date=shift_value(r.date, days),
            )
            for r in rec.relayed_by
        ]
    return dataclasses.replace(rec, **changes)


def _pool(data: Path, size: int) -> tuple[Pool, list[dict[str, Any]]]:
    from dossier.annotate import annotate

    rows = distinct_rows(data, size + 20)
    articles = []
    for n, row in enumerate(rows[:size], start=1):
        doc = record(row, f"pool:{n}", "jsonl", n, f"line {n}")
        if not isinstance(doc, IngestFailure):
            articles.append(prepare(doc))
    return Pool(articles, list(annotate(articles))), rows[size:]


def run_scale(data: Path, n: int, pool: int = 200, seed: int = 7) -> dict[str, Any]:
    import dossier
    from dossier.annotate import nlp
    from dossier.pipeline import Pipeline
    from dossier.resolve.events import embeddings

    nlp.load()
    embeddings.embed(["warm up"])
    source, rest = _pool(data, pool)
    given: dict[str, Annotations] = {}
    made = {"seconds": 0.0, "fallback": 0}

    def stream() -> Iterator[RawDocument]:
        rng = random.Random(seed)
        for i in range(n):
            t0 = time.perf_counter()
            doc, ann = source.synthetic(i, rng)
            given[ann.article_id] = ann
            made["seconds"] += time.perf_counter() - t0
            yield doc

    def replay(articles: Any, stages: Stages) -> list[Annotations | IngestFailure]:
        from dossier.pipeline import annotate_here

        out: list[Annotations | IngestFailure] = []
        for a in articles:
            ann = given.pop(a.id, None)
            if ann is None:  # the stored text is not the recombined one: annotate it
                made["fallback"] += 1
                out.extend(annotate_here([a], stages))
            else:
                out.append(ann)
        return out

    with tempfile.TemporaryDirectory() as tmp, dossier.open(Path(tmp) / "scale.sqlite") as db:
        t0 = time.perf_counter()
        report = Pipeline(db.store, annotator=replay).run_documents(stream())
        seconds = time.perf_counter() - t0 - made["seconds"]
        one = _one_more(db, rest, tmp)
        latency, entity = _query_latency(db)
        rows = db.timeline(limit=0).total
        entities = db.entities(limit=0).total
    return {
        "articles": n,
        "stored": len(report.added),
        "duplicates": len(report.duplicates),
        "failed": len(report.failures),
        "annotated_again": made["fallback"],
        "timeline_rows": rows,
        "entities": entities,
        "days": n // (PER_STORY * STORIES_PER_DAY),
        "seconds": round(seconds, 3),
        "seconds_per_1k_articles": round(seconds / n * 1000, 3),
        "stages_per_1k_articles": {k: round(v / n * 1000, 3) for k, v in report.stages.items()},
        "one_more_article_seconds": one["seconds"],
        "one_more_article_stages": one["stages"],
        "timeline_query_ms": latency,
        "timeline_query_entity": entity,
        "peak_rss_mb": peak_rss_mb(),
        "generation_seconds": round(made["seconds"], 3),
    }


def _one_more(db: Any, rest: list[dict[str, Any]], tmp: str) -> dict[str, Any]:
    """One real article the store has not seen, through the whole pipeline."""
    import json

    path = Path(tmp) / "one.jsonl"
    # a real-length article (the first one left of 2,000 characters or more)
    row = next((dict(r) for r in rest if len(r["text"]) >= 2000), dict(rest[0]) if rest else {})
    row.setdefault("text", "An extra article about a meeting in Rome on 3 May 2020.")
    row.setdefault("meta", {})
    row["date"] = (START + dt.timedelta(days=1)).isoformat()  # it lands inside the stream
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    report = db.ingest([str(path)])
    return {"seconds": round(time.perf_counter() - t0, 3), "stages": report.stages}


def _query_latency(db: Any) -> tuple[float, str | None]:
    """Median milliseconds of the timeline of the most mentioned person, since the
    middle of the stream, first 50 rows."""
    people = [e for e in db.store.entities_top(20) if e.type == "PERSON"]
    name = people[0].name if people else None
    days = db.store.timeline_span()
    since = days[0] if days else START.isoformat()
    if days:
        lo, hi = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[1])
        since = (lo + (hi - lo) / 2).isoformat()
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        db.timeline(entity=name, since=since, limit=50)
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 2), name


__all__ = ["load_rows", "run_scale", "shift_value"]
