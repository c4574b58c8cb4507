"""Near duplicates: MinHash over word 5-shingles, exact only for very short texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.ingest import NearDuplicateIndex, signature, similarity
from dossier.ingest.dedup import SIGNATURE_BYTES


@pytest.fixture(scope="module")
def texts(fixtures: Path) -> dict[str, str]:
    return {
        n: (fixtures / f"{n}.txt").read_text(encoding="utf-8")
        for n in ("dedup_article", "other_article")
    }


def _one_sentence_changed(text: str) -> str:
    lines = text.splitlines()
    lines[5] = "The council promised the farmers a new bridge over the drainage ditch instead."
    return "\n".join(lines)


def test_signature_is_bytes_of_fixed_size(texts: dict[str, str]) -> None:
    sig = signature(texts["dedup_article"])
    assert isinstance(sig, bytes) and len(sig) == SIGNATURE_BYTES


def test_signature_is_deterministic(texts: dict[str, str]) -> None:
    assert signature(texts["dedup_article"]) == signature(texts["dedup_article"])


def test_one_sentence_changed_is_a_near_duplicate(texts: dict[str, str]) -> None:
    index = NearDuplicateIndex([("a1", signature(texts["dedup_article"]))])
    found = index.find(signature(_one_sentence_changed(texts["dedup_article"])))
    assert found is not None
    assert found[0] == "a1" and 0.8 <= found[1] < 1.0


def test_a_different_article_is_not_a_near_duplicate(texts: dict[str, str]) -> None:
    index = NearDuplicateIndex([("a1", signature(texts["dedup_article"]))])
    assert index.find(signature(texts["other_article"])) is None


def test_best_match_is_returned(texts: dict[str, str]) -> None:
    base = texts["dedup_article"]
    index = NearDuplicateIndex()
    index.add("other", signature(texts["other_article"]))
    index.add("changed", signature(_one_sentence_changed(base)))
    index.add("same", signature(base.upper()))
    assert index.find(signature(base)) == ("same", 1.0)


def test_index_rebuilt_from_stored_pairs(texts: dict[str, str]) -> None:
    pairs = [("a1", signature(texts["dedup_article"])), ("a2", signature(texts["other_article"]))]
    index = NearDuplicateIndex(pairs)
    assert (len(index), "a2" in index) == (2, True)


def test_adding_an_id_twice_is_harmless(texts: dict[str, str]) -> None:
    index = NearDuplicateIndex()
    index.add("a1", signature(texts["dedup_article"]))
    index.add("a1", signature(texts["dedup_article"]))
    assert len(index) == 1


def test_short_texts_match_only_when_the_same() -> None:
    short = "Fog closed the airport on Monday, officials said."
    index = NearDuplicateIndex([("s1", signature(short))])
    assert index.find(signature("  FOG closed the airport on Monday, officials said. ")) == (
        "s1",
        1.0,
    )
    assert index.find(signature(short.replace("Monday", "Tuesday"))) is None


def test_similarity_of_signatures(texts: dict[str, str]) -> None:
    a = signature(texts["dedup_article"])
    assert similarity(a, a) == 1.0
    assert similarity(a, signature(texts["other_article"])) < 0.1


def test_bad_signature_length_is_an_error() -> None:
    with pytest.raises(ValueError, match="a signature is 1024 bytes"):
        NearDuplicateIndex().add("x", b"short")


def test_unusable_stored_signatures_are_skipped(texts: dict[str, str]) -> None:
    index = NearDuplicateIndex([("bad", b"short"), ("a1", signature(texts["dedup_article"]))])
    assert (len(index), index.skipped) == (1, ["bad"])
