"""Place names the entity mentions miss: the small spaCy model leaves some untagged
('in Saskatoon'), tags others as people or organisations ('in Abuja' as a person), and
skips all-capitals datelines ('BEIRUT (Reuters) -').

A capitalised run of 1-3 proper-noun tokens becomes a toponym when the gazetteer knows it
under its own name (not only an alternate name) and either

- it is a big place: a country, a first- or second-level division (a US county), a
  sea, a continent, a listed facility, or a city of 100,000 people or more (500,000
  when the model tagged nothing there: 'Metro' is also a city); or
- it follows a locative preposition ('in', 'near', 'from') and names a town of 1,000
  people or more (15,000 when the model tagged it as a person or organisation); or
- it opens a line in capitals, as a dateline, and names a town of 15,000 or more.

A run inside a longer person or organisation name is left alone ('Jackson' of 'Michael
Jackson'): only a whole mention may be re-read as a place, and only in a locative phrase
('in Abuja'; not 'Tyler said'). Dates are never places ('in March').
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dossier.annotate.columns import columns
from dossier.annotate.entities.lexicon import lexicon
from dossier.annotate.intervals import Intervals
from dossier.annotate.places.gazetteer import Entry, Gazetteer
from dossier.annotate.places.usage import locative_head
from dossier.records import Mention

BIG_CITY = 100_000
LOCATIVE_TOWN = 1_000
DATELINE_TOWN = 15_000
REREAD_TOWN = 15_000
UNTAGGED_CITY = 500_000  # a name the model did not tag at all, outside a locative phrase
_BIG_KINDS = frozenset({"country", "admin1", "admin2", "region", "sea", "continent"})
# Entity types that are never places ('in March', 'in 2020').
_NOT_PLACE_ENTS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW"}
)


def _own(entries: Sequence[Entry]) -> list[Entry]:
    return [e for e in entries if not e.alternate or e.listed]


def _largest_city(entries: Sequence[Entry]) -> int:
    return max((e.population for e in entries if e.kind == "city"), default=0)


def _big(entries: Sequence[Entry], city: int = BIG_CITY) -> bool:
    return any(e.kind in _BIG_KINDS for e in entries) or _largest_city(entries) >= city


def _dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    after = text[end : end + 3].lstrip(" ")
    return (
        not text[line_start:start].strip()
        and text[start:end].isupper()
        and after[:1] in (",", "(", "-", "\u2013", "\u2014", ":")
    )


def _candidate_runs(doc: Any) -> list[tuple[int, int]]:
    """Maximal runs of capitalised proper-noun tokens, at most 3 long, as token bounds
    (their sub-runs starting at the run's start are tried longest first, so 'San Marcos'
    before 'San')."""
    cols = columns(doc)  # plain lists: no Token object per token of the document
    pos, words, stop, n = cols.pos, cols.text, cols.is_stop, cols.n
    runs = []
    i = 0
    while i < n:
        if pos[i] == "PROPN" and words[i][:1].isupper() and not stop[i]:
            j = i
            while (
                j + 1 < n and j + 1 - i < 3 and pos[j + 1] == "PROPN" and words[j + 1][:1].isupper()
            ):
                j += 1
            runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return runs


def missed_toponyms(
    doc: Any,
    mentions: Sequence[Mention],
    taken: Sequence[tuple[int, int]],
    gaz: Gazetteer,
) -> list[tuple[int, int, str | None]]:
    """Spans (start, end, id of the whole mention re-read, if any) of place names not yet
    among the toponyms (``taken``)."""
    demonyms = lexicon().demonyms
    cols = columns(doc)
    text = cols.doc_text  # Doc.text would join every token's Token object again
    taken_ix = Intervals(taken)
    mention_ix = Intervals([(m.start, m.end) for m in mentions])
    out: list[tuple[int, int, str | None]] = []
    for first, stop in _candidate_runs(doc):
        for k in range(stop - first, 0, -1):
            s, e = cols.idx[first], cols.end[first + k - 1]
            if taken_ix.overlaps(s, e):
                break
            inside = [mentions[j] for j in mention_ix.hits(s, e)]
            if any((m.start, m.end) != (s, e) for m in inside):
                continue  # part of a longer name, or only partly a mention
            if any(cols.ent_type[t] in _NOT_PLACE_ENTS for t in range(first, first + k)):
                break
            name = text[s:e]  # the span's text
            entries = _own(gaz.lookup(name))
            if not entries or name.lower() in demonyms:
                continue
            locative = locative_head(doc[first : first + k])
            if inside:  # a whole person or organisation mention: only in a locative phrase
                acronym = name.isupper() and len(name) <= 5  # 'in NATO'
                ok = (
                    locative
                    and not acronym
                    and (_big(entries) or _largest_city(entries) >= REREAD_TOWN)
                )
            else:
                ok = (
                    _big(entries, UNTAGGED_CITY)
                    or (locative and _largest_city(entries) >= LOCATIVE_TOWN)
                    or (_dateline(text, s, e) and _largest_city(entries) >= DATELINE_TOWN)
                )
            if ok:
                out.append((s, e, inside[0].id if inside else None))
                break
    return out
