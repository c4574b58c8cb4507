from __future__ import annotations

from typing import Any


def test_a_blank_line_ends_a_sentence(nlp: Any) -> None:
    doc = nlp("Monday, 4 March 2024\n\nMINISTERS MEET IN LISBON\n\nThe talks began at noon.")
    assert [s.text.strip() for s in doc.sents] == [
        "Monday, 4 March 2024",
        "MINISTERS MEET IN LISBON",
        "The talks began at noon.",
    ]


def test_the_model_is_loaded_once_per_process() -> None:
    from dossier.annotate import nlp as nlp_mod

    assert nlp_mod.load() is nlp_mod.load()


def test_a_wire_dateline_is_not_the_first_sentence_subject(nlp: Any) -> None:
    doc = nlp("PORTO ALEGRE, Brazil (Southern Wire) - The mayor opened the bridge on Monday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[-1] == "The mayor opened the bridge on Monday."
