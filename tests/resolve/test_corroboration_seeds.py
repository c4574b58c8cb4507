"""Corroboration over the real seed articles in ../shared/seeds (skipped when absent)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import dossier
from dossier.records import TimelineEntry
from dossier.resolve.corroboration import Comparison, compare, corroborate


@pytest.fixture(scope="module")
def found(
    seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[tuple[TimelineEntry, Comparison]]]:
    folder = tmp_path_factory.mktemp("seeds")
    for f in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(f, folder / f.name)
    db = dossier.open(tmp_path_factory.mktemp("db") / "seeds.sqlite")
    db.ingest([folder])
    entities = {e.id: e for e in db.store.entities()}
    entity_of = {
        m.id: entities[m.entity_id]
        for m in db.store.mentions()
        if m.entity_id and m.entity_id in entities
    }
    events = {e.id: e for e in db.store.events()}
    articles = {a.id: a for a in db.store.articles()}
    rows = [v.entry for v in db.timeline()]
    found = corroborate(rows, events, articles, entity_of)
    # a detail of a row that no other source reports is still compared (a single claim)
    alone = [(row, c) for row in rows for c in compare(row, events, articles, entity_of)]
    yield found + [(r, c) for r, c in alone if len(r.article_ids) == 1 and c.detail == "quantity"]
    db.close()


def test_the_2023_summit_place_is_disputed_between_two_sources(
    found: list[tuple[TimelineEntry, Comparison]],
) -> None:
    (comp,) = [c for row, c in found if c.detail == "place" and row.date == "2023-09-13"]
    assert not comp.agree
    places = [p.value for p in comp.positions]
    assert any("Vladivostok" in p for p in places) and any("Vostochny" in p for p in places)
    assert set(comp.positions[0].sources).isdisjoint(comp.positions[1].sources)


def test_the_2023_summit_dates_of_two_sources_agree(
    found: list[tuple[TimelineEntry, Comparison]],
) -> None:
    (comp,) = [c for row, c in found if c.detail == "date" and row.date == "2023-09-13"]
    assert comp.agree and len(comp.agreeing_sources) > 1


def test_the_shell_count_is_kept_as_one_hedged_source(
    found: list[tuple[TimelineEntry, Comparison]],
) -> None:
    (comp,) = [c for _, c in found if c.detail == "quantity" and "million" in c.claims[0].value]
    (claim,) = comp.claims
    assert comp.single_source and claim.hedges
    assert claim.low is not None and claim.high is not None and claim.low < claim.high
