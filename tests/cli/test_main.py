"""The CLI adapter: options, exit codes, JSON Lines shapes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli.main import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "api"
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("in")
    for f in FIXTURES.iterdir():
        shutil.copy(f, folder / f.name)
    db = str(tmp_path_factory.mktemp("db") / "cli.sqlite")
    result = runner.invoke(app, ["--db", db, "ingest", str(folder)])
    assert result.exit_code == 1  # the fixture folder holds one broken JSON line
    return db


def _lines(db: str, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["--db", db, *args, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_ingest_names_the_broken_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok text about a meeting in Rome"}\n{nope\n', encoding="utf-8")
    result = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite"), "ingest", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2" in result.stderr


def test_articles_json_has_the_documented_fields(store: str) -> None:
    rows = _lines(store, "articles")
    need = {"id", "path", "url", "title", "source", "published", "published_how", "text"}
    assert rows and all(need <= row.keys() for row in rows)


EVENT_FIELDS = {
    "id",
    "date",
    "code",
    "source_actor",
    "target_actor",
    "place",
    "status",
    "article_ids",
    "sources",
    "text",
    "start",
    "end",
}
DOCUMENTED = {
    "quotes": {
        "id",
        "article_id",
        "text",
        "speaker",
        "speaker_text",
        "cue",
        "kind",
        "relayed_by",
        "start",
        "end",
    },
    "events": EVENT_FIELDS,
    "timeline": EVENT_FIELDS,
}


@pytest.mark.parametrize("command", sorted(DOCUMENTED))
def test_json_lines_have_the_documented_fields(store: str, command: str) -> None:
    rows = _lines(store, command)
    assert all(DOCUMENTED[command] <= row.keys() for row in rows)


def test_entities_json_has_the_documented_fields(store: str) -> None:
    rows = _lines(store, "entities")
    assert rows and all({"id", "name", "type", "aliases", "mentions"} <= r.keys() for r in rows)


def test_a_bad_filter_is_one_error_line_and_exit_2(store: str) -> None:
    result = runner.invoke(app, ["--db", store, "events", "--since", "yesterday"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("error:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_every_command_has_help() -> None:
    for cmd in (
        "ingest",
        "articles",
        "timeline",
        "events",
        "quotes",
        "entities",
        "failures",
        "contradictions",
        "stories",
        "explain",
        "bench",
    ):
        assert runner.invoke(app, [cmd, "--help"]).exit_code == 0


def test_text_output_shows_source_and_snippet(store: str) -> None:
    result = runner.invoke(app, ["--db", store, "quotes"])
    assert result.exit_code == 0
    assert "[" in result.stdout and "“" in result.stdout


def test_contradictions_json_names_the_detail_and_the_claims(store: str) -> None:
    rows = _lines(store, "contradictions")
    assert all({"timeline_id", "detail", "claims", "sources"} <= r.keys() for r in rows)


def test_explain_json_gives_each_mention_a_reason(store: str) -> None:
    (row, *_) = _lines(store, "timeline")
    result = runner.invoke(app, ["--db", store, "explain", str(row["id"]), "--json"])
    assert result.exit_code == 0, result.output
    assert all(m["why"] for m in json.loads(result.stdout)["mentions"])


def test_stories_json_lists_articles_with_the_cosine_they_joined_on(store: str) -> None:
    rows = _lines(store, "stories")
    assert rows and all({"id", "label", "n_articles", "articles"} <= r.keys() for r in rows)
    firsts = [r["articles"][0]["similarity"] for r in rows]  # type: ignore[index]
    assert firsts == [None] * len(rows)


def test_timeline_json_names_the_first_report_and_confidence(store: str) -> None:
    rows = _lines(store, "timeline")
    assert all(
        {"first_source", "first_published", "confidence", "story_id"} <= r.keys() for r in rows
    )


def test_the_store_may_be_named_after_the_command(store: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", store, "--json"])
    assert result.exit_code == 0 and result.stdout.strip()


def test_a_read_command_on_a_missing_store_says_so_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    result = runner.invoke(app, ["--db", str(missing), "timeline"])
    assert result.exit_code == 1 and "no store" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not missing.exists()


def test_listings_page_with_offset_and_limit(store: str) -> None:
    every = _lines(store, "events")
    page = _lines(store, "events", "--offset", "1", "--limit", "2")
    assert [e["id"] for e in page] == [e["id"] for e in every[1:3]]


def test_an_impossible_date_is_one_error_line(store: str) -> None:
    for bad in ("2023-13", "2023-02-30"):
        result = runner.invoke(app, ["--db", store, "timeline", "--since", bad])
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_resolve_all_rebuilds_the_same_timeline(tmp_path: Path, store: str) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(store, copy)
    before = _lines(str(copy), "timeline")
    result = runner.invoke(app, ["--db", str(copy), "resolve", "--all"])
    assert result.exit_code == 0, result.output
    assert _lines(str(copy), "timeline") == before


def test_failures_are_grouped_and_can_be_cleared(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n", encoding="utf-8")
    db = str(tmp_path / "f.sqlite")
    for _ in range(2):
        runner.invoke(app, ["--db", db, "ingest", str(bad)])
    (row,) = _lines(db, "failures")
    assert row["count"] == 2
    assert runner.invoke(app, ["--db", db, "failures", "--clear"]).exit_code == 0
    assert _lines(db, "failures") == []


def test_the_timeline_filters_rows_by_sources_and_status(store: str) -> None:
    rows = _lines(store, "timeline", "--min-sources", "2", "--status", "asserted")
    assert all(r["n_sources"] >= 2 and r["status"] == "asserted" for r in rows)


def test_key_events_are_a_few_dated_rows(store: str) -> None:
    rows = _lines(store, "timeline", "--key", "--top", "3")
    assert 0 < len(rows) <= 3 and all(r["date"] for r in rows)


def test_every_timeline_row_has_an_importance(store: str) -> None:
    rows = _lines(store, "timeline")
    assert rows and all(isinstance(r["importance"], float) for r in rows)


def test_key_events_of_one_day_come_most_important_first(store: str) -> None:
    rows = _lines(store, "timeline", "--key")
    by_day: dict[str, list[float]] = {}
    for r in rows:
        by_day.setdefault(r["date"], []).append(r["importance"])
    assert by_day and all(v == sorted(v, reverse=True) for v in by_day.values())


def test_an_unknown_status_is_one_error_line(store: str) -> None:
    result = runner.invoke(app, ["--db", store, "timeline", "--status", "done"])
    assert result.exit_code == 2 and "--status" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--limit", "-1"],
        ["timeline", "--limit", "many"],
        ["events", "--offset", "x"],
        ["timeline", "--until", "2023-02-30"],
        ["timeline", "--since", "2023-13"],
        ["explain", "no-such-row"],
        ["timeline", "--no-such-option"],
        ["no-such-command"],
        ["ingest"],
        ["ingest", "x.txt", "--workers", "0"],
    ],
)
def test_a_bad_argument_is_one_line_and_exit_2(store: str, args: list[str]) -> None:
    result = runner.invoke(app, ["--db", store, *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("error:") and len(result.stderr.strip().splitlines()) == 1


def test_the_store_may_be_named_before_or_after_the_command(store: str) -> None:
    before = runner.invoke(app, ["--db", store, "articles", "--json"])
    after = runner.invoke(app, ["articles", "--json", "--db", store])
    assert before.exit_code == after.exit_code == 0 and before.stdout == after.stdout


def test_an_unexpected_exception_is_one_line_not_a_traceback(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dossier.api

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(dossier.api.Dossier, "timeline", boom)
    result = runner.invoke(app, ["--db", store, "timeline"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "error: unexpected RuntimeError: kaput (a bug: please report it; "
        "$DOSSIER_DEBUG=1 shows where)"
    ]


def test_python_dash_m_runs_an_ingest_with_worker_processes(tmp_path: Path) -> None:
    # a spawned worker re-imports ``python -m``'s main module as ``__mp_main__``
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "a_wire.txt", folder / "a_wire.txt")
    shutil.copy(FIXTURES / "b_blog.txt", folder / "b_blog.txt")
    db = str(tmp_path / "m.sqlite")
    cmd = [sys.executable, "-m", "dossier.cli.main", "--db", db, "ingest", "--workers", "2"]
    done = subprocess.run([*cmd, str(folder)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
