"""Building blocks of the event resolver: derivational keys, story index, clustering."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from dossier.resolve.events.cluster import CANNOT, average_link
from dossier.resolve.events.mention import stem
from dossier.resolve.events.stories import StoryIndex


@pytest.mark.parametrize(
    ("noun", "verb"), [("killing", "kill"), ("election", "elect"), ("shipping", "ship")]
)
def test_nominal_and_verbal_forms_share_a_stem(noun: str, verb: str) -> None:
    assert stem(noun) == stem(verb)


def test_unrelated_words_keep_different_stems() -> None:
    assert stem("meeting") != stem("melting")


def test_average_link_never_joins_a_cannot_link_pair() -> None:
    scores = np.array([[0, 0.9, CANNOT], [0.9, 0, 0.9], [CANNOT, 0.9, 0]])
    labels = average_link(scores, 0.5)
    assert labels[0] == labels[1] and labels[2] != labels[0]


def test_story_index_splits_similar_documents_a_year_apart() -> None:
    index = StoryIndex(threshold=0.5, window_days=3)
    vec = np.ones(4, dtype=np.float32) / 2
    first = index.add("d1", vec, dt.date(2021, 3, 4))
    assert index.add("d2", vec, dt.date(2021, 3, 5)) == first
    assert index.add("d3", vec, dt.date(2022, 3, 4)) != first
