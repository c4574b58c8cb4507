"""The ingest pipeline: batches, duplicates in one batch, limits, resuming, progress, workers."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import dossier
from dossier.records import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "api"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WIRE = (FIXTURES / "a_wire.txt").read_text(encoding="utf-8")


def test_many_copies_of_one_article_in_one_batch_store_it_once(tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    for i in range(60):  # more than one batch of copies
        (folder / f"copy{i:02d}.txt").write_text(WIRE, encoding="utf-8")
    with dossier.open(tmp_path / "s.sqlite") as db:
        report = db.ingest([folder])
        assert report.ok and len(report.added) == 1
        assert len(report.duplicates) == 59
        assert {s.kind for s in report.duplicates} == {"exact"}
        assert db.articles().total == 1


def test_an_article_over_the_hard_cap_is_refused_and_never_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOSSIER_MAX_CHARS", "500")
    big = tmp_path / "big.txt"
    big.write_text("The minister spoke at length. " * 40, encoding="utf-8")
    with dossier.open(tmp_path / "s.sqlite") as db:
        report = db.ingest([big, FIXTURES / "a_wire.txt"])
        (failure,) = report.failures
        assert failure.stage == "limits" and "DOSSIER_MAX_CHARS" in failure.reason
        assert [a.article.path for a in db.articles()] == [str(FIXTURES / "a_wire.txt")]
        again = db.ingest([FIXTURES / "b_blog.txt"])  # a later ingest does not retry it
        assert again.ok


def test_a_text_longer_than_the_parser_takes_is_annotated_in_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.annotate import nlp

    monkeypatch.setenv("DOSSIER_PART_CHARS", "400")
    monkeypatch.setattr(nlp, "_nlp", None)  # reload with the small part size
    long = tmp_path / "long.txt"
    paragraphs = [
        f"On Monday, Minister Rui Alves met Lucia Moreno in Lisbon for talk number {i}."
        for i in range(12)
    ]
    long.write_text("\n\n".join(paragraphs), encoding="utf-8")
    try:
        with dossier.open(tmp_path / "s.sqlite") as db:
            assert db.ingest([long]).ok
            (art,) = [v.article for v in db.articles()]
            mentions = db.store.mentions()
            assert len(art.text) > 400
            assert all(art.text[m.start : m.end] == m.text for m in mentions)
            assert max(m.start for m in mentions) > 800  # found past the first parts
    finally:
        monkeypatch.setattr(nlp, "_nlp", None)


def test_unannotated_articles_in_the_store_are_resumed(tmp_path: Path) -> None:
    from dossier.ingest import prepare, read_inputs

    (raw,) = list(read_inputs([str(FIXTURES / "a_wire.txt")]))
    assert not isinstance(raw, dossier.api.IngestReport)
    article = prepare(raw)  # type: ignore[arg-type]
    with dossier.open(tmp_path / "s.sqlite") as db:
        db.store.put_article(article, None)  # stored, as an interrupted older ingest left it
        report = db.ingest([FIXTURES / "b_blog.txt"])
        assert report.resumed == 1
        assert db.store.unannotated_ids() == []
        assert db.events().total > 0


def test_progress_moves_article_by_article(tmp_path: Path) -> None:
    seen: list[int] = []
    with dossier.open(tmp_path / "s.sqlite") as db:
        db.ingest([EXAMPLES], progress=lambda phase, done, total: seen.append(done))
    assert seen == list(range(1, len(seen) + 1)) and len(seen) >= 10


def _record(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        out = []
        for table in ("articles", "mentions", "events", "quotes", "times", "entities", "timeline"):
            cols = "id" if table != "articles" else "id, published_how, published_earliest"
            out += [(table, *r) for r in conn.execute(f"SELECT {cols} FROM {table} ORDER BY id")]
        return out
    finally:
        conn.close()


def test_two_worker_processes_give_the_record_of_one(tmp_path: Path) -> None:
    for n in (1, 2):
        folder = tmp_path / f"in{n}"
        shutil.copytree(EXAMPLES, folder)
        with dossier.open(tmp_path / f"w{n}.sqlite") as db:
            assert db.ingest([folder], workers=n).ok
    assert _record(tmp_path / "w1.sqlite") == _record(tmp_path / "w2.sqlite")


def test_articles_are_listed_a_page_at_a_time(tmp_path: Path) -> None:
    with dossier.open(tmp_path / "s.sqlite") as db:
        db.ingest([EXAMPLES])
        every = [v.article.id for v in db.articles()]
        page = db.articles(limit=3, offset=2)
        assert [v.article.id for v in page] == every[2:5]
        assert page.total == len(every) and page.limit == 3 and page.offset == 2


def test_the_timeline_filters_by_entity_in_the_store(tmp_path: Path) -> None:
    with dossier.open(tmp_path / "s.sqlite") as db:
        db.ingest([EXAMPLES])
        wanted = {v.entity.id for v in db.entities(entity="Putin")}
        rows = db.timeline(entity="Putin")
        for r in rows:
            e = r.entry
            assert wanted & {e.source_entity_id, e.target_entity_id, *e.place_refs}
        assert 0 < rows.total < db.timeline().total


def test_a_missing_store_is_not_created_by_a_read(tmp_path: Path) -> None:
    from dossier.errors import StoreError

    with pytest.raises(StoreError, match="no store"):
        dossier.open(tmp_path / "nothing.sqlite", create=False)
    assert not (tmp_path / "nothing.sqlite").exists()


def test_an_article_is_found_by_a_prefix_of_its_id(tmp_path: Path) -> None:
    with dossier.open(tmp_path / "s.sqlite") as db:
        db.ingest([FIXTURES / "a_wire.txt"])
        (view,) = db.articles()
        art: Article = view.article
        assert db.article(art.id[:6]).article.id == art.id
