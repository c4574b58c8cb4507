"""Access to the data files the project ships in ``dossier/data`` (lexicons, dictionaries)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a shipped data file, e.g. ``data_path('event_verbs.tsv')``."""
    return Path(str(resources.files("dossier") / "data" / name))


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, skipping blank lines and ``#`` comments."""
    rows: list[list[str]] = []
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def read_word_lists(name: str) -> dict[str, frozenset[str]]:
    """A ``kind<TAB>word`` data file as kind to its words (lower case)."""
    out: dict[str, set[str]] = {}
    for row in read_table(name):
        if len(row) >= 2:
            out.setdefault(row[0], set()).add(row[1].lower())
    return {k: frozenset(v) for k, v in out.items()}
