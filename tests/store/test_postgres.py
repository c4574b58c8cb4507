"""The PostgreSQL store on a real server: opening, the record's round trips, and the
transactions (one writer at a time; a snapshot sees one state)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import psycopg
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
    Story,
    StoryMember,
    TimeExpr,
)
from dossier.store import open_store
from dossier.store.postgres import PostgresStore, Row, display


# the records of tests/store/test_sqlite.py
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


def _referring(aid: str, published: str, day: str) -> tuple[Article, Annotations]:
    art = Article(id=aid, text="On that day it rained.", path=f"{aid}.txt", fmt="txt",
                  published=published, published_how="text")  # fmt: skip
    times = [TimeExpr(f"t_{aid}", aid, 0, 11, "On that day", "DATE", day, "day", "t", "1")]
    return art, Annotations(article_id=aid, times=times)


@pytest.fixture
def store(pg_url: str) -> Iterator[PostgresStore]:
    s = PostgresStore(pg_url)
    yield s
    s.close()


def test_open_store_opens_a_postgres_url(pg_url: str) -> None:
    s = open_store(pg_url)
    assert isinstance(s, PostgresStore)
    s.close()


def test_the_short_scheme_works_too(pg_url: str) -> None:
    s = open_store(pg_url.replace("postgresql://", "postgres://", 1))
    assert isinstance(s, PostgresStore)
    s.close()


def test_without_create_an_empty_database_is_no_store(pg_url: str) -> None:
    with pytest.raises(StoreError, match=r"no store at .*ingest articles first"):
        open_store(pg_url, create=False)


def test_an_unreachable_server_says_what_to_do() -> None:
    with pytest.raises(StoreError, match="start the server") as info:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(info.value)


def test_messages_never_show_the_password() -> None:
    assert display("postgresql://me:secret@host:5432/db") == "postgresql://me:***@host:5432/db"


def test_reopening_keeps_data(pg_url: str) -> None:
    s = PostgresStore(pg_url)
    s.put_article(_article(), b"sig")
    s.close()
    again = PostgresStore(pg_url, create=False)
    assert again.get_article("a1") == _article()
    again.close()


def test_rows_read_like_sqlite_rows() -> None:
    row = Row(("a1", 3), {"id": 0, "n": 1})
    assert (row[0], row["n"], dict(row), tuple(row)) == ("a1", 3, {"id": "a1", "n": 3}, ("a1", 3))


def test_flags_are_set_replaced_and_cleared(store: PostgresStore) -> None:
    store.set_flag("rebuild", "1")
    store.set_flag("rebuild", "2")
    assert store.flag("rebuild") == "2"
    store.set_flag("rebuild", None)
    assert store.flag("rebuild") is None


def test_annotations_round_trip_with_nested_records(store: PostgresStore) -> None:
    store.put_article(_article(), None)
    store.put_annotations(_annotations())
    assert store.quotes() == _annotations().quotes
    assert store.events(["a1"]) == _annotations().events
    assert store.times() == _annotations().times
    assert store.unannotated_ids() == []


def test_annotations_are_replaced_not_added(store: PostgresStore) -> None:
    store.put_article(_article(), None)
    store.put_annotations(_annotations("say"))
    store.put_annotations(_annotations("tell"))
    assert [q.cue for q in store.quotes()] == ["tell"]


def test_sighting_seen_twice_is_stored_once(store: PostgresStore) -> None:
    store.put_article(_article(), None)
    s = Sighting("a1", "copy.txt", "exact", 1.0)
    store.put_sighting(s)
    store.put_sighting(s)
    assert store.sightings("a1") == [s]


def test_failures_are_kept_in_order(store: PostgresStore) -> None:
    store.put_failure(IngestFailure("a.bin", "read", "binary", None))
    store.put_failure(IngestFailure("b.jsonl", "parse", "invalid JSON", 3))
    assert [f.failure.describe() for f in store.failures()] == [
        "a.bin: read: binary",
        "b.jsonl:3: parse: invalid JSON",
    ]


def test_entities_replace_links_of_mentions(store: PostgresStore) -> None:
    store.put_article(_article(), None)
    store.put_annotations(_annotations())
    store.set_entities([Entity("ent1", "Leaders", "GROUP", ["Leaders"], [], 1)], {"m1": "ent1"})
    assert store.mentions()[0].entity_id == "ent1"
    assert store.match_entities("leaders") == {"ent1"}


def test_a_minhash_and_a_vector_come_back_as_bytes(store: PostgresStore) -> None:
    store.put_article(_article(), b"\x00\x01sig")
    assert list(store.minhashes()) == [("a1", b"\x00\x01sig")]


def test_a_story_lists_its_articles_in_the_order_they_joined(store: PostgresStore) -> None:
    for aid in ("b2", "a1"):
        store.put_article(Article(id=aid, text=aid, path=f"{aid}.txt", fmt="txt"), None)
    story = Story("story:b2", "first", vector=b"\x00" * 8)
    store.put_stories([story], [StoryMember("b2", "story:b2", 1, None)])
    store.put_stories([story], [StoryMember("a1", "story:b2", 2, 0.7)])
    (got,) = store.stories()
    assert got.article_ids == ["b2", "a1"] and got.vector == story.vector


def test_day_counts_tell_apart_reports_days_and_weeks_later(store: PostgresStore) -> None:
    for aid, published in (("a1", "2023-09-13"), ("a2", "2023-09-16"), ("a3", "2023-10-01")):
        art, notes = _referring(aid, published, "2023-09-13")
        store.put_article(art, None)
        store.put_annotations(notes)
    day = store.day_counts()["2023-09-13"]
    assert (day["published"], day["referred"], day["referred_later"], day["referred_far"]) == (
        1, 3, 2, 1,
    )  # fmt: skip


def test_curation_ids_count_up(store: PostgresStore) -> None:
    first = store.add_curation("mark", "row1", {"verdict": "wrong"}, "me", ["e1", "e1"])
    second = store.add_curation("mark", "row1", {"verdict": "right"}, "me", ["e1"])
    assert second == first + 1
    assert store.marks_of_events(["e1"]) == {"e1": (second, "right")}


def test_failed_transaction_leaves_nothing_behind(store: PostgresStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.put_article(_article(), None)
        raise RuntimeError("boom")
    assert store.get_article("a1") is None


def test_a_snapshot_sees_one_state(store: PostgresStore, pg_url: str) -> None:
    other = PostgresStore(pg_url)
    with store.snapshot():
        assert store.article_ids() == []
        other.put_article(_article(), None)  # commits meanwhile
        assert store.article_ids() == []
    assert store.article_ids() == ["a1"]
    other.close()


def test_write_transactions_run_one_at_a_time(pg_url: str) -> None:
    """Each reads the count and writes it back one higher: interleaved, one is lost."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        PostgresStore(pg_url).close()
        conn.execute("INSERT INTO meta VALUES ('n', '0')")

    def bump() -> None:
        s = PostgresStore(pg_url)
        for _ in range(5):
            with s.transaction():
                n = int(s.flag("n") or 0)
                time.sleep(0.01)
                s.set_flag("n", str(n + 1))
        s.close()

    threads = [threading.Thread(target=bump) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    s = PostgresStore(pg_url)
    assert s.flag("n") == "15"
    s.close()


def test_the_store_keeps_its_whole_url_to_be_opened_again(pg_url: str) -> None:
    with_password = pg_url.replace("dossier@", "dossier:pw@", 1)  # trust: any password works
    s = open_store(with_password)
    assert s.location == with_password
    s.close()


def test_a_store_from_a_newer_dossier_is_refused(pg_url: str) -> None:
    PostgresStore(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'now')")
    with pytest.raises(MigrationError, match="newer than this dossier"):
        PostgresStore(pg_url)


def test_dossier_db_may_name_a_postgres_url(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import dossier

    monkeypatch.setenv("DOSSIER_DB", pg_url)
    with dossier.open() as d:
        assert isinstance(d.store, PostgresStore)


def test_a_database_that_is_not_utf8_is_refused_saying_what_to_do(pg_server: Any) -> None:
    with psycopg.connect(pg_server.base_url(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE ascii ENCODING 'SQL_ASCII' TEMPLATE template0")
    with pytest.raises(StoreError, match=r"not UTF-8 .*createdb --encoding=UTF8"):
        PostgresStore(pg_server.base_url("ascii"))
