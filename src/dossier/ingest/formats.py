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

from dossier.ingest.guard import depth_reason, html_depth_over, json_depth_over
from dossier.records import IngestFailure, RawDocument
from dossier.settings import Limits

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
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article)\b",
    re.I | re.S,
)
_HTML_FRAGMENT = re.compile(r"^\s*<(?:!doctype|html|body|article|div|p|section|h[1-6])\b", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I)
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
DEPTH = Limits.max_depth
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\x0b"}


# ---------------------------------------------------------------------------- decoding


def _plausible_text(text: str) -> bool:
    """True when a legacy-decoded string reads like prose, not like binary noise."""
    if any(unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS for c in text):
        return False
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return non_ascii <= 0.3 * max(len(text), 1)


def _declared(data: bytes) -> str | None:
    """The charset a page or XML prolog declares, if Python knows it."""
    head = data[:4096]
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode(
    data: bytes, path: str, html: bool = False, fallback: str | None = None
) -> str | IngestFailure:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, the charset
    an HTML page or XML prolog declares, else the ``fallback`` encoding the user set
    ($DOSSIER_FALLBACK_ENCODING). Anything else is refused, never guessed: a legacy
    encoding decodes almost any bytes, so a guess turns binary or mixed files into
    mojibake articles."""
    if not data.strip():
        return IngestFailure(path, "read", "empty file: nothing to read")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                return IngestFailure(
                    path, "decode", f"starts like {codec} text but does not decode: re-save it"
                )
    if b"\x00" in data:
        return IngestFailure(
            path,
            "decode",
            "not valid UTF-8 text (binary file?): it contains "
            "NUL bytes; give a text, HTML or JSON file",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    declared = _declared(data) if html or data.lstrip()[:1] == b"<" else None
    candidates: list[tuple[str | None, str]] = [
        (declared, "its declared charset"),
        (fallback, "$DOSSIER_FALLBACK_ENCODING"),
    ]
    for name, why in candidates:
        if name is None or name.replace("_", "-") in ("utf-8", "utf8"):
            continue
        if _UTF8_SEQUENCE.search(data):
            return IngestFailure(
                path,
                "decode",
                f"mixes UTF-8 with another encoding (undecodable byte "
                f"0x{data[utf8_error.start]:02x} at offset {utf8_error.start}): "
                "re-save it in one encoding, UTF-8",
            )
        try:
            return data.decode(name)
        except UnicodeDecodeError as err:
            return IngestFailure(
                path, "decode", f"does not decode as {name} ({why}) at offset {err.start}"
            )
    try:
        binary = not _plausible_text(data.decode("cp1252"))
    except UnicodeDecodeError:
        binary = True
    hint = (
        "give a text, HTML or JSON file"
        if binary
        else "re-save it as UTF-8, or set $DOSSIER_FALLBACK_ENCODING (e.g. cp1252) "
        "if your files are in a legacy encoding"
    )
    kind = "not valid UTF-8 text (binary file?)" if binary else "not valid UTF-8 text"
    return IngestFailure(
        path,
        "decode",
        f"{kind}: undecodable byte 0x{data[utf8_error.start]:02x} at offset "
        f"{utf8_error.start}; {hint}",
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


def read_text(text: str, path: str, fmt: Fmt, depth: int = DEPTH) -> Iterator[Result]:
    """Documents (or failures) from a decoded text of a known format; HTML or JSON nested
    deeper than ``depth`` is refused."""
    if not text.strip():
        yield IngestFailure(path, "read", "empty file: nothing to read")
    elif fmt == "html":
        yield read_html(text, path, depth)
    elif fmt == "json":
        yield from read_json(text, path, depth)
    elif fmt == "jsonl":
        yield from read_jsonl(text, path, depth)
    else:
        yield RawDocument(path=path, fmt="txt", text=text)


def read_html(text: str, path: str, depth: int = DEPTH) -> Result:
    """Main text and metadata of an HTML page, via trafilatura (comments left out).
    External entities are never resolved (lxml's HTML parser reads no DTD)."""
    import trafilatura  # slowish import: only paid when there is HTML to read

    if html_depth_over(text, depth) is not None:
        return IngestFailure(path, "limits", depth_reason("HTML elements", depth))
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


def read_json(text: str, path: str, depth: int = DEPTH) -> Iterator[Result]:
    """One JSON object, or a list of objects. A file of JSON Lines is read as such."""
    if json_depth_over(text, depth) is not None:
        yield IngestFailure(path, "limits", depth_reason("JSON", depth))
        return
    try:
        value = json.loads(text)
    except RecursionError:
        yield IngestFailure(path, "limits", depth_reason("JSON", depth))
        return
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # several values: it is JSON Lines under a .json name
            yield from read_jsonl(text, path, depth)
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
            yield record(item, f"{path}[{i}]", "json", None, f"record {i}", depth)
    else:
        yield record(value, path, "json", None, "the JSON value", depth)


def read_jsonl(
    text: str | Iterable[str | IngestFailure], path: str, depth: int = DEPTH
) -> Iterator[Result]:
    """One JSON object per line; each bad line fails on its own, good lines go through.
    ``text`` may be the whole text or an iterable of its lines (read as they come; a
    reader may put the failure of a line it could not read in its place)."""
    seen = False
    lines = text.splitlines() if isinstance(text, str) else text
    for n, line in enumerate(lines, start=1):
        if isinstance(line, IngestFailure):
            seen = True
            yield line
            continue
        if not line.strip():
            continue
        seen = True
        if json_depth_over(line, depth) is not None:
            yield IngestFailure(path, "limits", f"line {n}: {depth_reason('JSON', depth)}", n)
            continue
        try:
            value = json.loads(line)
        except RecursionError:
            yield IngestFailure(path, "limits", f"line {n}: {depth_reason('JSON', depth)}", n)
            continue
        except json.JSONDecodeError as err:
            yield IngestFailure(
                path, "parse", f"line {n}: invalid JSON: {err.msg} at column {err.colno}", n
            )
            continue
        yield record(value, f"{path}:{n}", "jsonl", n, f"line {n}", depth)
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


def record(
    value: Any, path: str, fmt: Fmt, line: int | None, where: str, depth: int = DEPTH
) -> Result:
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
        extracted = read_html(body, path, depth)
        if isinstance(extracted, IngestFailure):
            return IngestFailure(fail_path, extracted.stage, f"{where}: {extracted.reason}", line)
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
