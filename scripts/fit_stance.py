"""Refit the learned stance finder on PolNeAR train and write it into the package.

Usage: ``.venv/bin/python scripts/fit_stance.py [TRAIN] [OUT]`` (defaults:
``../shared/bench/quotes/polnear_train.jsonl`` and ``src/dossier/data/stance_model.json``).
Weights, regularisation and threshold are all chosen on train (cross-validated over its
articles); dev is only measured afterwards with
``dossier bench quotes --data ../shared/bench/quotes/polnear_dev.jsonl``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dossier.bench.stance_fit import fit_stance

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    train = Path(argv[0]) if argv else ROOT.parent / "shared/bench/quotes/polnear_train.jsonl"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "src/dossier/data/stance_model.json"
    print(json.dumps(fit_stance(train, out)))


if __name__ == "__main__":
    main(sys.argv[1:])
