"""Toponym behaviours: one check each."""

from __future__ import annotations

from typing import Any

from place_helpers import find, toponyms

from dossier.annotate.places.gazetteer import gazetteer


def test_misspelt_city_resolves_to_the_geonames_city(nlp: Any) -> None:
    tops = toponyms(nlp, "The leaders met in Vladivostock on Monday.")
    assert find(tops, "Vladivostock").geonameid == 2013348


def test_azov_sea_is_the_sea_not_the_town(nlp: Any) -> None:
    tops = toponyms(nlp, "Two boats sank in the Azov Sea last week.")
    assert find(tops, "Azov Sea").kind == "sea"


def test_subject_of_a_saying_verb_is_metonymic(nlp: Any) -> None:
    tops = toponyms(nlp, "Pyongyang denied the report on Tuesday.")
    assert find(tops, "Pyongyang").usage == "metonymic"


def test_place_after_a_preposition_is_literal(nlp: Any) -> None:
    tops = toponyms(nlp, "The summit was held in Pyongyang on Tuesday.")
    assert find(tops, "Pyongyang").usage == "literal"


def test_demonym_points_to_its_country(nlp: Any) -> None:
    tops = toponyms(nlp, "A North Korean delegation arrived on Monday.")
    t = find(tops, "North Korean")
    assert (t.usage, t.country_code, t.kind) == ("demonym", "KP", "country")


def test_article_country_decides_an_ambiguous_name(nlp: Any) -> None:
    tops = toponyms(nlp, "Police in Texas said the fire in Paris started in a barn.")
    assert find(tops, "Paris").country_code == "US"


def test_a_bare_famous_name_takes_the_largest_place(nlp: Any) -> None:
    tops = toponyms(nlp, "The exhibition opens in Paris next month.")
    assert find(tops, "Paris").country_code == "FR"


def test_unknown_short_word_has_no_fuzzy_match() -> None:
    from dossier.annotate.places import resolver

    assert resolver().candidates("Azovv")[0] == []


def test_region_from_the_supplement_has_a_point() -> None:
    regions = [e for e in gazetteer().lookup("Primorsky Krai") if e.kind == "region"]
    assert regions and regions[0].geonameid == 2017623


def test_capital_used_for_its_government_names_the_country_without_a_point(nlp: Any) -> None:
    from dossier.annotate.entities import extract_mentions
    from dossier.records import Article

    text = "Pyongyang denied the report on Tuesday."
    mentions = extract_mentions(Article(id="a", text=text, path="a.txt", fmt="txt"), nlp(text))
    m = next(m for m in mentions if m.text == "Pyongyang")
    assert (m.usage, m.country_code, m.lat, m.lon) == ("metonymic", "KP", None, None)


def test_literal_mention_gets_the_place_coordinates(nlp: Any) -> None:
    from dossier.annotate.entities import extract_mentions
    from dossier.records import Article

    text = "The summit was held in Pyongyang on Tuesday."
    mentions = extract_mentions(Article(id="a", text=text, path="a.txt", fmt="txt"), nlp(text))
    m = next(m for m in mentions if m.text == "Pyongyang")
    assert m.geonameid == 1871859 and m.lat is not None and abs(m.lat - 39.03) < 0.1


def test_misspelt_large_city_found_by_the_fuzzy_match() -> None:
    from dossier.annotate.places import resolver

    found, fuzzy = resolver().candidates("Novosibrisk")
    assert fuzzy and any(e.geonameid == 1496747 for e in found)


def test_bare_compass_word_is_not_geocoded(nlp: Any) -> None:
    tops = toponyms(nlp, "Leaders in the West were alarmed by the deal.")
    assert all(t.geonameid is None for t in tops if t.text == "West")


def test_capitalised_dateline_is_a_toponym(nlp: Any) -> None:
    tops = toponyms(nlp, "KHARKIV (Wire) - Sirens sounded twice overnight, officials said.")
    assert find(tops, "KHARKIV").country_code == "UA"


def test_month_after_a_preposition_is_not_a_place(nlp: Any) -> None:
    tops = toponyms(nlp, "The bridge will reopen in March, the council said.")
    assert all(t.text != "March" for t in tops)


def test_a_town_written_with_its_state_is_the_town_in_that_state(nlp: Any) -> None:
    tops = toponyms(nlp, "Firefighters in Athens, Georgia, said the warehouse fire was out.")
    athens, georgia = find(tops, "Athens"), find(tops, "Georgia")
    assert (athens.country_code, georgia.kind, georgia.country_code) == ("US", "admin1", "US")
    assert athens.how == "pair"


def test_names_in_a_list_are_not_read_as_town_and_state(nlp: Any) -> None:
    tops = toponyms(nlp, "Envoys from Georgia, Armenia and Azerbaijan met in Vienna.")
    assert find(tops, "Georgia").kind == "country"
    assert all(t.how != "pair" for t in tops)


def test_a_county_is_the_county_not_a_town_of_its_name(nlp: Any) -> None:
    tops = toponyms(nlp, "Deputies in Lamar County, Texas, searched the river banks.")
    county = find(tops, "Lamar County")
    assert (county.kind, county.country_code) == ("admin2", "US")
    assert county.lat is not None and county.lon is not None
    assert abs(county.lat - 33.7) < 0.5 and abs(county.lon + 95.6) < 0.5  # north-east Texas


def test_the_state_named_beside_a_county_picks_the_county(nlp: Any) -> None:
    tops = toponyms(nlp, "Schools in Orange County, Florida, stayed shut on Monday.")
    county = find(tops, "Orange County")
    assert county.lat is not None and 27.5 < county.lat < 29.5  # central Florida, not California


def test_a_big_city_named_like_its_state_is_the_city(nlp: Any) -> None:
    tops = toponyms(nlp, "The play opens in New York next month after a run in Chicago.")
    assert find(tops, "New York").kind == "city"


def test_the_state_suffix_names_the_division(nlp: Any) -> None:
    tops = toponyms(nlp, "Orchards in upstate New York State lost half their apples.")
    assert find(tops, "New York State").kind == "admin1"


def test_a_parish_the_model_missed_is_recovered(nlp: Any) -> None:
    tops = toponyms(nlp, "Crews from Jefferson Parish helped clear roads in New Orleans.")
    parish = find(tops, "Jefferson Parish")
    assert parish.kind == "admin2" and parish.mention_id is None


def test_a_country_by_its_former_or_short_name_is_the_country(nlp: Any) -> None:
    tops = toponyms(nlp, "Envoys from Macedonia and Swaziland arrived in Brussels on Monday.")
    assert find(tops, "Macedonia").country_code == "MK"
    assert find(tops, "Swaziland").country_code == "SZ"
