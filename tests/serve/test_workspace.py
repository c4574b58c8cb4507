"""The library side of the workspace: sentences, and the serve package's isolation."""

from __future__ import annotations

import subprocess
import sys

from dossier.workspace import sentence_around


def test_the_sentence_around_a_span() -> None:
    text = "First one. Ana met Rui in Faro. Last one."
    lo, hi = sentence_around(text, text.index("met"), text.index("met") + 3)
    assert text[lo:hi] == "Ana met Rui in Faro."


def test_a_line_break_ends_a_sentence() -> None:
    text = "A headline\nAna met Rui"
    lo, hi = sentence_around(text, 15, 18)
    assert text[lo:hi] == "Ana met Rui"


def test_import_dossier_does_not_load_the_web_stack() -> None:
    code = "import sys, dossier; dossier.open; print('fastapi' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
