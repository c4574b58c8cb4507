"""Annotate stage: run every extractor over parsed articles.

Order matters: entities first (speakers and actors point to mentions), then places
(toponyms on those mentions), then time expressions (quotes and events take their dates
from them), then quotes (events stated inside quotes are tied to them), then events.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from time import perf_counter
from typing import Any

from dossier.annotate import nlp
from dossier.records import Annotations, Article, Event
from dossier.timing import Stages


def annotate(
    articles: Sequence[Article], batch_size: int = 32, stages: Stages | None = None
) -> Iterator[Annotations]:
    """Annotations for each article, in order; spaCy parses them in batches. With
    ``stages``, the seconds of each stage are added there (parse, entities, places, time,
    quotes, events)."""
    docs = nlp.parse((a.text for a in articles), batch_size=batch_size)
    for article in articles:
        start = perf_counter()
        doc = next(docs)
        if stages is not None:
            stages.add("parse", perf_counter() - start)
        yield annotate_doc(article, doc, stages)


def annotate_doc(article: Article, doc: Any, stages: Stages | None = None) -> Annotations:
    """Every extractor over one article and its parse."""
    from dossier.annotate.coref import join_split_names, resolve_group_actors
    from dossier.annotate.entities import extract_mentions
    from dossier.annotate.events import extract_events
    from dossier.annotate.events.hints import add_hints
    from dossier.annotate.places import geocode_mentions
    from dossier.annotate.quotes import extract_quotes
    from dossier.annotate.time import tag_times

    clock = stages if stages is not None else Stages()
    with clock.time("entities"):
        mentions = extract_mentions(article, doc, geocode=False)
    with clock.time("places"):
        geocode_mentions(article, doc, mentions)
    with clock.time("time"):
        times = tag_times(article.id, article.text, article.published, doc)
    with clock.time("quotes"):
        quotes = extract_quotes(article, doc, mentions, times)
        mentions = join_split_names(quotes, mentions)
    with clock.time("events"):
        events = extract_events(article, doc, mentions, times, quotes)
        events = resolve_group_actors(article.text, events, mentions, article.published)
        events = _off_dateline(events, article)
        add_hints(doc, events)
    return Annotations(article.id, mentions, times, quotes, events)


def _off_dateline(events: list[Event], article: Article) -> list[Event]:
    """The events without an actor read off the article's dateline: "SEOUL, June 19 -"
    says where the report was filed, not who acted."""
    if article.dateline is None:
        return events
    from dossier.ingest.byline import find_dateline

    line = find_dateline(article.text)  # its span (the article keeps only the place)
    if line is None:
        return events
    out = []
    for event in events:
        for side in ("source", "target"):
            start = getattr(event, f"{side}_start")
            if start is not None and line.start <= start < line.end:
                cleared: dict[str, Any] = {f"{side}_{n}": None for n in _ACTOR_FIELDS}
                event = replace(event, **cleared)
        out.append(event)
    return out


_ACTOR_FIELDS = ("text", "start", "end", "mention_id", "code")
