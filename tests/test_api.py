"""The Python API over small fixture articles written for these tests."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import dossier
from dossier.api import Dossier
from dossier.errors import QueryError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "api"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    dest = tmp_path / "in"
    shutil.copytree(FIXTURES, dest)
    return dest


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Dossier]:
    with dossier.open(tmp_path / "store.sqlite") as d:
        yield d


def test_a_batch_with_a_broken_line_stores_the_good_records(db: Dossier, folder: Path) -> None:
    report = db.ingest([folder])
    assert len(report.added) == 3
    assert [(Path(f.path).name, f.line) for f in report.failures] == [("c_records.jsonl", 2)]


def test_ingesting_again_changes_nothing(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    before = [a.as_json() for a in db.articles()]
    report = db.ingest([folder / "a_wire.txt", folder / "b_blog.txt"])
    assert report.added == [] and report.duplicates == []
    assert [a.as_json() for a in db.articles()] == before


def test_a_copy_under_another_name_is_linked_not_stored(db: Dossier, folder: Path) -> None:
    db.ingest([folder / "a_wire.txt"])
    shutil.copy(folder / "a_wire.txt", folder / "copy.txt")
    report = db.ingest([folder / "copy.txt"])
    assert report.added == []
    assert [s.kind for s in report.duplicates] == ["exact"]
    assert len(db.articles()) == 1
    assert db.articles()[0].duplicates[0].path.endswith("copy.txt")


def test_stdin_is_an_input(db: Dossier) -> None:
    text = "Tuesday, 5 March 2024\n\nRui Alves met Lucia Moreno in Porto on Tuesday.\n"
    report = db.ingest(["-"], stdin=io.StringIO(text))
    assert len(report.added) == 1


def test_every_stored_fact_points_at_its_own_text(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    texts = {a.article.id: a.article.text for a in db.articles()}
    for q in db.quotes():
        text = texts[q.quote.article_id]
        assert q.quote.text == " ".join(text[a:b] for a, b in q.quote.spans())
    for e in db.events():
        assert texts[e.event.article_id][e.event.start : e.event.end] == e.event.text
    for m in db.store.mentions():
        assert texts[m.article_id][m.start : m.end] == m.text


def test_publication_date_records_how_it_was_found(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    how = {Path(a.article.path).name.split(":")[0]: a.article.published_how for a in db.articles()}
    assert how == {"a_wire.txt": "text", "b_blog.txt": "inferred", "c_records.jsonl": "metadata"}


def test_an_undated_report_of_a_dated_meeting_gets_a_window_not_a_date(
    db: Dossier, folder: Path
) -> None:
    db.ingest([folder])
    (blog,) = [a.article for a in db.articles() if a.article.path.endswith("b_blog.txt")]
    assert blog.published is None
    # on or after the meeting it reports as past (less a few days: a report may tell a
    # part of the event), and, news being recent, within a month of it
    assert (blog.published_earliest, blog.published_latest) == ("2024-03-01", "2024-04-03")
    assert "other sources" in (blog.published_evidence or "")


def test_source_filter_keeps_one_outlet(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    assert [a.label for a in db.articles(source="iberian")] == ["Iberian Courier"]


def test_date_window_filters_articles(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    assert [a.article.published for a in db.articles(since="2024-04")] == ["2024-04-10"]


def test_a_bad_date_filter_raises_a_query_error(db: Dossier) -> None:
    with pytest.raises(QueryError):
        db.events(since="last week")


def test_failures_are_kept_across_ingests(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    db.ingest([folder / "missing.txt"])
    assert len(db.failures()) == 2


def test_explain_says_why_each_mention_joined_its_row(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    row = max((r.entry for r in db.timeline()), key=lambda e: len(e.event_ids))
    view = db.explain(row.id[:9])
    assert [m.event.id for m, _, _ in view.mentions] == row.event_ids
    assert all(why for _, why, _ in view.mentions)


def test_explain_gives_the_model_view_of_every_mention_but_the_best(
    db: Dossier, folder: Path
) -> None:
    db.ingest([folder])
    row = max((r.entry for r in db.timeline()), key=lambda e: len(e.event_ids))
    pairs = [pair for _, _, pair in db.explain(row.id).mentions]
    assert pairs[0] is None and all(p and "probability" in p for p in pairs[1:])


def test_explain_of_an_event_mention_explains_its_row(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    row = max((r.entry for r in db.timeline()), key=lambda e: len(e.event_ids))
    assert db.explain(row.event_ids[-1]).entry.id == row.id


def test_explain_of_an_unknown_row_is_not_found(db: Dossier) -> None:
    from dossier.errors import NotFound

    with pytest.raises(NotFound):
        db.explain("tl_nope")


def test_every_article_is_placed_in_one_story(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    placed = [a.article.id for s in db.stories() for a in s.articles]
    assert sorted(placed) == sorted(a.article.id for a in db.articles())


def test_ingesting_in_two_batches_gives_the_batch_record(tmp_path: Path, folder: Path) -> None:
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    assert len(files) >= 2
    with dossier.open(tmp_path / "batch.sqlite") as batch:
        batch.ingest(files)
        want = (
            {s.story.id: sorted(s.story.article_ids) for s in batch.stories()},
            batch.timeline(),
        )
    with dossier.open(tmp_path / "steps.sqlite") as steps:
        steps.ingest(files[:1])
        steps.ingest(files[1:])
        got = ({s.story.id: sorted(s.story.article_ids) for s in steps.stories()}, steps.timeline())
    assert got[0] == want[0]
    assert [r.entry.event_ids for r in got[1]] == [r.entry.event_ids for r in want[1]]


def test_resolving_again_changes_nothing(db: Dossier, folder: Path) -> None:
    db.ingest([folder])
    windows = [(a.article.published_earliest, a.article.published_latest) for a in db.articles()]
    rows = [r.entry for r in db.timeline()]
    db.resolve()
    db.resolve()
    assert [
        (a.article.published_earliest, a.article.published_latest) for a in db.articles()
    ] == windows
    assert [r.entry for r in db.timeline()] == rows


_SUMMIT = (
    "Monday, 4 March 2024\n\nPrime Minister Rui Alves met President Lucia Moreno in Porto on "
    "Monday to discuss a fishing treaty between Portugal and Spain. {extra}\n"
)
_GARDEN = (
    "Sunday, 3 March 2024\n\nGardener Mara Quill praised Tom Reed of the Elm Street garden "
    "club on Sunday. Members planted tulips, pruned roses and repaired the greenhouse roof.\n"
)


def _topics(db: Dossier, tmp_path: Path) -> None:
    src = tmp_path / "topics"
    src.mkdir()
    (src / "a.txt").write_text(_SUMMIT.format(extra="The talks on fishing quotas lasted hours."))
    (src / "b.txt").write_text(_SUMMIT.format(extra="Both leaders praised the fishing treaty."))
    (src / "c.txt").write_text(_GARDEN)
    db.ingest([src])


def test_an_article_joining_no_story_with_the_rest_is_flagged_off_topic(
    db: Dossier, tmp_path: Path
) -> None:
    _topics(db, tmp_path)
    flags = {Path(a.article.path).name: a.off_topic for a in db.articles()}
    assert flags == {"a.txt": False, "b.txt": False, "c.txt": True}


def test_rows_only_off_topic_articles_report_are_left_out_of_the_timeline(
    db: Dossier, tmp_path: Path
) -> None:
    _topics(db, tmp_path)
    garden = {a.article.id for a in db.articles() if a.off_topic}
    shown = {aid for r in db.timeline() for aid in r.entry.article_ids}
    everything = {aid for r in db.timeline(off_topic=True) for aid in r.entry.article_ids}
    assert garden and not garden & shown and garden <= everything


def test_quotes_list_what_was_said_and_attributions_only_when_asked(
    db: Dossier, tmp_path: Path
) -> None:
    src = tmp_path / "said"
    src.mkdir()
    (src / "a.txt").write_text(
        "Tuesday, 5 March 2024\n\nMayor Carla Diaz said the bridge would reopen in May. "
        "Paul Novak wants to build a second bridge across the river.\n"
    )
    db.ingest([src])
    said = {q.quote.cue for q in db.quotes()}
    everything = {q.quote.cue for q in db.quotes(attributions=True)}
    assert said == {"say"} and everything == {"say", "want"}


def test_an_interrupted_quote_is_marked_on_its_article_without_its_attribution(
    db: Dossier,
) -> None:
    text = (
        "Tuesday, 5 March 2024\n\n"
        '"The port will reopen," the harbour master Rui Alves said on Tuesday, '
        '"once the cranes are repaired."\n'
    )
    db.ingest(["-"], stdin=io.StringIO(text))
    (article,) = db.articles()
    detail = db.article_detail(article.article.id)
    marked = [
        detail.article.article.text[s.start : s.end] for s in detail.spans if s.kind == "quote"
    ]
    assert marked == ["The port will reopen,", "once the cranes are repaired."]
