"""Store stage: where records live. SQLite by default; the interface is ``Store``."""

from __future__ import annotations

from pathlib import Path

from dossier.store.base import Page, Query, Store, StoredFailure

__all__ = ["Page", "Query", "Store", "StoredFailure", "open_store"]


def open_store(location: str | Path, create: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at ``location``; with
    ``create=False`` a missing store is an error and nothing is created."""
    from dossier.store.sqlite import SQLiteStore

    return SQLiteStore(location, create=create)


def __getattr__(name: str) -> object:
    if name == "SQLiteStore":
        from dossier.store.sqlite import SQLiteStore

        return SQLiteStore
    raise AttributeError(f"module 'dossier.store' has no attribute {name!r}")
