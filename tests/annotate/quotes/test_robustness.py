"""Odd input never breaks the extractor, and every span it gives points into the text."""

from __future__ import annotations

from typing import Any

import pytest
from quote_helpers import run

ODD = [
    "",
    "\n\n\n",
    '"',
    "“Never closed, he said\n\nand the next line has no mark",
    "” closing first “ then opening",
    '"a" "b" "c" "d" "e"',
    "– \n– said\n, said X",
    "(Ledger : 31 February 2020) “Bad date,” she said.",
    "According to",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_input(nlp: Any, text: str) -> None:
    article, _, quotes = run(nlp, text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(article.text)
        assert q.text == " ".join(article.text[a:b] for a, b in q.spans())


def test_quote_ids_are_unique(nlp: Any) -> None:
    text = (
        "Officials said the border would open in May, and the minister said the border "
        "would open in May.\n\n“We are ready,” said Minister Karl Huber. “We are ready.”"
    )
    _, _, quotes = run(nlp, text)
    ids = [q.id for q in quotes]
    assert ids and len(ids) == len(set(ids))
