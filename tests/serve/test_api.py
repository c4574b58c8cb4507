"""The HTTP API over the fixture store: every route, and every kind of failure."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from dossier.serve.security import CSP

LISTINGS = [
    "timeline",
    "events",
    "quotes",
    "entities",
    "articles",
    "stories",
    "contradictions",
    "corroboration",
]


def test_health_counts_the_articles(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["articles"] == 4


@pytest.mark.parametrize("name", LISTINGS)
def test_every_listing_answers_one_page_shape(client: TestClient, name: str) -> None:
    body = client.get(f"/api/{name}", params={"limit": 2}).json()
    assert set(body) == {"items", "total", "limit", "offset"} and body["limit"] == 2


def test_paging_moves_through_the_rows(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 1, "offset": 0}).json()
    second = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_paging_reports_the_total_beyond_the_page(client: TestClient) -> None:
    body = client.get("/api/events", params={"limit": 1}).json()
    assert body["total"] > len(body["items"]) == 1


def test_listing_rows_are_the_cli_json_rows(client: TestClient, built_store: object) -> None:
    import dossier

    with dossier.open(str(built_store), create=False) as db:
        expected = [q.as_json() for q in db.quotes(limit=3)]
    assert client.get("/api/quotes", params={"limit": 3}).json()["items"] == expected


def test_the_entity_filter_keeps_its_rows(client: TestClient) -> None:
    items = client.get("/api/quotes", params={"entity": "Moreno"}).json()["items"]
    assert items and {q["speaker"] for q in items} == {"Lucia Moreno"}


def test_the_date_filters_keep_rows_in_the_window(client: TestClient) -> None:
    items = client.get("/api/timeline", params={"since": "2024-04"}).json()["items"]
    assert items and all(r["date"] >= "2024-04" for r in items)


def test_the_source_filter_keeps_matching_articles(client: TestClient) -> None:
    items = client.get("/api/articles", params={"source": "Iberian"}).json()["items"]
    assert [a["label"] for a in items] == ["Iberian Courier"]


def test_article_listing_leaves_the_text_out(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    assert all("text" not in a for a in items)


def test_timeline_min_sources_keeps_rows_with_that_many(client: TestClient) -> None:
    items = client.get("/api/timeline", params={"min_sources": 2}).json()["items"]
    assert items and all(r["n_sources"] >= 2 for r in items)


def test_timeline_status_filter(client: TestClient) -> None:
    items = client.get("/api/timeline", params={"status": "asserted"}).json()["items"]
    assert items and {r["status"] for r in items} == {"asserted"}


def test_timeline_key_events(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"key": True, "top": 2}).json()
    assert 1 <= len(body["items"]) <= 2


def test_one_row_lists_every_mention_with_its_sentence(
    client: TestClient, ids: dict[str, str]
) -> None:
    body = client.get(f"/api/timeline/{ids['row']}").json()
    assert len(body["mentions"]) == len(body["event_ids"]) >= 2
    m = body["mentions"][0]
    assert m["text"] in m["sentence"] and m["outlet"] and m["article_id"]


def test_one_row_compares_its_details(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get(f"/api/timeline/{ids['row']}").json()
    assert {c["detail"] for c in body["comparisons"]} >= {"place"}


def test_an_article_comes_with_its_text_and_spans(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get(f"/api/articles/{ids['hostile']}").json()
    kinds = {s["kind"] for s in body["spans"]}
    assert kinds == {"mention", "time", "quote", "event"}


def test_article_spans_are_offsets_into_its_text(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get(f"/api/articles/{ids['hostile']}").json()
    names = [body["text"][s["start"] : s["end"]] for s in body["spans"] if s["kind"] == "mention"]
    assert "Marta Rocha" in names


def test_an_entity_lists_its_mentions_rows_and_quotes(
    client: TestClient, ids: dict[str, str]
) -> None:
    body = client.get(f"/api/entities/{ids['alves']}").json()
    assert body["name"] == "Rui Alves"
    assert body["n_mentions"] >= 3 and body["events"] and body["quotes"]


def test_explain_answers_as_the_cli(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get(f"/api/explain/{ids['row']}").json()
    assert body["timeline_id"] == ids["row"] and len(body["mentions"]) >= 2


def test_places_have_coordinates(client: TestClient) -> None:
    items = client.get("/api/places").json()["items"]
    lisbon = next(p for p in items if p["name"] == "Lisbon")
    assert round(lisbon["lat"]) == 39 and round(lisbon["lon"]) == -9


def test_the_graph_joins_two_actors_by_cameo_family(client: TestClient) -> None:
    g = client.get("/api/graph").json()
    names = {n["id"]: n["name"] for n in g["nodes"]}
    pairs = {(names[e["source"]], names[e["target"]], e["family"]) for e in g["edges"]}
    assert ("Rui Alves", "Lucia Moreno", "04") in pairs


def test_openapi_lists_the_api_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/timeline", "/api/timeline/{timeline_id}", "/api/ingest"} <= set(paths)


def test_every_answer_carries_the_csp(client: TestClient) -> None:
    assert client.get("/api/health").headers["content-security-policy"] == CSP


def test_no_cors_headers_are_sent(client: TestClient) -> None:
    r = client.get("/api/health", headers={"Origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers


# ---------------------------------------------------------------------- errors
def _error(response: object) -> dict[str, str]:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "path", ["/api/timeline/tl_nope", "/api/articles/nope", "/api/entities/nope", "/api/explain/x"]
)
def test_an_unknown_id_is_not_found(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and _error(r)["code"] == "not_found"


def test_an_unknown_route_is_not_found(client: TestClient) -> None:
    r = client.get("/api/nothing-here")
    assert r.status_code == 404 and _error(r)["code"] == "not_found"


def test_a_wrong_method_is_refused(client: TestClient) -> None:
    r = client.delete("/api/timeline")
    assert r.status_code == 405 and _error(r)["code"] == "method_not_allowed"


def test_a_bad_date_is_a_bad_query(client: TestClient) -> None:
    r = client.get("/api/events", params={"since": "2024-13"})
    assert r.status_code == 400 and _error(r)["code"] == "bad_query"


def test_a_bad_status_is_a_bad_query(client: TestClient) -> None:
    r = client.get("/api/timeline", params={"status": "rumoured"})
    assert r.status_code == 400 and "rumoured" in _error(r)["message"]


def test_a_negative_limit_fails_validation(client: TestClient) -> None:
    r = client.get("/api/events", params={"limit": -1})
    assert r.status_code == 422 and _error(r)["code"] == "validation_error"


def test_a_limit_over_the_cap_fails_validation(client: TestClient) -> None:
    r = client.get("/api/events", params={"limit": 100000})
    assert r.status_code == 422 and "limit" in _error(r)["message"]


def test_a_missing_store_is_a_store_error(tmp_path: object) -> None:
    from dossier.serve import create_app

    with TestClient(create_app(f"{tmp_path}/absent.sqlite", "t")) as c:
        r = c.get("/api/health")
    assert r.status_code == 500 and _error(r)["code"] == "store_error"


# ---------------------------------------------------------------------- ingest
ARTICLE = {
    "text": "Ana Pires opened the new bridge in Braga on 2 May 2024, the city said.",
    "title": "Bridge opens in Braga",
    "url": "https://example.org/bridge",
    "date": "2024-05-02",
    "source": "Minho Daily",
}


def test_ingest_without_the_token_is_unauthorized(writable: TestClient) -> None:
    r = writable.post("/api/ingest", json=ARTICLE)
    assert r.status_code == 401 and _error(r)["code"] == "unauthorized"


def test_ingest_with_a_wrong_token_is_unauthorized(writable: TestClient) -> None:
    r = writable.post("/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401


def test_ingest_of_a_json_article_stores_it(writable: TestClient) -> None:
    r = writable.post("/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer test-token"})
    assert r.status_code == 200 and len(r.json()["added"]) == 1
    assert writable.get("/api/health").json()["articles"] == 5


def test_ingest_of_an_uploaded_file_stores_it(writable: TestClient) -> None:
    text = "Tuesday, 5 March 2024\n\nRui Alves met the mayor of Faro on Tuesday.\n"
    r = writable.post(
        "/api/ingest",
        files=[("files", ("faro.txt", text.encode(), "text/plain"))],
        headers={"X-Dossier-Token": "test-token"},
    )
    assert r.status_code == 200 and len(r.json()["added"]) == 1


def test_ingest_of_a_stored_text_links_it_as_a_duplicate(writable: TestClient) -> None:
    headers = {"Authorization": "Bearer test-token"}
    writable.post("/api/ingest", json=ARTICLE, headers=headers)
    again = writable.post("/api/ingest", json=ARTICLE, headers=headers).json()
    assert again["added"] == [] and [d["kind"] for d in again["duplicates"]] == ["exact"]


def test_ingest_over_the_size_limit_is_refused(writable: TestClient) -> None:
    big = {**ARTICLE, "text": "word " * 2000}
    r = writable.post("/api/ingest", json=big, headers={"Authorization": "Bearer test-token"})
    assert r.status_code == 413 and _error(r)["code"] == "too_large"


def test_ingest_of_a_record_without_text_is_bad_input(writable: TestClient) -> None:
    r = writable.post(
        "/api/ingest", json={"title": "no body"}, headers={"Authorization": "Bearer test-token"}
    )
    assert r.status_code == 400 and "text" in _error(r)["message"]


def test_ingest_of_a_file_of_another_kind_is_bad_input(writable: TestClient) -> None:
    r = writable.post(
        "/api/ingest",
        files=[("files", ("photo.png", b"\x89PNG", "image/png"))],
        headers={"Authorization": "Bearer test-token"},
    )
    assert r.status_code == 400 and _error(r)["code"] == "bad_input"


def test_ingest_of_a_body_that_is_not_json_is_bad_input(writable: TestClient) -> None:
    r = writable.post(
        "/api/ingest",
        content=b"{not json",
        headers={"Authorization": "Bearer test-token", "Content-Type": "application/json"},
    )
    assert r.status_code == 400 and json.loads(r.text)["error"]["code"] == "bad_input"


def test_a_crash_answers_the_one_error_shape(built_store: object) -> None:
    from dossier.serve import create_app

    app = create_app(str(built_store), "t")

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("broken")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
    assert r.status_code == 500 and _error(r)["code"] == "internal_error"
