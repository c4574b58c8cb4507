#!/usr/bin/env bash
# Rewrite every golden file from the current extractors, then show what changed.
# Review the diff before committing: a golden file is a claim about correct output.
set -euo pipefail
cd "$(dirname "$0")/.."
DOSSIER_REGEN_GOLDENS=1 .venv/bin/python -m pytest -q "${@:-tests}" || true
git --no-pager diff --stat -- tests/golden
