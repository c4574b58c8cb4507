"""Store stage: where records live. SQLite by default (a file), PostgreSQL for a
``postgresql://`` URL; the interface is ``Store``."""

from __future__ import annotations

import re
from pathlib import Path

from dossier.store.base import Page, Query, Store, StoredFailure

__all__ = ["Page", "Query", "Store", "StoredFailure", "is_postgres", "open_store", "shown"]


def is_postgres(location: str | Path) -> bool:
    """Whether ``location`` names a PostgreSQL store (a ``postgresql://`` URL)."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def shown(location: str | Path) -> str:
    """``location`` as messages name it: a URL without its password."""
    return re.sub(r"^(\w+://[^:/@]*):[^@/]*@", r"\1:***@", str(location))


def open_store(location: str | Path, create: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at ``location``; with
    ``create=False`` a missing store is an error and nothing is created. A
    ``postgresql://`` (or ``postgres://``) URL opens a PostgreSQL store in that database."""
    if is_postgres(location):
        from dossier.store.postgres import PostgresStore

        return PostgresStore(str(location), create=create)
    from dossier.store.sqlite import SQLiteStore

    return SQLiteStore(location, create=create)


def __getattr__(name: str) -> object:
    if name == "SQLiteStore":
        from dossier.store.sqlite import SQLiteStore

        return SQLiteStore
    if name == "PostgresStore":
        from dossier.store.postgres import PostgresStore

        return PostgresStore
    raise AttributeError(f"module 'dossier.store' has no attribute {name!r}")
