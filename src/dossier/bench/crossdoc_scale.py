"""The scale run: N synthetic articles recombined from the bench texts.

Article ``i`` belongs to synthetic story ``i // PER_STORY``; each story is drawn from one
bench subtopic and dated ``story // STORIES_PER_DAY`` days after a fixed start, so about
``STORIES_PER_DAY * PER_STORY`` articles appear a day whatever N is (a steady news
stream). An article takes the mention sentences of two bench documents of its subtopic
(chosen with a seeded generator: deterministic). Stories are NOT given to the resolver:
documents are grouped into stories by the date-windowed embedding index, then mentions
are clustered inside story blocks. The articles are ingested one day at a time (a daily
crawl); each ingest re-clusters only the story blocks it touches. A subtopic comes back
every ``len(subtopics) / STORIES_PER_DAY`` days, more than the date window on both sides,
so recombined copies of one bench story are separate synthetic stories.

Reported: seconds per 1,000 articles (all of it, and the resolution alone, parses and
vectors being cached by sentence text), and the peak resident memory of the process
(run one N per process).
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import resource
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from dossier.resolve.events.mention import EventMention
from dossier.resolve.events.resolver import EventResolver

PER_STORY = 8
STORIES_PER_DAY = 2
START = dt.date(2020, 1, 1)


def build(data: Path, n: int, seed: int = 7) -> list[EventMention]:
    """Mentions of ``n`` synthetic articles (ids ``a<i>:<bench mention id>``)."""
    from dossier.bench.crossdoc import _read, load_bench

    mentions, _, topic_of = load_bench(data)
    subtopic_of = {d["doc_id"]: d["subtopic"] for d in _read(data) if d["doc_id"] in topic_of}
    by_doc: dict[str, list[EventMention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc_id].append(m)
    docs_of: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(by_doc):
        docs_of[subtopic_of[doc_id]].append(doc_id)
    subtopics = sorted(docs_of)
    rng = random.Random(seed)
    out: list[EventMention] = []
    for i in range(n):
        story = i // PER_STORY
        docs = docs_of[subtopics[story % len(subtopics)]]
        picked = sorted({rng.choice(docs), rng.choice(docs)})
        date = START + dt.timedelta(days=story // STORIES_PER_DAY)
        for doc_id in picked:
            for m in by_doc[doc_id]:
                out.append(
                    EventMention(f"a{i}:{m.id}", f"a{i}", m.sentence, m.start, m.end, date=date)
                )
    return out


def run_scale(data: Path, n: int) -> dict[str, Any]:
    mentions = build(data, n)
    t0 = time.perf_counter()
    resolver = EventResolver()
    # warm the caches (parses, vectors) so the resolution time is measured on its own
    resolver.analyser.analyse(mentions)
    t1 = time.perf_counter()
    by_day: dict[Any, list[EventMention]] = defaultdict(list)
    for m in mentions:
        by_day[m.date].append(m)
    for day in sorted(by_day):  # one ingest a day, in date order
        resolver.add(by_day[day])
        # The held mentions are long-lived: keep the cyclic collector from walking them
        # again at every full collection (its cost would grow with the store).
        gc.freeze()
    t2 = time.perf_counter()
    gc.unfreeze()
    clusters = resolver.clusters()
    return {
        "articles": n,
        "mentions": len(mentions),
        "stories": len(set(resolver.stories.story_of.values())),
        "events": len(set(clusters.values())),
        "seconds": round(t2 - t0, 3),
        "seconds_per_1k_articles": round((t2 - t0) / n * 1000, 3),
        "resolve_seconds_per_1k_articles": round((t2 - t1) / n * 1000, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
