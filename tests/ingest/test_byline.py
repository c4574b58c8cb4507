"""Bylines, wire datelines and outlet markers at the top and bottom of a text."""

from __future__ import annotations

import pytest

from dossier.ingest.byline import canonical_outlet, find_byline, find_dateline, find_outlet


@pytest.mark.parametrize(
    ("text", "author", "outlet"),
    [
        ("Harbour reopens\n\nBy Maja Lund\n\nThe ferry ran.", "Maja Lund", None),
        ("By Ann Lee, Bo Kim and Cy Park\nText.", "Ann Lee, Bo Kim and Cy Park", None),
        ("By Jane Roe, Reuters\nText.", "Jane Roe", "Reuters"),
        ("By Jane Roe | The Korea Herald\nText.", "Jane Roe", "The Korea Herald"),
        ("BY JANE ROE\nText.", "JANE ROE", None),
    ],
)
def test_a_byline_gives_the_author(text: str, author: str, outlet: str | None) -> None:
    found = find_byline(text)
    assert found is not None and (found.author, found.outlet) == (author, outlet)


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    assert find_byline("By the time the ferry came, the quay was empty.\nMore.") is None


def test_a_dateline_gives_the_place_and_date() -> None:
    text = "Pact signed\n\nPYONGYANG, 19 June 2024 — The two leaders met."
    line = find_dateline(text)
    assert line is not None
    assert (line.place, line.date) == ("PYONGYANG", "2024-06-19")
    assert text[line.place_start : line.place_end] == "PYONGYANG"
    assert text[line.end :].startswith("The two leaders")


def test_a_dateline_gives_the_outlet() -> None:
    line = find_dateline("SEOUL, June 19 (Reuters) - The central bank held rates.")
    assert line is not None and (line.place, line.date, line.outlet) == ("SEOUL", None, "Reuters")


@pytest.mark.parametrize(
    "text", ["UPDATE - markets reopen", "Seoul - a heading in mixed case", "The ferry - late"]
)
def test_a_kicker_or_a_sentence_is_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_a_copyright_line_names_the_outlet() -> None:
    text = "Body of the story.\nMore of it.\n© 2024 REUTERS. All rights reserved."
    assert find_outlet(text) == "Reuters"


@pytest.mark.parametrize(
    ("name", "one"),
    [
        ("AP", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("www.nytimes.com", "The New York Times"),
        ("KCNA", "Korean Central News Agency"),
        ("Coastal Courier", "Coastal Courier"),
    ],
)
def test_an_outlet_has_one_name(name: str, one: str) -> None:
    assert canonical_outlet(name) == one
