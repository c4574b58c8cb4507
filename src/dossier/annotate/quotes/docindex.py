"""Per-document indexes built once: paragraphs, sentences, char-to-token map, mentions."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from dossier.annotate.columns import columns
from dossier.records import Mention

_PARA_RE = re.compile(r"[^\n]+")
TYPE_RANK = {"PERSON": 0, "ORG": 1, "GROUP": 2, "PLACE": 3}


@dataclass
class DocIndex:
    """Lookups over one parsed article; every offset is a char offset into ``text``."""

    text: str
    doc: Any
    mentions: list[Mention]
    paras: list[tuple[int, int]] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    tok_starts: list[int] = field(default_factory=list)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)  # token index bounds
    sent_starts: list[int] = field(default_factory=list)  # first token index of each sentence
    mention_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, text: str, doc: Any, mentions: list[Mention]) -> DocIndex:
        idx = cls(text=text, doc=doc, mentions=sorted(mentions, key=lambda m: (m.start, m.end)))
        # Paragraphs are lines: news text puts one paragraph on a line (blank lines between).
        for m in _PARA_RE.finditer(text):
            if m.group().strip():
                idx.paras.append((m.start(), m.end()))
        idx.para_starts = [s for s, _ in idx.paras]
        cols = columns(doc)  # shared with the other stages: no Token per token here
        idx.tok_starts = cols.idx
        idx.sent_bounds = cols.sent_bounds
        idx.sent_starts = cols.sent_starts
        idx.mention_starts = [m.start for m in idx.mentions]
        return idx

    # -- paragraphs
    def para_of(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (or the one before it)."""
        return max(0, bisect_right(self.para_starts, pos) - 1)

    # -- tokens
    def token_at(self, pos: int) -> int:
        """Index of the token starting at or before ``pos``."""
        return max(0, bisect_right(self.tok_starts, pos) - 1)

    def tokens_between(self, start: int, end: int) -> range:
        """Indexes of tokens starting in ``[start, end)``."""
        lo = bisect_right(self.tok_starts, start - 1)
        hi = bisect_right(self.tok_starts, end - 1)
        return range(lo, hi)

    def sent_of_token(self, i: int) -> int:
        return max(0, bisect_right(self.sent_starts, i) - 1)

    def sent_chars(self, s: int) -> tuple[int, int]:
        a, b = self.sent_bounds[s]
        cols = columns(self.doc)
        return cols.idx[a], cols.end[b - 1]

    # -- mentions
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping ``[start, end)``, best type first (PERSON, ORG, GROUP, PLACE)."""
        hi = bisect_right(self.mention_starts, end - 1)
        found = [m for m in self.mentions[:hi] if m.end > start]
        return sorted(found, key=lambda m: (TYPE_RANK.get(m.type, 9), m.start))

    def mention_of(self, start: int, end: int, head_pos: int | None = None) -> Mention | None:
        """The mention a speaker span names: the one holding its head, else the best type."""
        found = self.mentions_in(start, end)
        if head_pos is not None:
            at_head = [m for m in found if m.start <= head_pos < m.end]
            if at_head:
                return at_head[0]
            # 'the KCNA agency', 'the Kremlin press office': an organisation naming the head
            head = self.doc[self.token_at(head_pos)]
            for m in found:
                if m.type == "ORG":
                    last = self.doc[self.token_at(m.end - 1)]
                    if last.head.i == head.i and last.dep_ == "compound":
                        return m
            return None
        found = [m for m in found if m.type != "PLACE" or len(found) == 1]
        return found[0] if found else None
