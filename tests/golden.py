"""Golden-file checks for extractors.

``check_golden("quotes/relay_chain", data)`` compares ``data`` (any JSON-ready value)
with ``tests/golden/quotes/relay_chain.json``. Regenerate every golden file with
``scripts/regen_goldens.sh`` (it sets ``DOSSIER_REGEN_GOLDENS=1``), then review the
diff with ``git diff tests/golden`` before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


def check_golden(name: str, data: Any) -> None:
    path = GOLDEN_DIR / f"{name}.json"
    rendered = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("DOSSIER_REGEN_GOLDENS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
        return
    assert path.exists(), f"missing golden file {path}: run scripts/regen_goldens.sh"
    expected = path.read_text(encoding="utf-8")
    assert rendered == expected, f"output differs from {path}; if intended, regenerate and review"
