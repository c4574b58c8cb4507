"""Input expansion and reading: files, folders, glob patterns and stdin."""

from __future__ import annotations

import codecs
import glob
import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from dossier.ingest.formats import EXTENSIONS, Fmt, Result, decode, read_jsonl, read_text, sniff
from dossier.records import IngestFailure

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
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            yield path

    for item in inputs:
        if item == STDIN:
            yield STDIN
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


def _stream_lines(path: Path, gz: bool) -> Iterator[str]:
    """The lines of a JSON Lines file as they are read (never the whole file at once).
    JSON text is UTF-8 (RFC 8259); a line that is not fails on its own."""
    with _open_binary(path, gz) as fh:
        for n, raw in enumerate(fh, start=1):
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield "\x00not utf-8"  # fails to parse as JSON, naming the line


def read_file(path: Path) -> Iterator[Result]:
    """Documents from one file; failures for anything that cannot be read. JSON Lines
    files are read line by line."""
    name = str(path)
    fmt, gz = format_of(path)
    if fmt == "jsonl":
        try:
            yield from read_jsonl(_stream_lines(path, gz), name)
        except PermissionError:
            yield IngestFailure(name, "read", "permission denied")
        except (OSError, EOFError, zlib.error) as err:
            yield IngestFailure(name, "read", f"cannot read the file: {err}")
        return
    try:
        data = path.read_bytes()
    except PermissionError:
        yield IngestFailure(name, "read", "permission denied")
        return
    except OSError as err:
        yield IngestFailure(name, "read", f"cannot read the file: {err.strerror or err}")
        return
    if gz:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            yield IngestFailure(name, "decode", f"not a valid gzip file: {err}")
            return
    text = decode(data, name, html=fmt == "html" or fmt is None)
    if isinstance(text, IngestFailure):
        yield text
        return
    yield from read_text(text, name, fmt or sniff(text))


def read_stdin(stream: TextIO) -> Iterator[Result]:
    """Documents from standard input: plain text unless it parses as JSON / JSON Lines."""
    try:
        text = stream.read()
    except (OSError, UnicodeDecodeError) as err:
        yield IngestFailure(STDIN_PATH, "decode", f"cannot read standard input as text: {err}")
        return
    if "\x00" in text:
        yield IngestFailure(STDIN_PATH, "decode", "not valid UTF-8 text (binary input?)")
        return
    yield from read_text(text, STDIN_PATH, sniff(text))


def count_documents(inputs: list[str] | tuple[str, ...]) -> int | None:
    """How many documents the inputs hold (JSON Lines files by their non-blank lines, every
    other file as one), for progress; None when standard input is among them."""
    total = 0
    for item in expand(tuple(inputs)):
        if item == STDIN:
            return None
        if isinstance(item, IngestFailure | str):
            continue
        fmt, gz = format_of(item)
        if fmt != "jsonl":
            total += 1
            continue
        try:
            with _open_binary(item, gz) as fh:
                total += sum(1 for line in fh if line.strip())
        except (OSError, EOFError, zlib.error):
            total += 1
    return total
