"""What every route shares: the server's settings, a store opened for one request, and the
filters every listing takes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Request

import dossier
from dossier.api import Dossier

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
MAX_UPLOAD = 10 * 1024 * 1024  # bytes in one ingest request
READS = frozenset({"GET", "HEAD"})


@dataclass(frozen=True)
class Settings:
    db: str  # the store file
    token: str  # writes need it
    token_name: str = "serve"  # who writes with it, as the audit names them
    max_upload: int = MAX_UPLOAD


def settings(request: Request) -> Settings:
    conf: Settings = request.app.state.settings
    return conf


@contextmanager
def open_db(request: Request) -> Iterator[Dossier]:
    """The store, opened for this request in the thread that serves it (an SQLite
    connection belongs to one thread); a missing store is a clear error. A read (GET or
    HEAD) sees one committed state throughout, so an ingest committing meanwhile cannot
    tear a page from its total, nor a row from its details."""
    db = dossier.open(settings(request).db, create=False)
    try:
        if request.method in READS:
            with db.store.snapshot():
                yield db
        else:
            yield db
    finally:
        db.close()


@dataclass(frozen=True)
class ListingArgs:
    entity: str | None
    since: str | None
    until: str | None
    source: str | None
    limit: int
    offset: int

    def filters(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "since": self.since,
            "until": self.until,
            "source": self.source,
        }

    def all(self) -> dict[str, Any]:
        return {**self.filters(), "limit": self.limit, "offset": self.offset}


def listing_args(
    entity: Annotated[str | None, Query(description="A name or alias.")] = None,
    since: Annotated[str | None, Query(description="From this date on (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, Query(description="Up to this date (YYYY[-MM[-DD]]).")] = None,
    source: Annotated[str | None, Query(description="Outlet, site or file name.")] = None,
    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ListingArgs:
    return ListingArgs(entity or None, since or None, until or None, source or None, limit, offset)
