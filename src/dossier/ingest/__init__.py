"""Ingest stage: files, folders, globs or stdin in; cleaned, dated, identified articles out.

Owner: ingest. Modules: ``sources`` (inputs), ``formats`` (decoding, txt/HTML/JSON/JSONL),
``clean`` (page leftovers, whitespace, headline), ``dates`` (publication date),
``identity`` (content id), ``dedup`` (near duplicates).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from dossier.errors import InputError
from dossier.ingest.byline import canonical_outlet, find_byline, find_outlet
from dossier.ingest.byline import find_dateline as find_place_dateline
from dossier.ingest.clean import clean_text, guess_title
from dossier.ingest.dates import find_dateline, normalise_meta_date
from dossier.ingest.dedup import NearDuplicateIndex, signature, similarity
from dossier.ingest.feeds import Seen
from dossier.ingest.identity import content_id, normalise
from dossier.ingest.language import detect as detect_language
from dossier.ingest.sources import STDIN, expand, read_file, read_stdin
from dossier.ingest.web import FetchPolicy
from dossier.records import Article, IngestFailure, PublishedHow, RawDocument
from dossier.settings import Limits

__all__ = [
    "NearDuplicateIndex",
    "content_id",
    "normalise",
    "prepare",
    "read_inputs",
    "signature",
    "similarity",
]


def read_inputs(
    inputs: Sequence[str],
    stdin: TextIO | None = None,
    limits: Limits | None = None,
    policy: FetchPolicy | None = None,
    seen: Seen | None = None,
) -> Iterator[RawDocument | IngestFailure]:
    """Expand inputs (file, folder, glob, URL, or '-' for stdin) and read each document.
    URLs (and the links of feed items) are fetched under ``policy``; ``seen`` tells which
    feed items were read before (they are skipped).

    Never raises for a bad input: yields an ``IngestFailure`` naming it and goes on.
    """
    limits = limits or Limits()
    policy = policy or FetchPolicy(limits=limits)
    for item in expand(tuple(inputs)):
        if isinstance(item, IngestFailure):
            yield item
        elif item == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin, limits)
        elif isinstance(item, str):
            from dossier.ingest.remote import read_url

            yield from read_url(item, policy, seen)
        else:
            yield from read_file(item, limits, seen, policy)


def prepare(raw: RawDocument) -> Article:
    """Clean a raw document, date it and give it its content id.

    Raises ``InputError`` when nothing of an article is left (empty after cleaning).
    """
    cleaned = clean_text(raw.text)
    text = cleaned.text
    if not text.strip():
        raise InputError(f"{raw.path}: nothing left after removing page leftovers")
    published = normalise_meta_date(raw.published)
    how: PublishedHow = "unknown"
    evidence = None
    dateline = find_dateline(text)
    placed = find_place_dateline(text)  # "SEOUL, June 19 (Reuters) -"
    byline = find_byline(text)  # "By Jane Roe, Reuters"
    if published is not None:
        how = "metadata"
        evidence = f"metadata={raw.published!r}"
    elif dateline is not None:
        published, how, evidence = dateline.value, "text", dateline.evidence()
    elif placed is not None and placed.date is not None:
        published, how, evidence = placed.date, "text", placed.evidence()
    title = raw.title
    if title is None and raw.fmt == "txt":
        title = guess_title(text, (dateline.start, dateline.end) if dateline else None)
    return Article(
        id=content_id(text),
        text=text,
        path=raw.path,
        fmt=raw.fmt,
        title=title,
        url=raw.url,
        source=canonical_outlet(raw.source) or find_outlet(text, placed, byline),
        author=raw.author or (byline.author if byline is not None else None),
        published=published,
        published_how=how,
        published_evidence=evidence,
        removed=cleaned.removed,
        language=detect_language(text),
        dateline=placed.place if placed is not None else None,
    )
