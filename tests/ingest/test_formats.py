"""Formats (txt, HTML, JSON, JSON Lines, gzip) and every kind of bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dossier.ingest import read_inputs
from dossier.records import IngestFailure, RawDocument
from dossier.settings import Limits

BODY = "The night ferry to Skarholm was cancelled because of fog, the operator said."

PAGE = """<!DOCTYPE html>
<html><head><title>Fog cancels night ferry | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier">
<meta name="author" content="Ida Berg">
<meta property="article:published_time" content="2021-11-02T07:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Fog cancels night ferry</h1>
<p>The night ferry to Skarholm was cancelled because of fog, the operator said on Monday.</p>
<p>Passengers were offered rooms in the harbour hotel and a seat on the first morning boat.</p>
<p>It is the third cancellation this autumn; the council has asked for a radar upgrade.</p>
</article>
<div class="comments"><p>Comment by Sven: terrible service again, I waited for two hours.</p></div>
<footer>Copyright Coast Courier</footer>
</body></html>
"""


def _one(path: Path) -> RawDocument | IngestFailure:
    (result,) = read_inputs([str(path)])
    return result


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _failure(result: RawDocument | IngestFailure) -> IngestFailure:
    assert isinstance(result, IngestFailure), result
    return result


def _doc(result: RawDocument | IngestFailure) -> RawDocument:
    assert isinstance(result, RawDocument), result
    return result


# ---------------------------------------------------------------- bad input kinds


def test_binary_file_fails(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.txt", b"\x7fELF\x02\x01\x00\x00\x00\rIHDR")))
    assert failure.stage == "decode"
    assert failure.reason.startswith("not valid UTF-8 text (binary file?)")


def test_empty_file_fails(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.txt", b"")))
    assert failure.reason.startswith("empty file")


def test_whitespace_only_file_fails(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.txt", b" \n\t\n")))
    assert failure.reason.startswith("empty file")


def test_undecodable_bytes_fail(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.txt", b"caf\xc3 \x81\x8d\x90 \x01\x02")))
    assert failure.stage == "decode"
    assert "undecodable byte 0xc3 at offset 3" in failure.reason


def test_windows_1252_text_is_refused_unless_its_encoding_is_set(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.txt", b"The mayor said \x93yes\x94 twice.")))
    assert "$DOSSIER_FALLBACK_ENCODING" in failure.reason


def test_windows_1252_text_is_read_when_its_encoding_is_set(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.txt", b"The mayor said \x93yes\x94 \x96 twice.")
    (doc,) = read_inputs([str(path)], limits=Limits(fallback_encoding="cp1252"))
    assert _doc(doc).text == "The mayor said “yes” – twice."


def test_a_file_mixing_utf8_and_latin1_is_refused(tmp_path: Path) -> None:
    data = "Café ".encode() + b"and caf\xe9 again."
    path = _write(tmp_path, "x.txt", data)
    (failure,) = read_inputs([str(path)], limits=Limits(fallback_encoding="latin-1"))
    assert _failure(failure).reason.startswith("mixes UTF-8 with another encoding")


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    doc = _doc(_one(_write(tmp_path, "x.txt", b"\xef\xbb\xbf" + BODY.encode())))
    assert doc.text == BODY


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    doc = _doc(_one(_write(tmp_path, "x.txt", BODY.encode("utf-16"))))
    assert doc.text == BODY


def test_malformed_jsonl_lines_fail_one_by_one(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First good record."}),
        '{"text": "broken" "title": 1}',
        json.dumps({"text": "Second good record."}),
        "{not json",
    ]
    results = list(read_inputs([str(_write(tmp_path, "x.jsonl", "\n".join(lines)))]))
    assert [(type(r).__name__, r.line) for r in results] == [
        ("RawDocument", 1),
        ("IngestFailure", 2),
        ("RawDocument", 3),
        ("IngestFailure", 4),
    ]


def test_malformed_jsonl_reason_names_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.jsonl", '{"a": 1}\n\n{"text": "x" "y"}\n')
    failures = [r for r in read_inputs([str(path)]) if isinstance(r, IngestFailure)]
    assert failures[-1].reason == "line 3: invalid JSON: Expecting ',' delimiter at column 14"


def test_record_without_text_fails(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.jsonl", '{"title": "No body here"}\n')))
    assert (failure.line, failure.stage) == (1, "parse")
    assert "record has no text" in failure.reason


def test_json_value_that_is_not_an_object_fails(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.json", "[1]")))
    assert failure.reason == "record 0: expected a JSON object, got int"


def test_invalid_json_file_fails_with_position(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.json", '{\n  "text": "a",\n  oops\n}')))
    assert (failure.line, failure.reason) == (
        3,
        "line 3: invalid JSON: Expecting property name enclosed in double quotes at column 3",
    )


def test_html_without_article_text_fails(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.html", "<html><body><nav></nav></body></html>")))
    assert failure.reason == "no article text found in the HTML page"


def test_broken_gzip_fails(tmp_path: Path) -> None:
    failure = _failure(_one(_write(tmp_path, "x.html.gz", b"not gzip at all")))
    assert failure.reason.startswith("not a valid gzip file")


# ---------------------------------------------------------------------- formats


def test_plain_text(tmp_path: Path) -> None:
    doc = _doc(_one(_write(tmp_path, "x.text", BODY)))
    assert (doc.fmt, doc.text, doc.title) == ("txt", BODY, None)


def test_json_object_fields(tmp_path: Path) -> None:
    record = {
        "body": BODY,
        "headline": "Fog",
        "link": "https://example.org/fog",
        "published": "2021-11-02",
        "outlet": "Coast Courier",
        "author": ["Ida Berg", "Per Holm"],
    }
    doc = _doc(_one(_write(tmp_path, "x.json", json.dumps(record))))
    assert (doc.text, doc.title, doc.url, doc.published, doc.source, doc.author) == (
        BODY,
        "Fog",
        "https://example.org/fog",
        "2021-11-02",
        "Coast Courier",
        "Ida Berg, Per Holm",
    )


def test_json_list_of_objects(tmp_path: Path) -> None:
    records = [{"content": "One."}, {"text": "Two."}]
    docs = list(read_inputs([str(_write(tmp_path, "x.json", json.dumps(records)))]))
    assert [(d.path.rsplit("/", 1)[-1], d.text) for d in docs] == [
        ("x.json[0]", "One."),
        ("x.json[1]", "Two."),
    ]


def test_json_metadata_in_a_nested_meta_object(tmp_path: Path) -> None:
    record = {"text": BODY, "meta": {"publication_date": "2021-11-02", "publisher": "CC"}}
    doc = _doc(_one(_write(tmp_path, "x.json", json.dumps(record))))
    assert (doc.published, doc.source) == ("2021-11-02", "CC")


def test_json_lines_under_a_json_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.json", '{"text": "One."}\n{"text": "Two."}\n')
    assert [d.fmt for d in read_inputs([str(path)])] == ["jsonl", "jsonl"]


def test_jsonl_record_path_names_the_line(tmp_path: Path) -> None:
    doc = _doc(_one(_write(tmp_path, "x.jsonl", '\n{"text": "One."}\n')))
    assert (doc.path.endswith("x.jsonl:2"), doc.line) == (True, 2)


def test_html_main_text_without_navigation_or_comments(tmp_path: Path) -> None:
    doc = _doc(_one(_write(tmp_path, "x.html", PAGE)))
    assert "cancelled because of fog" in doc.text
    assert "radar upgrade" in doc.text
    assert "terrible service" not in doc.text
    assert "Copyright" not in doc.text


def test_html_metadata(tmp_path: Path) -> None:
    doc = _doc(_one(_write(tmp_path, "x.htm", PAGE)))
    assert (doc.fmt, doc.title, doc.source, doc.author, doc.published) == (
        "html",
        "Fog cancels night ferry",
        "Coast Courier",
        "Ida Berg",
        "2021-11-02",
    )


def test_gzipped_html(tmp_path: Path) -> None:
    doc = _doc(_one(_write(tmp_path, "x.html.gz", gzip.compress(PAGE.encode()))))
    assert (doc.fmt, doc.published) == ("html", "2021-11-02")


def test_unknown_extension_is_sniffed_as_html(tmp_path: Path) -> None:
    doc = _doc(_one(_write(tmp_path, "page.bin", PAGE)))
    assert doc.fmt == "html"


def test_json_text_with_html_markup_is_extracted(tmp_path: Path) -> None:
    record = {"text": PAGE, "title": "Own title"}
    doc = _doc(_one(_write(tmp_path, "x.json", json.dumps(record))))
    assert (doc.fmt, doc.title, doc.source) == ("json", "Own title", "Coast Courier")
    assert "<p>" not in doc.text and "radar upgrade" in doc.text


def test_html_in_its_declared_charset(tmp_path: Path) -> None:
    page = PAGE.replace("<head>", '<head><meta charset="windows-1251">').replace(
        "Passengers were offered", "Пассажирам предложили"
    )
    doc = _doc(_one(_write(tmp_path, "x.html", page.encode("cp1251"))))
    assert "Пассажирам предложили" in doc.text
