"""Guards on hostile input: unsupported formats, bounded gunzip, nesting depth."""

from __future__ import annotations

import gzip
from pathlib import Path

from dossier.ingest.guard import (
    gunzip,
    html_depth_over,
    json_depth_over,
    unsupported_content,
    unsupported_name,
)


def test_a_pdf_is_refused_by_its_name() -> None:
    assert "not supported" in (unsupported_name(Path("report.PDF")) or "")


def test_a_gzipped_word_file_is_refused_by_its_name() -> None:
    assert "Word document" in (unsupported_name(Path("memo.docx.gz")) or "")


def test_a_word_file_is_recognised_by_its_bytes() -> None:
    head = b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml"
    assert "(.docx)" in (unsupported_content(head) or "")


def test_text_is_not_refused_by_its_bytes() -> None:
    assert unsupported_content(b"The council met on Monday.") is None


def test_gunzip_reads_every_member() -> None:
    assert gunzip(gzip.compress(b"one ") + gzip.compress(b"two"), 100) == b"one two"


def test_gunzip_stops_at_its_cap() -> None:
    assert gunzip(gzip.compress(b"\x00" * 10_000), 1_000) is None


def test_html_paragraphs_left_open_do_not_count_as_nesting() -> None:
    assert html_depth_over("<body>" + "<p>text" * 1000 + "</body>", 10) is None


def test_deeply_nested_html_is_caught() -> None:
    assert html_depth_over("<div>" * 50, 10) == 11


def test_brackets_inside_json_strings_do_not_count() -> None:
    assert json_depth_over('{"text": "' + "[" * 100 + '"}', 10) is None
