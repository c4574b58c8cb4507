"""Make the shared test helpers (tests/golden.py, place_helpers.py) importable."""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
for _path in (_HERE, _HERE.parent.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
