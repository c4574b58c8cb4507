"""GET /api/export: the file, with its content type and a download name; errors in the
API's one JSON shape."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient


def test_csv_comes_as_a_csv_download(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="dossier-timeline.csv"' in r.headers["content-disposition"]
    total = client.get("/api/timeline", params={"limit": 0}).json()["total"]
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == total


def test_a_table_and_filters_apply(client: TestClient) -> None:
    params = {"format": "csv", "table": "entities", "entity": "Rui Alves"}
    r = client.get("/api/export", params=params)
    assert 'filename="dossier-entities.csv"' in r.headers["content-disposition"]
    assert [row["name"] for row in csv.DictReader(io.StringIO(r.text))] == ["Rui Alves"]


def test_parquet_reads_back(client: TestClient) -> None:
    import pyarrow.parquet as pq

    r = client.get("/api/export", params={"format": "parquet", "table": "events"})
    assert r.headers["content-type"] == "application/vnd.apache.parquet"
    total = client.get("/api/events", params={"limit": 0}).json()["total"]
    assert pq.read_table(io.BytesIO(r.content)).num_rows == total


def test_gdelt_lines_have_61_columns(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "gdelt"})
    assert r.headers["content-type"].startswith("text/tab-separated-values")
    assert {len(line.split("\t")) for line in r.text.splitlines()} == {61}


def test_timelinejs_is_json(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "timelinejs"})
    assert r.headers["content-type"] == "application/json" and "events" in r.json()


def test_an_unknown_format_is_the_json_error(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "xls"})
    body = json.loads(r.text)
    assert r.status_code == 400 and body["error"]["code"] == "bad_export"
    assert "gdelt" in body["error"]["message"]


def test_a_bad_date_is_the_json_error(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "csv", "since": "2024-13"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_query"


def test_the_format_is_required(client: TestClient) -> None:
    r = client.get("/api/export")
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"
