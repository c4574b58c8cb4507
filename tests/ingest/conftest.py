"""Helpers for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
FIXTURES = TESTS / "fixtures" / "ingest"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
