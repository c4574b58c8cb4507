"""The same inputs make the same record in SQLite and in PostgreSQL: every table row for
row, the timeline, and every listing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import dossier
from dossier.api import Dossier
from dossier.store import Query, Store
from store_tables import dump

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module", params=["examples", "seeds+examples"])
def pair(
    request: pytest.FixtureRequest, pg_server: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Dossier, Dossier, str, str]]:
    inputs = [str(EXAMPLES)]
    if request.param == "seeds+examples":
        if not SEEDS.is_dir():
            pytest.skip(f"seed articles not found at {SEEDS} (../shared is absent): skipping")
        inputs.append(str(SEEDS))
    lite = str(tmp_path_factory.mktemp("lite") / "store.sqlite")
    url = pg_server.url()
    with dossier.open(lite) as a, dossier.open(url) as b:
        a.ingest(inputs)
        b.ingest(inputs)
        yield a, b, lite, url


def test_every_table_is_the_same_row_for_row(pair: tuple[Dossier, Dossier, str, str]) -> None:
    _, _, lite, url = pair
    assert dump(url, like=lite) == dump(lite, like=lite)


def test_the_timelines_are_equal(pair: tuple[Dossier, Dossier, str, str]) -> None:
    a, b, _, _ = pair
    left, right = a.timeline(off_topic=True), b.timeline(off_topic=True)
    assert [v.as_json() for v in right] == [v.as_json() for v in left]
    assert [v.as_json() for v in b.timeline()] == [v.as_json() for v in a.timeline()]


def _calls(store: Store) -> dict[str, Callable[[], Any]]:
    ids = store.article_ids()
    ents = [e.id for e in store.entities()]
    days = sorted({e.date for e in store.timeline() if e.date and e.date_precision == "day"})
    some = frozenset(ents[:3])
    return {
        "articles": lambda: store.articles(),
        "article_heads": lambda: store.article_heads(ids),
        "mentions": lambda: store.mentions(),
        "times": lambda: store.times(),
        "quotes": lambda: store.quotes(),
        "events": lambda: store.events(),
        "entities": lambda: store.entities(),
        "entities_top": lambda: store.entities_top(7),
        "stories": lambda: store.stories(),
        "active_stories": lambda: store.active_stories(None, None, 5),
        "story_members": lambda: store.story_members(),
        "failures": lambda: store.failures(),
        "timeline_span": lambda: store.timeline_span(),
        "off_topic": lambda: store.off_topic(ids),
        "entity_rows": lambda: store.entity_rows(ents),
        "day_counts": lambda: store.day_counts(),
        "day_rows": lambda: store.day_rows(days, 3),
        "place_counts": lambda: store.place_counts(50),
        "actor_edges": lambda: store.actor_edges(50),
        "article_prefix": lambda: store.article_prefix(ids[0][:3].upper()),
        "match_entities": lambda: sorted(store.match_entities("korea")),
        "page_articles": lambda: store.page_articles(Query(source="e", limit=4, offset=2)),
        "page_articles_dates": lambda: store.page_articles(Query(since="2023-01-01")),
        "page_events": lambda: store.page_events(Query(entity_ids=some, source="a")),
        "page_events_none": lambda: store.page_events(Query(entity_ids=frozenset())),
        "page_quotes": lambda: store.page_quotes(Query(extra={"speech_only": True})),
        "page_timeline": lambda: store.page_timeline(
            Query(limit=10, extra={"min_sources": 2, "on_topic": True})
        ),
        "page_timeline_days": lambda: store.page_timeline(
            Query(since="2023-01-01", until="2024-12-31", extra={"days": days[:5]})
        ),
        "page_entities": lambda: store.page_entities(Query(source="o", limit=20)),
        "page_stories": lambda: store.page_stories(Query(since="2020-01-01")),
        "page_comparisons": lambda: store.page_comparisons(Query(), disagreeing=False),
        "page_disagreements": lambda: store.page_comparisons(Query(), disagreeing=True),
    }


NAMES = [
    "articles", "article_heads", "mentions", "times", "quotes", "events", "entities",
    "entities_top", "stories", "active_stories", "story_members", "failures",
    "timeline_span", "off_topic", "entity_rows", "day_counts", "day_rows", "place_counts",
    "actor_edges", "article_prefix", "match_entities", "page_articles",
    "page_articles_dates", "page_events", "page_events_none", "page_quotes",
    "page_timeline", "page_timeline_days", "page_entities", "page_stories",
    "page_comparisons", "page_disagreements",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_every_read_is_the_same(pair: tuple[Dossier, Dossier, str, str], name: str) -> None:
    a, b, _, _ = pair
    assert _calls(b.store)[name]() == _calls(a.store)[name]()
