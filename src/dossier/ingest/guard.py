"""Guards on hostile input: formats dossier does not read, bounded decompression and
nesting depth. Each check returns a failure reason (what is wrong and what to do) or
None; nothing here raises for a bad input."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

# extension -> (what it is, what to do instead)
_UNSUPPORTED = {
    ".pdf": ("a PDF file", "convert it to text (pdftotext) or HTML"),
    ".doc": ("a Word document", "save it as plain text or HTML"),
    ".docx": ("a Word document", "save it as plain text or HTML"),
    ".odt": ("an OpenDocument text", "save it as plain text or HTML"),
    ".rtf": ("an RTF document", "save it as plain text or HTML"),
    ".epub": ("an e-book", "convert it to text or HTML"),
    ".xls": ("a spreadsheet", "export the article text as JSON Lines"),
    ".xlsx": ("a spreadsheet", "export the article text as JSON Lines"),
    ".ods": ("a spreadsheet", "export the article text as JSON Lines"),
    ".ppt": ("a presentation", "export its text"),
    ".pptx": ("a presentation", "export its text"),
    ".zip": ("a zip archive", "unpack it and ingest the folder"),
    ".tar": ("a tar archive", "unpack it and ingest the folder"),
    ".7z": ("a 7-Zip archive", "unpack it and ingest the folder"),
    ".png": ("an image", "give the article text instead"),
    ".jpg": ("an image", "give the article text instead"),
    ".jpeg": ("an image", "give the article text instead"),
    ".gif": ("an image", "give the article text instead"),
    ".webp": ("an image", "give the article text instead"),
    ".mp3": ("an audio file", "give a transcript as text"),
    ".mp4": ("a video file", "give a transcript as text"),
}
# leading bytes -> the extension whose description applies
_MAGIC = (
    (b"%PDF-", ".pdf"),
    (b"PK\x03\x04", ".zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),
    (b"{\\rtf", ".rtf"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"7z\xbc\xaf\x27\x1c", ".7z"),
)
_OOXML = {"word/": ".docx", "xl/": ".xlsx", "ppt/": ".pptx"}
SUPPORTED = ".txt, .html, .json or .jsonl (optionally .gz)"


def _reason(ext: str) -> str:
    what, todo = _UNSUPPORTED[ext]
    return f"{what} ({ext}) is not supported: {todo}; dossier reads {SUPPORTED}"


def unsupported_name(path: Path) -> str | None:
    """Why a file is refused by its name alone (a .pdf, a .docx), or None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in _UNSUPPORTED:
        return _reason(suffixes[-1])
    return None


def unsupported_content(head: bytes) -> str | None:
    """Why a file is refused by its first bytes (a PDF, a Word file, an image), or None."""
    for magic, ext in _MAGIC:
        if head.startswith(magic):
            if ext == ".zip":
                for marker, office in _OOXML.items():
                    if marker.encode() in head[:2048]:
                        return _reason(office)
            return _reason(ext)
    return None


def gunzip(data: bytes, cap: int) -> bytes | None:
    """Decompress gzip ``data`` (every member), or None once it passes ``cap`` bytes:
    a gzip bomb never expands in memory. Raises ``zlib.error`` on a corrupt stream."""
    out: list[bytes] = []
    size = 0
    while data:
        inflater = zlib.decompressobj(wbits=31)
        chunk = inflater.decompress(data, cap + 1 - size)
        while True:
            size += len(chunk)
            out.append(chunk)
            if size > cap:
                return None
            if inflater.eof or not inflater.unconsumed_tail:
                break
            chunk = inflater.decompress(inflater.unconsumed_tail, cap + 1 - size)
        if not inflater.eof:
            raise zlib.error("the compressed data ends early (truncated file?)")
        data = inflater.unused_data.lstrip(b"\x00")
    return b"".join(out)


# --------------------------------------------------------------------------- depth
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>", re.S)
# elements with no content, or whose end tag HTML lets a page leave out (never nesting)
_FLAT = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "command",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rp",
        "html",
        "head",
        "body",
    ]
)
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


def html_depth_over(text: str, limit: int) -> int | None:
    """The depth an HTML page's elements reach once past ``limit`` (None if it stays
    within it)."""
    depth = 0
    for m in _TAG.finditer(text):
        name = m.group(2)
        if name is None or name.lower() in _FLAT or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > limit:
                return depth
    return None


def json_depth_over(text: str, limit: int) -> int | None:
    """The depth a JSON text's arrays and objects reach once past ``limit``, or None."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    for m in _JSON_TOKEN.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return depth
        elif token in "]}":
            depth -= 1
    return None


def depth_reason(kind: str, limit: int) -> str:
    return (
        f"{kind} nested more than {limit:,} levels deep: refused (no article nests so "
        "deep); raise $DOSSIER_MAX_DEPTH if it is genuine"
    )
