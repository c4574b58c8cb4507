"""Limits on one input, as settings with sane defaults (environment overrides).

Each limit, when hit, gives one clear failure naming the input and what to do.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Limits:
    """``max_chars``: an article longer than this is refused before it is stored.
    ``part_chars``: the parser reads a longer text in parts of at most this many
    characters, split at paragraph boundaries (spaCy's ``max_length``)."""

    max_chars: int = 2_000_000
    part_chars: int = 100_000

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_chars=_int_env("DOSSIER_MAX_CHARS", cls.max_chars),
            part_chars=_int_env("DOSSIER_PART_CHARS", cls.part_chars),
        )
