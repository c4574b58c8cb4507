"""Smoke test of the quotes benchmark runner on a few PolNeAR documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.bench.quotes import run_quotes_bench, segments, system_row, widen
from dossier.records import Quote, QuoteKind

DATA = (
    Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "quotes" / "polnear_dev.jsonl"
)

RATES = (
    "precision_30",
    "recall_30",
    "f1_30",
    "f1_80",
    "speaker_accuracy",
    "f1_30_direct",
    "f1_30_indirect",
)


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    if not DATA.is_file():
        pytest.skip(f"benchmark data not found at {DATA} (../shared is absent): skipping")
    return run_quotes_bench(DATA, limit=3)


def test_scores_three_documents(report: dict[str, Any]) -> None:
    assert report["docs"] == 3


def test_rates_are_fractions(report: dict[str, Any]) -> None:
    for key in RATES:
        assert 0.0 <= report[key] <= 1.0, key


def test_finds_some_quotes(report: dict[str, Any]) -> None:
    assert report["n_pred"] > 0 and report["f1_30"] > 0.0


def test_timing_is_reported(report: dict[str, Any]) -> None:
    assert report["seconds_per_doc"] >= 0.0 and report["overhead_vs_parse"] > 0.0


def test_baseline_reports_or_explains(report: dict[str, Any]) -> None:
    base = report["baseline"]
    assert "error" in base or "f1_30" in base


def test_widen_takes_in_the_marks() -> None:
    text = 'He said: "We won," and left.'
    start = text.index("We")
    end = text.index("won") + 3
    assert text[slice(*widen(text, start, end))] == '"We won,"'


def test_split_quote_scores_as_its_marked_pieces() -> None:
    text = 'Intro. "We will win," the coach said, "and then we rest." Done.'
    first = (text.index('"We'), text.index('win,"') + len('win,"'))
    second = (text.index('"and'), text.index('rest."') + len('rest."'))
    pieces = segments(text, first[0], second[1], [first, second])
    assert pieces is not None
    assert [text[a:b] for a, b in pieces] == ['"We will win,"', '"and then we rest."']


def test_unsplit_quote_stays_one_span() -> None:
    text = 'He said: "One.\n\n"Two."'
    start, end = text.index('"One'), len(text)
    marks = [(start, text.index("\n")), (text.index('"Two'), end)]
    assert segments(text, start, end, marks) is None


def _quote(text: str, part: str, resolution: str, kind: QuoteKind = "direct") -> Quote:
    start = text.index(part)
    return Quote(
        id=part,
        article_id="a",
        start=start,
        end=start + len(part),
        text=part,
        kind=kind,
        extractor="t",
        version="0",
        speaker_text="Ann Lee",
        speaker_start=0,
        speaker_end=7,
        speaker_resolution=resolution,
    )


def test_floating_quote_scores_with_the_quote_before_it() -> None:
    text = 'Ann Lee spoke. "We start today," she said.\n\n"Nobody will stop us."'
    quotes = [
        _quote(text, "We start today,", "direct"),
        _quote(text, "Nobody will stop us.", "floating"),
    ]
    rows = system_row("a", text, quotes)["quotes"]
    assert len(rows) == 1
    pieces = [text[a:b] for a, b in rows[0]["spans"]]
    assert pieces == ['"We start today,"', '"Nobody will stop us."']


def test_floating_quote_goes_on_with_a_mixed_quote_before_it() -> None:
    text = 'Ann Lee said the mill "will reopen in spring."\n\n"Nobody will stop us."'
    quotes = [
        _quote(text, 'the mill "will reopen in spring."', "direct", kind="mixed"),
        _quote(text, "Nobody will stop us.", "floating"),
    ]
    rows = system_row("a", text, quotes)["quotes"]
    assert len(rows) == 1 and rows[0]["end"] == len(text)


STYLES = Path(__file__).resolve().parents[1] / "fixtures" / "quote_styles_check.jsonl"


def test_speech_scores_only_what_quotes_lists() -> None:
    if not DATA.is_file():
        pytest.skip(f"the shipped scorer is not at {DATA.parent} (../shared is absent): skipping")
    scorer = DATA.parent / "score_quotes.py"
    every = run_quotes_bench(STYLES, limit=2, scorer_path=scorer)
    speech = run_quotes_bench(STYLES, limit=2, speech=True, scorer_path=scorer)
    assert speech["speech_only"] and not every["speech_only"]
    assert 0 < speech["n_pred"] < every["n_pred"]  # the check file holds non-speech traps
