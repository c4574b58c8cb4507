"""Entity resolution on hand-made mentions (no language model needed)."""

from __future__ import annotations

import random
import time

from dossier.records import EntityType, Mention
from dossier.resolve.entities import resolve_entities
from dossier.resolve.entities_names import compatible, person_tokens, token_match


def _m(article: str, start: int, text: str, etype: EntityType = "PERSON", **kw: str) -> Mention:
    return Mention(
        id=f"m_{article}_{start}",
        article_id=article,
        start=start,
        end=start + len(text),
        text=text,
        type=etype,
        extractor="test",
        version="0",
        **kw,  # type: ignore[arg-type]
    )


def _entity_of(mentions: list[Mention]) -> dict[str, str]:
    """Mention text@article:start -> entity name."""
    entities, assignment = resolve_entities(mentions)
    names = {e.id: e.name for e in entities}
    return {f"{m.text}@{m.article_id}:{m.start}": names[assignment[m.id]] for m in mentions}


def test_transliteration_variants_of_a_korean_name_are_one_person() -> None:
    ms = [
        _m("a", 0, "Kim Jong Un"),
        _m("b", 0, "Kim Jong-un"),
        _m("c", 0, "Kim Jon Un"),
        _m("d", 0, "Kim Jong-Un"),
        _m("e", 0, "Kim Jong Un"),
    ]
    assert set(_entity_of(ms).values()) == {"Kim Jong Un"}


def test_surname_transliterations_are_one_person() -> None:
    ms = [
        _m("a", 0, "Volodymyr Zelensky"),
        _m("b", 0, "Volodymyr Zelenskyy"),
        _m("c", 0, "Volodymyr Zelenskiy"),
        _m("d", 0, "Zelenskii"),
    ]
    (name,) = set(_entity_of(ms).values())
    assert name.startswith("Volodymyr Zelensk")


def test_name_tie_goes_to_the_spelling_closest_to_the_others() -> None:
    ms = [
        _m("a", 0, "Volodymyr Zelenskyy"),
        _m("b", 0, "Volodymyr Zelensky"),
        _m("c", 0, "Volodymyr Zelenski"),
    ]
    assert set(_entity_of(ms).values()) == {"Volodymyr Zelensky"}


def test_relatives_with_different_given_names_stay_apart() -> None:
    ms = [_m("a", 0, "Kim Jong Un"), _m("a", 40, "Kim Jong Il"), _m("a", 80, "Kim Il Sung")]
    assert len(set(_entity_of(ms).values())) == 3


def test_a_chain_of_near_misses_does_not_join_different_people() -> None:
    ms = [_m("a", 0, "Kim Jong Un"), _m("b", 0, "Kim Jon Un"), _m("c", 0, "Kim Jon Il")]
    names = _entity_of(ms)
    assert names["Kim Jon Il@c:0"] != names["Kim Jong Un@a:0"]


def test_bare_korean_family_name_links_to_the_full_name_in_its_article() -> None:
    ms = [_m("a", 0, "Kim Jong Un"), _m("a", 60, "Kim"), _m("b", 0, "Kim Jong Il")]
    assert _entity_of(ms)["Kim@a:60"] == "Kim Jong Un"


def test_bare_name_takes_the_most_recent_nearby_full_name() -> None:
    ms = [_m("a", 0, "Kim Jong Il"), _m("a", 100, "Kim Jong Un"), _m("a", 150, "Kim")]
    assert _entity_of(ms)["Kim@a:150"] == "Kim Jong Un"


def test_bare_name_far_from_any_full_name_takes_the_most_mentioned_one() -> None:
    ms = [
        _m("a", 0, "Kim Jong Un"),
        _m("a", 50, "Kim"),
        _m("a", 100, "Kim"),
        _m("a", 150, "Kim Il Sung"),
        _m("a", 2000, "Kim"),
    ]
    assert _entity_of(ms)["Kim@a:2000"] == "Kim Jong Un"


def test_spouses_sharing_a_surname_are_different_people() -> None:
    ms = [_m("a", 0, "George Bush"), _m("b", 0, "Laura Bush"), _m("b", 50, "Laura Bush")]
    names = _entity_of(ms)
    assert names["George Bush@a:0"] != names["Laura Bush@b:0"]


def test_patronymic_and_honorific_forms_join_the_full_name() -> None:
    ms = [
        _m("a", 0, "Vladimir Putin"),
        _m("b", 0, "Vladimir Vladimirovich Putin"),
        _m("c", 0, "Mr Putin"),
        _m("d", 0, "Putin"),
    ]
    assert set(_entity_of(ms).values()) == {"Vladimir Putin"}


def test_bare_surname_in_another_article_joins_the_only_matching_person() -> None:
    ms = [_m("a", 0, "Elena Varga"), _m("b", 0, "Varga")]
    assert _entity_of(ms)["Varga@b:0"] == "Elena Varga"


def test_bare_surname_with_a_spelling_slip_joins_the_person() -> None:
    ms = [_m("a", 0, "Dmitry Orlov"), _m("a", 30, "Dmitry Orlov"), _m("b", 0, "Orlow")]
    assert _entity_of(ms)["Orlow@b:0"] == "Dmitry Orlov"


def test_short_bare_name_needs_an_exact_spelling() -> None:
    ms = [_m("a", 0, "Kim Jong Un"), _m("b", 0, "Kin")]
    assert _entity_of(ms)["Kin@b:0"] == "Kin"


def test_ambiguous_bare_surname_in_another_article_stays_on_its_own() -> None:
    ms = [_m("a", 0, "George Bush"), _m("a", 30, "Laura Bush"), _m("b", 0, "Bush")]
    assert _entity_of(ms)["Bush@b:0"] == "Bush"


def test_country_aliases_are_one_place_named_canonically() -> None:
    ms = [
        _m("a", 0, "US", "PLACE"),
        _m("a", 10, "U.S.", "PLACE"),
        _m("b", 0, "the United States", "PLACE"),
        _m("c", 0, "USA", "PLACE"),
    ]
    assert set(_entity_of(ms).values()) == {"United States"}


def test_city_and_country_stay_apart_but_acronym_joins_country() -> None:
    ms = [
        _m("a", 0, "North Korea", "PLACE"),
        _m("a", 20, "DPRK", "PLACE"),
        _m("a", 40, "Pyongyang", "PLACE"),
    ]
    names = _entity_of(ms)
    assert names["DPRK@a:20"] == "North Korea"
    assert names["Pyongyang@a:40"] == "Pyongyang"


def test_old_and_new_spellings_of_a_city_are_one_place() -> None:
    ms = [_m("a", 0, "Kiev", "PLACE"), _m("b", 0, "Kyiv", "PLACE")]
    assert set(_entity_of(ms).values()) == {"Kyiv"}


def test_canonical_hint_from_the_extractor_names_the_place() -> None:
    ms = [
        _m("a", 0, "Vladivostock", "PLACE", canonical="Vladivostok"),
        _m("b", 0, "Vladivostok", "PLACE", canonical="Vladivostok"),
    ]
    assert set(_entity_of(ms).values()) == {"Vladivostok"}


def test_acronym_joins_the_organisation_whose_initials_it_spells() -> None:
    ms = [_m("a", 0, "Northern Fisheries Board", "ORG"), _m("a", 50, "NFB", "ORG")]
    assert _entity_of(ms)["NFB@a:50"] == "Northern Fisheries Board"


def test_spelling_variants_of_an_unlisted_organisation_are_one() -> None:
    ms = [
        _m("a", 0, "Harbour Coordination Press Centre", "ORG"),
        _m("a", 50, "Harbour Coordination Press Centre", "ORG"),
        _m("b", 0, "Harbour Coordination Press Center", "ORG"),
    ]
    assert set(_entity_of(ms).values()) == {"Harbour Coordination Press Centre"}


def test_organisations_differing_by_a_country_stay_apart() -> None:
    ms = [_m("a", 0, "Embassy of Austria", "ORG"), _m("b", 0, "Embassy of Australia", "ORG")]
    assert len(set(_entity_of(ms).values())) == 2


def test_surname_with_a_particle_links_to_the_full_name() -> None:
    ms = [_m("a", 0, "Hugo de Vries"), _m("a", 40, "de Vries"), _m("b", 0, "Anna Vries")]
    names = _entity_of(ms)
    assert names["de Vries@a:40"] == "Hugo de Vries"
    assert names["Anna Vries@b:0"] == "Anna Vries"


def test_capitalised_given_name_is_not_a_particle() -> None:
    assert person_tokens("Ben Ashton") == ("ben", "ashton")
    assert person_tokens("Hugo de Vries") == ("hugo", "devries")


def test_generational_suffix_does_not_split_a_person() -> None:
    ms = [_m("a", 0, "Robert Lane Jr."), _m("b", 0, "Robert Lane")]
    assert len(set(_entity_of(ms).values())) == 1


def test_unlisted_name_takes_its_majority_type() -> None:
    ms = [
        _m("a", 0, "Zentrix", "ORG"),
        _m("b", 0, "Zentrix", "ORG"),
        _m("c", 0, "Zentrix", "PERSON"),
    ]
    entities, _ = resolve_entities(ms)
    assert [(e.name, e.type, e.mentions) for e in entities] == [("Zentrix", "ORG", 3)]


def test_entity_lists_aliases_roles_and_mention_count() -> None:
    ms = [
        _m("a", 0, "Ivo Marek", role="Defence Minister"),
        _m("a", 40, "Marek"),
        _m("b", 0, "Ivo Marek", role="minister"),
    ]
    entities, _ = resolve_entities(ms)
    (ent,) = entities
    assert ent.mentions == 3
    assert set(ent.aliases) == {"Ivo Marek", "Marek"}
    assert set(ent.roles) == {"Defence Minister", "minister"}


def test_roles_differing_only_in_case_are_one_role() -> None:
    ms = [
        _m("a", 0, "Ivo Marek", role="spokesman"),
        _m("b", 0, "Ivo Marek", role="Spokesman"),
        _m("c", 0, "Ivo Marek", role="spokesman"),
    ]
    (ent,) = resolve_entities(ms)[0]
    assert ent.roles == ["spokesman"]


def test_headline_capitals_do_not_name_the_person() -> None:
    ms = [_m("a", 0, "KIM JONG UN"), _m("a", 40, "Kim Jong Un")]
    assert set(_entity_of(ms).values()) == {"Kim Jong Un"}


def test_entities_and_ids_do_not_depend_on_input_order() -> None:
    ms = [
        _m("a", 0, "Kim Jong Un"),
        _m("a", 30, "Kim"),
        _m("b", 0, "Kim Jon Un"),
        _m("b", 30, "Seoul", "PLACE"),
        _m("c", 0, "Kim Jong Il"),
    ]
    shuffled = list(ms)
    random.Random(7).shuffle(shuffled)
    assert resolve_entities(ms) == resolve_entities(shuffled)


def test_every_mention_gets_an_entity_and_ids_are_unique() -> None:
    ms = [_m("a", 0, "Ana Lis"), _m("a", 20, "Lis"), _m("a", 40, "Oslo", "PLACE")]
    entities, assignment = resolve_entities(ms)
    assert set(assignment) == {m.id for m in ms}
    assert len({e.id for e in entities}) == len(entities)
    assert all(e.id.startswith("ent_") for e in entities)


def test_token_match_allows_one_letter_slip_but_not_a_different_short_name() -> None:
    assert token_match("jon", "jong")
    assert token_match("dmitry", "dmitri")
    assert not token_match("jan", "jon")
    assert not token_match("un", "il")


def test_compatible_requires_first_and_last_names_to_agree() -> None:
    assert compatible(("vladimir", "putin"), ("vladimir", "vladimirovich", "putin"))
    assert not compatible(("george", "bush"), ("laura", "bush"))


def test_resolution_scales_to_thousands_of_articles() -> None:
    rng = random.Random(3)

    def word() -> str:
        return rng.choice("BCDFGKLMNPRSTVZ") + "".join(
            rng.choice("aeioulnrstkm") for _ in range(rng.randint(3, 8))
        )

    given = [word() for _ in range(300)]
    family = [word() for _ in range(300)]
    ms: list[Mention] = []
    for a in range(2000):
        for j in range(10):
            name = f"{rng.choice(given)} {rng.choice(family)}" if j % 2 else rng.choice(family)
            ms.append(_m(f"art{a}", j * 40, name))
    t0 = time.perf_counter()
    _, assignment = resolve_entities(ms)
    assert len(assignment) == len(ms)
    assert time.perf_counter() - t0 < 15


def test_places_with_one_gazetteer_id_are_one_entity_with_coordinates() -> None:
    def place(mid: str, text: str, art: str) -> Mention:
        return Mention(
            id=mid,
            article_id=art,
            start=0,
            end=len(text),
            text=text,
            type="PLACE",
            extractor="test",
            version="0",
            usage="literal",
            geonameid=2013348,
            lat=43.1,
            lon=131.9,
            country_code="RU",
        )

    entities, assignment = resolve_entities(
        [place("m1", "Vladyvostok", "a1"), place("m2", "Vladivostok", "a2")]
    )
    assert assignment["m1"] == assignment["m2"]
    ent = entities[0]
    assert (ent.geonameid, ent.country_code, ent.lat, ent.lon) == (2013348, "RU", 43.1, 131.9)


def test_place_without_geonames_id_keeps_its_supplement_coordinates() -> None:
    sea = Mention(
        id="m1",
        article_id="a1",
        start=0,
        end=11,
        text="Sea of Azov",
        type="PLACE",
        extractor="test",
        version="0",
        usage="literal",
        lat=46.0,
        lon=36.5,
    )
    ent = resolve_entities([sea])[0][0]
    assert (ent.geonameid, ent.lat, ent.lon) == (None, 46.0, 36.5)
