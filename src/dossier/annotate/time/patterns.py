"""Regular-expression building blocks shared by the rule families.

Month names are matched case-sensitively (``(?-i:...)``) so that the modal 'may' and
the noun or verb 'march' never start a candidate; every other block is case-blind.
"""

from __future__ import annotations

from dossier.annotate.time.lexicon import MONTHS, ORDINALS, WEEKDAYS


def _cased(words: list[str]) -> str:
    alts: list[str] = []
    for w in words:
        alts.extend([w.capitalize(), w.upper()])
    return "|".join(alts)


MONTH_FULL = rf"(?-i:{_cased(list(MONTHS))})"
MONTH_ABBR = (
    r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
    r"JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\.|Sept)"
)
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
# Abbreviations without a full stop ('13 Sep 2023'): only next to a day number.
MONTH_WITH_DAY = rf"(?:{MONTH}|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?!\.))"
WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|/\d)"
YEAR4 = r"(?<![\d$£€.,/])(?<!\d-)(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
YEAR = rf"(?:{YEAR4}|'\d\d(?!\w))"
_UNIT_WORDS = (
    "seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    "quarters?|years?|decades?|century|centuries|millennium|millennia"
)
UNIT = rf"(?:{_UNIT_WORDS})"
_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMWORD = (
    rf"(?:(?:{_TENS})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALL}|"
    r"(?:a |one )?hundred|(?:a |one )?thousand|a couple of|a couple|a dozen|couple of|dozen)"
)
NUMERAL = r"(?:\d{1,3}(?:,\d{3})+|\d+ 1/2|\d+(?:\.\d+)?)"
VAGUE = r"(?:a few|few|several|many|some|a number of|numerous|countless)"
# A count of units: digits, words, 'a'/'an' or a vague quantity.
COUNT = rf"(?:{NUMERAL}|{NUMWORD}|{VAGUE}|an?)"
ORDINAL = rf"(?:{'|'.join(sorted(ORDINALS, key=len, reverse=True))})"
# Modifiers before a point in time, mapped to TIMEX3 mods in MOD_PREFIX.
MOD_PREFIX = {
    "early": "START", "late": "END", "mid": "MID", "middle": "MID", "the middle of": "MID",
    "the end of": "END", "the beginning of": "START", "the start of": "START",
    "the early part of": "START", "the latter part of": "END", "the turn of": "START",
    "the first half of": "START", "the second half of": "END", "the outset of": "START",
    "the close of": "END", "the dawn of": "START", "around": "APPROX", "about": "APPROX",
    "approximately": "APPROX", "circa": "APPROX", "roughly": "APPROX",
    "earlier": "START", "later": "END", "mid-": "MID",
}  # fmt: skip
POINT_MOD = (
    r"(?:(?P<pmod>the (?:end|beginning|start|middle|early part|latter part|outset|close|"
    r"dawn|turn) of|early|late|mid(?=-)|middle|earlier|later)[-\s]+)"
)
# Modifiers before a duration -> TIMEX3 mod.
DURATION_MOD = {
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "about": "APPROX", "around": "APPROX",
    "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX", "over": "MORE_THAN",
    "more than": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "under": "LESS_THAN", "well over": "MORE_THAN",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "nearly a": "LESS_THAN",
    "within": "EQUAL_OR_LESS", "barely": "LESS_THAN", "only": None, "just": None,
}  # fmt: skip
DUR_MOD = (
    r"(?:(?P<dmod>nearly|almost|about|around|roughly|approximately|over|more than|"
    r"less than|fewer than|at least|at most|up to|no more than|well over|just over|"
    r"just under|barely|only|just)\s+)"
)


def word_boundary(pattern: str) -> str:
    """``pattern`` anchored on word boundaries (letters, digits and apostrophes)."""
    return rf"(?<![\w'’-]){pattern}(?![\w-]|['’](?!s\b)\w)"


# Only these may stand before a determiner: 'at least the past 18 months' ('over the
# past two years' is a preposition).
DUR_MOD_OUTER = r"(?:(?P<dmod>nearly|almost|about|roughly|more than|less than|at least|at most)\s+)"
