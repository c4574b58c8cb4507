"""CAMEO codes read from phrases: ending verbs, verb-object phrases, demands, light verbs."""

from __future__ import annotations

import pytest
from event_helpers import by_trigger, events_of

from dossier.annotate.events import cameo_convention


@pytest.mark.parametrize(
    ("sentence", "trigger", "code"),
    [
        ("Japan suspended economic aid to Serbia.", "suspended", "162"),
        ("The Sudanese government lifted the curfew in Khartoum.", "lifted", "081"),
        ("The teachers' union called off the strike.", "called", "082"),
        ("Police opened fire on the protesters in Lagos.", "opened", "193"),
        ("Students staged a rally in Dhaka.", "rally", "141"),
        ("Ukraine accused Russia of shelling the plant.", "accused", "112"),
        ("Viktor Orban hailed Donald Trump on Monday.", "hailed", "051"),
        ("Germany delivered tanks to Ukraine.", "delivered", "072"),
        ("Joe Biden greeted Emmanuel Macron at the White House.", "greeted", "043"),
        ("The governor imposed a curfew on Jaffna after the riots.", "curfew", "1723"),
        ("Customs officers confiscated the weapons of the militia.", "confiscated", "1711"),
        ("Police raided the offices of the opposition newspaper.", "raided", "1711"),
        ("Army troops raided the rebel camp near the border.", "raided", "190"),
        ("Militants blew up a bridge near the border town.", "blew", "1712"),
        ("The army bulldozed the houses of the villagers.", "bulldozed", "1712"),
        ("A suicide bomber blew himself up at a checkpoint in Kabul.", "blew", "1831"),
        ("Two suicide bombers killed 20 soldiers in Kabul.", "killed", "1831"),
    ],
)
def test_code(sentence: str, trigger: str, code: str) -> None:
    assert by_trigger(events_of(sentence), trigger).code == code


def test_must_clause_is_a_demand_on_its_subject() -> None:
    ev = by_trigger(events_of("The minister said that Serbia must withdraw its troops."), "said")
    assert (ev.code, ev.target_text) == ("105", "Serbia")  # a demand that Serbia yield


def test_toll_and_attack_are_one_event() -> None:
    text = "Nine people were hurt when a barrage of drones slammed into the port of Izmail."
    events = [e for e in events_of(text) if e.code[:2] in ("18", "19", "20")]
    assert len(events) == 1 and events[0].code == "195"


@pytest.mark.parametrize(
    ("code", "status", "hedges", "expected"),
    [
        ("042", "expected", [], "036"),
        ("072", "expected", [], "033"),
        ("163", "expected", [], "131"),
        ("072", "negated", [], "122"),
        ("087", "expected", ["unless the shelling stops"], "130"),
        ("042", "asserted", [], "042"),
    ],
)
def test_cameo_convention(code: str, status: str, hedges: list[str], expected: str) -> None:
    assert cameo_convention(code, status, hedges) == expected


def test_greeting_news_is_no_event() -> None:
    assert not [
        e for e in events_of("The minister greeted the news with relief.") if e.trigger == "greeted"
    ]


def test_a_suicide_bombing_is_unconventional_violence_not_an_air_strike() -> None:
    ev = by_trigger(events_of("A suicide bomber attacked a market in the old town."), "attacked")
    assert ev.code.startswith("18")


def test_protesters_clashing_with_police_is_a_violent_protest() -> None:
    ev = by_trigger(events_of("Demonstrators clashed with police in Athens."), "clashed")
    assert ev.code == "145"


def test_workers_beginning_a_strike_is_a_strike() -> None:
    ev = by_trigger(events_of("Nurses began a strike that could last weeks."), "began")
    assert ev.code.startswith("143")


def test_going_on_strike_is_a_strike_that_took_place() -> None:
    ev = by_trigger(events_of("Bus drivers in Lyon went on strike on Monday."), "strike")
    assert (ev.code, ev.status) == ("143", "asserted")


def test_issuing_an_arrest_warrant_is_an_arrest() -> None:
    events = events_of("A tribunal in Arusha issued an arrest warrant for the militia leader.")
    assert any(ev.code == "173" for ev in events)


def test_deepening_a_partnership_is_diplomatic_cooperation() -> None:
    ev = by_trigger(
        events_of("Chile and Peru are seeking to deepen their partnership, ministers said."),
        "deepen",
    )
    assert (ev.code, ev.source_text, ev.target_text) == ("050", "Chile", "Peru")
    assert ev.status == "expected"


def test_an_act_pledged_is_the_pledge_coded_as_that_intent() -> None:
    events = events_of("Chile agreed to hold talks with Peru next month.")
    assert [(ev.code, ev.trigger, ev.target_text) for ev in events] == [("036", "agreed", "Peru")]


def test_an_act_urged_is_the_appeal_coded_as_the_appeal_for_it() -> None:
    events = events_of("The council urged Chile and Peru to resume talks.")
    assert [(ev.code, ev.trigger, ev.target_text) for ev in events] == [("026", "urged", "Chile")]


def test_a_prison_sentence_is_legal_action() -> None:
    ev = by_trigger(events_of("A court in Lima sentenced the mayor to four years."), "sentenced")
    assert (ev.code, ev.target_text) == ("173", "the mayor")


def test_an_ambush_is_military_force() -> None:
    ev = by_trigger(events_of("Insurgents ambushed an army patrol near the border."), "ambushed")
    assert ev.code == "190"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The senator attacked the treaty on Tuesday.", "attacked"),
        ("The opposition leader attacked his rival's record on taxes.", "attacked"),
        ("Unions attacked the decision to close the plant.", "attacked"),
        ("The treaty was attacked by opposition parties.", "attacked"),
        ("Critics launched an attack on the government's budget plan.", "attack"),
        ("The president assaulted the credibility of the court.", "assaulted"),
        ("The minister hit out at the central bank over interest rates.", "hit"),
    ],
)
def test_attacking_a_thing_argued_about_is_criticism(sentence: str, trigger: str) -> None:
    assert by_trigger(events_of(sentence), trigger).code == "111"


def test_attacking_a_party_or_a_place_stays_force() -> None:
    events = events_of("Rebels attacked an army base near the border.")
    assert by_trigger(events, "attacked").code == "190"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Protesters attacked a police station in Karachi.", "attacked"),
        ("Demonstrators opened fire on soldiers in Homs.", "opened"),
        ("Police clashed with protesters near the parliament in Tbilisi.", "clashed"),
    ],
)
def test_violence_by_protesters_is_a_violent_protest(sentence: str, trigger: str) -> None:
    assert by_trigger(events_of(sentence), trigger).code == "145"


def test_violence_against_protesters_stays_an_assault() -> None:
    assert (
        by_trigger(events_of("Police opened fire on the protesters in Lagos."), "opened").code
        == "193"
    )


@pytest.mark.parametrize(
    ("sentence", "trigger", "code"),
    [
        ("A gunman killed the mayor of Tikrit outside his home.", "killed", "186"),
        ("The rebel leader killed two soldiers in Goma.", "killed", "190"),
        ("Two men beat a shopkeeper to death in Lahore.", "beat", "1823"),
        ("Militants beheaded a soldier in Mali.", "beheaded", "1823"),
        ("The rebels executed five hostages in Mindanao.", "executed", "186"),
        ("Police said the man sexually assaulted a girl in Ohio.", "assaulted", "1821"),
        ("Soldiers destroyed the homes of villagers in Darfur.", "destroyed", "1712"),
        ("Rebels battled government troops near Goma.", "battled", "190"),
        ("The president ordered a state of emergency in the provinces.", "emergency", "1724"),
        ("Some 5,000 people marched through Santiago on Sunday.", "marched", "141"),
        ("Police in Bangladesh fired tear gas at opposition supporters.", "fired", "175"),
        ("Riot police used water cannon against students in Jakarta.", "used", "175"),
        ("The army cracked down on protesters in Yangon.", "cracked", "175"),
    ],
)
def test_refined_assaults(sentence: str, trigger: str, code: str) -> None:
    """A leader killed is an assassination; beaten to death a killing; a home destroyed
    property destroyed; the object, adverb or 'to death' phrase tells."""
    assert by_trigger(events_of(sentence), trigger).code == code


def test_pleading_guilty_is_no_appeal() -> None:
    assert not events_of("The former minister pleaded guilty in a Lagos court.")


def test_pleading_with_a_party_is_an_appeal_to_it() -> None:
    ev = by_trigger(events_of("The mother pleaded with the kidnappers in Kano."), "pleaded")
    assert ev.code == "020" and ev.target_text == "the kidnappers"
