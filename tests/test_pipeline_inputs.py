"""The pipeline's newer inputs: articles not in English, a stop between articles, the
dateline's place, and feed items remembered only once stored."""

from __future__ import annotations

from pathlib import Path

import dossier
from dossier.pipeline import Pipeline
from dossier.store import open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "api"
FRENCH = (
    "Le conseil municipal de Marrow a voté mardi la fermeture du vieux pont de fer aux "
    "voitures, après que des ingénieurs ont trouvé des fissures dans deux de ses piliers. "
    "Les bus traverseront la rivière par le nouveau pont au sud."
)
WIRE = (
    "Bridge closed\n\nMARROW, 3 April 2025 (Reuters) - The town council closed the old iron "
    "bridge to cars on Tuesday after engineers found cracks in two of its supports.\n"
)


def test_an_article_not_in_english_is_stored_without_annotations(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    with dossier.open(tmp_path / "s.sqlite") as db:
        report = db.ingest([tmp_path / "fr.txt"])
        (article,) = list(db.articles())
        events = list(db.events())
    assert report.ok and report.not_annotated == [(str(tmp_path / "fr.txt"), "fr")]
    assert article.article.language == "fr"
    assert events == []


def test_a_stop_request_ends_the_ingest_between_articles_and_keeps_what_was_read(
    tmp_path: Path,
) -> None:
    files = sorted((FIXTURES.parents[2] / "examples").glob("*.txt"))[:3]
    asked = 0

    def stop() -> bool:
        nonlocal asked
        asked += 1
        return asked >= 2  # after the second article

    with dossier.open(tmp_path / "s.sqlite") as db:
        report = db.ingest(files, stop=stop)
        assert report.stopped and len(report.added) == 2
        again = db.ingest(files)
        assert len(again.added) == 1 and len(again.unchanged) == 2
        assert db.articles().total == 3


def test_the_dateline_gives_place_date_and_outlet_and_its_city_is_no_actor(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    with dossier.open(tmp_path / "s.sqlite") as db:
        db.ingest([tmp_path / "wire.txt"])
        (view,) = list(db.articles())
        events = list(db.events())
    article = view.article
    assert (article.dateline, article.published, article.source) == (
        "MARROW",
        "2025-04-03",
        "Reuters",
    )
    assert article.published_how == "text"
    actors = {e.event.source_text for e in events} | {e.event.target_text for e in events}
    assert "MARROW" not in actors


def test_a_feed_item_is_remembered_only_with_the_article_it_became(tmp_path: Path) -> None:
    feed = Path(__file__).resolve().parent / "fixtures" / "ingest" / "feeds" / "courier.rss"
    store = open_store(tmp_path / "s.sqlite")
    try:
        Pipeline(store).run([str(feed)])
        seen = store.feed_items_seen(str(feed), ["courier-0001", "courier-0002", "other"])
    finally:
        store.close()
    assert seen == {"courier-0001", "courier-0002"}
