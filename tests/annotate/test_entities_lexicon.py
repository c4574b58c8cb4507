"""The entity lexicons: folding, fuzzy place lookup and the shipped data files."""

from __future__ import annotations

import pytest

from dossier.annotate.entities import place_info
from dossier.annotate.entities.lexicon import fold, lexicon
from dossier.resources import read_table

PLACE_KINDS = {"country", "city", "region", "facility", "sea", "continent"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The U.S.", "us"),
        ("Kim Jong-un’s", "kim jong un"),
        ("Türkiye", "turkiye"),
        ("  North   Korea's ", "north korea"),
    ],
)
def test_fold(text: str, key: str) -> None:
    assert fold(text) == key


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vladivostock", "Vladivostok"),
        ("Pyongyan", "Pyongyang"),
        ("Kiev", "Kyiv"),
        ("DPRK", "North Korea"),
        ("Azov Sea", "Sea of Azov"),
        ("Austria", "Austria"),
    ],
)
def test_fuzzy_place_finds_the_canonical_place(text: str, name: str) -> None:
    place = lexicon().fuzzy_place(text)
    assert place is not None and place.name == name


@pytest.mark.parametrize("text", ["Koreas", "Austral", "Azov Seaside", "Ukrainia Nova", "State"])
def test_fuzzy_place_refuses_loose_matches(text: str) -> None:
    assert lexicon().fuzzy_place(text) is None


def test_place_rows_are_well_formed() -> None:
    rows = read_table("places.tsv")[1:]
    assert rows
    for row in rows:
        assert len(row) in (7, 8), row
        _, _, kind, country, geonameid, lat, lon = row[:7]
        assert len(row) == 7 or row[7].startswith(country + "."), row
        assert kind in PLACE_KINDS, row
        assert country == "" or len(country) == 2, row
        assert geonameid == "" or geonameid.isdigit(), row
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, row


def test_no_alias_names_two_places() -> None:
    seen: dict[str, str] = {}
    for row in read_table("places.tsv")[1:]:
        for form in [row[0], *[a for a in row[1].split("|") if a]]:
            key = fold(form)
            assert seen.setdefault(key, row[0]) == row[0], (form, seen[key], row[0])


def test_every_demonym_points_at_a_known_place() -> None:
    from dossier.annotate.places.gazetteer import gazetteer

    lex = lexicon()
    gaz = gazetteer()
    for row in read_table("demonyms.tsv")[1:]:
        assert fold(row[1]) in lex.places or gaz.lookup(row[1]), row


def test_titles_and_honorifics_are_loaded() -> None:
    lex = lexicon()
    assert {"spokesman", "president", "advisor", "editor"} <= lex.titles
    assert {"mr", "comrade", "dr."} <= lex.honorifics
    assert lex.professional == {"dr", "prof"}


def test_place_info_gives_gazetteer_facts() -> None:
    place = place_info("Vladivostock")
    assert place is not None
    assert (place.name, place.kind, place.country, place.geonameid) == (
        "Vladivostok",
        "city",
        "RU",
        "2013348",
    )
    assert place_info("Atlantis Prime") is None
