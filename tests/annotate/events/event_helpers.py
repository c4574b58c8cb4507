"""Shared helpers for the event extractor tests: run the annotators on a text."""

from __future__ import annotations

from typing import Any

from dossier.annotate import nlp
from dossier.annotate.entities import extract_mentions
from dossier.annotate.events import extract_events
from dossier.annotate.time import tag_times
from dossier.ids import digest
from dossier.records import Article, Event, Quote, to_dict

SPAN_FIELDS = ("", "trigger_", "source_", "target_", "place_")


def article(text: str, published: str | None = "2023-09-14") -> Article:
    return Article(id=digest(text), text=text, path="<test>", fmt="txt", published=published)


def events_of(
    text: str, published: str | None = "2023-09-14", quotes: list[Quote] | None = None
) -> list[Event]:
    """The events of ``text``; checks every span points at its recorded text."""
    art = article(text, published)
    doc = nlp.load()(text)
    mentions = extract_mentions(art, doc)
    times = tag_times(art.id, text, published, doc)
    events = extract_events(art, doc, mentions, times, quotes or [])
    for ev in events:
        check_spans(text, ev)
    return events


def check_spans(text: str, ev: Event) -> None:
    for prefix in SPAN_FIELDS:
        start = getattr(ev, f"{prefix}start")
        end = getattr(ev, f"{prefix}end")
        value = (
            ev.text
            if prefix == ""
            else getattr(ev, f"{prefix}text" if prefix != "trigger_" else "trigger")
        )
        if start is not None:
            assert text[start:end] == value, (prefix, text[start:end], value)


def by_trigger(events: list[Event], trigger: str) -> Event:
    hits = [e for e in events if e.trigger.lower() == trigger.lower()]
    assert hits, f"no event with trigger {trigger!r}: {[e.trigger for e in events]}"
    return hits[0]


def summary(events: list[Event]) -> list[dict[str, Any]]:
    """The fields a golden file records (ids and extractor versions left out)."""
    keep = (
        "code",
        "trigger",
        "source_text",
        "target_text",
        "place_text",
        "date",
        "date_precision",
        "status",
        "quantities",
        "hedges",
        "text",
        "source_code",
        "target_code",
        "plover",
        "plover_mode",
        "plover_context",
        "goldstein",
    )
    return [{k: v for k, v in to_dict(e).items() if k in keep} for e in events]
