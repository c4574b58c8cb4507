"""Property-based tests: the input readers, the cleaners and the date filters never
crash, whatever they are given; a bad input is a failure value or a QueryError."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.errors import DossierError, QueryError
from dossier.ingest import prepare
from dossier.ingest.clean import clean_text, guess_title
from dossier.ingest.dates import find_dateline, normalise_meta_date
from dossier.ingest.formats import decode, read_jsonl, read_text, record, sniff
from dossier.ingest.guard import gunzip, html_depth_over, json_depth_over
from dossier.ingest.sources import read_file
from dossier.query import Filters
from dossier.records import IngestFailure, RawDocument

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
MARKUP = st.lists(
    st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<br/>", "<!--", "-->", "<?xml ?>"])
    | st.text(max_size=12),
    max_size=30,
).map("".join)


@FAST
@given(st.binary(max_size=600), st.booleans(), st.sampled_from([None, "cp1252", "latin-1"]))
def test_decode_gives_text_or_a_failure(data: bytes, html: bool, fallback: str | None) -> None:
    assert isinstance(decode(data, "x", html=html, fallback=fallback), str | IngestFailure)


@FAST
@given(st.text(max_size=400) | MARKUP, st.sampled_from(["txt", "json", "jsonl"]))
def test_read_text_gives_documents_or_failures(text: str, fmt: str) -> None:
    results = list(read_text(text, "x", fmt))  # type: ignore[arg-type]
    assert all(isinstance(r, RawDocument | IngestFailure) for r in results)


@FAST
@given(JSON)
def test_any_json_value_is_a_record_or_a_failure(value: object) -> None:
    assert isinstance(record(value, "x", "json", None, "the value"), RawDocument | IngestFailure)


@FAST
@given(st.lists(st.text(max_size=60) | JSON.map(json.dumps), max_size=8))
def test_json_lines_fail_line_by_line(lines: list[str]) -> None:
    results = list(read_jsonl(lines, "x"))
    assert all(isinstance(r, RawDocument | IngestFailure) for r in results)


@FAST
@given(st.text(max_size=300) | MARKUP)
def test_sniff_names_a_format(text: str) -> None:
    assert sniff(text) in ("txt", "html", "json", "jsonl")


@FAST
@given(MARKUP, st.integers(1, 20))
def test_depth_checks_never_crash(text: str, limit: int) -> None:
    for depth in (html_depth_over(text, limit), json_depth_over(text, limit)):
        assert depth is None or depth > limit


@FAST
@given(st.binary(max_size=2000), st.integers(1, 5000))
def test_gunzip_never_passes_its_cap(data: bytes, cap: int) -> None:
    out = gunzip(gzip.compress(data), cap)
    assert (out == data) if len(data) <= cap else out is None


@FAST
@given(st.text(max_size=600))
def test_cleaning_keeps_text_and_never_crashes(text: str) -> None:
    cleaned = clean_text(text)
    assert isinstance(cleaned.text, str)
    guess_title(cleaned.text)
    find_dateline(cleaned.text)


@FAST
@given(st.text(max_size=300))
def test_prepare_gives_an_article_or_an_input_error(text: str) -> None:
    try:
        article = prepare(RawDocument(path="x", fmt="txt", text=text))
    except DossierError:
        return
    assert article.text.strip()


@FAST
@given(st.text(max_size=40) | st.dates().map(str))
def test_a_metadata_date_is_normalised_or_dropped(value: str) -> None:
    out = normalise_meta_date(value)
    assert out is None or isinstance(out, str)


DATEISH = st.from_regex(r"\A-?\d{1,5}(-\d{1,3}(-\d{1,3})?)?\Z") | st.text(max_size=12)


@FAST
@given(DATEISH, DATEISH)
def test_date_filters_accept_or_refuse_with_a_query_error(since: str, until: str) -> None:
    try:
        f = Filters(since=since, until=until)
    except QueryError:
        return
    lo, hi = f.bounds()
    assert lo is None or hi is None or lo <= hi
    f.date_ok(since)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("props")


@FAST
@given(st.binary(max_size=800), st.sampled_from([".txt", ".html", ".json", ".jsonl", ".gz", ""]))
def test_any_file_is_read_into_documents_or_failures(
    folder: Path, data: bytes, suffix: str
) -> None:
    path = folder / f"f{suffix}"
    path.write_bytes(data)
    results = list(read_file(path))
    assert all(isinstance(r, RawDocument | IngestFailure) for r in results)
