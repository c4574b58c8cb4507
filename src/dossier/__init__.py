"""dossier: news articles in, a sourced and queryable story record out.

import dossier
db = dossier.open("story.sqlite")
db.ingest(["articles/"])
for row in db.timeline():
    print(row.entry.date, row.entry.code_name, row.entry.sources)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dossier.api import Dossier, IngestReport, open
    from dossier.errors import DossierError
    from dossier.query import Filters

__all__ = ["Dossier", "DossierError", "Filters", "IngestReport", "open"]
__version__ = "0.1.0"

# The package imports nothing heavy: the API (and what it needs) loads on first use.
_LAZY = {
    "Dossier": "dossier.api",
    "IngestReport": "dossier.api",
    "open": "dossier.api",
    "DossierError": "dossier.errors",
    "Filters": "dossier.query",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dossier' has no attribute {name!r}")
