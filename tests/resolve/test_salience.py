from __future__ import annotations

from typing import Any

from dossier.resolve.salience import (
    Weights,
    day_features,
    rank_days,
    row_importance,
    system_timeline,
)


class _Days:
    def __init__(self, counts: dict[str, dict[str, int]]) -> None:
        self.counts = counts

    def day_counts(self) -> dict[str, dict[str, int]]:
        return self.counts

    def day_rows(self, days: list[str], per_day: int) -> dict[str, list[dict[str, Any]]]:
        return {d: [{"text": f"what happened on {d}"}] for d in days}


def test_the_day_after_counts_the_reports_of_yesterday() -> None:
    feats = day_features({"2023-09-13": {}, "2023-09-14": {"published": 4}})
    assert feats["2023-09-13"]["published_next"] > 0 == feats["2023-09-14"]["published_next"]


def test_a_day_later_coverage_looks_back_on_outranks_a_busy_news_day() -> None:
    counts = {
        "2023-09-13": {"published": 3},
        "2023-09-20": {"published": 1, "referred": 6, "referred_later": 6, "referred_far": 6},
    }
    assert rank_days(_Days(counts))[0][0] == "2023-09-20"


def test_equal_days_rank_the_earlier_first() -> None:
    counts = {"2023-09-14": {"published": 2}, "2023-09-12": {"published": 2}}
    ranked = rank_days(_Days(counts), Weights({"published": 1.0}))
    assert [d for d, _ in ranked] == ["2023-09-12", "2023-09-14"]


def test_the_system_timeline_gives_each_day_the_text_of_its_rows() -> None:
    tl = system_timeline(_Days({"2023-09-13": {"published": 1}}))
    assert tl["dates"][0]["summary"] == ["what happened on 2023-09-13"]


def test_a_row_reported_as_done_outweighs_the_same_row_expected() -> None:
    assert row_importance(2, 2, "asserted", 1.0, 0.5) > row_importance(2, 2, "expected", 1.0, 0.5)


def test_independent_sources_outweigh_repeated_mentions() -> None:
    assert row_importance(3, 3, "asserted", 1.0, 0.5) > row_importance(1, 6, "asserted", 1.0, 0.5)


def test_an_attack_outweighs_a_comment_with_the_same_support() -> None:
    assert row_importance(2, 2, "asserted", -10.0, 0.5) > row_importance(2, 2, "asserted", 0.0, 0.5)


def test_a_row_of_the_story_central_actors_outweighs_a_side_row() -> None:
    assert row_importance(2, 2, "asserted", 1.0, 1.0) > row_importance(2, 2, "asserted", 1.0, 0.1)
