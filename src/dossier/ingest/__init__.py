"""Ingest stage: files, folders, globs or stdin in; cleaned, dated, identified articles out.

Owner: ingest.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TextIO

from dossier.records import Article, IngestFailure, RawDocument


def read_inputs(
    inputs: Sequence[str], stdin: TextIO | None = None
) -> Iterator[RawDocument | IngestFailure]:
    """Expand inputs (file, folder, glob, or '-' for stdin) and read each document.

    Never raises for a bad input: yields an ``IngestFailure`` naming it and goes on.
    """
    raise NotImplementedError


def prepare(raw: RawDocument) -> Article:
    """Clean a raw document, date it and give it its content id.

    Raises ``InputError`` when nothing of an article is left (empty after cleaning).
    """
    raise NotImplementedError
