"""Publication dates: metadata first, then a dateline near the top, else unknown."""

from __future__ import annotations

import pytest

from dossier.ingest import prepare
from dossier.ingest.dates import find_dateline, normalise_meta_date
from dossier.records import RawDocument

BODY = "The harbour reopened after repairs, the council said.\n"


def _prepare(text: str, published: str | None = None) -> tuple[str | None, str, str | None]:
    article = prepare(RawDocument(path="x.txt", fmt="txt", text=text, published=published))
    return article.published, article.published_how, article.published_evidence


def test_date_from_metadata() -> None:
    assert _prepare("Monday, 2 May 2022\n\n" + BODY, "2021-11-02T07:30:00+01:00") == (
        "2021-11-02",
        "metadata",
        "metadata='2021-11-02T07:30:00+01:00'",
    )


def test_date_from_dateline() -> None:
    assert _prepare("Headline here\nMonday, 2 May 2022\n\n" + BODY) == (
        "2022-05-02",
        "text",
        "text[14:32]='Monday, 2 May 2022'",
    )


def test_unusable_metadata_falls_back_to_dateline() -> None:
    assert _prepare("2 May 2022\n" + BODY, "last week")[:2] == ("2022-05-02", "text")


def test_unknown_when_there_is_no_dateline() -> None:
    assert _prepare("Headline\n\n" + BODY) == (None, "unknown", None)


def test_date_in_the_body_is_not_a_dateline() -> None:
    text = "Headline\n\nOn 12 May 2022, the harbour reopened, the council said.\n"
    assert _prepare(text) == (None, "unknown", None)


def test_dateline_too_far_down_is_ignored() -> None:
    lines = [f"Paragraph {i} of the story." for i in range(6)]
    assert find_dateline("\n".join([*lines, "2 May 2022", BODY])) is None


def test_published_line_further_down_is_a_dateline() -> None:
    lines = [f"Paragraph {i} of the story." for i in range(6)]
    found = find_dateline("\n".join([*lines, "Published: 2 May 2022 at 10:15 BST", BODY]))
    assert found is not None
    assert (found.value, found.text) == ("2022-05-02", "2 May 2022")


def test_weekday_that_disagrees_is_noted_and_date_kept() -> None:
    found = find_dateline("Tuesday, 2 May 2022\n" + BODY)
    assert found is not None
    assert found.value == "2022-05-02"
    assert "weekday 'Tuesday' disagrees with the date (it was a Monday)" in found.evidence()


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Wednesday, 13 September 2023", "2023-09-13"),
        ("September 13, 2023", "2023-09-13"),
        ("Sept. 13, 2023 at 5:00 p.m. EDT", "2023-09-13"),
        ("13th of September 2023", "2023-09-13"),
        ("13.09.2023", "2023-09-13"),
        ("2023-09-13", "2023-09-13"),
        ("2023-09-13 08:15", "2023-09-13"),
        ("By Ida Berg, 13 Sep 2023", "2023-09-13"),
        ("Updated 13 September 2023", "2023-09-13"),
        ("Published: 10:32 BST, 13 September 2023 | Updated: 11:05 BST", "2023-09-13"),
        ("Wed 13 Sep 2023 06.00 BST", "2023-09-13"),
        ("13 September 2023 • 4 min read", "2023-09-13"),
        ("2023-09-13T10:15:00Z", "2023-09-13"),
        ("Last modified: Wednesday, September 13, 2023 10:15", "2023-09-13"),
    ],
)
def test_dateline_shapes(line: str, value: str) -> None:
    found = find_dateline(f"{line}\n{BODY}")
    assert found is not None
    assert found.value == value


@pytest.mark.parametrize(
    "line",
    [
        "31 February 2023",  # no such day
        "13/09/2023",  # slashed dates are ambiguous (day or month first): not taken
        "13 September 2023 was the day the harbour reopened",  # a sentence, not a dateline
    ],
)
def test_not_datelines(line: str) -> None:
    assert find_dateline(f"{line}\n{BODY}") is None


def test_evidence_offsets_point_into_the_text() -> None:
    text = "  Posted on 1 March 2020\n" + BODY
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end] == found.text == "1 March 2020"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2021-11-02", "2021-11-02"),
        ("2021-11-02T23:30:00Z", "2021-11-02"),
        ("Tue, 02 Nov 2021 07:30:00 GMT", "2021-11-02"),
        ("2 November 2021", "2021-11-02"),
        ("2021-11", "2021-11"),
        ("November 2021", "2021-11"),
        ("2021", "2021"),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_metadata_date_normalisation(value: str | None, iso: str | None) -> None:
    assert normalise_meta_date(value) == iso


def test_date_deep_in_a_long_line_starting_with_by_is_not_a_byline() -> None:
    text = (
        "By Staff Exports of grain fell during the season that began on March 20, 2017, "
        "the ministry said in a statement published on its website on Monday.\n"
    )
    assert find_dateline(text) is None


def test_labelled_line_date_must_follow_the_label_closely() -> None:
    text = "Updated: the council has not yet replied to the letter sent on 2 May 2022.\n"
    assert find_dateline(text) is None


def test_labelled_line_with_time_before_the_date() -> None:
    found = find_dateline("Updated at 1:33 p.m. on Thursday, March 29, 2018. More text.\n")
    assert found is not None
    assert (found.value, found.text) == ("2018-03-29", "Thursday, March 29, 2018")


@pytest.mark.parametrize(
    "line",
    [
        "Updated figures released on 2 May 2022 show a fall in visitors.",
        "Dates of the talks were fixed for 2 May 2022 by the council.",
    ],
)
def test_sentence_starting_with_a_label_word_is_not_a_dateline(line: str) -> None:
    assert find_dateline(f"{line}\n{BODY}") is None
