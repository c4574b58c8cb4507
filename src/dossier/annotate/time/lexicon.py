"""Word tables of the temporal tagger: months, weekdays, numbers, units, seasons.

Kept in code rather than in a data file because every table is tied to a regular
expression in :mod:`dossier.annotate.time.patterns`; a table and its pattern change
together.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
# Abbreviations; news style writes them with a full stop ("Sept. 13", "Aug. 7").
MONTH_ABBREVS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "thousand": 1000, "a thousand": 1000,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}  # fmt: skip
# Quantities that say "some number of": the TIMEX3 value carries an X.
VAGUE_NUMBERS: frozenset[str] = frozenset(
    {"a few", "few", "several", "many", "some", "a number of", "numerous", "countless"}
)  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
    "9th": 9, "10th": 10, "11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15,
    "16th": 16, "17th": 17, "18th": 18, "19th": 19, "20th": 20, "21st": 21,
}  # fmt: skip

# Duration units -> (TIMEX3 letter, is it a time-of-day unit, multiplier).
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "weekend": ("D", False, 2), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "quarter": ("M", False, 3), "year": ("Y", False, 1), "decade": ("Y", False, 10),
    "century": ("Y", False, 100), "centurie": ("Y", False, 100), "millennium": ("Y", False, 1000),
    "millennia": ("Y", False, 1000),
}  # fmt: skip
# The X form for a vague number of each unit.
VAGUE_UNIT_VALUE: dict[str, str] = {
    "second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD", "night": "PXD",
    "week": "PXW", "weekend": "PXW", "fortnight": "PXW", "month": "PXM", "quarter": "PXQ",
    "year": "PXY", "decade": "PXDE", "century": "PXCE", "centurie": "PXCE",
    "millennium": "PXML", "millennia": "PXML",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
# Month -> season code (meteorological seasons, northern hemisphere).
MONTH_SEASON: dict[int, str] = {
    12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
    6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA",
}  # fmt: skip
SEASON_ORDER: tuple[str, ...] = ("SP", "SU", "FA", "WI")

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

SETS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
    "annual": "P1Y", "biannual": "P6M", "semiannual": "P6M",
}  # fmt: skip

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip

_NUM_SPLIT = re.compile(r"[\s-]+")


def parse_number(words: str) -> int | None:
    """The integer a numeral spells ('24', '1,000', 'twenty-four', 'a couple of'); None if vague.

    Hand-written because the forms are few and fixed, and a library (word2number and the
    like) would be one more dependency for a dozen lines.
    """
    text = words.strip().lower().replace(",", "")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if text in NUMBERS:
        return NUMBERS[text]
    total = 0
    current = 0
    for part in _NUM_SPLIT.split(text):
        if part == "and":
            continue
        if part.isdigit():
            current += int(part)
        elif part in ("hundred",):
            current = max(current, 1) * 100
        elif part in ("thousand",):
            total += max(current, 1) * 1000
            current = 0
        elif part in NUMBERS:
            current += NUMBERS[part]
        else:
            return None
    return total + current


def month_number(word: str) -> int | None:
    """Month number of a month name or abbreviation ('Sept.', 'september'), else None."""
    key = word.lower().rstrip(".")
    if key in MONTHS:
        return MONTHS[key]
    return MONTH_ABBREVS.get(key)
