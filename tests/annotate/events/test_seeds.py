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


def test_003_summit_is_consult_between_governments(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "003")
    assert any(
        e.plover == "CONSULT" and {e.source_code, e.target_code} == {"RUSGOV", "PRKGOV"}
        for e in events
    )


def test_000_sevastopol_strike_per_the_defence_ministry(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "000")
    hits = [e for e in events if e.plover == "ASSAULT" and any("cruise" in q for q in e.quantities)]
    assert hits
    ev = hits[0]
    assert any("shot down" in q for q in ev.quantities)
    assert any("defence ministry" in h for h in ev.hedges) and ev.status == "reported"


def test_000_warning_to_the_uk_is_threaten(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "000")
    assert any(
        e.plover == "THREATEN" and e.source_code == "RUSGOV" and e.target_code == "GBR"
        for e in events
    )


def test_001_us_and_seoul_accuse_north_korea(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "001")
    accusers = {e.source_code for e in events if e.plover == "ACCUSE" and e.target_code == "PRK"}
    assert {"USA", "KORGOV"} <= accusers


def test_001_denied_deal_has_negation_mode(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "001")
    assert any(e.trigger == "deal" and e.plover_mode == "negation" for e in events)


def test_002_shell_deliveries_are_aid_per_various_sources(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "002")
    assert any(
        e.plover == "AID"
        and (e.source_code or "").startswith("PRK")
        and any("various sources" in h.lower() for h in e.hedges)
        for e in events
    )


def test_004_sullivan_warning_is_future_threat(seeds_dir: Path) -> None:
    _, events = _seed(seeds_dir, "004")
    assert any(
        e.plover == "THREATEN" and e.plover_mode == "future" and e.source_code == "USAGOV"
        for e in events
    )
