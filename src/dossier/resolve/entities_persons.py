"""Person names: linking within an article, and the merges across the store.

The store-wide steps (2 and 3) run in :mod:`dossier.resolve.entities.layers` over the
leaves a change reaches; this module holds their pieces.

1. Within each article a one-word name ('Kim', 'Putin') is linked to a full name of the
   same article whose first or last word it is: the most recent one before it when that
   was named close by, else the most mentioned one before it, else the most frequent one
   after it.
2. Distinct full names of the whole store are blocked by their first and by their last
   word (no all-pairs comparison) and merged with complete linkage: two groups merge only
   when every pair of their names is compatible, so a chain of near-misses never joins two
   different given names.
3. One-word names with no full name in their article go to the only group (or a clearly
   dominant one, with at least twice the mentions of the next) that has them as first or
   last word (spelt the same, or with one slip from five letters on); otherwise they form
   their own group, shared by every article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from dossier.records import Mention
from dossier.resolve.entities_names import compatible, matches_part, person_tokens

Key = tuple[str, ...]
DOMINANCE = 2.0
NEAR = 250  # characters: a bare name this close to a full name refers to it


def _link_within_articles(mentions: Sequence[Mention]) -> dict[str, Key]:
    """Mention id -> the name key it stands for (its own, or a full name of its article)."""
    out: dict[str, Key] = {}
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    for ms in by_article.values():
        ms.sort(key=lambda m: m.start)
        keys = [person_tokens(m.canonical or m.text) for m in ms]
        full_counts = Counter(k for k in keys if len(k) > 1)
        seen: Counter[Key] = Counter()  # mentions so far, partial ones included
        last_at: dict[Key, int] = {}
        for i, (m, key) in enumerate(zip(ms, keys, strict=True)):
            target = key
            if len(key) == 1:
                before = [k for k in last_at if matches_part(key[0], k)]
                after = [k for k in keys[i + 1 :] if len(k) > 1 and matches_part(key[0], k)]
                if before:
                    target = _antecedent(before, seen, last_at, m.start)
                elif after:
                    target = max(after, key=lambda k: (full_counts[k], -after.index(k)))
            out[m.id] = target
            if len(target) > 1:
                seen[target] += 1
                last_at[target] = m.end
    return out


def link_within_article(mentions: Sequence[Mention]) -> dict[str, Key]:
    """Mention id -> the name key each person mention stands for (one article's mentions)."""
    return _link_within_articles(mentions)


def _antecedent(cands: list[Key], seen: Counter[Key], last_at: dict[Key, int], pos: int) -> Key:
    """The full name a bare name refers to: the most recent one if it was named close by
    (within ``NEAR`` characters), else the most mentioned so far (ties: the most recent)."""
    recent = max(cands, key=lambda k: last_at[k])
    if pos - last_at[recent] <= NEAR:
        return recent
    return max(cands, key=lambda k: (seen[k], last_at[k]))


class Groups:
    """Union-find over name keys with complete-linkage merges."""

    def __init__(self, keys: Sequence[Key]) -> None:
        self.parent = {k: k for k in keys}
        self.members = {k: [k] for k in keys}

    def find(self, k: Key) -> Key:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def try_merge(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if all(compatible(x, y) for x in self.members[ra] for y in self.members[rb]):
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra
            self.members[ra].extend(self.members.pop(rb))


def dominant(roots: set[Key], group_count: Counter[Key]) -> Key | None:
    ranked = sorted(roots, key=lambda r: (-group_count[r], r))
    if len(ranked) == 1 or group_count[ranked[0]] >= DOMINANCE * group_count[ranked[1]]:
        return ranked[0]
    return None
