"""The offline gazetteer: GeoNames names, alternate names and the supplement."""

from __future__ import annotations

from dossier.annotate.places.gazetteer import gazetteer


def test_country_and_us_state_share_a_name() -> None:
    kinds = {(e.kind, e.country) for e in gazetteer().lookup("Georgia")}
    assert {("country", "GE"), ("admin1", "US")} <= kinds


def test_supplement_region_has_coordinates() -> None:
    found = [e for e in gazetteer().lookup("Sakha Republic") if e.kind == "region"]
    assert found and found[0].lat is not None and found[0].country == "RU"


def test_countries_have_coordinates() -> None:
    found = [e for e in gazetteer().lookup("Portugal") if e.kind == "country"]
    assert found and found[0].lat is not None and found[0].lon is not None
