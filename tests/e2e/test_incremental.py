"""Incremental resolution equals the full rebuild, whatever order the articles arrive in.

The seeds and the examples are ingested one article at a time, in several orders. The
record (entities, mention links, timeline rows with their members and reasons, the
candidate index, windows, comparisons, leaves) must equal what ``resolve --all``
rebuilds from the same annotations, and, apart from the stories (grouped as articles
arrive), be the same in every order.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import dossier

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ORDERS = [0, 1, 2]

QUERIES = {
    "entities": "SELECT id, name, type, aliases, roles, mentions, geonameid, lat, lon, "
    "country_code FROM entities ORDER BY id",
    "mention_entity": "SELECT id, entity_id, leaf FROM mentions ORDER BY id",
    "timeline": "SELECT * FROM timeline ORDER BY id",
    "members": "SELECT event_id, row_id, layer, why FROM timeline_members ORDER BY event_id",
    "keys": "SELECT key, kind, lo, hi, event_id FROM timeline_keys ORDER BY event_id, key, kind",
    "windows": "SELECT id, published_how, published_earliest, published_latest, "
    "published_evidence FROM articles ORDER BY id",
    "comparisons": "SELECT row_id, position, disagree, body FROM comparisons "
    "ORDER BY row_id, position",
    "leaves": "SELECT * FROM name_leaves ORDER BY id",
    "stories": "SELECT article_id, story_id, similarity FROM story_members ORDER BY article_id",
}


def _record(path: Path, stories: bool = True) -> dict[str, list[Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        out = {}
        for name, sql in QUERIES.items():
            if name == "stories" and not stories:
                continue
            rows = [dict(r) for r in conn.execute(sql)]
            if not stories:
                for r in rows:
                    r.pop("story_id", None)
            out[name] = rows
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def runs(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Each order's store, ingested one article at a time."""
    out = {}
    for seed in ORDERS:
        files = sorted(seeds_dir.glob("*.txt")) + sorted(EXAMPLES.glob("*"))
        random.Random(seed).shuffle(files)
        folder = tmp_path_factory.mktemp(f"in{seed}")
        path = folder / "inc.sqlite"
        with dossier.open(path) as db:
            for f in files:
                shutil.copy(f, folder / f.name)
                db.ingest([folder / f.name])
        out[seed] = path
    return out


@pytest.mark.parametrize("seed", ORDERS)
def test_resolve_all_gives_the_record_the_articles_built_one_at_a_time(
    runs: dict[int, Path], tmp_path: Path, seed: int
) -> None:
    inc = _record(runs[seed])
    copy = tmp_path / "copy.sqlite"
    shutil.copy(runs[seed], copy)
    with dossier.open(copy) as db:
        db.resolve()
    full = _record(copy)
    for name in QUERIES:
        assert inc[name] == full[name], name


@pytest.mark.parametrize("seed", ORDERS[1:])
def test_the_record_does_not_depend_on_the_arrival_order(runs: dict[int, Path], seed: int) -> None:
    first, other = _record(runs[ORDERS[0]], stories=False), _record(runs[seed], stories=False)
    for name in first:
        assert first[name] == other[name], name


def test_a_stream_of_weeks_arriving_out_of_order_gives_the_rebuilt_record(
    tmp_path: Path,
) -> None:
    """Recombined articles over ten weeks, ingested in shuffled batches: the sweep's
    windows, jumps and restored rows give what one rebuild gives."""
    from dossier.annotate import annotate
    from dossier.bench.throughput_scale import Pool
    from dossier.ingest import prepare, read_inputs
    from dossier.pipeline import Pipeline
    from dossier.records import Annotations, RawDocument

    raws = [r for r in read_inputs([str(EXAMPLES)]) if isinstance(r, RawDocument)]
    articles = [prepare(r) for r in raws]
    pool = Pool(articles, list(annotate(articles)))
    rng = random.Random(3)
    made = [pool.synthetic(i, rng) for i in range(160)]  # 16 a day: ten weeks
    given = {ann.article_id: ann for _, ann in made}
    docs = [doc for doc, _ in made]
    random.Random(5).shuffle(docs)

    def replay(batch: Any, stages: Any) -> list[Annotations]:
        return [given[a.id] for a in batch]

    path = tmp_path / "stream.sqlite"
    with dossier.open(path) as db:
        for start in range(0, len(docs), 20):
            Pipeline(db.store, annotator=replay).run_documents(docs[start : start + 20])
    inc = _record(path)
    layers = {m["layer"] for m in inc["members"]}
    assert "anchored" in layers and len(layers) > 1 and len(inc["timeline"]) > 20
    with dossier.open(path) as db:
        db.resolve()
    full = _record(path)
    for name in QUERIES:
        assert inc[name] == full[name], name
