"""CAMEO-style actor codes for event actors: country code plus sector ('RUSGOV', 'UKRMIL').

Two data files drive it: ``dossier/data/actors.tsv`` (country names and aliases, nationality
adjectives, capitals and seats of power standing for their governments, international and
non-governmental organisations, sector nouns) and ``dossier/data/actors_people.tsv`` (people
with dated offices). A phrase is coded from every name and sector word in it:

- the country comes from the first name ('Lebanon's new President X' -> LBN); names joined by
  'and' or a comma give a compound actor ('Hungarian and Romanian officials' ->
  'HUNGOV+ROUGOV');
- the sector comes from the phrase's last sector noun (its head: 'Serbian military police'
  -> COP), else from the name itself (a capital -> GOV, a people in the plural -> CVL, a
  person -> the office held on the date);
- a person named outside all of their offices' dates, and anyone called 'former' or
  'ousted', is coded as the country's elite (ELI), as CAMEO does for ex-officials.

Matching is a regular-expression alternation over the dictionary (a few hundred names), which
is simpler and faster here than a spaCy PhraseMatcher over a second tokenisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from dossier.resources import read_table

COUNTRY_KINDS = frozenset(
    {"country", "alias", "adjective", "capital", "igo", "ngo", "group", "ethnic"}
)
ORG_CODES = frozenset({"IGO", "NGO"})
FORMER = re.compile(r"\b(former|ousted|deposed|ex-|exiled|late)\b", re.I)
ALLIED = re.compile(
    r"-(?:member|backed|allied|sponsored|supported|aligned|friendly|occupied|controlled|held)\b",
    re.I,
)
ETHNIC = re.compile(r"\bethnic\s+$", re.I)
ETHNIC_GROUP = re.compile(
    r"\b[Ee]thnic\s+[A-Z]|\b[A-Z]\w+\s+(?:population|minority|minorities|community|communities)\b"
)
# A people named as a group living somewhere ('the Albanian population of the province').
COMMUNITY = re.compile(r"\s+(?:population|minority|minorities|community|communities)\b")
PEOPLE_KINDS = frozenset({"adjective", "people"})
# Where a trailing qualifier of an actor noun begins ('rebels in the Ivory Coast').
QUALIFIER = re.compile(r"\s(?:of|in|from|at|for|on|based|operating|who|which|that)\s", re.I)
POSSESSIVE = re.compile(r"\b(?:its|their|his|her|our)\b", re.I)
# Heads that name a role within whatever sector precedes them ('rebel leader' -> REB).
ROLE_NOUNS = frozenset(
    {"leader", "leaders", "leadership", "spokesman", "spokeswoman", "spokesperson", "official",
     "officials", "commander", "secretary", "secretary-general", "secretary general"}
)  # fmt: skip
# 'Russian-led': the leading state, not the actor, when the phrase names the body it leads
# ('the Russian-led CSTO' -> IGO); the actor where nothing else is named ('US-led forces').
LED = re.compile(r"-led\b", re.I)
# Where a clause governed by a verb, not the actor noun, begins ('accused the parliament of
# sympathising with X', 'blamed the army for shelling X'): names after it are not the actor's.
CLAUSE = re.compile(
    r"\s(?:of|for|by)\s+(?:\w+ly\s+)?[a-z]\w*ing\s+"
    r"(?:the|a|an|its|their|his|her|with|against|to|on|in|into|out|up|that)\b"
)  # a gerund with an object or complement: 'ministry of mining of Peru' is a noun
# Text between two names that makes them one compound actor ('A and B', 'A, B').
JOINER = re.compile(r"^\s*(,|and|&|/|,\s*and)?\s*$", re.I)


@dataclass(frozen=True)
class Entry:
    name: str
    code: str
    # country, alias, adjective, people (a plural demonym), capital, igo, ngo, group (a
    # non-state armed group, party or state outlet: its country and sector), ethnic (a
    # people living in several states: no country of its own), person
    kind: str
    sector: str = ""
    start: str = ""  # ISO date the office began (people with offices)
    end: str = ""  # ISO date it ended; '' while in office


@dataclass(frozen=True)
class _Dictionary:
    names: dict[str, list[Entry]]
    name_re: re.Pattern[str]
    sectors: dict[str, str]
    # the code an actor named only by this noun takes ('peacekeepers' -> IGO, 'a human
    # rights group' -> NGO): nouns whose actors are international or non-governmental
    alone: dict[str, str]
    sector_re: re.Pattern[str]
    ambiguous_re: re.Pattern[str]


def _alternation(words: list[str], flags: int = 0) -> re.Pattern[str]:
    words = sorted(set(words), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", flags)


def _plurals(adjective: str) -> list[str]:
    """Plural nouns for the people of a nationality adjective ('Israeli' -> 'Israelis')."""
    if adjective.endswith(("ese", "ss", "sh", "ch", "Swiss")) or " " in adjective:
        return [] if " " not in adjective else [adjective + "s"]
    return [adjective + "s"]


def _people() -> list[Entry]:
    out: list[Entry] = []
    for row in read_table("actors_people.tsv"):
        cells = [*row, "", "", "", "", "", "", ""]
        name, aliases, code, sector, _role, start, end = cells[:7]
        for n in [name, *[a for a in aliases.split("|") if a]]:
            out.append(Entry(n, code, "person", sector, start, end))
    return out


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    names: dict[str, list[Entry]] = {}
    sectors: dict[str, str] = {}
    alone: dict[str, str] = {}
    ambiguous: list[str] = []
    for row in read_table("actors.tsv"):
        cells = [*row, "", "", "", ""]
        entry = Entry(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])
        if entry.kind == "ambiguous":
            ambiguous.append(entry.name)
        elif entry.kind == "sector":
            sectors[entry.name.lower()] = entry.sector
            if entry.code not in ("", "-"):
                alone[entry.name.lower()] = entry.code
        elif entry.kind in COUNTRY_KINDS:
            names.setdefault(entry.name, []).append(entry)
            if entry.kind == "adjective":
                for plural in _plurals(entry.name):
                    names.setdefault(plural, []).append(Entry(plural, entry.code, "people", "CVL"))
    for entry in _people():
        names.setdefault(entry.name, []).append(entry)
    return _Dictionary(
        names,
        _alternation(list(names)),
        sectors,
        alone,
        _alternation(list(sectors), re.I),
        _alternation(ambiguous or ["\x00"]),
    )


def ambiguous_nationality(text: str) -> bool:
    """Whether a phrase names a nationality shared by several countries ('the Korean
    leader'): no country can be given to it, not even by context."""
    return _dictionary().ambiguous_re.search(text) is not None


def _in_office(entry: Entry, date: str | None) -> bool:
    if not date or date.startswith("X"):
        return True
    return (not entry.start or entry.start[: len(date)] <= date) and (
        not entry.end or date < entry.end
    )


def person_sector(name: str, date: str | None) -> tuple[str, str] | None:
    """(country, sector) of a person in the dictionary on ``date``: the office then held,
    'ELI' outside all of them; the latest office when no date is given. None if unknown."""
    entries = [e for e in _dictionary().names.get(name, []) if e.kind == "person"]
    if not entries:
        return None
    if not date or date.startswith("X"):
        latest = max(entries, key=lambda e: e.start)
        return latest.code, latest.sector
    for e in entries:
        if _in_office(e, date):
            return e.code, e.sector
    # not in office then: the country of the office nearest in time
    nearest = min(entries, key=lambda e: abs(_year(e.start) - _year(date)))
    return nearest.code, "ELI"


def _year(iso: str) -> int:
    try:
        return int(iso[:4])
    except ValueError:
        return 0


def _dated(entries: list[Entry], date: str | None) -> list[Entry]:
    """The entries of a place name valid on ``date`` ('Juba' is Sudan's before 2011 and
    South Sudan's capital after); all of them when none is dated or none fits. People's
    offices are dated separately (``person_sector``)."""
    if not date or all(e.kind == "person" or not (e.start or e.end) for e in entries):
        return entries
    valid = [e for e in entries if e.kind == "person" or _in_office(e, date)]
    return valid or entries


def _name_code(entry: Entry, date: str | None) -> tuple[str, str]:
    """(country, sector the name itself implies) of one dictionary entry."""
    if entry.kind == "person":
        found = person_sector(entry.name, date)
        return found if found else (entry.code, "")
    if entry.kind == "capital":
        return entry.code, entry.sector or "GOV"  # 'Moscow said', 'the Kremlin'
    return entry.code, entry.sector


def _title_noun(d: _Dictionary, text: str) -> str:
    """The phrase's head sector noun, lower-cased: the last sector word before a trailing
    qualifier ('Serbian military police' -> 'police', 'workers of the Bus Company' ->
    'workers'); '' if none."""
    names = [(m.start(), m.end()) for m in d.name_re.finditer(text)]
    matches = [
        m
        for m in d.sector_re.finditer(text)
        if not any(a <= m.start() < b for a, b in names)  # "People's Republic"
    ]
    if not matches:
        return ""
    cut = QUALIFIER.search(text, matches[0].end())
    if cut is not None:
        matches = [m for m in matches if m.start() < cut.start()]
    head = matches[-1].group(1).lower()
    if head in ROLE_NOUNS and len(matches) > 1:
        # 'the rebel leader', 'an opposition spokesman': the role is held in the sector
        # named before it
        return matches[-2].group(1).lower()
    return head


def _title_sector(d: _Dictionary, text: str) -> str:
    """The sector of the phrase's head noun ('Serbian military police' -> COP)."""
    noun = _title_noun(d, text)
    return d.sectors[noun] if noun else ""


def sector_code(text: str) -> str:
    """The sector a phrase names without a country ('the rebels' -> REB, 'ethnic Turks' ->
    CVL), '' if none."""
    d = _dictionary()
    sector = _title_sector(d, text)
    if not sector and ETHNIC_GROUP.search(text):
        sector = "CVL"
    return sector or _ethnic_sector(d, text)


def _ethnic_sector(d: _Dictionary, text: str) -> str:
    """The sector of a people of several states named in the plural ('the Kurds' -> CVL)."""
    return next(
        (
            e.sector
            for m in d.name_re.finditer(text)
            for e in d.names[m.group(1)][:1]
            if e.kind == "ethnic"
        ),
        "",
    )


def names_ethnic_group(text: str) -> bool:
    """Whether a phrase names a people living in several states ('Kurdish rebels')."""
    d = _dictionary()
    return any(d.names[m.group(1)][0].kind == "ethnic" for m in d.name_re.finditer(text))


@lru_cache(maxsize=8192)
def actor_code(text: str, date: str | None = None) -> str:
    """The CAMEO-style code of an actor phrase ('' when no country or organisation is named).

    ``date`` (ISO, any precision) picks among a person's dated offices.
    """
    d = _dictionary()
    clause = CLAUSE.search(text)
    if clause is not None:
        text = text[: clause.start()]
    title = _title_sector(d, text) or _ethnic_sector(d, text)
    former = FORMER.search(text) is not None
    codes: list[str] = []
    prev_end: int | None = None
    matches = list(d.name_re.finditer(text))
    # a person named in the phrase lends the office they hold to a bare country code
    # ('US national security adviser Jake Sullivan' -> USAGOV)
    office = next(
        (
            _name_code(e, date)[1]
            for m in matches
            for e in d.names[m.group(1)][:1]
            if e.kind == "person"
        ),
        "",
    )
    for k, m in enumerate(matches):
        kind = d.names[m.group(1)][0].kind
        living_elsewhere = (
            kind == "people" and k + 1 < len(matches) and QUALIFIER.match(text, m.end())
        )
        ethnic = ETHNIC.search(text[: m.start()]) or COMMUNITY.match(text, m.end())
        if kind == "ethnic":
            # 'Kurdish rebels in Turkey': a people of several states is coded by where the
            # phrase or its sentence places it, never by one kin state
            title = title or d.names[m.group(1)][0].sector
            continue
        if (ethnic and kind in PEOPLE_KINDS) or living_elsewhere:
            # 'ethnic Albanians in Serbia', 'the Albanians of southern Serbia': an ethnic
            # group is coded by where it lives
            title = title or "CVL"
            continue
        if ALLIED.match(text, m.end()) or text[: m.start()].lower().endswith(("pro-", "anti-")):
            continue  # 'NATO-member Norway', 'pro-Iranian Hizbollah': a backer, not the actor
        if LED.match(text, m.end()) and k + 1 < len(matches):
            continue  # 'the Saudi-led Arab League': the League
        if prev_end is not None and not JOINER.match(text[prev_end : m.start()]):
            break  # 'Red Crescent in Bam, Iran': a later name only qualifies the first
        prev_end = m.end()
        entries = _dated(d.names[m.group(1)], date)
        country, own = _name_code(entries[0], date)
        if not country:
            continue
        sector = "ELI" if former and country not in ORG_CODES else (title or own or office)
        if entries[0].kind == "group" or (country in ORG_CODES and title in ORG_CODES):
            sector = own  # 'Hamas militants': the group's own sector; 'the APEC forum
        code = country + sector
        if code not in codes:
            codes.append(code)
    if not codes:
        guess = _misspelt_country(text)
        if guess:
            codes.append(guess + ("ELI" if former else title))
    if not codes:
        # no country named: a noun whose actors are international ('UN peacekeepers' aside,
        # 'peacekeepers' -> IGOMIL) or non-governmental ('a human rights group' -> NGO)
        alone = d.alone.get(_title_noun(d, text), "")
        if alone and not POSSESSIVE.search(text):  # 'their peacekeeping force': theirs
            codes.append(alone + ("" if title in ORG_CODES else title))
    return "+".join(codes[:5])


SPELLING_KINDS = frozenset({"country", "alias", "adjective", "people"})
CAPITALISED = re.compile(r"\b[A-Z][a-z]{5,}\b")


@lru_cache(maxsize=1)
def _spellings() -> tuple[dict[str, str], list[str]]:
    table = {
        name: entries[0].code
        for name, entries in _dictionary().names.items()
        if entries[0].kind in SPELLING_KINDS and len(name) >= 6
    }
    return table, list(table)


def _misspelt_country(text: str) -> str:
    """A country named with a spelling slip ('Ethopia', 'Phillippines'): the closest
    country name or nationality within a small edit distance (rapidfuzz ratio >= 90)."""
    table, names = _spellings()
    for word in CAPITALISED.findall(text):
        if word in table:
            continue
        found = process.extractOne(word, names, scorer=fuzz.ratio, score_cutoff=90)
        if found is not None:
            return table[found[0]]
    return ""
