"""PLOVER JSON lines, read back with json; every sentence is a span of its article."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dossier.api import Dossier

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@pytest.fixture(scope="module")
def events(exported: Any) -> list[dict[str, Any]]:
    with open(exported("plover"), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_every_line_is_a_plover_event(events: list[dict[str, Any]]) -> None:
    assert events and all(e["event_type"] in PLOVER for e in events)


def test_events_are_timeline_rows(db: Dossier, events: list[dict[str, Any]]) -> None:
    ids = {v.entry.id for v in db.timeline(limit=None)}
    assert {e["event_id"] for e in events} <= ids


def test_each_event_has_the_polecat_fields(events: list[dict[str, Any]]) -> None:
    need = {"event_date", "event_type", "event_mode", "event_context", "source", "target"}
    assert all(need | {"location", "sentences"} <= e.keys() for e in events)


def test_sentences_are_spans_of_their_articles(db: Dossier, events: list[dict[str, Any]]) -> None:
    sample = [s for e in events[:40] for s in e["sentences"]]
    texts = {a.id: a.text for a in db.store.articles(sorted({s["article_id"] for s in sample}))}
    assert sample
    assert all(texts[s["article_id"]][s["start"] : s["end"]] == s["text"] for s in sample)


def test_actors_carry_their_codes(events: list[dict[str, Any]]) -> None:
    coded = [e["source"] for e in events if e["source"] and e["source"]["code"]]
    assert coded and all(a["code"].startswith(a["country"] or "") for a in coded)


def test_located_events_have_coordinates(events: list[dict[str, Any]]) -> None:
    located = [e["location"] for e in events if e["location"] and "lat" in e["location"]]
    assert located and all(-90 <= (x["lat"] or 0) <= 90 for x in located)


def test_contexts_are_lists(events: list[dict[str, Any]]) -> None:
    assert all(isinstance(e["event_context"], list) for e in events)
