"""Decoding bytes and reading the supported formats: plain text, HTML, JSON, JSON Lines.

Every function here returns failures as values (``IngestFailure``); nothing raises for a
bad input.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from dossier.records import IngestFailure, RawDocument

Fmt = Literal["txt", "html", "json", "jsonl"]
Result = RawDocument | IngestFailure

EXTENSIONS: dict[str, Fmt] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".markdown": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

TEXT_FIELDS = ("text", "body", "content", "articleBody")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("date", "published", "publication_date", "published_at", "datePublished", "dct")
SOURCE_FIELDS = ("source", "outlet", "site", "site_name", "sitename", "publisher")
AUTHOR_FIELDS = ("author", "authors", "byline")

_HTML_SNIFF = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article)\b", re.I | re.S
)
_HTML_FRAGMENT = re.compile(r"^\s*<(?:!doctype|html|body|article|div|p|section|h[1-6])\b", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\x0b"}


# ---------------------------------------------------------------------------- decoding


def _plausible_text(text: str) -> bool:
    """True when a legacy-decoded string reads like prose, not like binary noise."""
    if any(unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS for c in text):
        return False
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return non_ascii <= 0.3 * max(len(text), 1)


def decode(data: bytes, path: str, html: bool = False) -> str | IngestFailure:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, a declared HTML
    charset, and as a last resort Windows-1252 (see below)."""
    if not data.strip():
        return IngestFailure(path, "read", "empty file: nothing to read")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return IngestFailure(path, "decode", "starts like UTF-16 text but does not decode")
    if b"\x00" in data:
        return IngestFailure(
            path,
            "decode",
            "not valid UTF-8 text (binary file?): it contains "
            "NUL bytes; give a text, HTML or JSON file",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8_error = err
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(codecs.lookup(declared.group(1).decode("ascii")).name)
            except (LookupError, UnicodeDecodeError):
                pass
    # Windows-1252 fallback: older news archives and text saved on Windows are often
    # cp1252 (curly quotes as bytes 0x91-0x94). cp1252 decodes almost any byte string, so
    # it is only accepted when there are no NULs (checked above), every byte is defined in
    # cp1252 (strict decode) and the result looks like text; otherwise we would turn a
    # binary file into mojibake "articles".
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible_text(text):
        return text
    return IngestFailure(
        path,
        "decode",
        f"not valid UTF-8 text (binary file?): undecodable byte "
        f"0x{data[utf8_error.start]:02x} at offset {utf8_error.start}; re-save it as UTF-8",
    )


def sniff(text: str) -> Fmt:
    """Guess the format of a text with no telling extension."""
    head = text.lstrip()[:1]
    if head and head in "{[":
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            first = text.strip().splitlines()[0]
            try:
                if isinstance(json.loads(first), dict):
                    return "jsonl"
            except json.JSONDecodeError:
                pass
    if _HTML_SNIFF.match(text):
        return "html"
    return "txt"


# ------------------------------------------------------------------------------ readers


def read_text(text: str, path: str, fmt: Fmt) -> Iterator[Result]:
    """Documents (or failures) from a decoded text of a known format."""
    if not text.strip():
        yield IngestFailure(path, "read", "empty file: nothing to read")
    elif fmt == "html":
        yield read_html(text, path)
    elif fmt == "json":
        yield from read_json(text, path)
    elif fmt == "jsonl":
        yield from read_jsonl(text, path)
    else:
        yield RawDocument(path=path, fmt="txt", text=text)


def read_html(text: str, path: str) -> Result:
    """Main text and metadata of an HTML page, via trafilatura (comments left out)."""
    import trafilatura  # slowish import: only paid when there is HTML to read

    try:
        doc = trafilatura.bare_extraction(
            text,
            include_comments=False,
            with_metadata=True,
            # markup and metadata only: never read the publication date off the body text
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # trafilatura/lxml raise many kinds on broken markup
        return IngestFailure(path, "parse", f"HTML could not be parsed: {err}")
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        return IngestFailure(path, "parse", "no article text found in the HTML page")
    return RawDocument(
        path=path,
        fmt="html",
        text=body,
        title=_clean_str(getattr(doc, "title", None)),
        url=_clean_str(getattr(doc, "url", None)),
        source=_clean_str(getattr(doc, "sitename", None)),
        author=_clean_str(getattr(doc, "author", None)),
        published=_clean_str(getattr(doc, "date", None)),
    )


def read_json(text: str, path: str) -> Iterator[Result]:
    """One JSON object, or a list of objects. A file of JSON Lines is read as such."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # several values: it is JSON Lines under a .json name
            yield from read_jsonl(text, path)
            return
        yield IngestFailure(
            path,
            "parse",
            f"line {err.lineno}: invalid JSON: {err.msg} at column {err.colno}",
            err.lineno,
        )
        return
    if isinstance(value, list):
        if not value:
            yield IngestFailure(path, "parse", "the JSON list is empty: no records")
        for i, item in enumerate(value):
            yield record(item, f"{path}[{i}]", "json", None, f"record {i}")
    else:
        yield record(value, path, "json", None, "the JSON value")


def read_jsonl(text: str | Iterable[str], path: str) -> Iterator[Result]:
    """One JSON object per line; each bad line fails on its own, good lines go through.
    ``text`` may be the whole text or an iterable of its lines (read as they come)."""
    seen = False
    lines = text.splitlines() if isinstance(text, str) else text
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen = True
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            yield IngestFailure(
                path, "parse", f"line {n}: invalid JSON: {err.msg} at column {err.colno}", n
            )
            continue
        yield record(value, f"{path}:{n}", "jsonl", n, f"line {n}")
    if not seen:
        yield IngestFailure(path, "read", "empty file: nothing to read")


def _clean_str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None
    if isinstance(value, dict):  # {"name": "..."} as schema.org writes authors/publishers
        return _clean_str(value.get("name"))
    return None


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for scope in (obj, obj.get("meta"), obj.get("metadata")):
        if isinstance(scope, dict):
            for name in names:
                found = _clean_str(scope.get(name))
                if found:
                    return found
    return None


def record(value: Any, path: str, fmt: Fmt, line: int | None, where: str) -> Result:
    """A document from one JSON record (an object with a text field)."""
    fail_path = path if line is None else path.rsplit(":", 1)[0]
    if not isinstance(value, dict):
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        return IngestFailure(
            fail_path, "parse", f"{where}: expected a JSON object, got {kind}", line
        )
    body = None
    for name in TEXT_FIELDS:
        if isinstance(value.get(name), str) and value[name].strip():
            body = value[name]
            break
    if body is None:
        return IngestFailure(
            fail_path,
            "parse",
            f"{where}: record has no text (expected a non-empty 'text', 'body' or 'content' field)",
            line,
        )
    html: RawDocument | None = None
    if _HTML_FRAGMENT.match(body):  # scraped dumps often keep the page markup in "text"
        extracted = read_html(body, path)
        if isinstance(extracted, IngestFailure):
            return IngestFailure(fail_path, "parse", f"{where}: {extracted.reason}", line)
        html, body = extracted, extracted.text
    doc = RawDocument(
        path=path,
        fmt=fmt,
        text=body,
        line=line,
        title=_first(value, TITLE_FIELDS),
        url=_first(value, URL_FIELDS),
        source=_first(value, SOURCE_FIELDS),
        author=_first(value, AUTHOR_FIELDS),
        published=_first(value, DATE_FIELDS),
    )
    if html is not None:  # the record's own fields win over what the markup says
        doc.title = doc.title or html.title
        doc.url = doc.url or html.url
        doc.source = doc.source or html.source
        doc.author = doc.author or html.author
        doc.published = doc.published or html.published
    return doc
