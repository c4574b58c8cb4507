"""End-to-end over the seed articles (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from time_helpers import tag

pytestmark = pytest.mark.seeds


def test_every_seed_gets_spans_that_point_at_their_text(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        times = tag(path.read_text(encoding="utf-8"), None)
        assert times, f"no time expression found in {path.name}"


def test_without_dct_nothing_claims_the_article_date(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        for t in tag(path.read_text(encoding="utf-8"), None):
            assert t.anchor != "dct"
