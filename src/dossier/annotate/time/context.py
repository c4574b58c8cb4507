"""Look-arounds the rules use to reject false positives ('May' the modal, 'April' a name)."""

from __future__ import annotations

import re

_WORD_BEFORE = re.compile(r"([\w'’.-]+)\W*$")
_WORD_AFTER = re.compile(r"^\W*?([\w'’]+)")

# Words that make a bare month name a date: 'in May', 'since March', 'early April'.
MONTH_LEAD = frozenset(
    {"in", "since", "until", "till", "by", "from", "through", "to", "during", "of", "early",
     "late", "mid", "last", "next", "this", "before", "after", "between", "and", "or",
     "around", "throughout", "on", "that", "each", "every", "past", "coming", "following",
     "previous", "end", "beginning", "start", "middle", "for", "as", "into", "at", "about",
     "against", "within", "over", "than", "like", "the"}
)  # fmt: skip
# Month names that are also common given names or words.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august", "jan", "sept"})


def word_before(text: str, start: int, window: int = 40) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - window) : start])
    return m.group(1) if m else ""


def word_after(text: str, end: int, window: int = 40) -> str:
    m = _WORD_AFTER.search(text[end : end + window])
    return m.group(1) if m else ""


def tight_word_after(text: str, end: int) -> str:
    """The next word when only spaces separate it from ``end`` ('' after punctuation)."""
    m = re.match(r" +([\w'’]+)", text[end : end + 40])
    return m.group(1) if m else ""


def is_capitalised_word(word: str) -> bool:
    return bool(word) and word[0].isupper() and word.lower() != word


def bare_month_ok(text: str, start: int, end: int, month_word: str) -> bool:
    """Whether a month name with no day, year or modifier is a date here.

    'May' and 'March' need a leading preposition or modifier ('in May', 'since March');
    any month followed by a capitalised word with no such lead is taken for a name
    ('April Ryan', 'June Carter').
    """
    before = word_before(text, start).lower()
    after = word_after(text, end)
    lead = before in MONTH_LEAD
    if text[end : end + 2] in ("'s", "’s") and month_word.lower() in AMBIGUOUS_MONTHS:
        return False
    if month_word.lower() in ("may", "march"):
        if before == "to" and after.lower() in _AFTER_VERB:
            return False  # 'urged crowds to March on the capital'
        if after.lower() == "of" or (before == "the" and not _ATTRIBUTIVE.fullmatch(after)):
            return False  # 'the March of the Mothers', 'the March on Rome': a name
        if before == "the":
            return True  # 'the March accession': the month as an attribute
        return lead and not (after.lower() in ("be", "have", "not", "well") or after == "I")
    if lead:
        return True
    # Sentence-initial or after punctuation: a name if a capitalised word follows.
    return not (is_capitalised_word(after) and after.lower() not in _CALENDAR_WORDS)


# A lower-case noun after 'the March' / 'the May' makes the month an attribute ('the May
# elections'); prepositions and verbs after it make it a name or a verb.
_ATTRIBUTIVE = re.compile(
    r"(?!(?:on|of|to|for|through|against|past|into|from|and|or|in|at|is|was|will|has|had|"
    r"be|have|not)\b)[a-z]{3,}"
)

_CALENDAR_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

# Nouns after a four-digit number that show it is a count, not a year.
COUNT_NOUNS = frozenset(
    {"people", "troops", "soldiers", "men", "women", "children", "tons", "tonnes", "km",
     "kilometers", "kilometres", "miles", "meters", "metres", "feet", "dollars", "euros",
     "rubles", "roubles", "yen", "pounds", "barrels", "shares", "units", "cars", "jobs",
     "workers", "employees", "residents", "refugees", "civilians", "casualties", "deaths",
     "votes", "points", "degrees", "pages", "words", "rounds", "shells", "missiles",
     "rockets", "tanks", "vehicles", "aircraft", "planes", "ships", "cases", "times",
     "acres", "hectares", "percent", "per", "mph", "kph", "hours", "minutes", "cc",
     "calories", "members", "delegates", "households", "students", "prisoners", "others",
     "more", "fewer", "less", "million", "billion", "thousand", "kg", "lb", "lbs"}
)  # fmt: skip


def year_ok(text: str, start: int, end: int) -> bool:
    """Whether a bare four-digit number is a year: not a count, price, quantity or code."""
    before = text[max(0, start - 2) : start]
    if before.endswith(("$", "#", "№", "£", "€", "+", "/")) or (
        before.endswith("-") and not before[:1].isalpha()
    ):
        return False  # a price, a code, or the second number of '12-1990'
    after = tight_word_after(text, end).lower()
    if after in COUNT_NOUNS:
        return False
    prev = word_before(text, start).lower()
    if prev in _QUANTITY_LEADS and text[end : end + 1] == " " and after.isalpha():
        # 'nearly 1500 of them', 'than 2000 others': a quantity, not a year
        return after in ("and", "or", "when", "after", "before", "until")
    return not (
        after.endswith("s")
        and after not in _YEAR_FOLLOWERS
        and len(after) > 3
        and after.isalpha()
        and after.islower()
    )


_YEAR_FOLLOWERS = frozenset(
    {"was", "has", "its", "this", "his", "hers", "as", "is", "elections", "games", "olympics",
     "levels", "figures", "results", "earnings", "sales", "profits", "losses", "budgets",
     "revenues", "dollars", "prices"}
)  # fmt: skip

_QUANTITY_LEADS = frozenset(
    {"no", "no.", "number", "room", "flight", "route", "page", "model", "about", "some",
     "nearly", "almost", "over", "than", "least", "only", "approximately", "roughly"}
)  # fmt: skip

# Words that follow 'march' the verb: 'to March on the capital', 'to March through town'.
_AFTER_VERB = frozenset(
    {"to", "on", "through", "into", "past", "towards", "toward", "against", "along", "across",
     "around", "with", "the", "a", "in", "up", "down", "out", "off", "back", "together"}
)  # fmt: skip
