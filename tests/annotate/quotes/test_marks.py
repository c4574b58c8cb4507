"""Quote-mark pairing on raw text (no parse needed)."""

from __future__ import annotations

from dossier.annotate.quotes.marks import MarkSpan, find_trailers, pair_marks


def _spans(text: str) -> list[MarkSpan]:
    return pair_marks(text, find_trailers(text))


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in _spans(text)]


def test_curly_quotes_pair() -> None:
    assert _texts("She said “we are ready” today.") == ["we are ready"]


def test_straight_quotes_nest_by_position() -> None:
    text = 'He wrote: "They call it a "fair deal" but it is not." Then he left.'
    spans = _spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        'They call it a "fair deal" but it is not.',
        "fair deal",
    ]
    assert spans[1].parent == 0


def test_trailing_comma_is_left_out() -> None:
    assert _texts("“We will win,” she said.") == ["We will win"]


def test_apostrophes_are_not_quotes() -> None:
    assert _texts("The mayor’s plan isn’t ready, it’s late.") == []


def test_single_curly_quotes_inside_double() -> None:
    spans = _spans("“They told us ‘wait’ for a week,” he said.")
    assert len(spans) == 2 and spans[1].family == "single" and spans[1].parent == 0


def test_quote_continues_over_paragraphs() -> None:
    text = "“First part of it.\n\n“Second part,” she said."
    (span,) = _spans(text)
    assert text[span.start : span.end] == "First part of it.\n\n“Second part"


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "He asked: “Why now?\n\nNobody answered him."
    (span,) = _spans(text)
    assert text[span.start : span.end] == "Why now?"


def test_relay_block_runs_to_its_trailer() -> None:
    text = (
        "As the Gazette reports,\n\n"
        '"The council met on Monday.\n\nIt voted to close the bridge.\n'
        "(Gazette : 2 May 2022)\n"
    )
    spans = _spans(text)
    block = spans[0]
    assert block.block
    assert text[block.start : block.end].endswith("close the bridge.")
    assert block.trailer is not None and block.trailer.name == "Gazette"


def test_trailer_gives_an_iso_date() -> None:
    (trailer,) = find_trailers("Text. (Daily Ledger : 4 March 2024)")
    assert (trailer.name, trailer.date) == ("Daily Ledger", "2024-03-04")


def test_ibid_trailer_without_date() -> None:
    (trailer,) = find_trailers('"We won." (ibid Harbour Times)')
    assert (trailer.name, trailer.date) == ("Harbour Times", None)


def test_trailer_after_a_closed_quote_is_attached() -> None:
    (span,) = _spans('"We won the vote." (Harbour Times : 1 June 2021)')
    assert span.trailer is not None and span.trailer.date == "2021-06-01"


def test_closing_mark_typed_as_opener() -> None:
    assert _texts("”We are tired of waiting.” ― A reader") == ["We are tired of waiting."]
