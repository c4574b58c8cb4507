"""End to end over the real seed articles in ../shared/seeds (skipped when absent).

Quotes are located by short distinctive substrings only; no seed sentence is copied here.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import dossier
from dossier.api import Dossier, IngestReport
from dossier.views import QuoteView


@pytest.fixture(scope="module")
def ingested(
    seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Dossier, IngestReport]]:
    folder = tmp_path_factory.mktemp("batch")
    for f in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(f, folder / f.name)
    (folder / "zz_corrupt.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary junk \x00" * 50)
    db = dossier.open(tmp_path_factory.mktemp("db") / "seeds.sqlite")
    report = db.ingest([folder])
    yield db, report
    db.close()


def _quote(db: Dossier, words: str) -> QuoteView:
    """The innermost quote containing ``words`` (a relayed block quote holds inner ones)."""
    hits = [q for q in db.quotes() if words in q.quote.text]
    assert hits, f"no quote containing {words!r}"
    return min(hits, key=lambda q: q.quote.end - q.quote.start)


def test_corrupt_file_fails_clearly_while_the_seeds_are_stored(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, report = ingested
    assert [Path(f.path).name for f in report.failures] == ["zz_corrupt.txt"]
    assert "zz_corrupt.txt" in report.failures[0].describe()
    assert len(db.articles()) == 5
    assert [Path(f.failure.path).name for f in db.failures()] == ["zz_corrupt.txt"]


def test_subscribe_prompt_is_not_in_the_think_tank_article(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    (art,) = [a for a in db.articles() if "Vostochny" in a.article.text]
    assert "Stay Informed" not in art.article.text
    assert "subscribe" not in art.article.text.lower()


def test_kim_is_the_speaker_of_unconditional_support_relayed_by_cbs(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    q = _quote(db, "full and unconditional support")
    assert q.speaker is not None and q.speaker.name == "Kim Jong Un"
    assert any("CBS" in r.name for r in q.quote.relayed_by)


def test_putin_said_that_is_why_we_have_come(ingested: tuple[Dossier, IngestReport]) -> None:
    db, _ = ingested
    q = _quote(db, "that's why we have come here")
    assert q.speaker is not None and "Putin" in q.speaker.name


def test_pietrewicz_of_the_polish_institute_on_a_valuable_partner(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    q = _quote(db, "turned out to be a very valuable partner")
    assert q.speaker is not None and q.speaker.name == "Oskar Pietrewicz"
    speaker_mentions = [
        m for m in db.store.mentions([q.quote.article_id]) if m.entity_id == q.speaker.id
    ]
    assert any(m.org == "Polish Institute of International Affairs" for m in speaker_mentions)


def test_no_separate_entity_for_the_misspelt_kim(ingested: tuple[Dossier, IngestReport]) -> None:
    db, _ = ingested
    names = {e.entity.name for e in db.entities()}
    assert "Kim Jon Un" not in names
    (kim,) = [e.entity for e in db.entities() if e.entity.name == "Kim Jong Un"]
    assert "Kim Jon Un" in kim.aliases


def test_vladivostok_is_one_place_whatever_the_spelling(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    places = [e.entity for e in db.entities() if "vladivost" in e.entity.name.lower()]
    assert [p.name for p in places] == ["Vladivostok"]


def test_timeline_has_the_2023_summit_at_vostochny(ingested: tuple[Dossier, IngestReport]) -> None:
    db, _ = ingested
    rows = [
        r.entry
        for r in db.timeline(entity="Kim Jong Un")
        if r.entry.date == "2023-09-13" and r.entry.code.startswith("04")
    ]
    assert rows, "no 2023-09-13 meeting in the timeline"
    summit = rows[0]
    assert {summit.source_actor, summit.target_actor} == {"Vladimir Putin", "Kim Jong Un"}
    assert summit.place is not None and "Vostochny" in summit.place


def test_the_2023_summit_is_one_event_reported_by_three_seed_articles(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    rows = [
        r.entry
        for r in db.timeline(entity="Kim Jong Un", since="2023-09-13", until="2023-09-13")
        if r.entry.code.startswith("04")
        and {r.entry.source_actor, r.entry.target_actor} == {"Vladimir Putin", "Kim Jong Un"}
    ]
    assert len(rows) == 1
    (summit,) = rows
    assert len(summit.article_ids) >= 3 and len(summit.event_ids) >= 3
    assert summit.first_published == "2023-09-13" and summit.confidence is not None


def test_every_seed_article_sits_in_a_story(ingested: tuple[Dossier, IngestReport]) -> None:
    db, _ = ingested
    assert sum(len(s.articles) for s in db.stories()) == len(db.articles())


def test_timeline_has_the_2024_visit_to_pyongyang_with_sources(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    rows = [
        r.entry
        for r in db.timeline(entity="Vladimir Putin", since="2024-06-01", until="2024-06-30")
        if r.entry.code.startswith("04")
    ]
    assert rows, "no June 2024 visit in the timeline"
    assert any(r.sources for r in rows)


@pytest.mark.parametrize(
    ("prefix", "true_day"),
    [("002_", "2024-06-18"), ("003_", "2023-09-13"), ("004_", "2023-09-11")],
)
def test_undated_seeds_get_an_inferred_window_holding_their_true_date(
    ingested: tuple[Dossier, IngestReport], prefix: str, true_day: str
) -> None:
    db, _ = ingested
    (art,) = [a.article for a in db.articles() if Path(a.article.path).name.startswith(prefix)]
    assert art.published is None and art.published_how == "inferred"
    assert (art.published_earliest or "0000") <= true_day <= (art.published_latest or "9999")
    assert art.published_evidence


def test_seed_windows_and_timeline_hold_when_the_store_is_resolved_again(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    before = ([a.article for a in db.articles()], [r.entry for r in db.timeline()])
    db.resolve()
    assert ([a.article for a in db.articles()], [r.entry for r in db.timeline()]) == before


def test_seeds_ingested_one_at_a_time_give_the_batch_timeline(
    ingested: tuple[Dossier, IngestReport], seeds_dir: Path, tmp_path: Path
) -> None:
    db, _ = ingested
    with dossier.open(tmp_path / "one_by_one.sqlite") as steps:
        for f in sorted(seeds_dir.glob("*.txt")):
            steps.ingest([f])
        got = [(r.entry.event_ids, r.entry.date, r.entry.places) for r in steps.timeline()]
    assert got == [(r.entry.event_ids, r.entry.date, r.entry.places) for r in db.timeline()]


def test_sullivan_warned_north_korea_will_pay_a_price(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    q = _quote(db, "will pay a price")
    assert q.speaker is not None and q.speaker.name == "Jake Sullivan"


def test_harris_called_it_a_gesture_of_desperation_relayed_by_cbs(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    q = _quote(db, "gesture of desperation")
    assert q.speaker is not None and q.speaker.name == "Kamala Harris"
    assert any("CBS" in r.name for r in q.quote.relayed_by)


def test_kirby_is_concerned_although_his_name_is_split_by_a_sentence_break(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    q = _quote(db, "We are concerned about the deepening relationship")
    assert q.speaker is not None and q.speaker.name == "John Kirby"


def _events_at(db: Dossier, place_words: str) -> list[dict[str, object]]:
    rows = [e.as_json() for e in db.events()]
    return [r for r in rows if r["place"] and place_words in str(r["place"])]


@pytest.mark.parametrize("place", ["Vostochny", "Sevastopol", "Azov", "Yakutia"])
def test_events_of_the_seeds_carry_their_place_on_the_map(
    ingested: tuple[Dossier, IngestReport], place: str
) -> None:
    db, _ = ingested
    rows = _events_at(db, place)
    assert rows, f"no event placed at {place}"
    assert all(r["place_coordinates"] for r in rows)


def test_the_2023_summit_is_coded_consult_between_the_two_governments(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    (summit, *_) = [r for r in _events_at(db, "Vostochny") if r["plover"] == "CONSULT"]
    assert {summit["source_code"], summit["target_code"]} == {"RUSGOV", "PRKGOV"}
    lat, lon = summit["place_coordinates"]  # type: ignore[misc]
    assert 49 < lat < 56 and 120 < lon < 135  # the Amur region


def test_the_denied_arms_deal_is_not_recorded_as_fact(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    deals = [e.event for e in db.events() if "arms deal" in e.event.text]
    denied = [e for e in deals if "deny" in e.text]
    deal = [e for e in denied if e.code != "016"]  # 016: the denial itself, which did happen
    assert deal and all(e.status == "negated" for e in deal)


def test_the_summit_place_disagreement_is_listed(
    ingested: tuple[Dossier, IngestReport],
) -> None:
    db, _ = ingested
    found = [
        c
        for c in db.contradictions()
        if c.comparison.detail == "place" and c.entry.date == "2023-09-13"
    ]
    assert found
    values = " ".join(claim.value for claim in found[0].comparison.claims)
    assert "Vladivostok" in values and "Vostochny" in values
