"""Publication windows for the undated seed articles (skipped when ../shared is absent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dossier.annotate.time import tag_times
from dossier.annotate.time.pubdate import infer_publication
from dossier.ingest import prepare, read_inputs
from dossier.records import IngestFailure, PublicationWindow

pytestmark = pytest.mark.seeds

# Seed number -> the days its true publication date may be (from the story's reporting).
TRUE_DAYS = {
    "002": ("2024-06-17", "2024-06-18"),
    "003": ("2023-09-13", "2023-09-14"),
    "004": ("2023-09-11", "2023-09-11"),
}


def _window(seeds_dir: Path, number: str) -> PublicationWindow | None:
    paths = sorted(seeds_dir.glob(f"{number}_*.txt"))
    if not paths:
        pytest.skip(f"seed {number} not found")
    for raw in read_inputs([str(paths[0])]):
        if isinstance(raw, IngestFailure):
            continue
        article = prepare(raw)
        return infer_publication(article.text, tag_times(article.id, article.text, None))
    return None


def _contains(window: PublicationWindow, day: str) -> bool:
    d = dt.date.fromisoformat(day)
    lo = dt.date.fromisoformat(window.earliest) if window.earliest else dt.date.min
    hi = dt.date.fromisoformat(window.latest) if window.latest else dt.date.max
    return lo <= d <= hi


@pytest.mark.parametrize("number", sorted(TRUE_DAYS))
def test_window_contains_the_true_date(seeds_dir: Path, number: str) -> None:
    window = _window(seeds_dir, number)
    if window is None:
        assert number == "003"  # no year anywhere in its text: no window is right
        return
    for day in TRUE_DAYS[number]:
        assert _contains(window, day)


def test_seed_002_is_bounded_on_both_sides(seeds_dir: Path) -> None:
    window = _window(seeds_dir, "002")
    assert window is not None
    assert window.earliest is not None and window.latest is not None
