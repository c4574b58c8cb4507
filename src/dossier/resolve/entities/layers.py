"""The store-wide layers of entity resolution, each recomputed only where it changed.

Every layer is a function of the leaves it reads, and each is recomputed over a closed
set that no other leaf can change, so a run over some leaves gives what a run over the
whole store gives for them:

- **acronyms**: an acronym no organisation of its article spells out takes the one
  organisation of the store whose initials it spells ('NSC'), if there is exactly one;
- **spelling variants** of names no lexicon knows ('Press Centre'/'Press Center') join
  the most frequent key they are close to, inside a block of the same type, first three
  letters and number of words (the block is the closed set);
- **gazetteer**: places with one GeoNames id share the key of a listed mention when
  there is one, else the most frequent key (the id is the closed set);
- **people**: full names merge with complete linkage inside blocks of the same first or
  the same last word. Names that are not compatible never merge, so the merges inside a
  set of names linked by compatible pairs (the closed set) do not depend on any other
  name; one-word names go to the only, or a clearly dominant, person with that first or
  last word (:func:`~dossier.resolve.entities_persons.dominant`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from dossier.annotate.entities.lexicon import lexicon
from dossier.resolve.entities.leaves import FUZZY_NAME_MIN, Leaf, LeafIndex, spelling_block
from dossier.resolve.entities_names import compatible, matches_part
from dossier.resolve.entities_persons import Groups, Key, dominant

FUZZY_NAME_CUTOFF = 92.0


def live(leaves: Iterable[Leaf]) -> list[Leaf]:
    return [leaf for leaf in leaves if leaf.n > 0]


# ------------------------------------------------------------------ organisations
def spell_out(index: LeafIndex, leaf: Leaf) -> str:
    """The key of an acronym leaf after the store-wide pass (its own when none fits)."""
    if not leaf.acro:
        return leaf.key
    found = {x.key for x in live(index.find("initials", leaf.acro))}
    return next(iter(found)) if len(found) == 1 else leaf.key


def spelling_variants(a: str, b: str) -> bool:
    """Two folded names with the same words up to small spelling slips; a word that names a
    listed place or people never counts as a slip ('Embassy of Austria' is not 'of
    Australia')."""
    if fuzz.ratio(a, b) < FUZZY_NAME_CUTOFF:
        return False
    lex = lexicon()
    for x, y in zip(a.split(), b.split(), strict=True):
        if x == y:
            continue
        if Levenshtein.distance(x, y) > 2:
            return False
        if any(w in lex.places or w in lex.demonyms for w in (x, y)):
            return False
    return True


def respell_block(index: LeafIndex, block: str) -> list[Leaf]:
    """Spelling keys of every leaf of one block: each key (most frequent first) joins the
    first representative it is a variant of, or becomes one. Returns the leaves whose
    key changed."""
    leaves = [x for x in index.find("sblock", block) if spelling_block(x.etype, x.akey) == block]
    counts: Counter[str] = Counter()
    for leaf in live(leaves):
        if leaf.unlisted:
            counts[leaf.akey] += leaf.unlisted
    reps: list[str] = []
    target: dict[str, str] = {}
    for key, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rep = next((r for r in reps if spelling_variants(key, r)), None)
        if rep is None:
            reps.append(key)
        else:
            target[key] = rep
    changed = []
    for leaf in leaves:
        skey = target.get(leaf.akey, leaf.akey)
        if skey != leaf.skey:
            leaf.skey = skey
            changed.append(leaf)
    return changed


def gazetteer_key(index: LeafIndex, gid: int) -> str | None:
    """The shared key of the places with this gazetteer id: a lexicon-listed key first,
    then the most frequent (ties: the first in sort order)."""
    counts: Counter[tuple[int, str]] = Counter()
    for leaf in live(index.find("gid", str(gid))):
        if leaf.lexical:
            counts[(0, leaf.skey)] += leaf.lexical
        if leaf.n - leaf.lexical:
            counts[(1, leaf.skey)] += leaf.n - leaf.lexical
    if not counts:
        return None
    return min(counts, key=lambda rk: (rk[0], -counts[rk], rk[1]))[1]


# ------------------------------------------------------------------------ people
def _full_leaves(index: LeafIndex, key: Key) -> list[Leaf]:
    found = {x.id: x for x in index.find("first", key[0]) + index.find("last", key[-1])}
    return [x for x in live(found.values()) if x.full]


def person_component(index: LeafIndex, seeds: Iterable[Key]) -> set[Key]:
    """Every live full name linked to the seeds by a chain of compatible names that share
    a first or a last word."""
    todo = [k for k in seeds if len(k) > 1]
    done: set[Key] = set()
    while todo:
        key = todo.pop()
        if key in done:
            continue
        done.add(key)
        for leaf in _full_leaves(index, key):
            other = leaf.tokens
            if other not in done and compatible(key, other):
                todo.append(other)
    alive = {x.tokens for k in done for x in _full_leaves(index, k)}
    return {k for k in done if k in alive}


def link_people(component: set[Key]) -> dict[Key, Key]:
    """Name key -> root key of its person, by complete linkage over the blocks of the same
    first or the same last word (blocks in order, pairs in name order)."""
    full = sorted(component)
    groups = Groups(full)
    blocks: dict[tuple[int, str], list[Key]] = defaultdict(list)
    for k in full:
        blocks[(0, k[0])].append(k)
        blocks[(1, k[-1])].append(k)
    for block_key in sorted(blocks):
        block = blocks[block_key]
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                groups.try_merge(a, b)
    return {k: groups.find(k) for k in full}


def person_group(root: Key) -> str:
    return "PERSON|" + " ".join(root)


def group_count(index: LeafIndex, group: str) -> int:
    """Mentions of a person's full names (what dominance is judged on)."""
    return sum(x.n for x in live(index.find("group", group)) if x.full)


def one_word_group(index: LeafIndex, leaf: Leaf) -> str:
    """The person a one-word name stands for across the store: the only person (or a
    clearly dominant one) with that first or last word (spelt the same, or with one slip
    from five letters on); else the name's own group."""
    toks = leaf.tokens
    if not toks:
        return person_group(toks)
    word = toks[0]
    roots = _roots_by_word(index, word)
    if not roots:  # 'Peskow' for 'Dmitry Peskov': same initial letters, one slip
        words = set()
        for x in live(index.find("wprefix", word[:3])):
            words |= {w for w in (x.tokens[0], x.tokens[-1]) if w[:3] == word[:3]}
        for other in sorted(words):
            if matches_part(word, (other,)):
                roots |= _roots_by_word(index, other)
    if not roots:
        return person_group(toks)
    counts: Counter[Key] = Counter({r: group_count(index, person_group(r)) for r in roots})
    best = dominant(roots, counts)
    return person_group(best) if best is not None else person_group(toks)


def _roots_by_word(index: LeafIndex, word: str) -> set[Key]:
    found = index.find("first", word) + index.find("last", word)
    return {
        tuple(x.group.removeprefix("PERSON|").split())
        for x in live(found)
        if x.full and (x.tokens[0] == word or x.tokens[-1] == word)
    }


def words_of(index: LeafIndex, group: str) -> set[str]:
    """First and last words of a person's full names (the one-word names they decide)."""
    out: set[str] = set()
    for x in index.find("group", group):
        if x.full:
            out |= {x.tokens[0], x.tokens[-1]}
    return out


__all__ = [
    "FUZZY_NAME_MIN",
    "gazetteer_key",
    "group_count",
    "link_people",
    "one_word_group",
    "person_component",
    "person_group",
    "respell_block",
    "spell_out",
    "spelling_variants",
    "words_of",
]
