"""Every hostile input of ``make_corpus``, ingested through the CLI next to a good
article: one line per failed input naming the file, the stage and what to do; a non-zero
exit when any failed; the good article stored; no traceback; bounded time and memory
(each case runs in a forked child, killed if it hangs; the table is printed at the end)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from make_corpus import CASES, RESULTS, Case, build

from dossier.records import visible
from forked import run_forked

TIMEOUT = 120.0  # seconds one case may take before it counts as a hang


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Case, Path]]:
    root = tmp_path_factory.mktemp("hostile")
    built = build(root)
    # warm this process (model, gazetteer, extractors) so each forked case starts ready
    from typer.testing import CliRunner

    from dossier.cli.main import app

    warm = root / "warm.txt"
    warm.write_text("The Varnholm council met on Monday, a spokesman said.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", str(root / "warm.sqlite"), "ingest", str(warm)])
    assert result.exit_code == 0, result.output
    return {c.name: (c, folder) for c, folder in built}


def _ingest(c: Case, folder: Path) -> dict[str, Any]:
    """In the child: the CLI over the case and its control article, then the store."""
    from typer.testing import CliRunner

    from dossier.cli.main import app

    os.environ.update(c.env)
    db = folder.parent / (c.store or "case.sqlite")
    before = db.read_bytes() if c.store else None
    control = folder.parent / "control.txt"
    result = CliRunner().invoke(app, ["--db", str(db), "ingest", str(folder), str(control)])
    out: dict[str, Any] = {
        "exit": result.exit_code,
        "stderr": result.stderr,
        "stdout": result.stdout,
        "exception": repr(result.exception) if result.exception else None,
    }
    if c.store:
        out["store_unchanged"] = db.read_bytes() == before
        return out
    conn = sqlite3.connect(db)
    out["articles"] = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    out["sightings"] = conn.execute("SELECT COUNT(*) FROM sightings").fetchone()[0]
    out["annotated"] = conn.execute("SELECT MIN(annotated) FROM articles").fetchone()[0]
    out["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
    texts = [r[0] for r in conn.execute("SELECT text FROM articles")]
    out["leaked"] = bool(c.forbid) and any(c.forbid in t for t in texts)
    conn.close()
    return out


@pytest.mark.parametrize("name", [c.name for c, _ in CASES])
def test_a_hostile_input_fails_alone_in_one_clear_line(
    corpus: dict[str, tuple[Case, Path]], name: str
) -> None:
    c, folder = corpus[name]
    outcome = run_forked(lambda: _ingest(c, folder), timeout=TIMEOUT)
    assert not outcome.killed, f"{name}: still running after {TIMEOUT:.0f} s"
    assert outcome.error is None, outcome.error
    RESULTS.append((name, outcome.seconds, outcome.peak_mb, outcome.growth_mb))
    print(f"{name}: {outcome.seconds:.2f} s, peak {outcome.peak_mb:.0f} MB")
    r = outcome.value
    assert "Traceback" not in r["stderr"] + r["stdout"] and r["exception"] in (
        None,
        "SystemExit(1)",
    )
    lines = [line for line in r["stderr"].splitlines() if line.startswith("error:")]
    if c.store:  # a store that cannot be used: one line, the file left as it was
        assert r["exit"] == 1 and r["store_unchanged"]
        assert len(r["stderr"].strip().splitlines()) == 1 and c.says in lines[0]
        return
    assert r["exit"] == (1 if c.fails else 0), r["stderr"]
    assert len(lines) == len(c.fails), r["stderr"]
    for file, (stage, says) in c.fails.items():
        where = visible(str(folder / file))
        assert any(
            line.startswith(f"error: {where}") and f": {stage}: " in line and says in line
            for line in lines
        ), (file, r["stderr"])
    assert r["articles"] == c.articles + 1  # the control article is always stored
    assert r["sightings"] == c.duplicates
    assert r["annotated"] == 1 and r["integrity"] == "ok" and not r["leaked"]


def test_the_corpus_has_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
