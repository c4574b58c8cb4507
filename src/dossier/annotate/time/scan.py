"""Run every rule over a text without scanning the whole text once per rule.

Every rule's pattern starts with the same word-boundary lookbehind, and that makes
Python's ``re`` try the pattern at every single position of the text: with forty rules
that was most of the time spent on time expressions. Instead, one scan finds the word
starts where some rule can match, and each rule is tried only where the first few
characters there can begin one of its matches (``prefixes``, worked out once from the
parsed patterns; a rule beyond that analysis is scanned as before). The analysis only
over-approximates, so the matches are exactly those of ``finditer``: it takes, at each
step, the first position at or after the previous match's end where the pattern
matches, and the positions skipped here cannot match.

An alternative of a top-level 'A|B' that does not start with the boundary (only A
does) can match anywhere: such alternatives get their own scan for their beginnings.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from dossier.annotate.time.prefixes import (
    FOLD,
    KNOWN,
    UNIVERSE,
    Unknown,
    beginnings,
    parse,
    starts_with,
    trie_pattern,
)
from dossier.annotate.time.rules import RULES, Rule

_BOUNDARY = r"[\w'’-]"  # every rule's pattern starts (?<![\w'’-]) (patterns.word_boundary)
_WINDOW = 6  # characters of a word start looked up (more select better, but plan slower)
_SCAN_DEPTH = 3  # characters the word-start scan itself checks (a deeper one compiles slowly)

Candidate = tuple[int, int, int, Rule, re.Match[str]]
# A parse tree not shaped as the analysis expects: the rule is scanned as before.
_SURPRISES = (AttributeError, IndexError, KeyError, TypeError, ValueError)


class _Plan:
    """Which rules to try at a word start, keyed by the folded window there."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.plain: list[int] = []  # scanned with finditer as before
        self.free: dict[int, re.Pattern[str]] = {}  # rules with a part not held to word starts
        self.full: dict[str, list[int]] = {}  # a beginning (or whole match) -> rules
        self._parts: dict[str, list[int]] = {}
        flags = rules[0].regex.flags if rules else 0
        lengths: set[int] = set()
        heads: set[str] = set()
        for i, rule in enumerate(rules):
            found = _beginnings(rule.regex, flags)
            if found is None:
                self.plain.append(i)
                continue
            bounded, free = found
            for s in sorted(bounded):
                lengths.add(len(s))
                heads.add(s[:_SCAN_DEPTH])
                _add(self.full, s, i)
            if free:
                self.free[i] = _scanner(free, "", flags)
        self.lengths = sorted(lengths)
        self.longest = max(self.lengths, default=0)
        self.starts = _scanner(heads, "(?<!" + _BOUNDARY + ".)", flags)

    def part(self, cut: str) -> list[int]:
        """The rules a window cut short (before a character the analysis does not know)
        may begin: those with a longer beginning that starts with it. Needed rarely."""
        found = self._parts.get(cut)
        if found is None:
            rules = {
                i
                for s, ids in self.full.items()
                if len(s) > len(cut) and s.startswith(cut)
                for i in ids
            }
            found = self._parts[cut] = sorted(rules)
        return found

    def candidates(self, text: str) -> list[Candidate]:
        rules = self.rules
        found: list[list[re.Match[str]]] = [[] for _ in rules]
        for i in self.plain:
            found[i] = list(rules[i].regex.finditer(text))
        pending = {i: [m.start() for m in rx.finditer(text)] for i, rx in self.free.items()}
        after = [0] * len(rules)  # where each rule's next match may start (finditer's pos)
        full, lengths, longest = self.full, self.lengths, self.longest
        for m in self.starts.finditer(text):
            p = m.start()
            key = text[p : p + longest].translate(FOLD)
            known = len(key)
            if not key.isascii():
                known = next((j for j, ch in enumerate(key) if ch not in KNOWN), known)
            tried: list[int] = []
            for n in lengths:
                if n > known:
                    if known < len(key):  # cut short by a character the analysis does not know
                        tried += self.part(key[:known])
                    break  # else the text ends before n characters
                tried += full.get(key[:n], ())
            for i in tried:
                if i in pending:
                    pending[i].append(p)
                elif p >= after[i]:
                    match = rules[i].regex.match(text, p)
                    if match is not None:
                        found[i].append(match)
                        after[i] = match.end()
        for i, starts in pending.items():
            regex, end = rules[i].regex, 0
            for p in sorted(set(starts)):
                if p >= end and (match := regex.match(text, p)) is not None:
                    found[i].append(match)
                    end = match.end()
        return [
            (match.start(), match.end(), rule.priority, rule, match)
            for rule, matches in zip(rules, found, strict=True)
            for match in matches
            if match.end() > match.start()
        ]


def _beginnings(regex: re.Pattern[str], flags: int) -> tuple[set[str], set[str]] | None:
    """The folded beginnings of ``regex``'s matches (see :func:`_longest`): for its
    alternatives that start with the boundary, and for the others. None when the pattern
    is beyond the analysis or can match the empty string."""
    if regex.flags != flags:
        return None  # the word-start scan is compiled with the first rule's flags
    try:
        alternatives, inner = parse(regex)
        held = [alt for alt in alternatives if starts_with(alt, _BOUNDARY, inner)]
        free = [alt for alt in alternatives if not starts_with(alt, _BOUNDARY, inner)]
        found = _longest(held, inner), _longest(free, inner)
    except (Unknown, *_SURPRISES):
        return None  # scanned as before
    if found[0] is None or found[1] is None:
        return None
    return found[0], found[1]


def _longest(alternatives: list[list[Any]], flags: int) -> set[str] | None:
    """The folded first ``_WINDOW`` characters (fewer where the analysis gives up there)
    of what any of ``alternatives`` matches; a shorter one is a whole match."""
    for n in range(_WINDOW, 0, -1):
        try:
            found: set[str] = set()
            for alt in alternatives:
                found |= beginnings(alt, flags, n)
        except (Unknown, RecursionError):
            continue  # try a shorter window
        return None if "" in found else found
    return None


def _scanner(heads: set[str], boundary: str, flags: int) -> re.Pattern[str]:
    """A pattern matching one character wherever a match beginning with one of ``heads``
    may start (after ``boundary``, read with the rules' own ``flags``). Its first
    character is matched case-sensitively, which keeps re's fast scan for a set."""
    initials = {h[:1] for h in heads}
    firsts = "".join(re.escape(c) for c in UNIVERSE if c.translate(FOLD) in initials)
    trie = "(?<=(?=(?i:" + trie_pattern(heads) + ")).)"
    return re.compile("(?-i:[" + firsts + "\x80-\U0010ffff])" + boundary + trie, flags)


def _add(table: dict[Any, list[int]], key: Any, i: int) -> None:
    rules = table.setdefault(key, [])
    if not rules or rules[-1] != i:
        rules.append(i)


@cache
def _plan(count: int) -> _Plan:
    return _Plan(RULES[:count])


def candidates(text: str) -> list[Candidate]:
    """Every rule's matches in ``text``, rule by rule in registration order, each rule's
    in text order: what ``rule.regex.finditer`` gives (empty matches left out)."""
    return _plan(len(RULES)).candidates(text)
