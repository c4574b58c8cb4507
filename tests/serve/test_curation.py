"""Curation as data: verdicts on rows, the audit, undo, and survival through resolve."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import dossier
from dossier.api import Dossier
from dossier.cli.main import app
from dossier.errors import NotFound, QueryError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
AUTH = {"Authorization": "Bearer test-token"}


@pytest.fixture()
def db(built_store: Path, tmp_path: Path) -> Iterator[Dossier]:
    path = tmp_path / "curate.sqlite"
    shutil.copy(built_store, path)
    with dossier.open(path, create=False) as d:
        yield d


def _lisbon(db: Dossier) -> str:
    rows = db.timeline(entity="Lucia Moreno", since="2024-03-04", until="2024-03-04")
    return next(r.entry.id for r in rows if r.entry.place == "Lisbon")


def test_a_marked_row_shows_its_verdict(db: Dossier) -> None:
    row = _lisbon(db)
    db.mark(row, "wrong", by="ana")
    assert db.row(row).verdict == "wrong"


def test_the_audit_records_when_what_and_who(db: Dossier) -> None:
    row = _lisbon(db)
    db.mark(row, "confirmed", by="ana")
    (change,) = db.curation_log()
    assert (change.by, change.action, change.target, change.body["verdict"]) == (
        "ana",
        "mark",
        row,
        "confirmed",
    ) and change.at


def test_the_newest_verdict_wins(db: Dossier) -> None:
    row = _lisbon(db)
    db.mark(row, "wrong", by="ana")
    db.mark(row, "confirmed", by="rui")
    assert db.row(row).verdict == "confirmed"


def test_undo_takes_the_verdict_back_and_keeps_the_audit(db: Dossier) -> None:
    row = _lisbon(db)
    change = db.mark(row, "wrong", by="ana")
    db.undo(change.id, by="rui")
    assert db.row(row).verdict is None
    assert db.curation_log()[0].undone_by == "rui"


def test_undo_twice_is_refused(db: Dossier) -> None:
    change = db.mark(_lisbon(db), "wrong", by="ana")
    db.undo(change.id, by="ana")
    with pytest.raises(QueryError):
        db.undo(change.id, by="ana")


def test_undo_of_an_unknown_change_is_not_found(db: Dossier) -> None:
    with pytest.raises(NotFound):
        db.undo(999, by="ana")


def test_an_unknown_verdict_is_refused(db: Dossier) -> None:
    with pytest.raises(QueryError):
        db.mark(_lisbon(db), "dubious", by="ana")


def test_a_verdict_survives_a_full_resolve(db: Dossier) -> None:
    db.mark(_lisbon(db), "wrong", by="ana")
    db.resolve()
    assert db.row(_lisbon(db)).verdict == "wrong"


def test_a_verdict_survives_a_later_ingest(db: Dossier, tmp_path: Path) -> None:
    db.mark(_lisbon(db), "wrong", by="ana")
    extra = tmp_path / "later.txt"
    extra.write_text(
        "Tuesday, 5 March 2024\n\nLucia Moreno met Rui Alves again in Lisbon on Monday, "
        "officials said.\n",
        encoding="utf-8",
    )
    db.ingest([extra])
    assert db.row(_lisbon(db)).verdict == "wrong"


# ---------------------------------------------------------------------- HTTP
def test_marking_over_http_needs_the_token(writable: TestClient, ids: dict[str, str]) -> None:
    r = writable.post(f"/api/timeline/{ids['row']}/mark", json={"verdict": "wrong"})
    assert r.status_code == 401


def test_marking_over_http_is_audited_under_the_token_name(
    writable: TestClient, ids: dict[str, str]
) -> None:
    writable.post(f"/api/timeline/{ids['row']}/mark", json={"verdict": "wrong"}, headers=AUTH)
    (change,) = writable.get("/api/curation").json()["items"]
    assert change["by"] == "serve" and change["target"] == ids["row"]


def test_a_marked_row_carries_its_verdict_over_http(
    writable: TestClient, ids: dict[str, str]
) -> None:
    writable.post(f"/api/timeline/{ids['row']}/mark", json={"verdict": "confirmed"}, headers=AUTH)
    assert writable.get(f"/api/timeline/{ids['row']}").json()["verdict"] == "confirmed"


def test_a_bad_verdict_over_http_fails_validation(
    writable: TestClient, ids: dict[str, str]
) -> None:
    r = writable.post(f"/api/timeline/{ids['row']}/mark", json={"verdict": "meh"}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"


def test_undo_over_http(writable: TestClient, ids: dict[str, str]) -> None:
    change = writable.post(
        f"/api/timeline/{ids['row']}/mark", json={"verdict": "wrong"}, headers=AUTH
    ).json()
    r = writable.post(f"/api/curation/{change['id']}/undo", headers=AUTH)
    assert r.status_code == 200 and r.json()["undone_at"]


def test_the_story_page_shows_a_verdict(writable: TestClient, ids: dict[str, str]) -> None:
    writable.post(f"/api/timeline/{ids['row']}/mark", json={"verdict": "wrong"}, headers=AUTH)
    assert f'class="row verdict-wrong" data-id="{ids["row"]}"' in writable.get("/").text


# ----------------------------------------------------------------------- CLI
def test_the_cli_marks_logs_and_undoes(db: Dossier) -> None:
    runner = CliRunner()
    row = _lisbon(db)
    base = ["--db", db.location, "curate"]
    assert runner.invoke(app, [*base, "mark", row, "wrong", "--by", "ana"]).exit_code == 0
    assert runner.invoke(app, [*base, "undo", "1"]).exit_code == 0
    log = runner.invoke(app, [*base, "log"]).output
    assert "ana" in log and "wrong" in log and "undone" in log


def test_the_cli_refuses_a_bad_verdict(db: Dossier) -> None:
    result = CliRunner().invoke(app, ["--db", db.location, "curate", "mark", _lisbon(db), "meh"])
    assert result.exit_code == 2 and "wrong, confirmed" in result.output


# ------------------------------------------------------------------- deletion
def _courier(db: Dossier) -> str:
    return next(v.article.id for v in db.articles() if v.label == "Iberian Courier")


def test_deleting_an_article_removes_it_and_its_facts(db: Dossier) -> None:
    aid = _courier(db)
    db.delete_article(aid, by="ana")
    assert aid not in {v.article.id for v in db.articles()}
    assert all(e.event.article_id != aid for e in db.events())


def test_deleting_an_article_removes_its_rows(db: Dossier) -> None:
    aid = _courier(db)
    db.delete_article(aid, by="ana")
    assert all(aid not in r.entry.article_ids for r in db.timeline())


def test_a_deleted_article_stays_out_of_a_later_ingest(db: Dossier) -> None:
    aid = _courier(db)
    db.delete_article(aid, by="ana")
    report = db.ingest([FIXTURES / "api" / "c_records.jsonl"])
    assert report.added == [] and aid not in {v.article.id for v in db.articles()}


def test_undoing_a_deletion_brings_the_article_back(db: Dossier) -> None:
    aid = _courier(db)
    change = db.delete_article(aid, by="ana")
    db.undo(change.id, by="rui")
    back = db.article(aid)
    assert back.article.source == "Iberian Courier" and back.article.published == "2024-04-10"


def test_deleting_over_http_needs_the_token(writable: TestClient, ids: dict[str, str]) -> None:
    assert writable.delete(f"/api/articles/{ids['hostile']}").status_code == 401


def test_deleting_over_http_removes_the_article(writable: TestClient, ids: dict[str, str]) -> None:
    r = writable.delete(f"/api/articles/{ids['hostile']}", headers=AUTH)
    assert r.status_code == 200 and r.json()["action"] == "delete_article"
    assert writable.get(f"/api/articles/{ids['hostile']}").status_code == 404
