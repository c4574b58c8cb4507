"""prepare(): title, source, metadata passing, and the empty-after-cleaning error."""

from __future__ import annotations

import pytest

from dossier.errors import InputError
from dossier.ingest import content_id, prepare
from dossier.records import RawDocument

BODY = "The harbour reopened after repairs, the council said on Friday."


def _raw(text: str, **kw: str) -> RawDocument:
    return RawDocument(path="x.txt", fmt="txt", text=text, **kw)  # type: ignore[arg-type]


def test_nothing_left_after_cleaning_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"x\.txt: nothing left after removing page leftovers"):
        prepare(_raw("Search This Blog\n\nNo comments:\n\nPost a Comment\n"))


def test_id_is_the_content_id_of_the_cleaned_text() -> None:
    article = prepare(_raw("Search This Blog\n" + BODY))
    assert (article.text, article.id) == (BODY, content_id(BODY))


def test_leftovers_do_not_change_the_id() -> None:
    assert (
        prepare(_raw("Search This Blog\n\n" + BODY + "\n\nSource link")).id
        == prepare(_raw(BODY)).id
    )


def test_title_from_metadata_wins() -> None:
    assert prepare(_raw("A headline\n\n" + BODY, title="Given title")).title == "Given title"


def test_title_is_the_first_short_line_after_the_dateline() -> None:
    article = prepare(_raw("3 May 2022\n\nBy Ida Berg\n\nHarbour reopens\n\n" + BODY))
    assert article.title == "Harbour reopens"


def test_no_title_when_the_text_opens_with_a_paragraph() -> None:
    long_line = " ".join(["word"] * 40)
    assert prepare(_raw(long_line + "\n\n" + BODY)).title is None


def test_no_title_guessed_for_json_records() -> None:
    raw = RawDocument(path="x.json", fmt="json", text="Short line\n\n" + BODY)
    assert prepare(raw).title is None


def test_metadata_is_passed_through() -> None:
    article = prepare(_raw(BODY, source="Coast Courier", url="https://e.org/a", author="I. Berg"))
    assert (article.source, article.url, article.author, article.path, article.fmt) == (
        "Coast Courier",
        "https://e.org/a",
        "I. Berg",
        "x.txt",
        "txt",
    )


def test_no_source_without_metadata() -> None:
    assert prepare(_raw(BODY)).source is None
