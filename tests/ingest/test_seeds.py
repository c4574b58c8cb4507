"""The real seed articles (skipped when ../shared is absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.ingest import prepare, read_inputs
from dossier.records import Article, RawDocument

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def articles(seeds_dir: Path) -> dict[str, Article]:
    docs = list(read_inputs([str(seeds_dir)]))
    assert all(isinstance(d, RawDocument) for d in docs)
    return {Path(d.path).name[:3]: prepare(d) for d in docs if isinstance(d, RawDocument)}


def test_five_articles(articles: dict[str, Article]) -> None:
    assert sorted(articles) == ["000", "001", "002", "003", "004"]


def test_distinct_ids(articles: dict[str, Article]) -> None:
    assert len({a.id for a in articles.values()}) == 5


@pytest.mark.parametrize(("seed", "date"), [("000", "2023-09-13"), ("001", "2024-06-18")])
def test_dated_from_text(articles: dict[str, Article], seed: str, date: str) -> None:
    article = articles[seed]
    assert (article.published, article.published_how) == (date, "text")
    evidence = re.match(r"text\[(\d+):(\d+)\]='(.*)'$", article.published_evidence or "")
    assert evidence is not None
    start, end = int(evidence.group(1)), int(evidence.group(2))
    assert article.text[start:end] == evidence.group(3)


@pytest.mark.parametrize("seed", ["002", "003", "004"])
def test_undated(articles: dict[str, Article], seed: str) -> None:
    assert (articles[seed].published, articles[seed].published_how) == (None, "unknown")


def test_subscribe_block_removed_and_article_kept(articles: dict[str, Article]) -> None:
    text = articles["003"].text
    assert "subscribe" not in text.lower()
    assert "Vostochny" in text
    assert "Vladivostok" in text


def test_teasers_and_credits_removed(articles: dict[str, Article]) -> None:
    text = articles["002"].text
    assert not re.search(r"(?im)^(see also|read also|main photo source|source link)", text)
    assert "Pyongyang" in text


def test_blog_footer_removed(articles: dict[str, Article]) -> None:
    for seed in ("000", "001"):
        assert not re.search(
            r"(?im)^(no comments:|post a comment|search this blog)$", articles[seed].text
        )


def test_removed_spans_are_few_and_short(articles: dict[str, Article], seeds_dir: Path) -> None:
    for article in articles.values():
        raw = (seeds_dir / Path(article.path).name).read_text(encoding="utf-8")
        removed = sum(e - s for s, e in article.removed)
        assert removed < 0.1 * len(raw)


def test_fixtures_share_no_ten_word_run_with_seeds(seeds_dir: Path, fixtures: Path) -> None:
    def runs(text: str) -> set[tuple[str, ...]]:
        w = re.findall(r"\w+", text.lower())
        return {tuple(w[i : i + 10]) for i in range(len(w) - 9)}

    seed_runs: set[tuple[str, ...]] = set()
    for p in seeds_dir.glob("*.txt"):
        seed_runs |= runs(p.read_text(encoding="utf-8"))
    ours = [*(p for p in fixtures.rglob("*") if p.is_file()), *Path(__file__).parent.glob("*.py")]
    shared = [p.name for p in ours if runs(p.read_text(encoding="utf-8")) & seed_runs]
    assert shared == []
