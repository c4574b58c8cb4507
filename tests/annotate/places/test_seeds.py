"""Places in the real seed articles in ../shared/seeds (skipped when absent).

Only place names are looked up here; no seed sentence is copied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.annotate.entities import extract_mentions
from dossier.records import Article, Mention

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def seed_mentions(seeds_dir: Path, nlp: Any) -> list[Mention]:
    out: list[Mention] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem, text=text, path=str(path), fmt="txt")
        out.extend(extract_mentions(article, nlp(text)))
    return out


def _places(mentions: list[Mention], text: str) -> list[Mention]:
    hits = [m for m in mentions if m.text == text and m.type == "PLACE"]
    assert hits, f"no place mention {text!r}"
    return hits


def test_literal_place_mentions_get_coordinates(seed_mentions: list[Mention]) -> None:
    literal = [m for m in seed_mentions if m.type == "PLACE" and m.usage == "literal"]
    placed = [m for m in literal if m.lat is not None and m.lon is not None]
    assert len(placed) >= 0.9 * len(literal)


def test_vostochny_cosmodrome_lies_in_the_amur_region(seed_mentions: list[Mention]) -> None:
    m = _places(seed_mentions, "Vostochny cosmodrome")[0]
    assert m.country_code == "RU" and m.lat is not None and m.lon is not None
    assert 50.5 < m.lat < 53.5 and 126 < m.lon < 131  # Amur Oblast


def test_sevastopol_is_the_crimean_port(seed_mentions: list[Mention]) -> None:
    assert {m.geonameid for m in _places(seed_mentions, "Sevastopol")} == {694423}


def test_sea_of_azov_is_the_sea(seed_mentions: list[Mention]) -> None:
    m = _places(seed_mentions, "Sea of Azov")[0]
    assert m.geo_how == "supplement" and m.lat is not None and 45 < m.lat < 47.5


def test_yakutia_is_the_russian_republic(seed_mentions: list[Mention]) -> None:
    m = _places(seed_mentions, "Yakutia")[0]
    assert m.country_code == "RU" and m.lat is not None and m.lat > 60


def test_the_kremlin_is_a_metonym_for_russia(seed_mentions: list[Mention]) -> None:
    hits = [m for m in seed_mentions if m.text == "Kremlin"]
    assert hits and all(m.usage == "metonymic" and m.country_code == "RU" for m in hits)
    assert all(m.lat is None for m in hits)
