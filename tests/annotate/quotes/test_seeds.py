"""The seed articles: the quotes the project must get right (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.annotate.entities import extract_mentions
from dossier.annotate.quotes import extract_quotes
from dossier.records import Article, Mention, Quote

pytestmark = pytest.mark.seeds

Parsed = tuple[Article, dict[str, Mention], list[Quote]]


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, nlp: Any) -> dict[str, Parsed]:
    out: dict[str, Parsed] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem, text=text, path=str(path), fmt="txt")
        doc = nlp(text)
        mentions = extract_mentions(article, doc)
        quotes = extract_quotes(article, doc, mentions, [])
        out[path.name[:3]] = (article, {m.id: m for m in mentions}, quotes)
    return out


def _narrow(quotes: list[Quote], phrase: str) -> list[Quote]:
    """The shortest quotes holding ``phrase`` (several when it is quoted more than once)."""
    found = [q for q in quotes if phrase in q.text]
    assert found, f"no quote holds {phrase!r}"
    shortest = min(q.end - q.start for q in found)
    return [q for q in found if q.end - q.start < max(300, 2 * shortest)]


def _speaker(parsed: Parsed, q: Quote) -> str:
    mention = parsed[1].get(q.speaker_mention_id or "")
    return mention.text if mention else ""


def _relays(q: Quote) -> list[str]:
    return [r.name for r in q.relayed_by]


def test_spans_point_into_text(seeds: dict[str, Parsed]) -> None:
    for article, _, quotes in seeds.values():
        for q in quotes:
            assert q.text == " ".join(article.text[a:b] for a, b in q.spans())
            if q.speaker_start is not None and q.speaker_end is not None:
                assert article.text[q.speaker_start : q.speaker_end] == q.speaker_text


def test_kim_support_relayed_by_cbs(seeds: dict[str, Parsed]) -> None:
    parsed = seeds["000"]
    for q in _narrow(parsed[2], "unconditional support"):
        assert "Kim Jong Un" in _speaker(parsed, q)
        assert "CBS News" in _relays(q)


def test_putin_quoted_by_state_media(seeds: dict[str, Parsed]) -> None:
    parsed = seeds["000"]
    quotes = _narrow(parsed[2], "have come here")
    assert len(quotes) == 1  # quoted again in the 'ibid' list: one quote, two spans
    assert len(quotes[0].repeats) == 1
    for q in quotes:
        assert "Putin" in _speaker(parsed, q)
        relays = _relays(q)
        assert "CBS News" in relays and "Russian state media" in relays
        # outermost first: the outlet the blog cites, then the media it cites
        assert relays.index("CBS News") < relays.index("Russian state media")


def test_dash_quote_speaker_after_content(seeds: dict[str, Parsed]) -> None:
    parsed = seeds["002"]
    (q,) = _narrow(parsed[2], "turned out to be")
    assert q.kind == "direct"
    assert "Oskar Pietrewicz" in _speaker(parsed, q)
    assert not q.text.lstrip().startswith(("–", "-"))


def test_sullivan_price(seeds: dict[str, Parsed]) -> None:
    parsed = seeds["004"]
    (q,) = _narrow(parsed[2], "pay a price")
    assert "Jake Sullivan" in _speaker(parsed, q)


def test_harris_desperation_relayed_by_cbs(seeds: dict[str, Parsed]) -> None:
    parsed = seeds["004"]
    (q,) = _narrow(parsed[2], "gesture of desperation")
    assert "Kamala Harris" in _speaker(parsed, q)
    assert "CBS" in _relays(q)


def test_split_name_speaker(seeds: dict[str, Parsed]) -> None:
    parsed = seeds["002"]
    (q,) = _narrow(parsed[2], "deepening relationship")
    assert q.speaker_text is not None
    assert "John" in q.speaker_text and "Kirby" in q.speaker_text
    assert "Kirby" in _speaker(parsed, q)


def test_peskov_reported_speech(seeds: dict[str, Parsed]) -> None:
    parsed = seeds["004"]
    for phrase in ("next few days", "taking into account"):
        (q,) = _narrow(parsed[2], phrase)
        assert q.kind in ("mixed", "indirect")
        assert "Peskov" in _speaker(parsed, q)


def test_vague_sources_are_a_hedge(seeds: dict[str, Parsed]) -> None:
    parsed = seeds["002"]
    hedged = [q for q in parsed[2] if any(h.startswith("according to") for h in q.hedges)]
    assert hedged and all(q.speaker_mention_id is None for q in hedged)
