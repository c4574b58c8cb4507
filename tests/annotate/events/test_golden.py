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


@pytest.mark.parametrize("published", ["1985-03-12", "2023-03-12", "2024-06-12"])
def test_office_holders_by_article_date(published: str) -> None:
    """The same text at three dates: each person is coded by the office held then."""
    text = (FIXTURES / "offices.txt").read_text(encoding="utf-8")
    check_golden(f"events/offices_{published[:4]}", summary(events_of(text, published=published)))
