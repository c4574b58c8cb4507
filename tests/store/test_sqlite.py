from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from dossier.errors import MigrationError, StoreError
from dossier.records import (
    Annotations,
    Article,
    Entity,
    Event,
    IngestFailure,
    Mention,
    Quote,
    Relay,
    Sighting,
    TimeExpr,
)
from dossier.store import SQLiteStore
from dossier.store.migrate import available


def _article(text: str = "Leaders met in the port city.") -> Article:
    return Article(
        id="a1",
        text=text,
        path="x.txt",
        fmt="txt",
        published="2023-09-13",
        published_how="text",
        removed=[(0, 4)],
    )


def test_new_store_applies_every_migration(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "s.sqlite").close()
    conn = sqlite3.connect(tmp_path / "s.sqlite")
    numbers = [r[0] for r in conn.execute("SELECT number FROM schema_migrations")]
    assert numbers == [m.number for m in available()]


def test_reopening_keeps_data(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.sqlite")
    store.put_article(_article(), b"sig")
    store.close()
    again = SQLiteStore(tmp_path / "s.sqlite")
    assert again.get_article("a1") == _article()


def test_store_from_a_newer_dossier_is_refused(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "s.sqlite").close()
    conn = sqlite3.connect(tmp_path / "s.sqlite")
    conn.execute("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'now')")
    conn.commit()
    with pytest.raises(MigrationError, match="newer than this dossier"):
        SQLiteStore(tmp_path / "s.sqlite")


def test_a_file_that_is_not_a_store_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not a dossier store"):
        SQLiteStore(bad)


def test_missing_folder_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        SQLiteStore(tmp_path / "no" / "such" / "s.sqlite")


def _annotations(cue: str = "say") -> Annotations:
    return Annotations(
        article_id="a1",
        mentions=[Mention("m1", "a1", 0, 7, "Leaders", "GROUP", "t", "1")],
        times=[TimeExpr("t1", "a1", 3, 6, "x", "DATE", "2023-09", "month", "t", "1")],
        quotes=[
            Quote(
                "q1",
                "a1",
                0,
                7,
                "Leaders",
                "direct",
                "t",
                "1",
                cue=cue,
                relayed_by=[Relay("Wire", "outlet", 1, 2, "2023-09-12")],
                pieces=[(0, 3), (4, 7)],
            )
        ],
        events=[Event("e1", "a1", 0, 10, "Leaders me", "040", "t", "1", quantities=["two"])],
    )


def test_annotations_round_trip_with_nested_records() -> None:
    store = SQLiteStore(":memory:")
    store.put_article(_article(), None)
    store.put_annotations(_annotations())
    assert store.quotes() == _annotations().quotes
    assert store.events(["a1"]) == _annotations().events
    assert store.times() == _annotations().times
    assert store.unannotated_ids() == []


def test_annotations_are_replaced_not_added() -> None:
    store = SQLiteStore(":memory:")
    store.put_article(_article(), None)
    store.put_annotations(_annotations("say"))
    store.put_annotations(_annotations("tell"))
    assert [q.cue for q in store.quotes()] == ["tell"]


def test_sighting_seen_twice_is_stored_once() -> None:
    store = SQLiteStore(":memory:")
    store.put_article(_article(), None)
    s = Sighting("a1", "copy.txt", "exact", 1.0)
    store.put_sighting(s)
    store.put_sighting(s)
    assert store.sightings("a1") == [s]


def test_failures_are_kept_in_order() -> None:
    store = SQLiteStore(":memory:")
    store.put_failure(IngestFailure("a.bin", "read", "binary", None))
    store.put_failure(IngestFailure("b.jsonl", "parse", "invalid JSON", 3))
    assert [f.failure.describe() for f in store.failures()] == [
        "a.bin: read: binary",
        "b.jsonl:3: parse: invalid JSON",
    ]


def test_entities_replace_links_of_mentions() -> None:
    store = SQLiteStore(":memory:")
    store.put_article(_article(), None)
    store.put_annotations(_annotations())
    store.set_entities([Entity("ent1", "Leaders", "GROUP", ["Leaders"], [], 1)], {"m1": "ent1"})
    assert store.mentions()[0].entity_id == "ent1"
    store.set_entities([], {})
    assert store.mentions()[0].entity_id is None
    assert store.entities() == []


def test_failed_transaction_leaves_nothing_behind() -> None:
    store = SQLiteStore(":memory:")
    with pytest.raises(RuntimeError), store.transaction():
        store.put_article(_article(), None)
        raise RuntimeError("boom")
    assert store.get_article("a1") is None


def test_inferred_window_is_stored_for_an_undated_article() -> None:
    from dossier.records import PublicationWindow

    store = SQLiteStore(":memory:")
    undated = Article(id="u1", text="t", path="u.txt", fmt="txt")
    store.put_article(undated, None)
    store.set_publication("u1", PublicationWindow("2023-09-13", None, ["because"]))
    got = store.get_article("u1")
    assert got is not None
    assert (got.published, got.published_how, got.published_earliest) == (
        None,
        "inferred",
        "2023-09-13",
    )


def test_a_stated_date_is_never_replaced_by_an_inference() -> None:
    from dossier.records import PublicationWindow

    store = SQLiteStore(":memory:")
    store.put_article(_article(), None)
    store.set_publication("a1", PublicationWindow("2020-01-01", None, ["x"]))
    got = store.get_article("a1")
    assert got is not None and got.published_how == "text"


def test_a_story_lists_its_articles_in_the_order_they_joined() -> None:
    from dossier.records import Story, StoryMember

    store = SQLiteStore(":memory:")
    for aid in ("b2", "a1"):
        store.put_article(Article(id=aid, text=aid, path=f"{aid}.txt", fmt="txt"), None)
    story = Story("story:b2", "first", vector=b"\x00" * 8)
    store.put_stories([story], [StoryMember("b2", "story:b2", 1, None)])
    store.put_stories([story], [StoryMember("a1", "story:b2", 2, 0.7)])
    (got,) = store.stories()
    assert got.article_ids == ["b2", "a1"] and got.vector == story.vector


def _referring(aid: str, published: str, day: str) -> tuple[Article, Annotations]:
    art = Article(id=aid, text="On that day it rained.", path=f"{aid}.txt", fmt="txt",
                  published=published, published_how="text")  # fmt: skip
    times = [TimeExpr(f"t_{aid}", aid, 0, 11, "On that day", "DATE", day, "day", "t", "1")]
    return art, Annotations(article_id=aid, times=times)


def test_day_counts_tell_apart_reports_days_and_weeks_later() -> None:
    store = SQLiteStore(":memory:")
    for aid, published in (("a1", "2023-09-13"), ("a2", "2023-09-16"), ("a3", "2023-10-01")):
        art, notes = _referring(aid, published, "2023-09-13")
        store.put_article(art, None)
        store.put_annotations(notes)
    day = store.day_counts()["2023-09-13"]
    assert (day["published"], day["referred"], day["referred_later"], day["referred_far"]) == (
        1,
        3,
        2,
        1,
    )


def _open_at_once(path: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        SQLiteStore(path).close()
        results.put("ok")
    except Exception as exc:  # the test shows what failed
        results.put(f"{type(exc).__name__}: {exc}")


def test_a_new_store_opened_by_processes_at_once_opens_in_each(tmp_path: Path) -> None:
    """Each migrates it, or waits for the one migrating it (two ingests at once)."""
    ctx = multiprocessing.get_context("fork")
    for attempt in range(3):
        path = str(tmp_path / f"s{attempt}.sqlite")
        barrier, results = ctx.Barrier(3), ctx.Queue()
        procs = [ctx.Process(target=_open_at_once, args=(path, barrier, results)) for _ in "abc"]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert [results.get(timeout=5) for _ in procs] == ["ok", "ok", "ok"]
