"""Who did it to whom: subjects, objects, coordination, passives, nouns, pronouns."""

from __future__ import annotations

from event_helpers import by_trigger, events_of


def test_coordinated_subjects_of_symmetric_verb() -> None:
    ev = by_trigger(events_of("Macron and Scholz met in Berlin on 4 March 2021."), "met")
    assert (ev.code, ev.source_text, ev.target_text) == ("040", "Macron", "Scholz")


def test_actor_is_tied_to_its_mention() -> None:
    ev = by_trigger(events_of("Macron and Scholz met in Berlin on 4 March 2021."), "met")
    assert ev.source_mention_id is not None and ev.target_mention_id is not None


def test_passive_agent_is_source() -> None:
    ev = by_trigger(
        events_of("The embassy was attacked by militants near the airport."), "attacked"
    )
    assert (ev.source_text, ev.target_text) == ("militants", "The embassy")


def test_object_is_target() -> None:
    ev = by_trigger(events_of("Viktor Orban praised Donald Trump on Monday."), "praised")
    assert (ev.code, ev.source_text, ev.target_text) == ("051", "Viktor Orban", "Donald Trump")


def test_nominal_between_pair() -> None:
    ev = by_trigger(events_of("The meeting between Biden and Xi lasted four hours."), "meeting")
    assert (ev.source_text, ev.target_text) == ("Biden", "Xi")


def test_nominal_possessor_is_source() -> None:
    ev = by_trigger(events_of("Erdogan's visit to Baghdad drew protests."), "visit")
    assert (ev.code, ev.source_text, ev.place_text) == ("042", "Erdogan", "Baghdad")


def test_light_verb_lends_subject() -> None:
    ev = by_trigger(events_of("Narendra Modi and Joe Biden held talks in Washington."), "talks")
    assert (ev.code, ev.source_text, ev.target_text, ev.place_text) == (
        "040",
        "Narendra Modi",
        "Joe Biden",
        "Washington",
    )


def test_accused_party_is_target() -> None:
    ev = by_trigger(
        events_of("Lithuania accused Belarus of sending migrants across the border."), "accused"
    )
    assert (ev.code, ev.source_text, ev.target_text) == ("112", "Lithuania", "Belarus")


def test_pronoun_subject_resolved_to_previous_person() -> None:
    text = "Emmanuel Macron landed in Beijing on Friday. He met Xi Jinping at the airport."
    ev = by_trigger(events_of(text), "met")
    assert ev.source_text == "He"
    assert ev.source_mention_id is not None and ev.target_text == "Xi Jinping"


def test_no_actor_no_event() -> None:
    assert events_of("Talks are always useful.") == []


def test_threatened_party_from_complement() -> None:
    ev = by_trigger(events_of("Minsk warned Vilnius that it would face consequences."), "warned")
    assert (ev.code[:2], ev.source_text, ev.target_text) == ("13", "Minsk", "Vilnius")


def test_empty_article_has_no_events() -> None:
    assert events_of("") == []


def test_every_event_carries_its_provenance() -> None:
    events = events_of("Narendra Modi and Joe Biden held talks in Washington.")
    assert events and all(e.extractor == "events.rules" and e.version for e in events)
    assert all(e.start < e.end and e.trigger_start is not None for e in events)


def test_target_found_in_the_object_modifiers() -> None:
    ev = by_trigger(
        events_of("Yemen rejected a U.S. request to question the detainees."), "rejected"
    )
    assert (ev.code[:2], ev.target_text) == ("12", "U.S.")


def test_meeting_with_only_a_place_is_kept() -> None:
    ev = by_trigger(events_of("The meeting will be held in Vladivostok next week."), "meeting")
    assert (ev.place_text, ev.status) == ("Vladivostok", "expected")


def test_hit_needs_a_party_as_object() -> None:
    assert events_of("Prices hit a record high in March.") == []


def test_natural_disaster_is_not_a_party() -> None:
    assert events_of("The storm hit the coast on Monday, killing three people.") == []


def test_clash_with_gives_target() -> None:
    ev = by_trigger(events_of("Protesters clashed with police in Tbilisi on Saturday."), "clashed")
    assert (ev.source_text, ev.target_text) == ("Protesters", "police")


def test_purpose_talks_share_the_trip() -> None:
    text = "Emmanuel Macron will travel to Beijing in April for talks with Xi Jinping."
    ev = by_trigger(events_of(text), "talks")
    assert (ev.source_text, ev.target_text, ev.status) == (
        "Emmanuel Macron",
        "Xi Jinping",
        "expected",
    )


def test_denied_act_is_negated_and_denial_coded() -> None:
    events = events_of("Iran denied supplying drones to Russia.")
    assert by_trigger(events, "denied").code == "016"
    assert by_trigger(events, "supplying").status == "negated"


def test_warned_party_does_the_warned_against_act() -> None:
    events = events_of("Washington has warned Pyongyang against selling arms to Moscow.")
    ev = by_trigger(events, "selling")
    assert (ev.source_text, ev.target_text, ev.status) == ("Pyongyang", "Moscow", "hypothetical")


def test_dateline_subject_falls_back_to_its_apposition() -> None:
    text = "Moscow, 14 September 2023\n\nPresident Vladimir Putin met Kim Jong Un on Wednesday."
    ev = by_trigger(events_of(text), "met")
    assert ev.source_text == "Vladimir Putin"


def test_stance_participle_keeps_its_subject_as_source() -> None:
    ev = by_trigger(events_of("Chile is committed to the peace talks with Bolivia."), "committed")
    assert (ev.source_text, ev.target_text) == ("Chile", "Bolivia")


def test_a_wire_dateline_city_is_never_the_actor() -> None:
    text = "ANKARA (Coastline Wire) - Turkish officials met Greek diplomats on Tuesday."
    ev = by_trigger(events_of(text), "met")
    assert ev.source_text == "Turkish officials"


def test_the_one_charged_with_an_act_is_its_alleged_doer() -> None:
    ev = by_trigger(events_of("Omar Lind was charged with stabbing a guard in Oslo."), "stabbing")
    assert (ev.source_text, ev.target_text, ev.status) == ("Omar Lind", "a guard", "reported")


def test_the_one_arrested_for_an_act_is_its_doer() -> None:
    ev = by_trigger(events_of("Police arrested Omar Lind for stabbing a guard."), "stabbing")
    assert ev.source_text == "Omar Lind"


def test_coordinated_subjects_of_a_cooperative_act_cooperate_with_each_other() -> None:
    ev = by_trigger(
        events_of("Chile and Peru pledged to expand naval cooperation next year."), "pledged"
    )
    assert (ev.code, ev.source_text, ev.target_text) == ("030", "Chile", "Peru")


def test_the_kind_of_cooperation_is_not_its_target() -> None:
    events = events_of("Chile and Peru pledged to expand military cooperation.")
    assert all(ev.target_text != "military" for ev in events)


def test_an_event_attended_lends_its_subject() -> None:
    ev = by_trigger(events_of("The Kenyan president will attend a summit in Lisbon."), "summit")
    assert (ev.code, ev.source_text, ev.status) == ("040", "The Kenyan president", "expected")


def test_people_named_by_common_nouns_are_actors_of_an_assault() -> None:
    ev = by_trigger(events_of("Two teenagers beat a driver outside the station."), "beat")
    assert (ev.code, ev.source_text, ev.target_text) == ("182", "Two teenagers", "a driver")


def test_a_possessive_pronoun_on_an_event_object_is_the_verbs_subject() -> None:
    text = "Egyptian students continued their protest against the government in Cairo."
    ev = by_trigger(events_of(text), "protest")
    assert ev.source_text == "Egyptian students"


def test_a_sector_named_alone_takes_the_country_of_the_place() -> None:
    text = "Jihadists killed 20 soldiers in an attack on an army post in Burkina Faso."
    ev = by_trigger(events_of(text), "killed")
    assert (ev.source_code, ev.target_code) == ("BFAREB", "BFAMIL")


def test_conjoined_passive_shares_the_passive_subject() -> None:
    """'X was removed ... and detained by police': X is detained, the police detain."""
    ev = by_trigger(
        events_of(
            "Former Peruvian president Pedro Castillo was removed from the palace and "
            "detained by the national police on Wednesday."
        ),
        "detained",
    )
    assert (ev.source_text, ev.target_text) == ("the national police", "Pedro Castillo")


def test_deported_people_not_their_destination_are_the_target() -> None:
    ev = by_trigger(events_of("Cuba deported 40 dissidents to Haiti on Friday."), "deported")
    assert (ev.source_code, ev.target_text, ev.target_code) == ("CUB", "40 dissidents", "CUBOPP")
    text = "Cuba deported 40 political prisoners to the United States on Friday."
    ev = by_trigger(events_of(text), "deported")
    assert ev.target_code == "CUBOPP"


def test_the_source_named_again_by_its_nationality_is_no_fallback_target() -> None:
    text = (
        "Spain recalled its envoys to Chile and Peru on Friday in protest at a deal that "
        "hurt Spanish firms, the minister said."
    )
    ev = by_trigger(events_of(text), "recalled")
    assert (ev.source_code, ev.target_code) == ("ESP", "CHL")


def test_every_party_of_a_long_list_acts() -> None:
    events = events_of(
        "Norway, Sweden, Finland, Iceland and Denmark cut diplomatic ties with Belarus on Monday."
    )
    sources = {e.source_text for e in events if e.code.startswith("16")}
    assert sources == {"Norway", "Sweden", "Finland", "Iceland", "Denmark"}


def test_a_government_named_by_its_leaders_pronoun_is_that_leaders() -> None:
    ev = by_trigger(
        events_of(
            "The Irish prime minister said on Monday that his government was investigating "
            "agents of the Russian government."
        ),
        "investigating",
    )
    assert (ev.source_code or "").startswith("IRL")


def test_a_reporter_goes_on_to_blame() -> None:
    ev = by_trigger(
        events_of(
            "Kenya's foreign ministry said on Friday that the border talks with Somalia had "
            "collapsed, blaming the demands of Mogadishu."
        ),
        "blaming",
    )
    assert ev.source_text == "Kenya's foreign ministry"


def test_a_killing_after_a_reported_shelling_is_the_shellers() -> None:
    events = events_of(
        "Police said the militia shelled the border village overnight, killing at least six people."
    )
    assert all(e.source_text != "Police" for e in events if e.code.startswith("18"))
