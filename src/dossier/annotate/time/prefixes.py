"""What the first few characters of a pattern's matches can be, read off its parse.

``beginnings(items, flags, n)`` gives every string the first ``n`` characters of a match
can fold to (a shorter string is a whole match). It over-approximates: lookarounds are
skipped, and a construct it does not follow raises ``Unknown``; so a window of text
whose folded form is not among them cannot start a match.

Characters are compared after folding (``FOLD``): ASCII letters to lower case, ASCII
digits to '0', ASCII white space to ' '. Only ASCII and a few common non-ASCII marks
(``UNIVERSE``) are analysed, each tested against the pattern's own pieces with ``re``
itself (so case-blind matching stays ``re``'s); any other character (``OTHER``: its
folded form is not in ``KNOWN``) is not, and callers must treat a window holding one as
possibly matching. The parse tree is ``re``'s own (``re._parser``, Python 3.11); a
construct or an opcode it does not know raises ``Unknown``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

LIMIT = 20000  # most distinct beginnings followed; beyond that, Unknown
_EXTRA = "‘’“”–—…\xa0"  # common non-ASCII marks of news text, analysed as well
UNIVERSE = [chr(i) for i in range(128)] + list(_EXTRA)
FOLD = {
    ord(c): ("0" if c.isdigit() else " " if c.isspace() else c.lower())
    for c in map(chr, range(128))
    if c.isdigit() or c.isspace() or c.isupper()
}
KNOWN = frozenset("".join(UNIVERSE).translate(FOLD))
OTHER = "[^\\x00-\\x7f" + _EXTRA + "]"  # a character not analysed

_c: Any = importlib.import_module("re._constants")  # the parse tree's opcodes
_parser: Any = importlib.import_module("re._parser")
_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


class Unknown(Exception):
    """A construct the analysis does not follow."""


def parse(regex: re.Pattern[str]) -> tuple[list[list[Any]], int]:
    """The top-level alternatives of ``regex`` ('A|B|C'; one for most patterns), as
    parse-tree item lists, and the pattern's flags."""
    try:
        parsed = _parser.parse(regex.pattern, regex.flags)
    except Exception as exc:  # a parser that is not the one this was written for
        raise Unknown(exc) from exc
    top = list(parsed.data)
    if len(top) == 1 and top[0][0] is _c.BRANCH:
        return [list(alt.data) for alt in top[0][1][1]], parsed.state.flags
    return [top], parsed.state.flags


def starts_with(items: list[Any], lookbehind: str, flags: int) -> bool:
    """Whether ``items`` begin with the negative lookbehind ``(?<![...])`` of that class."""
    if not items or items[0][0] is not _c.ASSERT_NOT or items[0][1][0] != -1:
        return False
    return list(items[0][1][1].data) == _parsed(lookbehind, flags)


@cache
def _parsed(pattern: str, flags: int) -> list[Any]:
    return list(_parser.parse(pattern, flags).data)


@cache
def _folded(source: str, flags: int) -> frozenset[str]:
    """The folded characters of the universe that a one-character pattern matches."""
    rx = re.compile(source, flags)
    return frozenset(c.translate(FOLD) for c in UNIVERSE if rx.fullmatch(c))


def _item(op: Any, av: Any) -> str:
    if op is _c.LITERAL:
        return re.escape(chr(av))
    if op is _c.RANGE:
        return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
    if op is _c.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise Unknown(op)


def _charset(op: Any, av: Any, flags: int) -> frozenset[str] | None:
    flags &= re.IGNORECASE | re.DOTALL | re.ASCII
    if op is _c.LITERAL:
        return _folded(re.escape(chr(av)), flags)
    if op is _c.NOT_LITERAL:
        return _folded("[^" + re.escape(chr(av)) + "]", flags)
    if op is _c.ANY:
        return _folded(".", flags)
    if op is _c.IN:
        negate = bool(av) and av[0][0] is _c.NEGATE
        items = "".join(_item(o, a) for o, a in (av[1:] if negate else av))
        return _folded("[" + ("^" if negate else "") + items + "]", flags)
    return None


def beginnings(items: Iterable[tuple[Any, Any]], flags: int, n: int) -> set[str]:
    """The folded first ``n`` characters of what the item sequence matches."""
    cur = {""}
    for op, av in items:
        short = [s for s in cur if len(s) < n]
        if not short:
            break
        lang = _node(op, av, flags, n - min(map(len, short)))
        width = max(map(len, lang), default=0)
        nxt = {s for s in cur if len(s) >= n}
        for s in short:
            room = n - len(s)
            if room >= width:
                nxt.update(s + t for t in lang)  # nothing to cut
            else:
                nxt.update(s + t[:room] for t in lang)
        if len(nxt) > LIMIT:
            raise Unknown("too many")
        cur = nxt
    return cur


def _node(op: Any, av: Any, flags: int, n: int) -> set[str]:
    chars = _charset(op, av, flags)
    if chars is not None:
        return set(chars)
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        return beginnings(sub.data, (flags | add) & ~remove, n)
    if op is _c.ATOMIC_GROUP:
        return beginnings(av.data, flags, n)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            out |= beginnings(alt.data, flags, n)
        return out
    if op in _REPEATS:
        lo, hi, sub = av
        once = beginnings(sub.data, flags, n)
        out, cur, i = set(), {""}, 0
        while True:
            if i >= lo:
                out |= cur
                if i >= hi or i > lo + n or all(len(s) >= n for s in cur):
                    return out  # more repetitions add nothing within n characters
            cur = {(s + t)[:n] if len(s) < n else s for s in cur for t in once}
            if len(cur) > LIMIT:
                raise Unknown("too many")
            i += 1
    if op in _ZERO_WIDTH:
        return {""}  # a lookaround only narrows what matches: skipping it is safe
    raise Unknown(op)


def trie_pattern(strings: Iterable[str]) -> str:
    """A pattern (for ``re.IGNORECASE``) matching at least every text whose first
    characters fold to one of ``strings``, or hold a character outside the universe
    before they differ from all of them."""
    trie: dict[str, Any] = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a whole string: anything may follow
        alts = [_CLASSES.get(ch, re.escape(ch)) + alternation(sub) for ch, sub in node.items()]
        return "(?:" + "|".join([*sorted(alts), OTHER]) + ")"

    return alternation(trie)


_CLASSES = {"0": r"\d", " ": r"\s"}  # the folded digit and space (wider: safe)
