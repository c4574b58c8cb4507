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
from dossier.ingest.clean import clean_text, guess_title
from dossier.ingest.dates import find_dateline, normalise_meta_date
from dossier.ingest.dedup import NearDuplicateIndex, signature, similarity
from dossier.ingest.identity import content_id, normalise
from dossier.ingest.sources import STDIN, expand, read_file, read_stdin
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
    inputs: Sequence[str], stdin: TextIO | None = None, limits: Limits | None = None
) -> Iterator[RawDocument | IngestFailure]:
    """Expand inputs (file, folder, glob, or '-' for stdin) and read each document.

    Never raises for a bad input: yields an ``IngestFailure`` naming it and goes on.
    """
    for item in expand(tuple(inputs)):
        if isinstance(item, IngestFailure):
            yield item
        elif item == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin, limits)
        else:
            assert not isinstance(item, str)
            yield from read_file(item, limits)


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
    if published is not None:
        how = "metadata"
        evidence = f"metadata={raw.published!r}"
    elif dateline is not None:
        published, how, evidence = dateline.value, "text", dateline.evidence()
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
        source=raw.source,
        author=raw.author,
        published=published,
        published_how=how,
        published_evidence=evidence,
        removed=cleaned.removed,
    )
