"""End-to-end checks on the seed articles (skipped when ../shared is absent)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from event_helpers import check_spans

from dossier.annotate import annotate
from dossier.ids import digest
from dossier.records import Article, Event

pytestmark = pytest.mark.seeds


@cache
def _events(path: Path) -> tuple[str, list[Event]]:
    text = path.read_text(encoding="utf-8")
    art = Article(id=digest(text), text=text, path=str(path), fmt="txt")
    (ann,) = list(annotate([art]))
    for ev in ann.events:
        check_spans(text, ev)
    return text, ann.events


def _seed(seeds_dir: Path, prefix: str) -> tuple[str, list[Event]]:
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return _events(path)


def test_003_meeting_date_and_place(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "003")
    hits = [
        e
        for e in events
        if e.code[:2] in ("03", "04")
        and e.trigger == "meeting"
        and {e.source_text, e.target_text} >= {"Putin", "Kim Jong-un"}
    ]
    assert hits, [(e.code, e.trigger, e.source_text, e.target_text) for e in events]
    ev = hits[0]
    assert ev.date in ("2023-09-13", "XXXX-09-13") and ev.date_precision == "day"
    assert ev.place_text is not None and "cosmodrome" in ev.place_text


def test_001_expected_visit_to_pyongyang(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "001")
    assert any(
        e.code == "042" and e.status == "expected" and e.place_text == "Pyongyang" for e in events
    )


def test_001_accusation_against_north_korea(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "001")
    assert any(e.code == "112" and e.target_text == "North Korea" for e in events)


def test_001_reported_artillery_supply(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "001")
    assert any(
        e.code.startswith("07") and e.status == "reported" and e.trigger == "supplying"
        for e in events
    )


def test_001_denied_arms_deal(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "001")
    assert any(e.trigger == "deal" and e.status == "negated" for e in events)


def test_000_threat_to_the_uk(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "000")
    assert any(
        e.code.startswith("13")
        and e.target_text
        and "UK" in e.target_text
        and e.source_text
        and "Putin" in e.source_text
        for e in events
    )


def test_000_missile_attack_with_quantities(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "000")
    quantities = [q for e in events if e.code.startswith("19") for q in e.quantities]
    assert any("cruise missiles" in q for q in quantities)
    assert any("24 people" in q for q in quantities)


def test_000_praise_of_musk(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "000")
    assert any(e.code == "051" and e.target_text and "Musk" in e.target_text for e in events)


def test_004_warning_of_a_price(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "004")
    hits = [e for e in events if e.code.startswith("13") and e.trigger == "warned"]
    assert hits and hits[0].target_text == "North Korea" and hits[0].status == "expected"


def test_004_expected_meeting(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "004")
    assert any(e.code[:2] in ("03", "04") and e.status == "expected" for e in events)


def test_seed_events_are_not_a_flood(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text, events = _events(path)
        assert len(events) <= len(text) / 100, path.name


def test_seed_event_ids_are_unique(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        _, events = _events(path)
        assert len({e.id for e in events}) == len(events), path.name
