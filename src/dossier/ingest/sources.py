"""Input expansion and reading: files, folders, glob patterns and stdin."""

from __future__ import annotations

import codecs
import errno
import glob
import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from dossier.ingest.feeds import FEED_EXTENSIONS, Seen, looks_like_feed, read_feed
from dossier.ingest.formats import EXTENSIONS, Fmt, Result, decode, read_jsonl, read_text, sniff
from dossier.ingest.guard import gunzip, unsupported_content, unsupported_name
from dossier.ingest.warc import is_warc, read_warc
from dossier.ingest.web import FetchPolicy, is_url
from dossier.records import IngestFailure
from dossier.settings import Limits

STDIN = "-"
STDIN_PATH = "<stdin>"
_GLOB_CHARS = frozenset("*?[")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _walk(folder: Path) -> list[Path]:
    """Every non-hidden file under a folder, recursively, in a stable sorted order."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / f for f in filenames if not f.startswith("."))
    return sorted(p for p in found if not _hidden(p, folder))


def expand(inputs: list[str] | tuple[str, ...]) -> Iterator[Path | str | IngestFailure]:
    """Paths of the files to read (``"-"`` stays as is), or failures for bad inputs."""
    seen: set[Path] = set()

    def once(path: Path) -> Iterator[Path]:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a symbolic link loop
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            yield path

    for item in inputs:
        if item == STDIN or is_url(item):
            yield item
            continue
        path = Path(item).expanduser()
        if path.is_file():
            yield from once(path)
        elif path.is_dir():
            files = _walk(path)
            if not files:
                yield IngestFailure(item, "read", "folder has no (non-hidden) files to read")
            for f in files:
                yield from once(f)
        elif path.exists():
            yield IngestFailure(item, "read", "not a regular file or folder")
        elif path.is_symlink():
            yield IngestFailure(
                item, "read", "a broken or looping symbolic link: point it at a file"
            )
        elif _GLOB_CHARS & set(item):
            # glob's wildcards never match names starting with "." (hidden files)
            matches = sorted(glob.glob(os.path.expanduser(item), recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            for d in (Path(m) for m in matches if Path(m).is_dir()):
                files.extend(_walk(d))
            if not files:
                yield IngestFailure(item, "read", "glob pattern matched no files")
            for f in files:
                yield from once(f)
        else:
            yield IngestFailure(item, "read", "no such file or directory")


def format_of(path: Path) -> tuple[Fmt | None, bool]:
    """(format by extension or None to sniff, whether the file is gzip-compressed)."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (EXTENSIONS.get(suffixes[-1]) if suffixes else None), gz


def _open_binary(path: Path, gz: bool) -> Any:
    return gzip.open(path, "rb") if gz else path.open("rb")


def _too_big(size: int, limits: Limits, what: str = "the file") -> str:
    return (
        f"{what} is over {limits.max_file_bytes:,} bytes ({size:,}+): split it, or raise "
        "$DOSSIER_MAX_FILE_BYTES"
    )


def _stream_lines(path: Path, gz: bool, limits: Limits) -> Iterator[str | IngestFailure]:
    """The lines of a JSON Lines file as they are read (never the whole file at once), a
    failure in place of a line over the size limit. JSON text is UTF-8 (RFC 8259); a line
    that is not fails on its own. A compressed file stops at the decompressed limit."""
    name = str(path)
    total = 0
    with _open_binary(path, gz) as fh:
        n = 0
        while True:
            raw = fh.readline(limits.max_file_bytes + 1)
            if not raw:
                return
            n += 1
            total += len(raw)
            if gz and total > limits.max_decompressed_bytes:
                yield IngestFailure(name, "limits", _unpacked(limits.max_decompressed_bytes), n)
                return
            if len(raw) > limits.max_file_bytes and not raw.endswith(b"\n"):
                size = len(raw)
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = fh.readline(1 << 20)
                    size += len(raw)
                    total += len(raw)
                    if gz and total > limits.max_decompressed_bytes:
                        cap = limits.max_decompressed_bytes
                        yield IngestFailure(name, "limits", _unpacked(cap), n)
                        return
                yield IngestFailure(
                    name, "limits", f"line {n}: {_too_big(size, limits, 'the line')}", n
                )
                continue
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield IngestFailure(
                    name,
                    "decode",
                    f"line {n}: not valid UTF-8 (byte 0x{raw[err.start]:02x} at column "
                    f"{err.start + 1}): JSON Lines must be UTF-8; re-save it as UTF-8",
                    n,
                )


def _unpacked(cap: int, setting: str = "$DOSSIER_MAX_DECOMPRESSED_BYTES") -> str:
    return (
        f"decompresses to over {cap:,} bytes (a gzip bomb?): unpack it yourself, or raise {setting}"
    )


def _read_bounded(path: Path, limits: Limits) -> bytes | IngestFailure:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            return IngestFailure(name, "limits", _too_big(size, limits))
        with path.open("rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except PermissionError:
        return IngestFailure(name, "read", "permission denied")
    except OSError as err:
        if err.errno == errno.ELOOP:
            return IngestFailure(name, "read", "a symbolic link loop: point the link at a file")
        return IngestFailure(name, "read", f"cannot read the file: {err.strerror or err}")
    if len(data) > limits.max_file_bytes:
        return IngestFailure(name, "limits", _too_big(len(data), limits))
    return data


def read_file(
    path: Path,
    limits: Limits | None = None,
    seen: Seen | None = None,
    policy: FetchPolicy | None = None,
) -> Iterator[Result]:
    """Documents from one file; failures for anything that cannot be read or is over a
    limit. JSON Lines files are read line by line, web archives record by record; a
    feed file's new items are read (their links fetched under ``policy``)."""
    limits = limits or Limits()
    name = str(path)
    refused = unsupported_name(path)
    if refused:
        yield IngestFailure(name, "read", refused)
        return
    if is_warc(path):
        yield from read_warc(path, limits)
        return
    fmt, gz = format_of(path)
    if fmt == "jsonl":
        try:
            yield from read_jsonl(_stream_lines(path, gz, limits), name, limits.max_depth)
        except PermissionError:
            yield IngestFailure(name, "read", "permission denied")
        except (OSError, EOFError, zlib.error) as err:
            yield IngestFailure(name, "read", f"cannot read the file: {err}")
        return
    data = _read_bounded(path, limits)
    if isinstance(data, IngestFailure):
        yield data
        return
    if gz:
        cap = min(limits.max_file_bytes, limits.max_decompressed_bytes)
        try:
            unpacked = gunzip(data, cap)
        except (OSError, EOFError, zlib.error) as err:
            yield IngestFailure(name, "decode", f"not a valid gzip file: {err}")
            return
        if unpacked is None:
            setting = (
                "$DOSSIER_MAX_DECOMPRESSED_BYTES"
                if cap == limits.max_decompressed_bytes
                else "$DOSSIER_MAX_FILE_BYTES"
            )
            yield IngestFailure(name, "limits", _unpacked(cap, setting))
            return
        data = unpacked
    refused = unsupported_content(data[:4096])
    if refused:
        yield IngestFailure(name, "read", refused)
        return
    if path.suffix.lower() in FEED_EXTENSIONS or (fmt is None and looks_like_feed(data)):
        from dossier.ingest.remote import read_page

        yield from read_feed(data, name, seen, policy, read_page)
        return
    text = decode(data, name, html=fmt == "html" or fmt is None, fallback=limits.fallback_encoding)
    if isinstance(text, IngestFailure):
        yield text
        return
    yield from read_text(text, name, fmt or sniff(text), limits.max_depth)


def read_stdin(stream: TextIO, limits: Limits | None = None) -> Iterator[Result]:
    """Documents from standard input: plain text unless it parses as JSON / JSON Lines."""
    limits = limits or Limits()
    try:
        text = stream.read(limits.max_file_bytes + 1)
    except (OSError, UnicodeDecodeError) as err:
        yield IngestFailure(STDIN_PATH, "decode", f"cannot read standard input as text: {err}")
        return
    if len(text) > limits.max_file_bytes:
        yield IngestFailure(STDIN_PATH, "limits", _too_big(len(text), limits, "standard input"))
        return
    if "\x00" in text:
        yield IngestFailure(STDIN_PATH, "decode", "not valid UTF-8 text (binary input?)")
        return
    yield from read_text(text, STDIN_PATH, sniff(text), limits.max_depth)


def count_documents(inputs: list[str] | tuple[str, ...]) -> int | None:
    """How many documents the inputs hold (JSON Lines files by their non-blank lines, every
    other file as one), for progress; None when standard input, a URL, a web archive or a
    feed is among them (their documents are known only once read)."""
    total = 0
    cap = Limits.from_env().max_decompressed_bytes
    for item in expand(tuple(inputs)):
        if item == STDIN or (isinstance(item, str) and is_url(item)):
            return None
        if isinstance(item, IngestFailure | str):
            continue
        if is_warc(item) or item.suffix.lower() in FEED_EXTENSIONS:
            return None  # its pages or items are only known once it is read
        fmt, gz = format_of(item)
        if fmt != "jsonl":
            total += 1
            continue
        try:
            total += _count_lines(item, gz, cap)
        except (OSError, EOFError, zlib.error):
            total += 1
    return total


def _count_lines(path: Path, gz: bool, cap: int) -> int:
    """Non-blank lines of a file, read in chunks (a line of a gigabyte is never held);
    a compressed file is counted only up to ``cap`` decompressed bytes."""
    count, size, open_line = 0, 0, False
    with _open_binary(path, gz) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            size += len(chunk)
            parts = chunk.split(b"\n")
            for part in parts[:-1]:
                count += open_line or bool(part.strip())
                open_line = False
            open_line = open_line or bool(parts[-1].strip())
            if gz and size > cap:
                break
    return count + open_line
