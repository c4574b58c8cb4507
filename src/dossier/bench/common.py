"""What every bench runner needs: reading a JSON Lines file, loading the shipped scorer."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from dossier.errors import InputError


def load_rows(
    data: Path, limit: int | None = None, keep: Callable[[dict[str, Any]], bool] | None = None
) -> list[dict[str, Any]]:
    """The rows of a JSON Lines file (those ``keep`` accepts), the first ``limit`` of them."""
    rows: list[dict[str, Any]] = []
    with Path(data).open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(rows) >= limit:
                break
            if not line.strip():
                continue
            row = json.loads(line)
            if keep is None or keep(row):
                rows.append(row)
    return rows


def load_scorer(data: Path, filename: str) -> ModuleType:
    """The reference scorer shipped next to a benchmark file, imported from there (its code
    is never copied into the project)."""
    path = Path(data).parent / filename
    spec = importlib.util.spec_from_file_location(f"_scorer_{path.stem}", path)
    if not path.is_file() or spec is None or spec.loader is None:
        raise InputError(
            f"{path} not found: this bench scores with the scorer shipped next to its data file"
        )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
