"""Name lexicons (gazetteer supplement, organisation aliases, demonyms, titles) and folding.

Everything here is loaded once per process from ``dossier/data`` and shared by mention
extraction and by entity resolution.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from dossier.resources import data_path, read_table

_DASHES = re.compile(r"[\u2010-\u2015\-_/]+")
_APOS = re.compile(r"[\u2018\u2019\u02bc`´]")
_DROP = re.compile(r"[.\"()\[\]{},;:!?]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")
_LEADING_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A lookup key for a name: accents, case, dots, hyphens, possessives and 'the' folded.

    'The U.S.' -> 'us', 'Kim Jong-un's' -> 'kim jong un', 'Türkiye' -> 'turkiye'.
    (unicodedata instead of a transliteration package: the names we fold are Latin-script.)
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = _APOS.sub("'", t).lower().strip()
    t = _POSSESSIVE.sub("", t)
    t = _DASHES.sub(" ", t)
    t = _DROP.sub("", t)
    t = t.replace("'", "")
    t = _SPACES.sub(" ", t).strip()
    return _LEADING_THE.sub("", t)


@dataclass(frozen=True)
class Place:
    """One row of the gazetteer supplement."""

    name: str
    kind: str  # country, city, region, facility, sea, continent
    country: str
    geonameid: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Lexicon:
    """All name tables, keyed by ``fold``."""

    places: dict[str, Place]  # folded alias or name -> place
    place_keys: tuple[str, ...]  # sorted keys of ``places``, for fuzzy lookup
    place_forms: tuple[str, ...]  # every written form, for the phrase matcher
    orgs: dict[str, str]  # folded alias -> canonical organisation name
    org_forms: tuple[str, ...]
    demonyms: dict[str, str]  # folded demonym -> country canonical name
    weapons: frozenset[str]  # folded weapon-system names: never an entity
    titles: frozenset[str]  # lowercase role words
    honorifics: frozenset[str]  # lowercase, with and without the dot
    professional: frozenset[str]  # honorifics kept as a role ('dr', 'prof')

    def place(self, text: str) -> Place | None:
        return self.places.get(fold(text))

    def fuzzy_place(self, text: str) -> Place | None:
        """A supplement place for a misspelt name, conservatively.

        Same number of words, same initial, similar length and a high similarity ratio:
        'Vladivostock' finds Vladivostok, but 'Austria' does not find 'Australia' and
        'Azov Sea' does not find the town of Azov.
        """
        key = fold(text)
        hit = self.places.get(key)
        if hit is not None or len(key) < FUZZY_MIN_LENGTH:
            return hit
        found = process.extractOne(
            key, self.place_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_PLACE_CUTOFF
        )
        if found is None:
            return None
        cand = found[0]
        if cand[0] != key[0] or cand.count(" ") != key.count(" ") or abs(len(cand) - len(key)) > 2:
            return None
        return self.places[cand]


FUZZY_PLACE_CUTOFF = 90.0
FUZZY_MIN_LENGTH = 7  # shorter names are too close to ordinary words ('State' ~ 'States')


def _float(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def _cell(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared lexicon, read once per process."""
    places: dict[str, Place] = {}
    place_forms: list[str] = []
    for row in read_table("places.tsv")[1:]:
        name = row[0]
        place = Place(
            name=name,
            kind=_cell(row, 2),
            country=_cell(row, 3),
            geonameid=_cell(row, 4),
            lat=_float(_cell(row, 5)),
            lon=_float(_cell(row, 6)),
        )
        forms = [name, *[a for a in _cell(row, 1).split("|") if a]]
        for form in forms:
            places.setdefault(fold(form), place)
            place_forms.append(form)
    orgs: dict[str, str] = {}
    org_forms: list[str] = []
    for row in read_table("orgs.tsv")[1:]:
        forms = [row[0], *[a for a in _cell(row, 1).split("|") if a]]
        for form in forms:
            orgs.setdefault(fold(form), row[0])
            org_forms.append(form)
    demonyms = {fold(row[0]): row[1] for row in read_table("demonyms.tsv")[1:]}
    titles: set[str] = set()
    honorifics: set[str] = set()
    professional: set[str] = set()
    for line in data_path("titles.txt").read_text(encoding="utf-8").splitlines():
        word = line.strip().lower()
        if not word or word.startswith("#"):
            continue
        if word.startswith("=+"):
            honorifics.add(word[2:])
            professional.add(word[2:].rstrip("."))
        elif word.startswith("="):
            honorifics.add(word[1:])
        else:
            titles.add(word.split()[-1])
    return Lexicon(
        places=places,
        place_keys=tuple(sorted(places)),
        place_forms=tuple(place_forms),
        orgs=orgs,
        org_forms=tuple(org_forms),
        demonyms=demonyms,
        weapons=frozenset(
            fold(w.strip())
            for w in data_path("weapons.txt").read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")
        ),
        titles=frozenset(titles),
        honorifics=frozenset(honorifics),
        professional=frozenset(professional),
    )
