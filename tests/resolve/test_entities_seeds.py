"""Entities over the real seed articles in ../shared/seeds (skipped when absent).

Only names and short phrases are looked up here; no seed sentence is copied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.annotate.entities import extract_mentions
from dossier.records import Article, Entity, Mention
from dossier.resolve.entities import resolve_entities

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def seed_mentions(seeds_dir: Path, nlp: Any) -> list[Mention]:
    out: list[Mention] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem, text=text, path=str(path), fmt="txt")
        out.extend(extract_mentions(article, nlp(text)))
    return out


@pytest.fixture(scope="module")
def seed_entities(seed_mentions: list[Mention]) -> list[Entity]:
    return resolve_entities(seed_mentions)[0]


def _entity_with_alias(entities: list[Entity], alias: str) -> Entity:
    hits = [e for e in entities if alias in e.aliases]
    assert len(hits) == 1, f"{alias!r} is in {len(hits)} entities"
    return hits[0]


def _person(mentions: list[Mention], text: str) -> Mention:
    hits = [m for m in mentions if m.text == text and m.type == "PERSON"]
    assert hits, f"no PERSON mention {text!r}"
    return hits[0]


def test_misspelt_korean_name_joins_the_leader(seed_entities: list[Entity]) -> None:
    ent = _entity_with_alias(seed_entities, "Kim Jon Un")
    assert ent.name == "Kim Jong Un"
    assert {"Kim Jong Un", "Kim Jong-un", "Kim"} <= set(ent.aliases)
    assert not any(e.name == "Kim Jon Un" for e in seed_entities)


def test_father_and_grandfather_stay_separate(seed_entities: list[Entity]) -> None:
    leader = _entity_with_alias(seed_entities, "Kim Jong Un")
    assert _entity_with_alias(seed_entities, "Kim Jong Il").id != leader.id
    assert _entity_with_alias(seed_entities, "Kim Il Sung").id != leader.id


def test_misspelt_city_is_one_place(seed_entities: list[Entity]) -> None:
    ent = _entity_with_alias(seed_entities, "Vladivostock")
    assert ent.name == "Vladivostok" and "Vladivostok" in ent.aliases


def test_putin_variants_are_one_person(seed_entities: list[Entity]) -> None:
    ent = _entity_with_alias(seed_entities, "Vladimir Vladimirovich Putin")
    assert ent.name == "Vladimir Putin" and "Putin" in ent.aliases


def test_spokesman_role(seed_mentions: list[Mention]) -> None:
    role = _person(seed_mentions, "Dmitry Peskov").role
    assert role is not None and "spokesman" in role


def test_institute_affiliation(seed_mentions: list[Mention]) -> None:
    assert (
        _person(seed_mentions, "Oskar Pietrewicz").org
        == "Polish Institute of International Affairs"
    )


def test_security_advisor_role(seed_mentions: list[Mention]) -> None:
    assert _person(seed_mentions, "Jake Sullivan").role in (
        "US National Security Advisor",
        "National Security Advisor",
    )


def test_split_name_keeps_its_council(seed_mentions: list[Mention]) -> None:
    assert _person(seed_mentions, "Kirby").org == "United States National Security Council"


def test_seed_spans_are_exact(seeds_dir: Path, seed_mentions: list[Mention]) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    for m in seed_mentions:
        assert texts[m.article_id][m.start : m.end] == m.text
        if m.role is not None:
            assert texts[m.article_id][m.role_start : m.role_end] == m.role
