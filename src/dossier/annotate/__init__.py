"""Annotate stage: run every extractor over parsed articles.

Order matters: entities first (speakers and actors point to mentions), then time
expressions (quotes and events take their dates from them), then quotes (events stated
inside quotes are tied to them), then events.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dossier.annotate import nlp
from dossier.annotate.coref import join_split_names, resolve_group_actors
from dossier.annotate.entities import extract_mentions
from dossier.annotate.events import extract_events
from dossier.annotate.quotes import extract_quotes
from dossier.annotate.time import tag_times
from dossier.records import Annotations, Article


def annotate(articles: Sequence[Article], batch_size: int = 16) -> Iterator[Annotations]:
    """Annotations for each article, in order; spaCy parses them in batches."""
    docs = nlp.parse((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        mentions = extract_mentions(article, doc)
        times = tag_times(article.id, article.text, article.published, doc)
        quotes = extract_quotes(article, doc, mentions, times)
        mentions = join_split_names(quotes, mentions)
        events = extract_events(article, doc, mentions, times, quotes)
        events = resolve_group_actors(article.text, events, mentions, article.published)
        yield Annotations(article.id, mentions, times, quotes, events)
