"""The range a quantity phrase allows and the noun it counts: 'two to five million shells'
-> 2e6..5e6 'shell'; 'at least 24 people' -> 24.. 'person'; 'seven' -> 7..7, no noun.

Hand-written: nothing in the environment turns English number words into values (spaCy's
``like_num`` only says whether a token looks like a number; text2num / word2number are not
dependencies), and the phrases are short ones the event extractor already cut out, so a
small word table and a few bound words cover them. Nouns are made singular by a few suffix
rules for the same reason (spaCy's lemmatizer needs a parsed sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# fmt: off
_UNIT_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)
_TEN_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# Words that end the counted noun phrase ('rounds of ammunition', 'seven had been shot').
NOUN_STOP = frozenset((
    "of", "had", "have", "has", "were", "was", "are", "is", "be", "been", "being", "that",
    "which", "who", "in", "on", "at", "from", "to", "for", "by", "with", "and", "or", "as",
    "than",
))
# fmt: on
UNITS = {w: i for i, w in enumerate(_UNIT_WORDS)}
TENS = {w: 10 * (i + 2) for i, w in enumerate(_TEN_WORDS)}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Plural scale words used alone are vague counts: 'hundreds' is at least two hundred.
VAGUE = {
    "dozens": (24.0, 144.0),
    "scores": (40.0, 200.0),
    "hundreds": (200.0, 1e3),
    "thousands": (2e3, 1e6),
    "millions": (2e6, 1e9),
    "billions": (2e9, 1e12),
}
ABBREV = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
AT_LEAST = ("at least", "more than", "over", "upwards of", "above", "no fewer than", "no less than")
AT_MOST = ("at most", "no more than", "fewer than", "less than", "under")
# 'as many as two million' and 'up to 2,000' give the writer's own figure, stressed: an
# estimate of it, not a range down to zero (which would agree with any smaller count).
ABOUT = (
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to",
    "as many as", "up to",
)  # fmt: skip
_BOUNDS = (("least", AT_LEAST), ("most", AT_MOST), ("about", ABOUT))
ABOUT_SLACK = 0.1  # 'about 1,000' allows 900..1100
RANGE_LINKS = frozenset({"to", "-", "or", "and"})
IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child"}
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:bn|mn|m|k)?\b|[a-z]+|[-%$]")


@dataclass(frozen=True)
class Quantity:
    low: float | None  # None: no lower bound known
    high: float | None  # None: open above
    noun: str | None


def singular(word: str) -> str:
    """'shells' -> 'shell', 'casualties' -> 'casualty', 'people' -> 'person'."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes", "uses")):
        return w[:-2]
    if w.endswith(("ss", "us", "is")) or not w.endswith("s"):
        return w
    return w[:-1]


def _is_number(toks: list[str], i: int) -> bool:
    t = toks[i]
    if t[0].isdigit() or t in UNITS or t in TENS or t in SCALES or t in VAGUE or t == "dozen":
        return True
    # 'a million', 'a dozen'
    return t in ("a", "an") and i + 1 < len(toks) and toks[i + 1] in (*SCALES, "dozen")


def _digits(tok: str) -> float:
    m = re.match(r"([\d,]+(?:\.\d+)?)(bn|mn|m|k)?$", tok)
    if not m:
        return 0.0
    return float(m.group(1).replace(",", "") or 0) * ABBREV.get(m.group(2) or "", 1.0)


@dataclass
class _Number:
    start: int
    end: int  # token index after the phrase
    low: float
    high: float
    scaled: float  # the last scale word's factor (1 if none)


def _number_at(toks: list[str], i: int) -> _Number:
    """Read the number phrase starting at token ``i``."""
    total, current, scale, start = 0.0, 0.0, 1.0, i
    vague: tuple[float, float] | None = None
    while i < len(toks):
        t = toks[i]
        if t in VAGUE:
            lo, hi = VAGUE[t]
            base = SCALES.get(t[:-1], 1.0)  # 'hundreds of thousands': the second is a scale
            vague = (vague[0] * base, vague[1] * base) if vague else (lo, hi)
            # 'hundreds of thousands'
            if i + 2 < len(toks) and toks[i + 1] == "of" and toks[i + 2] in VAGUE:
                i += 2
                continue
        elif t[0].isdigit():
            current += _digits(t)
        elif t in ("a", "an"):
            current += 1
        elif t == "dozen":
            current = (current or 1) * 12
        elif t in UNITS or t in TENS:
            current += UNITS.get(t, 0) + TENS.get(t, 0)
        elif t == "hundred":
            current, scale = (current or 1) * 100, 100.0
        elif t in SCALES:
            total, current, scale = total + (current or 1) * SCALES[t], 0.0, SCALES[t]
        elif t == "-" and toks[i - 1] in TENS and i + 1 < len(toks) and toks[i + 1] in UNITS:
            pass  # 'twenty-five'
        elif t == "and" and toks[i - 1] in SCALES and i + 1 < len(toks) and _is_number(toks, i + 1):
            pass  # 'two hundred and fifty'
        else:
            break
        i += 1
        if vague:
            break
    if vague:
        return _Number(start, i, vague[0], vague[1], 1.0)
    value = total + current
    return _Number(start, i, value, value, scale)


def parse_quantity(text: str) -> Quantity | None:
    """The range and counted noun of a quantity phrase; None when it has no number."""
    toks = _TOKEN.findall(text.lower().replace("–", "-").replace("—", "-"))
    toks = ["percent" if t == "%" else "dollar" if t == "$" else t for t in toks]
    first = next((i for i in range(len(toks)) if _is_number(toks, i)), None)
    if first is None:
        return None
    num = _number_at(toks, first)
    low, high, end = num.low, num.high, num.end
    # 'two to five million', 'between 2 and 3', '5-10', 'three or four'
    if end + 1 < len(toks) and toks[end] in RANGE_LINKS and _is_number(toks, end + 1):
        other = _number_at(toks, end + 1)
        if num.scaled == 1.0 and other.scaled > 1.0 and num.high * other.scaled <= other.high:
            low, high = low * other.scaled, high * other.scaled
        low, high, end = min(low, other.low), max(high, other.high), other.end
    before = " ".join(toks[:first])
    lo: float | None = low
    hi: float | None = high
    # the longest bound phrase wins: 'no more than' is a ceiling, not 'more than'
    bound = max(
        ((len(p), kind) for kind, ps in _BOUNDS for p in ps if before.endswith(p)),
        default=(0, ""),
    )[1]
    if bound == "least":
        hi = None
    elif bound == "most":
        lo = None
    elif bound == "about":
        lo, hi = low * (1 - ABOUT_SLACK), high * (1 + ABOUT_SLACK)
    noun = _noun(toks, end, dollars="dollar" in toks[:first])
    return Quantity(lo, hi, noun)


def _noun(toks: list[str], i: int, dollars: bool) -> str | None:
    if dollars:
        return "dollar"
    if i < len(toks) and toks[i] == "of":
        i += 1  # 'thousands of troops'
    words: list[str] = []
    while i < len(toks) and toks[i].isalpha() and toks[i] not in NOUN_STOP:
        words.append(toks[i])
        i += 1
    return singular(words[-1]) if words else None


def overlap(a: Quantity, b: Quantity) -> bool:
    """Two counts could both be right: their ranges meet."""
    a_lo = a.low if a.low is not None else float("-inf")
    b_lo = b.low if b.low is not None else float("-inf")
    a_hi = a.high if a.high is not None else float("inf")
    b_hi = b.high if b.high is not None else float("inf")
    return a_lo <= b_hi and b_lo <= a_hi
