"""Store stage: where records live. SQLite by default; the interface is ``Store``."""

from __future__ import annotations

from pathlib import Path

from dossier.store.base import Store, StoredFailure
from dossier.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "StoredFailure", "open_store"]


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating if needed) the store at ``location``."""
    return SQLiteStore(location)
