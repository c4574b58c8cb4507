"""Page leftovers: one golden file per leftover family, plus the cleaning rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.ingest import prepare
from dossier.ingest.clean import clean_text
from dossier.records import Article, RawDocument
from golden import check_golden

FAMILIES = ["blog_page", "broadcaster_page", "thinktank_page"]


def _lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _prepared(fixtures: Path, name: str) -> tuple[str, Article]:
    raw = (fixtures / f"{name}.txt").read_text(encoding="utf-8")
    return raw, prepare(RawDocument(path=f"{name}.txt", fmt="txt", text=raw))


@pytest.mark.parametrize("name", FAMILIES)
def test_golden(fixtures: Path, name: str) -> None:
    raw, article = _prepared(fixtures, name)
    check_golden(
        f"ingest/{name}",
        {
            "id": article.id,
            "title": article.title,
            "published": article.published,
            "published_how": article.published_how,
            "published_evidence": article.published_evidence,
            "removed": [raw[s:e] for s, e in article.removed],
            "text": article.text,
        },
    )


@pytest.mark.parametrize("name", FAMILIES)
def test_every_article_sentence_survives(fixtures: Path, name: str) -> None:
    _, article = _prepared(fixtures, name)
    missing = [s for s in _lines(fixtures / f"{name}.article.txt") if s not in article.text]
    assert missing == []


@pytest.mark.parametrize("name", FAMILIES)
def test_leftovers_are_gone(fixtures: Path, name: str) -> None:
    _, article = _prepared(fixtures, name)
    kept = [s for s in _lines(fixtures / f"{name}.leftovers.txt") if s in article.text]
    assert kept == []


@pytest.mark.parametrize("name", FAMILIES)
def test_removed_spans_are_leftover_lines_of_the_raw_text(fixtures: Path, name: str) -> None:
    raw, article = _prepared(fixtures, name)
    removed = [raw[s:e] for s, e in article.removed]
    assert removed and all(r.strip() == r and r for r in removed)
    assert all(r not in article.text for r in removed)


def test_subscribe_block_mid_article_keeps_what_follows() -> None:
    raw = (
        "A bridge opened in Dunmoor on Tuesday.\n\nStay Informed\n\n"
        "Subscribe to our e-mail alerts to hear about new posts.\n\n"
        "Short line after block\n\n"
        "The bridge took three years to build and cost far more than planned.\n"
    )
    text = clean_text(raw).text
    assert "Subscribe" not in text
    assert "Short line after block" in text
    assert "The bridge took three years to build" in text


def test_block_head_without_subscribe_body_is_kept() -> None:
    raw = "Newsletter\n\nThe village newsletter reported the flood first, on Monday.\n"
    assert clean_text(raw).text == raw.strip()


def test_edge_words_in_the_middle_are_kept() -> None:
    body = "\n".join(
        f"Sentence number {i} of the long report on the storm is here." for i in range(12)
    )
    raw = body.replace("number 6 of", "six.\nHome\nMore text of")
    assert "\nHome\n" in clean_text(raw).text


def test_whitespace_is_normalised_conservatively() -> None:
    raw = "Title line  \r\n\r\n\r\n\r\nFirst\u00a0paragraph  with   gaps.\r\n  • a bullet\n\n\n"
    assert clean_text(raw).text == "Title line\n\nFirst paragraph with gaps.\n  • a bullet"


def test_leading_non_breaking_space_is_dropped() -> None:
    assert clean_text("\u00a0The council met.").text == "The council met."


def test_nothing_removed_from_a_clean_article() -> None:
    raw = "A headline\n\nThe mayor said the market would reopen on Saturday."
    cleaned = clean_text(raw)
    assert (cleaned.text, cleaned.removed) == (raw, [])


def test_navigation_bar_and_widgets_around_the_article_are_removed() -> None:
    article = "The town library will stay open until nine in the evening from next month onwards."
    raw = "\n".join(
        [
            "News | Sport | Weather | Culture",
            article,
            "Share this post",
            "Facebook | X | Email",
            "[ Your email ] [ Sign up ]",
            "Related",
            "A",
            "B",
            "C",
            "D",
            "E",
        ]
    )
    assert clean_text(raw).text == "\n".join([article, "A", "B", "C", "D", "E"])


def test_lines_only_partly_matching_a_pattern_are_kept() -> None:
    raw = "Source link checks were added by the council, officials said on Monday."
    assert clean_text(raw).text == raw


def test_single_bracketed_reference_is_kept() -> None:
    raw = "The study was published last year, the report said.\n[Coast Courier]"
    assert clean_text(raw).text == raw


PROSE = (
    "The council of Dunmoor voted on Monday to keep the swimming pool open all winter.\n"
    "The decision followed a petition signed by more than two thousand residents."
)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Continue reading the main story",
        "4 min read",
        "Read more: Pool prices rise again in the valley",
        "You may also like: Ten walks for a wet weekend",
        "Follow us on Facebook and Instagram",
        "(Photo by Ida Berg/Coast Agency)",
        "Image caption, The pool at night",
        "Copyright © 2022 Coast Courier. All rights reserved.",
        "Most read",
        "Related stories",
    ],
)
def test_common_leftover_line_is_dropped(line: str) -> None:
    assert clean_text(f"{PROSE}\n{line}").text == PROSE


@pytest.mark.parametrize(
    "line",
    [
        "Photos by the harbour club were shown at the town hall on Sunday evening",
        "Advertisement revenue of the paper fell by a third last year, its owner said.",
        "Read more widely, the minister told pupils at the opening of the new library.",
        "Most read the report before the vote, according to a survey of councillors.",
        "Copyright lawyers say the ruling will change how the archive is used.",
    ],
)
def test_article_line_resembling_a_leftover_is_kept(line: str) -> None:
    assert clean_text(f"{PROSE}\n{line}").text == f"{PROSE}\n{line}"
