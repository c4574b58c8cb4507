"""Places, dates, quantities, codes and quotes attached to events."""

from __future__ import annotations

from event_helpers import article, by_trigger, events_of

from dossier.ids import span_id
from dossier.records import Quote


def test_place_from_in_phrase() -> None:
    ev = by_trigger(events_of("Macron and Scholz met in Berlin on 4 March 2021."), "met")
    assert ev.place_text == "Berlin" and ev.place_mention_id is not None


def test_date_from_governing_time_expression() -> None:
    ev = by_trigger(events_of("Macron and Scholz met in Berlin on 4 March 2021."), "met")
    assert (ev.date, ev.date_precision, ev.date_how) == ("2021-03-04", "day", "text")


def test_month_only_date_stays_a_month() -> None:
    ev = by_trigger(events_of("Boris Johnson visited Kyiv in April 2022."), "visited")
    assert (ev.date, ev.date_precision) == ("2022-04", "month")


def test_no_time_expression_no_date() -> None:
    ev = by_trigger(events_of("Boris Johnson visited Kyiv."), "visited")
    assert ev.date is None and ev.date_how is None


def test_since_does_not_date_the_event() -> None:
    ev = by_trigger(events_of("It is Boris Johnson's first visit to Kyiv since 2019."), "visit")
    assert ev.date is None


def test_facility_place_without_place_mention() -> None:
    text = "Vladimir Putin and Alexander Lukashenko held talks at the Baikonur cosmodrome."
    ev = by_trigger(events_of(text), "talks")
    assert ev.place_text == "Baikonur cosmodrome"


def test_visit_destination_is_place() -> None:
    ev = by_trigger(events_of("Emmanuel Macron flew to Beijing on Tuesday."), "flew")
    assert (ev.code, ev.place_text) == ("042", "Beijing")


def test_way_to_a_place_is_an_expected_visit() -> None:
    ev = by_trigger(events_of("Emmanuel Macron is on his way to Beijing."), "way")
    assert (ev.code, ev.status, ev.place_text) == ("042", "expected", "Beijing")


def test_missile_attack_is_aerial_with_quantities() -> None:
    text = "Fourteen cruise missiles struck the port of Odesa, and at least 12 people were hurt."
    ev = by_trigger(events_of(text), "struck")
    assert ev.code == "195"
    assert ev.quantities == ["Fourteen cruise missiles", "at least 12 people"]


def test_humanitarian_aid_code() -> None:
    ev = by_trigger(events_of("Japan sent food aid to Haiti."), "aid")
    assert (ev.code, ev.source_text, ev.target_text) == ("073", "Japan", "Haiti")


def test_code_name_filled() -> None:
    ev = by_trigger(events_of("Boris Johnson visited Kyiv."), "visited")
    assert ev.code_name == "Make a visit"


def test_event_inside_quote_gets_quote_id() -> None:
    text = 'Josep Borrell said: "Russia attacked Georgia in 2008."'
    start = text.index("Russia")
    end = text.index('."') + 1
    art = article(text)
    quote = Quote(
        id=span_id("q", art.id, start, end),
        article_id=art.id,
        start=start,
        end=end,
        text=text[start:end],
        kind="direct",
        extractor="test",
        version="0",
    )
    ev = by_trigger(events_of(text, quotes=[quote]), "attacked")
    assert ev.quote_id == quote.id


def test_range_quantity_of_a_pronoun_object() -> None:
    text = (
        "The army was short of tank shells. According to several reports, Minsk has "
        "delivered between one and two million of them."
    )
    ev = by_trigger(events_of(text), "delivered")
    assert ev.code == "072" and ev.quantities == ["between one and two million"]
    assert ev.hedges == ["According to several reports"]


def test_a_clause_modifying_a_time_expression_takes_its_date() -> None:
    events = events_of(
        "Ana Lind travelled to Quay City last September, when the two leaders met at the port.",
        published="2024-06-18",
    )
    assert by_trigger(events, "met").date == "2023-09"


def test_place_after_the_parties_of_a_meeting_between_them() -> None:
    text = "The meeting between Olaf Scholz and Emmanuel Macron in Hamburg lasted two hours."
    ev = by_trigger(events_of(text), "meeting")
    assert ev.place_text == "Hamburg"


def test_a_leader_landing_in_a_capital_visits_it() -> None:
    text = "German Chancellor Olaf Scholz landed in Beijing on Friday for talks."
    ev = by_trigger(events_of(text), "landed")
    assert (ev.code, ev.source_code, ev.place_text) == ("042", "DEUGOV", "Beijing")
    assert not events_of("The plane landed in Rome on Friday.")
