"""The learned stance finder: candidates a model judges, kept as stances, never speech."""

from __future__ import annotations

from typing import Any

from quote_helpers import by_phrase, run

from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.learned import (
    EXTRACTOR,
    StanceModel,
    candidates,
    learned_stances,
    shipped_model,
)


def _index(nlp: Any, text: str) -> DocIndex:
    return DocIndex.build(text, nlp(text), [])


def _nowhere(_: int) -> bool:
    return False


def _free(_start: int, _end: int) -> bool:
    return False


def test_a_verb_with_a_subject_and_object_is_a_candidate(nlp: Any) -> None:
    text = "The fishing cooperative opposed the wind farm off the north cape."
    found = candidates(_index(nlp, text), _nowhere, _free)
    k = next(k for k in found if k.cand.cue_lemma == "oppose")
    assert text[k.cand.start : k.cand.end] == "the wind farm off the north cape"
    assert k.cand.speaker is not None
    assert text[k.cand.speaker.start : k.cand.speaker.end] == "The fishing cooperative"
    assert {"l=oppose", "v=dobj", "lv=oppose|dobj"} <= set(k.features)


def test_a_verb_inside_quote_marks_is_no_candidate(nlp: Any) -> None:
    text = 'She wrote: "The board opposed the plan."'
    open_at = text.index('"')
    found = candidates(_index(nlp, text), lambda pos: pos > open_at, _free)
    assert not any(k.cand.cue_lemma == "oppose" for k in found)


def test_content_another_finder_took_is_no_candidate(nlp: Any) -> None:
    text = "The fishing cooperative opposed the wind farm off the north cape."
    found = candidates(_index(nlp, text), _nowhere, lambda s, e: s < len(text))
    assert found == []


def test_without_a_model_nothing_is_kept(nlp: Any) -> None:
    text = "The fishing cooperative opposed the wind farm off the north cape."
    assert learned_stances(_index(nlp, text), _nowhere, _free, None) == []


def test_the_threshold_decides(nlp: Any) -> None:
    text = "The fishing cooperative opposed the wind farm off the north cape."
    ix = _index(nlp, text)
    keen = StanceModel({"lv=oppose|dobj": 3.0}, 0.0, 0.9)
    shy = StanceModel({"lv=oppose|dobj": 3.0}, 0.0, 0.99)
    assert [c.cue_lemma for c in learned_stances(ix, _nowhere, _free, keen)] == ["oppose"]
    assert learned_stances(ix, _nowhere, _free, shy) == []


def test_the_shipped_model_loads_with_a_threshold() -> None:
    model = shipped_model()
    assert model is not None and 0.0 < model.threshold < 1.0
    assert model.weights


def test_a_kept_stance_is_not_speech_and_names_its_extractor(nlp: Any) -> None:
    text = "Councillor Ruth Obi attacked the harbour toll at the Monday meeting."
    _, _, quotes = run(nlp, text)
    q = by_phrase(quotes, "harbour toll")
    assert (q.text, q.cue, q.speaker_text) == ("the harbour toll", "attack", "Councillor Ruth Obi")
    assert not q.speech
    assert q.extractor == EXTRACTOR
    assert (q.cue_start, q.cue_end) == (text.index("attacked"), text.index("attacked") + 8)
