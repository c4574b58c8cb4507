"""The time rules found without a whole-text scan per rule: exactly finditer's matches."""

from __future__ import annotations

import random
import re

import pytest

from dossier.annotate.time import recognise  # noqa: F401  (registers the rules)
from dossier.annotate.time.prefixes import Unknown, beginnings, parse
from dossier.annotate.time.rules import RULES
from dossier.annotate.time.scan import candidates


def _by_finditer(text: str) -> list[tuple[int, int, str, tuple[str | None, ...]]]:
    return [
        (m.start(), m.end(), rule.name, m.groups())
        for rule in RULES
        for m in rule.regex.finditer(text)
        if m.end() > m.start()
    ]


def _by_scan(text: str) -> list[tuple[int, int, str, tuple[str | None, ...]]]:
    return [(s, e, rule.name, m.groups()) for s, e, _, rule, m in candidates(text)]


TEXTS = [
    "",
    "Monday",
    "On 12 September 2023 the talks ended; by Friday, the past was the past.",
    "It rained-past years; nonrecently, the near future looked bright. Q3 2024 and HQ1.",
    "THE 1990S WERE LONG. Last WEEK, at 9:30 a.m. GMT, two days ago, every other month.",
    "“Yesterday,” she said — ‘in the morning’ – about\xa0three weeks later…",
    "\u212aelvin said the ſummer of 2020 was İn the past; ١٢ May; 12\u2007May 2021.",
    "é12 March, é 12 March, ﬁve years, twenty-five years, mid-2019, the 20th century",
    "early this year next-year this week'sgame the year-earlier quarter 'Eighties' '98",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_finds_what_finditer_finds(text: str) -> None:
    assert _by_scan(text) == _by_finditer(text)


def test_scan_on_random_texts() -> None:
    rnd = random.Random(11)
    words = re.findall(
        r"\S+",
        "the a an next last this past early late mid- middle of on in at by since until "
        "every each ago later earlier year years month weeks day days weekend quarter first "
        "half fiscal morning night today yesterday now recently Monday Friday January May "
        "March Sept. Dec spring fall decade century 1990s 20th twenty nineteen two dozen few "
        "noon o'clock Christmas GMT about nearly more than up to Q1 12 1999 '98 2:30 a.m.",
    )
    odd = ["\u212a", "\u017f", "\u0130", "\u0131", "\xa0", "٣", "’", "“", "—", "-", "é", "\n"]
    for _ in range(300):
        parts = [rnd.choice(words if rnd.random() < 0.8 else odd) for _ in range(25)]
        text = "".join(p + rnd.choice([" ", " ", "", ", ", "-", "\n", "’"]) for p in parts)
        if rnd.random() < 0.3:
            text = text.upper()
        assert _by_scan(text) == _by_finditer(text), text


def test_beginnings_cover_every_match() -> None:
    """The analysis over-approximates: every match's folded start is among its strings."""
    fold = str.maketrans({c: "0" for c in "0123456789"})
    for rule in RULES[:12]:
        alternatives, flags = parse(rule.regex)
        try:
            found = set().union(*(beginnings(alt, flags, 4) for alt in alternatives))
        except Unknown:
            continue
        for text in TEXTS:
            for m in rule.regex.finditer(text):
                window = m.group(0)[:4]
                if not window.isascii():
                    continue
                key = re.sub(r"\s", " ", window.lower()).translate(fold)
                assert any(key.startswith(s) or s == key for s in found), (rule.name, key)
