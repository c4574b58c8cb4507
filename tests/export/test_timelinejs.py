"""TimelineJS3 JSON of the key events, read back with json."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dossier.api import Dossier
from dossier.export.timelinejs import start_date


@pytest.fixture(scope="module")
def doc(exported: Any) -> dict[str, Any]:
    with open(exported("timelinejs"), encoding="utf-8") as fh:
        loaded: dict[str, Any] = json.load(fh)
    return loaded


def test_the_events_are_the_key_events(db: Dossier, doc: dict[str, Any]) -> None:
    assert [e["unique_id"] for e in doc["events"]] == [v.entry.id for v in db.key_events()]


def test_each_event_has_a_start_date_and_a_text(doc: dict[str, Any]) -> None:
    assert doc["events"]
    for e in doc["events"]:
        assert e["start_date"]["year"].isdigit()
        assert e["text"]["headline"] and e["text"]["text"].startswith("<p>")


def test_a_limit_is_how_many_key_events(db: Dossier, tmp_path: Any) -> None:
    db.export("timelinejs", tmp_path / "t.json", limit=3)
    assert len(json.loads((tmp_path / "t.json").read_text())["events"]) == 3


def test_a_date_keeps_its_precision() -> None:
    assert start_date("2024-03") == {"year": "2024", "month": "3"}
    assert start_date("2024-03-04") == {"year": "2024", "month": "3", "day": "4"}
    assert start_date("PAST_REF") is None
