"""Datasette metadata for a store: titles and descriptions of its tables and of the views
of migration 0010 (``data/datasette_metadata.json``), for ``datasette STORE -m FILE``."""

from __future__ import annotations

import json
from typing import Any

from dossier.resources import data_path

METADATA = "datasette_metadata.json"
SHIPPED_NAME = "dossier"  # the database the shipped file describes (dossier.sqlite)


def metadata(database: str = SHIPPED_NAME) -> dict[str, Any]:
    """The metadata, describing the database Datasette names ``database`` (a store file's
    name without its suffix: ``dossier`` for ``dossier.sqlite``)."""
    meta: dict[str, Any] = json.loads(data_path(METADATA).read_text(encoding="utf-8"))
    dbs = meta.get("databases", {})
    if database != SHIPPED_NAME and SHIPPED_NAME in dbs:
        dbs[database] = dbs.pop(SHIPPED_NAME)
    return meta


def metadata_json(database: str = SHIPPED_NAME) -> str:
    return json.dumps(metadata(database), indent=2, ensure_ascii=False) + "\n"
