"""Limits on one input, as settings with sane defaults (environment overrides).

Each limit, when hit, gives one clear failure naming the input and what to do.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from dossier.errors import InputError


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise InputError(f"${name}={raw!r} is not a whole number: unset it or give one") from None
    if value <= 0:
        raise InputError(f"${name} must be a positive number, not {value}")
    return value


def _encoding_env(name: str) -> str | None:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return None
    try:
        return codecs.lookup(raw.strip()).name
    except LookupError:
        raise InputError(
            f"${name}={raw!r} is not an encoding Python knows: unset it, or give one "
            "such as cp1252 or latin-1"
        ) from None


@dataclass(frozen=True)
class Limits:
    """``max_chars``: an article longer than this is refused before it is stored.
    ``part_chars``: the parser reads a longer text in parts of at most this many
    characters, split at paragraph boundaries (spaCy's ``max_length``).
    ``max_file_bytes``: a file (or one JSON Lines line) larger than this is not read.
    ``max_decompressed_bytes``: a compressed file is read only up to this many bytes.
    ``max_depth``: HTML or JSON nested deeper than this is refused.
    ``fallback_encoding``: the encoding of text that is not UTF-8 and declares none;
    without it such a file is refused (never guessed).
    ``fetch_timeout``: seconds a URL may take to connect, and between bytes of its answer.
    ``max_redirects``: redirects followed when fetching a URL before giving up."""

    max_chars: int = 2_000_000
    part_chars: int = 100_000
    max_file_bytes: int = 20_000_000
    max_decompressed_bytes: int = 200_000_000
    max_depth: int = 200
    fallback_encoding: str | None = None
    fetch_timeout: float = 20.0
    max_redirects: int = 5

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_chars=_int_env("DOSSIER_MAX_CHARS", cls.max_chars),
            part_chars=_int_env("DOSSIER_PART_CHARS", cls.part_chars),
            max_file_bytes=_int_env("DOSSIER_MAX_FILE_BYTES", cls.max_file_bytes),
            max_decompressed_bytes=_int_env(
                "DOSSIER_MAX_DECOMPRESSED_BYTES", cls.max_decompressed_bytes
            ),
            max_depth=_int_env("DOSSIER_MAX_DEPTH", cls.max_depth),
            fallback_encoding=_encoding_env("DOSSIER_FALLBACK_ENCODING"),
            fetch_timeout=float(_int_env("DOSSIER_FETCH_TIMEOUT", int(cls.fetch_timeout))),
            max_redirects=_int_env("DOSSIER_MAX_REDIRECTS", cls.max_redirects),
        )
