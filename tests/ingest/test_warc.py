"""Web archives: each HTML response record is an article, with its URI and its date."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from dossier.ingest.warc import read_warc
from dossier.records import IngestFailure, RawDocument

PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p>"
    "</article></body></html>"
)
BODY = (
    "The orchestra of the city of Vell played its last concert in the old hall on Friday, "
    "before the building closes for two years of renovation. Its conductor said the "
    "musicians would tour the region's schools while the work goes on."
)


def _write(path: Path, records: list[tuple[str, str, int, str, bytes]]) -> None:
    """A WARC of (type, uri, status, content type, body) records, gzipped by name."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for kind, uri, status, ctype, body in records:
            http = StatusAndHeaders(
                f"{status} OK" if status == 200 else f"{status} Not Found",
                [("Content-Type", ctype)],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                uri,
                kind,
                payload=BytesIO(body),
                http_headers=http if kind == "response" else None,
                warc_headers_dict={"WARC-Date": "2025-05-02T10:00:00Z"},
            )
            writer.write_record(record)


def _records() -> list[tuple[str, str, int, str, bytes]]:
    page = PAGE.format(title="Last concert in the old hall", body=BODY).encode()
    return [
        ("response", "https://vell.example/concert", 200, "text/html; charset=utf-8", page),
        ("response", "https://vell.example/missing", 404, "text/html", b"<html>gone</html>"),
        ("response", "https://vell.example/logo.png", 200, "image/png", b"\x89PNG"),
        ("resource", "https://vell.example/notes.txt", 200, "text/plain", b"notes"),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_each_html_response_is_an_article_with_its_uri_and_date(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _write(path, _records())
    docs = list(read_warc(path))
    assert len(docs) == 1 and isinstance(docs[0], RawDocument)
    doc = docs[0]
    assert doc.url == "https://vell.example/concert"
    assert doc.path == f"{path}#https://vell.example/concert"
    assert doc.published == "2025-05-02"  # the capture date: the page gives none
    assert "renovation" in doc.text


def test_a_file_that_is_not_a_web_archive_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_text("this is not an archive\n")
    docs = list(read_warc(path))
    assert len(docs) == 1 and isinstance(docs[0], IngestFailure)
    assert docs[0].stage == "parse"


def test_a_web_archive_without_pages_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    _write(path, _records()[1:])
    docs = list(read_warc(path))
    assert len(docs) == 1 and isinstance(docs[0], IngestFailure)
    assert "no HTML page responses" in docs[0].reason
