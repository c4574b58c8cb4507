"""A small rule-based coreference step for speakers: pronouns and definite descriptions.

No coreference model runs offline, so speakers such as 'he', 'she', 'the spokesman' or
'the Russian president' are resolved with rules: gender (first-name and title lexicon,
pronoun), subject and recency preference, the last quote's speaker, paragraph distance,
and roles (``Mention.role`` and the title words written right before a name, or an
appositive after it). A speaker that no rule settles stays unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import (
    HONORIFICS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    PRONOUNS_NEUTER,
    PRONOUNS_PLURAL,
    name_genders,
    role_classes,
)
from dossier.records import Mention

MAX_PARA_DISTANCE = 4
LAST_SPEAKER_BONUS = 0.8  # the previous quote's speaker, for 'he added' after a quote
SOFT_MODIFIERS = frozenset(
    {
        "former",
        "then",
        "current",
        "new",
        "top",
        "senior",
        "chief",
        "the",
        "this",
        "that",
        "country's",
        "nation's",
        "deputy",
    }
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z.'’-]*")


def _key(text: str) -> str:
    words = _WORD_RE.findall(text.replace("’s", "").replace("'s", ""))
    return words[-1].lower().rstrip(".") if words else text.lower()


def _word_match(a: str, b: str) -> bool:
    """'russian' ~ 'russia', 'korean' ~ 'korea'; exact otherwise."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


@dataclass
class _Person:
    key: str
    gender: str | None = None
    roles: set[str] = field(default_factory=set)


class Coref:
    """Resolves pronoun and description speakers against one article's mentions."""

    def __init__(self, ix: DocIndex, in_quote: Any) -> None:
        self.ix = ix
        self.in_quote = in_quote  # callable: position inside a (non-block) quoted span
        self.people: dict[str, _Person] = {}
        genders = name_genders()
        doc = ix.doc
        for m in ix.mentions:
            if m.type != "PERSON":
                continue
            p = self.people.setdefault(_key(m.text), _Person(_key(m.text)))
            first = m.text.split()[0].lower().rstrip(".") if m.text.split() else ""
            if p.gender is None and len(m.text.split()) > 1 and first in genders:
                p.gender = genders[first]
            if m.role:
                p.roles.update(w.lower() for w in _WORD_RE.findall(m.role))
            ti = ix.token_at(m.start)
            words: list[str] = []
            j = ti - 1
            while j >= 0 and len(words) < 5:
                t = doc[j]
                if t.is_punct or t.pos_ not in ("PROPN", "NOUN", "ADJ") or t.ent_type_ == "PERSON":
                    if t.lower_.rstrip(".") in HONORIFICS or t.lower_ in HONORIFICS:
                        g = genders.get(t.lower_.rstrip("."))
                        if g and p.gender is None:
                            p.gender = g
                    break
                words.append(t.lower_)
                j -= 1
            p.roles.update(words)
            # appositive: 'Jane Doe, the head of the centre, ...'
            after = ix.text[m.end : m.end + 80]
            appo = re.match(r",\s+(?:the|a|an)\s+([^,.;\n]{2,60})[,.]", after)
            if appo:
                p.roles.update(w.lower() for w in _WORD_RE.findall(appo.group(1))[:4])

    # ---------------------------------------------------------------- helpers
    def _persons_before(self, pos: int) -> list[Mention]:
        ix = self.ix
        para = ix.para_of(pos)
        out = []
        for m in ix.mentions:
            if m.start >= pos:
                break
            if (
                m.type == "PERSON"
                and para - ix.para_of(m.start) <= MAX_PARA_DISTANCE
                and not (self.in_quote(m.start))
            ):
                out.append(m)
        return out

    def _is_subject(self, m: Mention) -> bool:
        tok = self.ix.doc[self.ix.token_at(m.end - 1)]
        return tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass")

    # ---------------------------------------------------------------- resolve
    def pronoun(self, word: str, pos: int, last: Mention | None) -> Mention | None:
        """Antecedent of a pronoun speaker at ``pos`` (``last``: the previous quote's speaker)."""
        word = word.lower()
        if word in PRONOUNS_PLURAL or word in PRONOUNS_NEUTER:
            return self._group(pos, last, plural=word in PRONOUNS_PLURAL)
        if word not in PRONOUNS_MALE and word not in PRONOUNS_FEMALE:
            return None
        want = "m" if word in PRONOUNS_MALE else "f"
        best: tuple[float, Mention] | None = None
        cands = self._persons_before(pos)
        n = len(cands)
        for rank, m in enumerate(cands):
            person = self.people.get(_key(m.text))
            gender = person.gender if person else None
            if gender is not None and gender != want:
                continue
            score = (rank - n) * 0.3  # recency: the latest scores highest
            score += 1.0 if self._is_subject(m) else 0.0
            score += 0.5 if gender == want else 0.0
            if last is not None and _key(last.text) == _key(m.text) and last.type == "PERSON":
                score += LAST_SPEAKER_BONUS
            distance = self.ix.para_of(pos) - self.ix.para_of(m.start)
            score += 0.3 if distance == 0 else -0.5 * distance
            if best is None or score >= best[0]:
                best = (score, m)
        return best[1] if best else None

    def _group(self, pos: int, last: Mention | None, plural: bool) -> Mention | None:
        para = self.ix.para_of(pos)
        if (
            last is not None
            and last.type in ("ORG", "GROUP")
            and (para - self.ix.para_of(last.start) <= 1)
        ):
            return last
        if plural:
            return None
        for m in reversed(self.ix.mentions):
            if m.start >= pos or para - self.ix.para_of(m.start) > 1:
                continue
            if m.type == "ORG" and not self.in_quote(m.start) and self._is_subject(m):
                return m
        return None

    def description(self, words: list[str], pos: int) -> Mention | None:
        """Antecedent of a definite description ('the Russian president', 'the ministry')."""
        words = [w.lower() for w in words if w.lower() not in ("the", "this", "that")]
        if not words:
            return None
        head, mods = words[-1], [w for w in words[:-1] if w not in SOFT_MODIFIERS]
        best: tuple[float, int, Mention] | None = None
        for m in self.ix.mentions:
            if m.start >= pos:
                break
            if self.in_quote(m.start):
                continue
            if m.type == "PERSON":
                person = self.people.get(_key(m.text))
                roles = person.roles if person else set()
            elif m.type in ("ORG", "GROUP"):
                roles = {w.lower() for w in _WORD_RE.findall(m.text)}
            else:
                continue
            if not any(_word_match(head, r) for r in roles):
                continue
            hits = sum(1 for w in mods if any(_word_match(w, r) for r in roles))
            if mods and hits == 0:
                continue
            score = hits - (len(mods) - hits) * 0.5
            if best is None or (score, m.start) >= (best[0], best[1]):
                best = (score, m.start, m)
        return best[2] if best else self._same_kind(head, pos)

    def _same_kind(self, head: str, pos: int) -> Mention | None:
        """The latest person before ``pos`` whose role is of the kind the description's
        head names ('the entrepreneur' -> the 'tech billionaire'), when only one person
        in the article has a role of that kind."""
        kinds = role_classes()
        kind = kinds.get(head)
        if kind is None:
            return None
        found: dict[str, Mention] = {}
        for m in self.ix.mentions:
            if m.start >= pos:
                break
            if m.type != "PERSON" or self.in_quote(m.start):
                continue
            person = self.people.get(_key(m.text))
            if person is not None and any(kinds.get(r) == kind for r in person.roles):
                found[person.key] = m
        return next(iter(found.values())) if len(found) == 1 else None
