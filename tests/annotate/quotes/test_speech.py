"""Which attributions are speech or writing, and contents that attribute nothing."""

from __future__ import annotations

from typing import Any

import pytest
from quote_helpers import run

from dossier.annotate.quotes.lexicon import is_speech


@pytest.mark.parametrize("cue", ["say", "tell", "warn", "write", "explain", "recall"])
def test_verbs_of_speech_and_writing_are_speech(cue: str) -> None:
    assert is_speech(cue)


@pytest.mark.parametrize("cue", ["want", "hope", "show", "remember", "mean", "word", "believe"])
def test_wishes_views_and_findings_are_not_speech(cue: str) -> None:
    assert not is_speech(cue)


def test_a_quotation_with_no_cue_is_speech() -> None:
    assert is_speech(None)


def test_a_cue_whose_clause_is_cut_to_that_attributes_nothing(nlp: Any) -> None:
    _, _, quotes = run(nlp, "Mayor Carla Diaz explained that. The bridge stays shut.")
    assert all(q.text.strip().lower() != "that" for q in quotes)
