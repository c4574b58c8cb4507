"""Helpers for the ingest tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
FIXTURES = TESTS / "fixtures" / "ingest"

# With --import-mode=importlib the tests folder is not on sys.path, so `from golden import
# check_golden` needs it added (until pyproject sets pytest's `pythonpath = ["tests"]`).
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
