"""The pairwise model: learned lemma lexicon, logistic fit, saving and loading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dossier.resolve.events.features import (
    FEATURES,
    LEX_DIMS,
    LemmaCounts,
    Lexicon,
    block_features,
)
from dossier.resolve.events.mention import Analyser, EventMention
from dossier.resolve.events.model import PairModel, fit_logistic

BASIS = np.eye(LEX_DIMS, 256, dtype=np.float32)


def counts(lemmas: list[str], labels: list[str]) -> LemmaCounts:
    return LemmaCounts.of_block(lemmas, labels).group()


def test_block_counts_pairs_and_singletons_per_lemma() -> None:
    c = LemmaCounts.of_block(["vote", "vote", "flood", "flood"], ["a", "b", "c", "c"])
    assert (c.pairs["vote"], c.coref["vote"], c.single["vote"]) == (1, 0, 2)
    assert (c.pairs["flood"], c.coref["flood"], c.single["flood"]) == (1, 1, 0)


def test_counts_of_one_group_can_be_taken_out_again() -> None:
    a = counts(["vote", "vote", "flood"], ["a", "b", "c"])
    b = counts(["flood", "flood"], ["d", "d"])
    assert (a + b) - b == a


def test_lexicon_keeps_only_words_seen_in_several_groups() -> None:
    groups = [counts(["vote"] * 3, ["a", "b", "c"]) for _ in range(2)]
    groups.append(counts(["ceremony"] * 6, ["x"] * 6))
    lexicon = Lexicon.from_counts(sum(groups, LemmaCounts()), BASIS)
    assert "vote" in lexicon.pair and "ceremony" not in lexicon.pair


def test_lexicon_ranks_a_corefering_lemma_above_one_that_never_corefers() -> None:
    groups = [counts(["vote"] * 3 + ["flood"] * 3, ["a", "b", "c", "d", "d", "d"])] * 2
    lexicon = Lexicon.from_counts(sum(groups, LemmaCounts()), BASIS)
    assert lexicon.pair["flood"] > lexicon.pair_default > lexicon.pair["vote"]
    assert lexicon.single["vote"] > lexicon.single["flood"]


def test_logistic_fit_finds_the_informative_feature() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(2000, 3))
    y = (x[:, 1] + 0.3 * rng.normal(size=2000) > 1.0).astype(np.float64)
    w, _, _, _ = fit_logistic(x, y)
    assert w[1] > 3 * max(abs(w[0]), abs(w[2]))


def test_saved_model_loads_with_its_lexicon_and_both_thresholds(tmp_path: Path) -> None:
    lexicon = Lexicon({"vote": -1.0}, 0.5, {"vote": 2.0}, -0.5, BASIS)
    k = len(FEATURES)
    model = PairModel(
        np.ones(k), 0.1, np.zeros(k), np.ones(k), 0.8, predicted_threshold=0.6, lexicon=lexicon
    )
    model.save(tmp_path / "m.json")
    loaded = PairModel.load(tmp_path / "m.json")
    assert loaded.lexicon is not None and loaded.lexicon.pair == {"vote": -1.0}
    assert (loaded.threshold, loaded.for_predicted_stories().threshold) == (0.8, 0.6)


@pytest.mark.usefixtures("nlp")
def test_lexicon_features_follow_the_lexicon_given() -> None:
    sentence = "Officials said the vote was delayed and the vote count was disputed."
    first, second = sentence.index("vote"), sentence.rindex("vote")
    block = [
        EventMention("a", "d1", sentence, first, first + 4),
        EventMention("b", "d2", sentence, second, second + 4),
    ]
    analyses = Analyser().analyse(block)
    low = Lexicon({"vote": -2.0}, 0.0, {}, 0.0, BASIS)
    high = Lexicon({"vote": 2.0}, 0.0, {}, 0.0, BASIS)
    i = FEATURES.index("lemma_prior")
    assert block_features(block, analyses, low)[i, 0, 1] == pytest.approx(-2.0)
    assert block_features(block, analyses, high)[i, 0, 1] == pytest.approx(2.0)
