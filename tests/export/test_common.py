"""What the exports share: flat records, the day of a row, pages, and place facts."""

from __future__ import annotations

import json
from datetime import date

from dossier.api import Dossier
from dossier.export.common import country_name, day_of, fips, flat, pages, place_of
from dossier.records import Entity, TimelineEntry


def _row(day: str | None, first: str | None = None) -> TimelineEntry:
    return TimelineEntry(
        "tl_x", day, None, "042", None, None, None, None, "asserted", first_published=first
    )


def test_flat_turns_lists_and_objects_into_json_text() -> None:
    out = flat({"a": [1, "é"], "b": {"k": None}, "c": 3, "d": None})
    assert out == {"a": '[1, "é"]', "b": '{"k": null}', "c": 3, "d": None}
    assert json.loads(out["a"]) == [1, "é"]


def test_a_partial_date_is_its_first_day() -> None:
    assert day_of(_row("2024-03")) == date(2024, 3, 1)
    assert day_of(_row("2023")) == date(2023, 1, 1)


def test_an_undated_row_falls_back_to_its_first_report() -> None:
    assert day_of(_row(None, "2019-11-20")) == date(2019, 11, 20)
    assert day_of(_row("PAST_REF")) is None


def test_pages_cover_the_listing_once_in_order(db: Dossier) -> None:
    paged = [v.entry.id for batch in pages(db, "timeline", {}, page=50) for v in batch]
    assert paged == [v.entry.id for v in db.timeline(limit=None)]


def test_pages_stop_at_the_limit(db: Dossier) -> None:
    sizes = [len(b) for b in pages(db, "events", {"limit": 120}, page=50)]
    assert sizes == [50, 50, 20]


def test_country_codes_and_names() -> None:
    assert (fips("DE"), fips("RU"), fips("")) == ("GM", "RS", "")
    assert country_name("UA") == country_name("UKR") == "Ukraine"


def test_a_place_entity_gets_its_gazetteer_kind_and_division() -> None:
    city = Entity("ent_x", "Lagos", "PLACE", geonameid=2332459, lat=6.45, lon=3.39,
                  country_code="NG")  # fmt: skip
    place = place_of(city)
    assert place is not None and (place.kind, place.country, place.admin1) == ("city", "NG", "05")


def test_a_person_is_no_place() -> None:
    assert place_of(Entity("ent_y", "Rui Alves", "PERSON")) is None
