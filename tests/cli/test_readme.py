"""The README against the CLI: every command the CLI has is in the README's command
table, and every input and export format the README promises is one the CLI takes."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from dossier.cli.main import app
from dossier.export import FORMATS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    group = get_command(app)
    names = sorted(group.commands)  # type: ignore[attr-defined]
    missing = [n for n in names if f"`dossier {n}" not in README]
    assert missing == []


def test_every_input_kind_has_an_example() -> None:
    for example in ("ingest https://", "ingest crawl.warc.gz", "ingest saved.rss", "watch "):
        assert f"`dossier {example}" in README


def test_every_export_format_has_an_example() -> None:
    examples = set(re.findall(r"dossier export --format (\w+)", README))
    assert sorted(set(FORMATS) - examples) == []
