"""``POST /api/ingest``: the request's files or JSON articles, size-checked, written to a
temporary folder and ingested from there, so that they pass the same checks as
``dossier ingest``."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import Request

from dossier.errors import InputError
from dossier.serve.errors import TooLarge

SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson"}
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
Ingest = Callable[[list[str]], Awaitable[dict[str, Any]]]


def _name(filename: str | None, n: int) -> str:
    base = _SAFE.sub("_", Path(filename or "").name).strip("._") or f"upload_{n}.txt"
    if Path(base).suffix.lower() not in SUFFIXES:
        raise InputError(
            f"{filename!r}: upload .txt, .html, .json or .jsonl files (as `dossier ingest`)"
        )
    return f"{n:03d}_{base}"


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"the upload is over the limit of {limit:,} bytes: send fewer files")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"the upload is over the limit of {limit:,} bytes: send fewer files")
        chunks.append(chunk)
    return b"".join(chunks)


async def _files(request: Request, body: bytes) -> list[tuple[str, bytes]]:
    kind = request.headers.get("content-type", "")
    if kind.startswith("application/json"):
        try:
            value = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"the request body is not JSON ({exc})") from None
        items = value if isinstance(value, list) else [value]
        if not items or not all(isinstance(v, dict) for v in items):
            raise InputError("send a JSON object {text, url, title, date, source}, or a list")
        lines = "\n".join(json.dumps(v, ensure_ascii=False) for v in items)
        return [(_name("article.jsonl", 0), lines.encode("utf-8"))]
    if kind.startswith("multipart/form-data"):
        form = await request.form(max_part_size=len(body) + 1)
        uploads = [v for v in form.getlist("files") if not isinstance(v, str)]
        if not uploads:
            raise InputError("the form has no files: send them in the field 'files'")
        return [(_name(u.filename, i), await u.read()) for i, u in enumerate(uploads)]
    raise InputError("send multipart/form-data files or an application/json article")


async def ingest_upload(request: Request, limit: int, ingest: Ingest) -> dict[str, Any]:
    body = await _body(request, limit)
    request._body = body  # the form parser reads the body already read
    files = await _files(request, body)
    with tempfile.TemporaryDirectory(prefix="dossier-upload-") as folder:
        paths = []
        for name, data in files:
            path = Path(folder) / name
            path.write_bytes(data)
            paths.append(str(path))
        return await ingest(paths)
