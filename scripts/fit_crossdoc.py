"""Refit the cross-document event model on ECB+ train and write it into the package.

Usage: ``.venv/bin/python scripts/fit_crossdoc.py [TRAIN_DOCS] [OUT]`` (defaults:
``../shared/bench/crossdoc/train.docs.jsonl`` and ``src/dossier/data/crossdoc_pairwise.json``).
Everything is fitted and chosen on train; dev is only measured afterwards with
``dossier bench crossdoc --data ../shared/bench/crossdoc/dev.docs.jsonl``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dossier.bench.crossdoc import fit_crossdoc

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    train = Path(argv[0]) if argv else ROOT.parent / "shared/bench/crossdoc/train.docs.jsonl"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "src/dossier/data/crossdoc_pairwise.json"
    model = fit_crossdoc(train, out)
    print(
        json.dumps(
            {
                "threshold": model.threshold,
                "predicted_threshold": model.predicted_threshold,
                "story_threshold": model.story_threshold,
                **model.notes,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
