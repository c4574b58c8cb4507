"""The publication window never excludes the known date of a benchmark article.

TimeBank and AQUAINT articles carry their dates; read without them, every window the
text yields must still contain them (skipped when ../shared is absent).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.annotate.time import tag_times
from dossier.annotate.time.pubdate import infer_publication

BENCH = Path(__file__).resolve().parents[3].parent / "shared" / "bench" / "time"


@pytest.mark.parametrize("name", ["timebank.jsonl", "aquaint.jsonl"])
def test_windows_contain_the_known_dates(name: str) -> None:
    path = BENCH / name
    if not path.is_file():
        pytest.skip(f"benchmark data not found at {path} (../shared is absent): skipping")
    wrong: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        day = str(row["dct"])[:10]
        window = infer_publication(row["text"], tag_times(row["doc_id"], row["text"], None))
        if window is None:
            continue
        if (window.earliest and window.earliest > day) or (window.latest and window.latest < day):
            wrong.append(f"{row['doc_id']} {day} {window.earliest}..{window.latest}")
    assert wrong == []
