"""Coding of extracted events: actor codes from whole phrases, PLOVER fields, Goldstein."""

from __future__ import annotations

from event_helpers import by_trigger, events_of

from dossier.annotate.events.coding import (
    alpha3,
    coding_date,
    place_mention_country,
    plover_coding,
)
from dossier.records import Mention


def test_plover_category_and_own_mode() -> None:
    pc = plover_coding("042", "asserted")
    assert (pc.category, pc.mode) == ("CONSULT", "visit")


def test_future_status_is_the_future_aux_mode() -> None:
    assert plover_coding("042", "expected").mode == "future"


def test_negated_status_is_the_negation_aux_mode() -> None:
    assert plover_coding("072", "negated").mode == "negation"


def test_hypothetical_status_is_the_hypothetical_aux_mode() -> None:
    assert plover_coding("190", "hypothetical").mode == "hypothetical"


def test_reported_status_keeps_the_category_mode() -> None:
    assert plover_coding("041", "reported").mode == "phone"


def test_contexts_from_the_mapping() -> None:
    assert plover_coding("0332", "asserted").contexts == ["military"]


def test_goldstein_score() -> None:
    assert plover_coding("190", "asserted").goldstein == -10.0


def test_event_date_picks_office_over_article_date() -> None:
    assert coding_date("2011-06-01", "2023-09-13") == "2011-06-01"
    assert coding_date("XXXX-09-13", "2023-09-13") == "2023-09-13"


def test_alpha3_from_alpha2() -> None:
    assert alpha3("ps") == "PSE"


def test_source_coded_from_title_and_name() -> None:
    text = "Czech Foreign Minister Jan Lipavsky criticised Hungary on Monday."
    ev = by_trigger(events_of(text), "criticised")
    assert ev.source_code == "CZEGOV" and ev.target_code == "HUN"


def test_event_carries_plover_fields() -> None:
    ev = by_trigger(events_of("Chile will deploy troops to Haiti next month."), "deploy")
    assert ev.plover is not None and ev.goldstein is not None and ev.plover_mode == "future"


def test_pronoun_coded_from_its_reporter() -> None:
    text = "The Malian rebels said they would release the Algerian diplomats."
    ev = by_trigger(events_of(text), "release")
    assert ev.source_code == "MLIREB"


def test_own_things_are_not_the_target() -> None:
    text = "Chad says it will withdraw its soldiers from Niger."
    ev = by_trigger(events_of(text), "withdraw")
    assert (ev.source_code, ev.target_code) == ("TCD", "NER")


def test_sector_only_party_is_domestic() -> None:
    text = "The Colombian army attacked rebels near the border."
    ev = by_trigger(events_of(text), "attacked")
    assert ev.source_code == "COLMIL" and ev.target_code == "COLREB"


def test_leader_coded_by_the_article_date() -> None:
    text = "Kim Jong Un met Chinese officials in Beijing."
    before = by_trigger(events_of(text, published="2010-05-01"), "met")
    after = by_trigger(events_of(text, published="2013-05-01"), "met")
    assert (before.source_code, after.source_code) == ("PRKELI", "PRKGOV")


def test_named_source_makes_the_clause_reported() -> None:
    text = "The Chilean navy said four boats attacked the tanker off Valparaiso."
    ev = by_trigger(events_of(text), "attacked")
    assert ev.status == "reported" and ev.hedges == ["The Chilean navy said"]


def test_intercepted_weapons_counted_with_the_attack() -> None:
    text = "Rebels fired twelve rockets at the base, and the army said nine had been shot down."
    ev = by_trigger(events_of(text), "fired")
    assert "nine had been shot down" in ev.quantities


def test_complaint_targets_the_doer_of_the_deplored_act() -> None:
    text = "Chile complained to the United Nations over two Peruvian air raids."
    ev = by_trigger(events_of(text), "complained")
    assert ev.target_code == "PER"


def test_mention_code_reads_the_role() -> None:
    from dossier.annotate.events import mention_code
    from dossier.records import Mention

    m = Mention(
        id="m1",
        article_id="a",
        start=0,
        end=9,
        text="Ivan Petrov",
        type="PERSON",
        extractor="test",
        version="0",
        role="Kremlin spokesman",
    )
    assert mention_code(m) == "RUSGOV"


def test_a_sector_named_without_a_country_takes_the_country_of_its_sentence() -> None:
    ev = by_trigger(
        events_of("Riot police detained a dozen students in Nairobi on Tuesday."), "detained"
    )
    assert ev.source_code == "KENCOP"


def test_a_peacekeeping_force_is_an_international_target() -> None:
    ev = by_trigger(
        events_of("The guerrillas said they opposed the arrival of a peacekeeping force."),
        "opposed",
    )
    assert ev.target_code == "IGOMIL"


def test_the_reporting_organisation_is_not_the_target() -> None:
    text = (
        "The United Nations will provide 5,000 tons of food aid to refugees fleeing the "
        "floods in Mozambique, the World Food Programme (WFP) said on Tuesday."
    )
    ev = by_trigger(events_of(text), "aid")
    assert ev.target_text != "World Food Programme"
    assert ev.target_code == "MOZ"


def test_people_of_several_states_take_the_sentence_country() -> None:
    text = "Kurdish rebels attacked a police post near Diyarbakir in southeastern Turkey."
    assert by_trigger(events_of(text), "attacked").source_code == "TURREB"


def test_people_of_several_states_take_the_other_party_country() -> None:
    ev = by_trigger(events_of("Turkish troops shelled Kurdish rebels on Sunday."), "shelled")
    assert ev.target_code == "TURREB"


def test_a_country_name_outranks_a_town_of_that_name() -> None:
    place = Mention(
        id="m1", article_id="a", start=0, end=9, text="Macedonia", type="PLACE",
        extractor="test", version="0", country_code="US",
    )  # fmt: skip
    town = Mention(
        id="m2", article_id="a", start=0, end=7, text="Gorazde", type="PLACE",
        extractor="test", version="0", country_code="BA",
    )  # fmt: skip
    assert place_mention_country(place) == "MKD"
    assert place_mention_country(town) == "BIH"
