"""Golden files: every event of short fixture articles (written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from event_helpers import events_of, summary

from golden import check_golden

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "published"),
    [("summit", "2024-05-03"), ("strike", "2023-07-20"), ("aid", "2024-06-05")],
)
def test_fixture_events(name: str, published: str) -> None:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    check_golden(f"events/{name}", summary(events_of(text, published=published)))
