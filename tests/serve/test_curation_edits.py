"""Curation of the resolution: merging and splitting entities, moving an event mention
to another row; each audited, undoable, and applied again by later ingests and resolve."""

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

AUTH = {"Authorization": "Bearer test-token"}
LATER = (
    "Wednesday, 6 March 2024\n\nMarta Rocha and Rui Alves spoke by telephone on Wednesday "
    "about the ferry contract, an aide said. Alves later travelled to Madrid.\n"
)


@pytest.fixture()
def db(built_store: Path, tmp_path: Path) -> Iterator[Dossier]:
    path = tmp_path / "edits.sqlite"
    shutil.copy(built_store, path)
    with dossier.open(path, create=False) as d:
        yield d


def _later(db: Dossier, tmp_path: Path) -> None:
    extra = tmp_path / "later.txt"
    extra.write_text(LATER, encoding="utf-8")
    assert db.ingest([extra]).added


def _id(db: Dossier, name: str) -> str:
    return next(v.entity.id for v in db.entities() if v.entity.name == name)


def _names(db: Dossier) -> set[str]:
    return {v.entity.name for v in db.entities()}


def _rows(db: Dossier) -> list[list[str]]:
    return sorted(sorted(v.entry.event_ids) for v in db.timeline(off_topic=True))


# --------------------------------------------------------------------- merge
def test_a_merged_entity_is_gone(db: Dossier) -> None:
    db.merge_entities(_id(db, "Marta Rocha"), _id(db, "Lucia Moreno"), by="ana")
    assert "Marta Rocha" not in _names(db)


def test_the_merged_into_entity_takes_the_mentions_and_names(db: Dossier) -> None:
    moreno = db.entity(_id(db, "Lucia Moreno"))
    db.merge_entities(_id(db, "Marta Rocha"), moreno.id, by="ana")
    after = db.entity(moreno.id)
    assert after.mentions == moreno.mentions + 2 and "Rocha" in after.aliases


def test_a_merge_is_audited(db: Dossier) -> None:
    into = _id(db, "Lucia Moreno")
    db.merge_entities(_id(db, "Marta Rocha"), into, by="ana")
    (change,) = db.curation_log()
    assert (change.action, change.target, change.by) == ("merge", into, "ana")


def test_a_merge_survives_a_full_resolve(db: Dossier) -> None:
    db.merge_entities(_id(db, "Marta Rocha"), _id(db, "Lucia Moreno"), by="ana")
    db.resolve()
    assert "Marta Rocha" not in _names(db)


def test_a_later_mention_of_a_merged_entity_joins_the_merged_into_one(
    db: Dossier, tmp_path: Path
) -> None:
    into = _id(db, "Lucia Moreno")
    db.merge_entities(_id(db, "Marta Rocha"), into, by="ana")
    _later(db, tmp_path)
    found = {m.text: m.entity_id for m in db.store.mentions() if m.text == "Marta Rocha"}
    assert "Marta Rocha" not in _names(db) and found == {"Marta Rocha": into}


def test_undoing_a_merge_brings_the_entity_back(db: Dossier) -> None:
    change = db.merge_entities(_id(db, "Marta Rocha"), _id(db, "Lucia Moreno"), by="ana")
    db.undo(change.id, by="rui")
    assert "Marta Rocha" in _names(db)
    assert "Rocha" not in db.entity(_id(db, "Lucia Moreno")).aliases


def test_merging_an_entity_into_itself_is_refused(db: Dossier) -> None:
    with pytest.raises(QueryError):
        db.merge_entities(_id(db, "Rui Alves"), _id(db, "Rui Alves"), by="ana")


def test_merging_an_unknown_entity_is_not_found(db: Dossier) -> None:
    with pytest.raises(NotFound):
        db.merge_entities("ent_nosuch", _id(db, "Rui Alves"), by="ana")


# --------------------------------------------------------------------- split
def test_splitting_an_alias_makes_a_new_entity(db: Dossier) -> None:
    change = db.split_entity(_id(db, "Rui Alves"), alias="Alves", by="ana")
    new = next(v.entity for v in db.entities() if v.entity.name == "Alves")
    assert new.mentions == len(change.body["mentions"]) and new.type == "PERSON"


def test_the_split_entity_keeps_the_other_mentions(db: Dossier) -> None:
    alves = db.entity(_id(db, "Rui Alves"))
    change = db.split_entity(alves.id, alias="Alves", by="ana")
    after = db.entity(alves.id)
    assert after.mentions == alves.mentions - len(change.body["mentions"])
    assert "Alves" not in after.aliases


def test_splitting_named_mentions_uses_the_given_name(db: Dossier) -> None:
    alves = _id(db, "Rui Alves")
    one = next(m.id for m in db.store.mentions() if m.entity_id == alves)
    db.split_entity(alves, [one], name="Another Alves", by="ana")
    assert "Another Alves" in _names(db)


def test_a_split_survives_a_full_resolve(db: Dossier) -> None:
    change = db.split_entity(_id(db, "Rui Alves"), alias="Alves", by="ana")
    db.resolve()
    moved = db.store.mentions_by_id(change.body["mentions"])
    assert {m.entity_id for m in moved} == {_id(db, "Alves")}


def test_a_split_survives_a_later_ingest(db: Dossier, tmp_path: Path) -> None:
    change = db.split_entity(_id(db, "Rui Alves"), alias="Alves", by="ana")
    new = _id(db, "Alves")
    _later(db, tmp_path)
    assert {m.entity_id for m in db.store.mentions_by_id(change.body["mentions"])} == {new}


def test_undoing_a_split_gives_the_mentions_back(db: Dossier) -> None:
    alves = db.entity(_id(db, "Rui Alves"))
    change = db.split_entity(alves.id, alias="Alves", by="ana")
    db.undo(change.id, by="ana")
    assert "Alves" not in _names(db) and db.entity(alves.id).mentions == alves.mentions


def test_splitting_off_every_mention_is_refused(db: Dossier) -> None:
    with pytest.raises(QueryError):
        db.split_entity(_id(db, "Madrid"), alias="Madrid", by="ana")


def test_splitting_an_alias_the_entity_lacks_is_refused(db: Dossier) -> None:
    with pytest.raises(QueryError):
        db.split_entity(_id(db, "Rui Alves"), alias="Moreno", by="ana")


def test_splitting_a_mention_of_another_entity_is_not_found(db: Dossier) -> None:
    other = next(m.id for m in db.store.mentions() if m.entity_id == _id(db, "Lisbon"))
    with pytest.raises(NotFound):
        db.split_entity(_id(db, "Rui Alves"), [other], by="ana")


def test_a_split_needs_mentions_or_an_alias(db: Dossier) -> None:
    with pytest.raises(QueryError):
        db.split_entity(_id(db, "Rui Alves"), by="ana")


def test_a_split_after_a_merge_survives_a_full_resolve(db: Dossier) -> None:
    moreno = _id(db, "Lucia Moreno")
    db.merge_entities(_id(db, "Marta Rocha"), moreno, by="ana")
    change = db.split_entity(moreno, alias="Rocha", by="ana")
    db.resolve()
    moved = db.store.mentions_by_id(change.body["mentions"])
    assert {m.entity_id for m in moved} == {_id(db, "Rocha")} and "Marta Rocha" not in _names(db)


# ---------------------------------------------------------------------- move
def _pair(db: Dossier) -> tuple[str, str]:
    """An event mention alone in its row, and another row to move it to."""
    rows = [v.entry for v in db.timeline(off_topic=True)]
    lone = next(r for r in rows if len(r.event_ids) == 1)
    other = next(r for r in rows if r.id != lone.id)
    return lone.event_ids[0], other.id


def _row_of(db: Dossier, event_id: str) -> list[str]:
    rows = db.timeline(off_topic=True)
    return next(v.entry.event_ids for v in rows if event_id in v.entry.event_ids)


def test_a_moved_event_joins_the_row(db: Dossier) -> None:
    event, row = _pair(db)
    target = db.row(row).entry.event_ids
    db.move_event(event, row, by="ana")
    assert set(_row_of(db, event)) == {event, *target}


def test_a_move_is_audited_on_the_event(db: Dossier) -> None:
    event, row = _pair(db)
    db.move_event(event, row, by="ana")
    (change,) = db.curation_log()
    assert (change.action, change.target, change.body["to_row"]) == ("move", event, row)


def test_a_move_survives_a_full_resolve(db: Dossier) -> None:
    event, row = _pair(db)
    target = db.row(row).entry.event_ids
    db.move_event(event, row, by="ana")
    db.resolve()
    assert set(_row_of(db, event)) == {event, *target}


def test_a_move_survives_a_later_ingest(db: Dossier, tmp_path: Path) -> None:
    event, row = _pair(db)
    target = db.row(row).entry.event_ids[0]
    db.move_event(event, row, by="ana")
    _later(db, tmp_path)
    assert target in _row_of(db, event)


def test_undoing_a_move_restores_the_rows(db: Dossier) -> None:
    before = _rows(db)
    event, row = _pair(db)
    change = db.move_event(event, row, by="ana")
    db.undo(change.id, by="ana")
    assert _rows(db) == before


def test_moving_to_an_unknown_row_is_not_found(db: Dossier) -> None:
    with pytest.raises(NotFound):
        db.move_event(_pair(db)[0], "tl_nosuch", by="ana")


def test_moving_an_unknown_event_is_not_found(db: Dossier) -> None:
    with pytest.raises(NotFound):
        db.move_event("ev_nosuch", _pair(db)[1], by="ana")


def test_moving_an_event_to_its_own_row_is_refused(db: Dossier) -> None:
    event, _ = _pair(db)
    with pytest.raises(QueryError):
        db.move_event(event, _row_of_id(db, event), by="ana")


def _row_of_id(db: Dossier, event_id: str) -> str:
    return next(v.entry.id for v in db.timeline(off_topic=True) if event_id in v.entry.event_ids)


# ---------------------------------------------------------------------- HTTP
def _http_ids(client: TestClient) -> dict[str, str]:
    ents = {e["name"]: e["id"] for e in client.get("/api/entities").json()["items"]}
    rows = client.get("/api/timeline", params={"off_topic": True}).json()["items"]
    lone = next(r for r in rows if len(r["event_ids"]) == 1)
    other = next(r for r in rows if r["id"] != lone["id"])
    return {**ents, "event": lone["event_ids"][0], "row": other["id"]}


def test_merging_over_http_needs_the_token(writable: TestClient) -> None:
    ids = _http_ids(writable)
    r = writable.post(f"/api/entities/{ids['Marta Rocha']}/merge", json={"into": ids["Rui Alves"]})
    assert r.status_code == 401


def test_merging_over_http_answers_the_audit_row(writable: TestClient) -> None:
    ids = _http_ids(writable)
    r = writable.post(
        f"/api/entities/{ids['Marta Rocha']}/merge", json={"into": ids["Rui Alves"]}, headers=AUTH
    )
    assert r.status_code == 200 and (r.json()["action"], r.json()["by"]) == ("merge", "serve")


def test_merging_an_unknown_entity_over_http_is_a_404(writable: TestClient) -> None:
    ids = _http_ids(writable)
    body = {"into": ids["Rui Alves"]}
    r = writable.post("/api/entities/ent_nosuch/merge", json=body, headers=AUTH)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_splitting_over_http_makes_the_entity(writable: TestClient) -> None:
    ids = _http_ids(writable)
    r = writable.post(
        f"/api/entities/{ids['Rui Alves']}/split", json={"alias": "Alves"}, headers=AUTH
    )
    names = {e["name"] for e in writable.get("/api/entities").json()["items"]}
    assert r.status_code == 200 and "Alves" in names


def test_a_bad_split_over_http_is_a_400(writable: TestClient) -> None:
    ids = _http_ids(writable)
    r = writable.post(f"/api/entities/{ids['Rui Alves']}/split", json={}, headers=AUTH)
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_query"


def test_moving_over_http_puts_the_event_in_the_row(writable: TestClient) -> None:
    ids = _http_ids(writable)
    writable.post(f"/api/events/{ids['event']}/move", json={"row": ids["row"]}, headers=AUTH)
    rows = writable.get("/api/timeline", params={"off_topic": True}).json()["items"]
    held = next(r for r in rows if ids["event"] in r["event_ids"])
    assert len(held["event_ids"]) > 1


def test_moving_to_an_unknown_row_over_http_is_a_404(writable: TestClient) -> None:
    ids = _http_ids(writable)
    r = writable.post(f"/api/events/{ids['event']}/move", json={"row": "tl_nosuch"}, headers=AUTH)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_undoing_a_move_over_http(writable: TestClient) -> None:
    ids = _http_ids(writable)
    change = writable.post(
        f"/api/events/{ids['event']}/move", json={"row": ids["row"]}, headers=AUTH
    ).json()
    r = writable.post(f"/api/curation/{change['id']}/undo", headers=AUTH)
    assert r.status_code == 200 and r.json()["undone_at"]


# ----------------------------------------------------------------------- CLI
def _cli(db: Dossier, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--db", db.location, "curate", *args])
    return result.exit_code, result.output


def test_the_cli_merges(db: Dossier) -> None:
    code, _ = _cli(db, "merge", _id(db, "Marta Rocha"), _id(db, "Lucia Moreno"), "--by", "ana")
    assert code == 0 and "Marta Rocha" not in _names(db)


def test_the_cli_splits_an_alias(db: Dossier) -> None:
    code, _ = _cli(db, "split", _id(db, "Rui Alves"), "--alias", "Alves")
    assert code == 0 and "Alves" in _names(db)


def test_the_cli_moves_an_event(db: Dossier) -> None:
    event, row = _pair(db)
    code, out = _cli(db, "move", event, row, "--json")
    assert code == 0 and '"action": "move"' in out


def test_the_cli_refuses_a_merge_into_itself_with_exit_2(db: Dossier) -> None:
    code, out = _cli(db, "merge", _id(db, "Rui Alves"), _id(db, "Rui Alves"))
    assert code == 2 and len(out.strip().splitlines()) == 1


def test_the_cli_refuses_a_split_without_mentions_with_exit_2(db: Dossier) -> None:
    code, out = _cli(db, "split", _id(db, "Rui Alves"))
    assert code == 2 and "--alias" in out


def test_the_cli_says_an_unknown_entity_is_not_found_in_one_line(db: Dossier) -> None:
    # an unknown id is a bad argument: exit 2, as for `dossier explain no-such-row`
    code, out = _cli(db, "merge", "ent_nosuch", _id(db, "Rui Alves"))
    assert code == 2 and len(out.strip().splitlines()) == 1 and "ent_nosuch" in out


def test_the_cli_says_an_unknown_row_is_not_found_in_one_line(db: Dossier) -> None:
    code, out = _cli(db, "move", _pair(db)[0], "tl_nosuch")
    assert code == 2 and len(out.strip().splitlines()) == 1 and "tl_nosuch" in out
