"""CAMEO-style actor codes for event actors: country code plus sector ('RUSGOV', 'UKRMIL').

The dictionary is ``dossier/data/actors.tsv``: country names and aliases, nationality
adjectives, capitals (standing for their governments), international and non-governmental
organisations, dated office-holders, and sector nouns. A phrase can name several countries
('Hungarian and Romanian officials'); their codes are joined with '+'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.resources import read_table

COUNTRY_KINDS = frozenset({"country", "alias", "adjective", "capital", "igo", "ngo", "leader"})


@dataclass(frozen=True)
class Entry:
    name: str
    code: str
    kind: str
    sector: str = ""
    start: str = ""  # ISO date the office began (leaders)
    end: str = ""  # ISO date it ended; '' while in office


@dataclass(frozen=True)
class _Dictionary:
    names: dict[str, list[Entry]]
    name_re: re.Pattern[str]
    sectors: dict[str, str]
    sector_re: re.Pattern[str]


def _alternation(words: list[str], flags: int = 0) -> re.Pattern[str]:
    words = sorted(set(words), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", flags)


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    names: dict[str, list[Entry]] = {}
    sectors: dict[str, str] = {}
    for row in read_table("actors.tsv"):
        cells = [*row, "", "", "", ""]
        entry = Entry(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])
        if entry.kind == "sector":
            sectors[entry.name.lower()] = entry.sector
        elif entry.kind in COUNTRY_KINDS:
            names.setdefault(entry.name, []).append(entry)
    return _Dictionary(names, _alternation(list(names)), sectors, _alternation(list(sectors), re.I))


def _valid(entry: Entry, date: str | None) -> bool:
    if entry.kind != "leader" or not date or date.startswith("X"):
        return True
    return (not entry.start or entry.start[: len(date)] <= date) and (
        not entry.end or date < entry.end
    )


def actor_code(text: str, date: str | None = None) -> str:
    """The CAMEO-style code of an actor phrase ('' when no country or organisation is named).

    ``date`` (ISO, any precision) picks among dated office-holders.
    """
    d = _dictionary()
    sector_match = d.sector_re.search(text)
    sector = d.sectors[sector_match.group(1).lower()] if sector_match else ""
    codes: list[str] = []
    for m in d.name_re.finditer(text):
        entries = [e for e in d.names[m.group(1)] if _valid(e, date)]
        if not entries:
            continue
        e = entries[0]
        code = e.code + (e.sector or sector if e.code not in ("IGO", "NGO") else "")
        if code not in codes:
            codes.append(code)
    return "+".join(codes[:3])
