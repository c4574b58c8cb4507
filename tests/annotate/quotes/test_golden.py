"""Golden files: the full reading of each hand-written fixture (one per hard case)."""

from __future__ import annotations

from typing import Any

import pytest
from quote_helpers import fixture_text, run, view

from golden import check_golden

CASES = [
    "dash_quotes",
    "multi_paragraph",
    "floating",
    "relay_chain",
    "pronoun_paragraph",
    "according_to",
    "mixed",
    "description",
    "split_name",
    "parenthetical",
    "nested_straight",
    "unresolved",
    "frames_more",
    "content_edges",
]


@pytest.mark.parametrize("name", CASES)
def test_golden(nlp: Any, name: str) -> None:
    article, mentions, quotes = run(nlp, fixture_text(name))
    check_golden(f"quotes/{name}", view(article, mentions, quotes))
