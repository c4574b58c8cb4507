"""The pages over the fixture store: each renders, marks its facts, and escapes text."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

HTML = {"Accept": "text/html"}


@pytest.mark.parametrize(
    "path", ["/", "/quotes", "/contradictions", "/entities", "/articles", "/map", "/graph", "/docs"]
)
def test_every_page_renders(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")


def test_no_page_has_an_inline_script(client: TestClient, ids: dict[str, str]) -> None:
    paths = ["/", "/map", "/graph", "/docs", f"/events/{ids['row']}", f"/articles/{ids['hostile']}"]
    scripts = [s for p in paths for s in re.findall(r"<script[^>]*>", client.get(p).text)]
    assert scripts and all('src="/static/' in s for s in scripts)


def test_no_page_loads_from_another_origin(client: TestClient) -> None:
    pages = "".join(client.get(p).text for p in ["/", "/map", "/graph", "/docs"])
    assert not re.search(r"(src|href)=\"(https?:)?//", pages)


def test_the_story_shows_the_rows_with_date_and_sources(client: TestClient) -> None:
    page = client.get("/").text
    assert "2024-03-04" in page and "Rui Alves" in page and "Lisbon" in page


def test_the_story_filters_by_entity(client: TestClient) -> None:
    page = client.get("/", params={"entity": "Lucia Moreno"}).text
    table = page[page.index("All events") :]
    assert "Lisbon" in table and "Madrid" not in table


def test_a_bad_filter_on_the_story_is_an_error_page(client: TestClient) -> None:
    r = client.get("/", params={"since": "soon"}, headers=HTML)
    assert r.status_code == 400 and "is not a date" in r.text and "<html" in r.text


def test_the_event_page_puts_each_source_in_a_column(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get(f"/events/{ids['row']}").text
    assert page.count('<article class="source">') >= 2


def test_the_event_page_marks_the_trigger(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get(f"/events/{ids['row']}").text
    assert re.search(r'class="[^"]*hl-trigger[^"]*"[^>]*>met<', page)


def test_the_event_page_lists_the_comparisons(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get(f"/events/{ids['row']}").text
    assert 'class="compare"' in page and "place" in page


def test_an_unknown_event_is_a_not_found_page(client: TestClient) -> None:
    r = client.get("/events/tl_nope", headers=HTML)
    assert r.status_code == 404 and "<html" in r.text


def test_the_article_page_links_entities(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get(f"/articles/{ids['hostile']}").text
    assert re.search(
        r'<a class="hl-mention[^"]*" href="/entities/ent_[0-9a-f]+"[^>]*>Marta Rocha<', page
    )


def test_the_article_page_escapes_markup_in_the_text(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get(f"/articles/{ids['hostile']}").text
    assert "&lt;script&gt;" in page and "<script>window" not in page and "<img src" not in page


def test_the_entity_page_shows_aliases_and_quotes(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get(f"/entities/{ids['alves']}").text
    assert "Also written" in page and "share the catch fairly" in page


def test_the_quotes_page_groups_by_speaker(client: TestClient) -> None:
    page = client.get("/quotes").text
    assert re.search(r"<h2><a href=\"/entities/ent_[0-9a-f]+\">Rui Alves</a>", page)


def test_the_map_page_points_the_script_at_the_places(client: TestClient) -> None:
    page = client.get("/map").text
    assert 'data-places="/api/places"' in page and "countries-110m.json" in page


def test_the_vendored_libraries_are_served(client: TestClient) -> None:
    for path in [
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/cytoscape/cytoscape.min.js",
        "/static/vendor/topojson-client/topojson-client.min.js",
        "/static/vendor/world-atlas/countries-110m.json",
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
    ]:
        assert client.get(path).status_code == 200, path
