"""Web archives (WARC and WARC.gz, through warcio): each HTML response is an article.

The record's target URI becomes the article's URL (its path is ``FILE#URI``), and the
capture date (WARC-Date) its date where the page's own metadata gives none. Requests,
metadata, revisits, redirects, errors and non-HTML responses are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dossier.ingest.formats import Result, decode, read_html
from dossier.ingest.web import media_type
from dossier.records import IngestFailure, RawDocument
from dossier.settings import Limits

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, limits: Limits | None = None) -> Iterator[Result]:
    """Articles of the HTML responses in a WARC file; a failure for each that breaks,
    and one for a file that is not a web archive."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limits = limits or Limits()
    name = str(path)
    found = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                ctype, charset = media_type(record.http_headers.get_header("Content-Type"))
                if ctype not in HTML_TYPES:
                    continue
                found += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                captured = record.rec_headers.get_header("WARC-Date") or ""
                where = f"{name}#{uri}"
                data = record.content_stream().read(limits.max_file_bytes + 1)
                if len(data) > limits.max_file_bytes:
                    yield IngestFailure(
                        where,
                        "limits",
                        f"the archived page is over {limits.max_file_bytes:,} bytes: raise "
                        "$DOSSIER_MAX_FILE_BYTES to read it",
                    )
                    continue
                text = decode(data, where, html=True, fallback=charset)
                if isinstance(text, IngestFailure):
                    yield text
                    continue
                doc = read_html(text, where, limits.max_depth)
                if isinstance(doc, RawDocument):
                    doc.url = uri or doc.url
                    doc.published = doc.published or (captured[:10] or None)
                yield doc
    except PermissionError:
        yield IngestFailure(name, "read", "permission denied")
        return
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield IngestFailure(name, "parse", f"not a readable WARC file: {exc}")
        return
    if not found:
        yield IngestFailure(name, "parse", "the web archive holds no HTML page responses")
