"""CAMEO-style actor codes from actor phrases."""

from __future__ import annotations

import pytest

from dossier.annotate.events.actors import actor_code, sector_code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian troops", "RUSMIL"),
        ("the Japanese government", "JPNGOV"),
        ("Hungarian and Romanian officials", "HUNGOV+ROUGOV"),
        ("NATO", "IGO"),
        ("rebels in Uganda", "UGAREB"),
        ("Both countries", ""),
    ],
)
def test_actor_code(text: str, code: str) -> None:
    assert actor_code(text) == code


def test_office_holder_is_dated() -> None:
    assert actor_code("Angela Merkel", "2015-06-01") == "DEUGOV"


def test_former_office_holder_is_elite() -> None:
    assert actor_code("Angela Merkel", "2023-06-01") == "DEUELI"


def test_leader_before_taking_office_is_elite() -> None:
    assert actor_code("Kim Jong Un", "2010-06-01") == "PRKELI"
    assert actor_code("Kim Jong Un", "2012-06-01") == "PRKGOV"


def test_same_person_changes_sector_with_office() -> None:
    assert actor_code("Shoigu", "2023-09-13") == "RUSMIL"
    assert actor_code("Shoigu", "2024-06-19") == "RUSGOV"


def test_surname_picks_holder_by_date() -> None:
    assert actor_code("President Bush", "1990-06-01") == "USAGOV"
    assert actor_code("Bush", "2012-06-01") == "USAELI"


def test_title_gives_country_and_sector() -> None:
    assert actor_code("British Defence Secretary Tom King") == "GBRGOV"


def test_former_title_is_elite() -> None:
    assert actor_code("former prime minister of Greece") == "GRCELI"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Kremlin", "RUSGOV"),
        ("Moscow", "RUSGOV"),
        ("the Pentagon", "USAMIL"),
        ("the Russian defence ministry", "RUSMIL"),
        ("Ukrainian drones", "UKRMIL"),
        ("a South Korean official", "KORGOV"),
        ("riot police in Liberia", "LBRCOP"),
        ("Israelis", "ISRCVL"),
        ("the opposition in Zimbabwe", "ZWEOPP"),
        ("UN peacekeepers", "IGOMIL"),
    ],
)
def test_descriptions_and_metonyms(text: str, code: str) -> None:
    assert actor_code(text) == code


def test_qualifier_country_does_not_join() -> None:
    assert actor_code("doctors of Canada in Iran") == "CANHLH"


def test_place_names_are_dated() -> None:
    assert actor_code("Juba", "2005-03-01") == "SDN"
    assert actor_code("Juba", "2015-03-01") == "SSDGOV"


def test_misspelt_country_name() -> None:
    assert actor_code("Ethopia") == "ETH"


def test_backer_is_not_the_actor() -> None:
    assert actor_code("NATO-member Norway") == "NOR"


def test_people_living_elsewhere() -> None:
    assert actor_code("the Albanians of southern Serbia") == "SRBCVL"


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Sheikh Hamad bin Khalifa al-Thani", "2001-05-01", "QATGOV"),
        ("Sisi", "2013-07-04", "EGYMIL"),
        ("President Abdel Fattah al-Sisi", "2020-01-01", "EGYGOV"),
        ("Donald Tusk", "2016-03-01", "IGOGOV"),
        ("Donald Tusk", "2024-03-01", "POLGOV"),
        ("Lula", "2005-06-01", "BRAGOV"),
        ("Hemedti", "2024-01-10", "SDNREB"),
        ("Archbishop Desmond Tutu", "1995-01-01", "ZAFREL"),
        ("Andreas Papandreou", "2000-01-01", "GRCELI"),
    ],
)
def test_leaders_named_without_their_country(text: str, date: str, code: str) -> None:
    assert actor_code(text, date) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("peacekeepers", "IGOMIL"),
        ("a regional peacekeeping force", "IGOMIL"),
        ("Bangladeshi peacekeepers", "BGDMIL"),
        ("a human rights group", "NGO"),
        ("a Croatian human rights group", "HRVNGO"),
        ("the International Labour Organization", "IGO"),
        ("the World Food Programme", "IGO"),
        ("their peacekeeping force", ""),  # the possessor's: coded from context
    ],
)
def test_nouns_of_international_and_non_governmental_actors(text: str, code: str) -> None:
    assert actor_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kurdish rebels", ""),  # no kin state: the sentence's places give the country
        ("Kurdish rebels in Turkey", "TURREB"),
        ("the Kurds of Syria", "SYRCVL"),
        ("Iraqi Kurds", "IRQCVL"),
        ("Kurdistan Regional Government", "IRQGOV"),
    ],
)
def test_people_of_several_states_take_the_country_they_are_placed_in(text: str, code: str) -> None:
    assert actor_code(text) == code


def test_people_of_several_states_in_the_plural_are_civilians() -> None:
    assert sector_code("the Kurds") == "CVL"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Global Water Forum", "NGO"),
        ("the Syrian Observatory for Human Rights", "SYRNGO"),
        ("The Asia-Pacific Economic Cooperation (APEC) forum", "IGO"),
        ("UN aid groups", "IGO"),
    ],
)
def test_organisations_named_by_their_kind(text: str, code: str) -> None:
    assert actor_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Congolese rebel leader", "CODREB"),
        ("a Venezuelan opposition spokesman", "VENOPP"),
        ("Russian military officials", "RUSMIL"),
        ("the Iranian foreign ministry spokesman", "IRNGOV"),
    ],
)
def test_a_role_is_held_in_the_sector_before_it(text: str, code: str) -> None:
    assert actor_code(text, "2023-01-01") == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("al-Shabaab fighters", "SOMREB"),
        ("the Pakistani Taliban", "PAKREB"),
        ("Huthi rebels", "YEMREB"),
        ("Kigali", "RWAGOV"),
        ("the Knesset", "ISRLEG"),
    ],
)
def test_groups_capitals_and_seats_of_recent_news(text: str, code: str) -> None:
    assert actor_code(text, "2023-01-01") == code


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("jihadists", "REB"),
        ("the kidnappers", "CRM"),
        ("prosecutors", "JUD"),
        ("a police officer", "COP"),
        ("the coast guard", "MIL"),
        ("doctors", "HLH"),
    ],
)
def test_sector_nouns_of_news_actors(text: str, sector: str) -> None:
    assert sector_code(text) == sector


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a statement from Oxfam", "NGO"),
        ("the International Committee of the Red Cross", "NGO"),
        ("the World Food Programme", "IGO"),
    ],
)
def test_non_governmental_organisations_are_ngo(text: str, code: str) -> None:
    """CAMEO codes NGOs as NGO, intergovernmental bodies as IGO."""
    assert actor_code(text) == code


def test_cameo_country_codes_where_they_differ_from_iso() -> None:
    from dossier.annotate.events.coding import alpha3

    assert actor_code("the Kosovar police") == "KSVCOP"
    assert actor_code("East Timor") == "TLS"
    assert alpha3("XK") == "KSV"
    assert alpha3("DE") == "DEU"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a '-led' state leads the body the phrase names; alone it is the actor
        ("the Russian-led Eurasian Economic Union", "IGO"),
        ("US-led coalition forces", "USAMIL"),
        # the head noun gives the sector: governments that are military are governments
        ("the military governments of Chad and Sudan", "TCDGOV+SDNGOV"),
        ("euro zone finance ministers", "IGOGOV"),
        ("the Eurogroup", "IGO"),
    ],
)
def test_led_head_noun_and_bodies(text: str, code: str) -> None:
    assert actor_code(text) == code


def test_names_inside_a_verbs_clause_are_not_the_actors() -> None:
    """'accused the senate of colluding with Uganda': Uganda is not the senate's country."""
    assert actor_code("the opposition-led senate of colluding with Uganda") == ""
    assert actor_code("the ministry of mining of Peru") == "PERGOV"
