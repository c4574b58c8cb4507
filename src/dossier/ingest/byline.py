"""What the top of a text says about itself: a byline ("By NAME"), a dateline
("PYONGYANG, 19 June 2024 (Reuters) —": its place, date and outlet), and the outlet
names it gives ("© 2024 Reuters"), with outlets' spellings made one (``outlets.tsv``).

Hand-written regexes on purpose: these are a handful of typographic conventions of the
top and bottom lines of a news text, where a parser sees only a fragment, and the exact
characters matched are kept (the dateline's span is what annotate leaves out of actors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.ingest.dates import MONTHS
from dossier.resources import data_path

TOP_LINES = 6  # a byline or a dateline is in the first few non-empty lines
BOTTOM_LINES = 4  # a copyright line in the last few
BYLINE_MAX_WORDS = 12

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}(?=\s+[A-Z]))"  # "Jane", "O'Neil", "van", "de"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(
    rf"^\s*(?i:by)\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
    r"(?:\s*(?:,|\||\bfor\b|\bin\b|[-–—])\s*(?P<rest>.*?))?\s*$",
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = (
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\.?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:,?\s+(?P<y2>(?:19|20)\d\d))?)"
)
# An upper-case place ("SEOUL", "NEW YORK", "WASHINGTON D.C."), an optional region
# ("Texas"), an optional date, an optional "(Outlet)", then a dash.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?))?"
    rf"(?:,?\s+{_DATE})?"
    r"\s*(?:\((?P<outlet>[A-Z][\w .&'-]{1,40})\))?"
    r"\s*[—–-]{1,2}\s+(?=\S)",
    re.I,
)
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?"
    r"(?P<outlet>[A-Z][\w .&'-]{1,60}?)[\s.,]*(?:all rights reserved\.?)?\s*$",
    re.I,
)


@dataclass(frozen=True)
class Dateline:
    place: str  # as written
    start: int  # the dateline's span in the text (place to dash)
    end: int
    place_start: int
    place_end: int
    date: str | None = None  # ISO day, when the dateline gives a year
    outlet: str | None = None
    text: str = ""

    def evidence(self) -> str:
        return f"dateline text[{self.start}:{self.end}]={self.text!r}"


def _top_lines(text: str, n: int) -> list[re.Match[str]]:
    return [m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()][:n]


@dataclass(frozen=True)
class Byline:
    author: str | None  # the names, as written ("Jane Roe and Sam Poe")
    outlet: str | None  # an outlet the byline ends with ("By Jane Roe, Reuters")


def find_byline(text: str) -> Byline | None:
    """The author (and outlet) a "By NAME" line near the top names, or None."""
    for m in _top_lines(text, TOP_LINES):
        line = m.group(0)
        if len(line.split()) > BYLINE_MAX_WORDS:
            continue
        found = _BYLINE.match(line)
        if found is None:
            continue
        parts = [p.strip() for p in re.split(r"\s*,\s*", found.group("names")) if p.strip()]
        outlet = None
        for candidate in (found.group("rest"), parts[-1] if len(parts) > 1 else None):
            if candidate and canonical_outlet(candidate) in _outlets().values():
                outlet = canonical_outlet(candidate)
                if candidate == parts[-1]:
                    parts = parts[:-1]
                break
        author = re.sub(r"\s+", " ", ", ".join(parts)) or None
        return Byline(author, outlet)
    return None


@lru_cache(maxsize=1)
def _kickers() -> frozenset[str]:
    lines = data_path("dateline_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening one of the first lines, or None. A place must be written in
    capitals (the wire convention): "Seoul - ..." at a line's start is too often a
    sentence's subject or a heading to be taken for a dateline."""
    for m in _top_lines(text, TOP_LINES):
        found = _DATELINE.match(m.group(0))
        if found is None:
            continue
        place = found.group("place")
        if not place.isupper() or len(place.strip(".'’-")) < 2:
            continue
        if place.lower() in _kickers():
            continue
        base = m.start()
        return Dateline(
            place=place,
            start=base + found.start("place"),
            end=base + found.end(),
            place_start=base + found.start("place"),
            place_end=base + found.end("place"),
            date=_iso(found),
            outlet=found.group("outlet"),
            text=found.group(0).strip(),
        )
    return None


def _iso(m: re.Match[str]) -> str | None:
    day, month, year = m.group("d1") or m.group("d2"), m.group("m1") or m.group("m2"), None
    year = m.group("y1") or m.group("y2")
    if not (day and month and year):
        return None
    import datetime as dt

    try:
        return dt.date(int(year), MONTHS[month.lower()], int(day)).isoformat()
    except ValueError:
        return None


def find_outlet(
    text: str, dateline: Dateline | None = None, byline: Byline | None = None
) -> str | None:
    """The outlet the text names itself by: its dateline's "(Outlet)", its byline's, else
    a copyright line at the bottom; in its one spelling (``outlets.tsv``)."""
    if dateline is not None and dateline.outlet:
        return canonical_outlet(dateline.outlet)
    if byline is not None and byline.outlet:
        return byline.outlet
    lines = [m.group(0) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    for line in reversed(lines[-BOTTOM_LINES:]):
        found = _COPYRIGHT.match(line)
        if found:
            return canonical_outlet(found.group("outlet").strip())
    return None


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """Every known spelling of an outlet (lower case) -> its one name."""
    table: dict[str, str] = {}
    for line in data_path("outlets.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, aliases = line.partition("\t")
        table[name.strip().lower()] = name.strip()
        for alias in aliases.split("|"):
            if alias.strip():
                table[alias.strip().lower()] = name.strip()
    return table


def canonical_outlet(name: str | None) -> str | None:
    """An outlet's one name ("REUTERS", "reuters.com", "Thomson Reuters" -> "Reuters");
    a name not in the table is kept as written, trimmed."""
    if name is None:
        return None
    clean = re.sub(r"\s+", " ", name).strip(" .,|-–—")
    if not clean:
        return None
    key = clean.lower()
    table = _outlets()
    if key in table:
        return table[key]
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", key).split("/", 1)[0]
    return table.get(bare, clean)
