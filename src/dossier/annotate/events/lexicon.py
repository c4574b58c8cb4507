"""The event lexicon: trigger words, light verbs and word classes, and CAMEO code data.

Everything here is read from data files in ``dossier/data`` (written for this project):
``event_lexicon.tsv`` (triggers), ``cameo_codes.tsv`` (code names and Goldstein scores)
and ``cameo_plover.tsv`` (CAMEO to PLOVER categories).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from dossier.resources import read_table


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger lemma: its CAMEO code, maybe only when a word class occurs."""

    code: str
    word_class: str = ""


@dataclass
class Lexicon:
    """Trigger lemmas by part of speech, light verbs, symmetric lemmas and word classes."""

    verbs: dict[str, list[Sense]] = field(default_factory=dict)
    nouns: dict[str, list[Sense]] = field(default_factory=dict)
    light_verbs: set[str] = field(default_factory=set)
    symmetric: set[str] = field(default_factory=set)
    classes: dict[str, set[str]] = field(default_factory=dict)
    phrases: dict[tuple[str, str], str] = field(default_factory=dict)  # (verb, object) -> code
    prep_verbs: dict[tuple[str, str], str] = field(default_factory=dict)  # ('call', 'on')
    enders: set[str] = field(default_factory=set)  # verbs that end what their object names
    demand_cues: set[str] = field(default_factory=set)  # 'said that X must ...' -> demand


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped event lexicon (read once)."""
    lex = Lexicon()
    for row in read_table("event_lexicon.tsv"):
        kind, lemma = row[0], row[1].lower()
        if kind in ("V", "N"):
            code = row[2]
            word_class = row[3] if len(row) > 3 else ""
            table = lex.verbs if kind == "V" else lex.nouns
            table.setdefault(lemma, []).append(Sense(code, word_class))
        elif kind == "L":
            lex.light_verbs.add(lemma)
        elif kind == "S":
            lex.symmetric.add(lemma)
        elif kind == "C":
            lex.classes.setdefault(lemma, set()).add(row[2].lower())
        elif kind == "P":
            lex.phrases[(lemma, row[2].lower())] = row[3]
        elif kind == "R":
            lex.prep_verbs[(lemma, row[2].lower())] = row[3]
        elif kind == "E":
            lex.enders.add(lemma)
        elif kind == "D":
            lex.demand_cues.add(lemma)
    return lex


@lru_cache(maxsize=1)
def _codes() -> dict[str, tuple[str, float]]:
    out: dict[str, tuple[str, float]] = {}
    for row in read_table("cameo_codes.tsv"):
        try:
            score = float(row[2])
        except (IndexError, ValueError):
            score = 0.0
        out[row[0]] = (row[1], score)
    return out


def code_name(code: str) -> str | None:
    """The short name of a CAMEO code ('042' -> 'Make a visit'), or None if unknown."""
    entry = _codes().get(code)
    return entry[0] if entry else None


def goldstein(code: str) -> float | None:
    """The Goldstein conflict-cooperation score of a CAMEO code, or None if unknown."""
    entry = _codes().get(code)
    return entry[1] if entry else None


@lru_cache(maxsize=1)
def _plover() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for row in read_table("cameo_plover.tsv"):
        cells = [*row, "", ""]
        out[cells[0]] = (cells[1], cells[2])
    return out


def plover(code: str, draft_2016: bool = False) -> str:
    """The PLOVER category of a CAMEO code (longest prefix match); '' when none.

    ``draft_2016`` gives the label of the 2016 PLOVER draft (DEMAND, DISAPPROVE, FIGHT...).
    """
    table = _plover()
    for n in range(len(code), 1, -1):
        entry = table.get(code[:n])
        if entry is not None:
            return entry[1] if draft_2016 else entry[0]
    return ""


# Ending an act: (code prefix of the act, code of ending it). Longest prefix wins.
_ENDING: dict[str, str] = {
    "02": "160",
    "03": "160",
    "04": "164",
    "042": "160",
    "043": "160",
    "045": "165",
    "05": "160",
    "06": "160",
    "07": "162",
    "14": "082",
    "16": "085",
    "161": "054",
    "17": "081",
    "173": "084",
    "18": "087",
    "19": "087",
    "191": "0872",
}


def ending_code(code: str) -> str | None:
    """The code of ending (suspending, lifting, calling off) an act coded ``code``:
    suspending aid is 162, lifting sanctions 085, lifting a curfew 081, calling off a
    strike 082, halting talks 164."""
    for n in range(len(code), 1, -1):
        if code[:n] in _ENDING:
            return _ENDING[code[:n]]
    return None


_INTENT = {"03": "030", "04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_THREAT = {
    "12": "130",
    "14": "133",
    "15": "138",
    "16": "131",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}
_DECIDED = frozenset({"16"})
_REJECT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# Asking for an act of each cooperative root: the appeal (026 to meet) and the demand
# (106 for talks).
_APPEAL = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"}
_DEMAND = {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"}
_ASKING = {"020": _APPEAL, "100": _DEMAND, "130": _THREAT, "120": _REJECT}


def content_code(code: str, act_root: str) -> str | None:
    """The finer code of a generic appeal, demand, threat or refusal (020, 100, 130,
    120) by the root of the act it names: an appeal for talks 026, a demand for aid
    103, a threat to strike 133, a refusal to yield 124; None when there is none."""
    table = _ASKING.get(code)
    return table.get(act_root) if table is not None else None


def cameo_convention(code: str, status: str, hedges: list[str] | None = None) -> str:
    """The code CAMEO gives an event by its status: an act announced for the future is an
    intent (03x) when cooperative and a threat (13x) when hostile; a cooperative act
    announced as not going to happen is a rejection (12x).

    The extractor keeps the act's own code (a visit stays 042 with status 'expected');
    this is for comparing with CAMEO-coded data. A future act announced with an 'unless'
    condition (in ``hedges``) is a threat whatever the act.
    """
    root = code[:2]
    if status in ("expected", "hypothetical", "opinion") and any(
        h.lower().startswith("unless") for h in hedges or []
    ):
        return _THREAT.get(root, "130")
    if (
        status == "hypothetical"
        and root in _DECIDED
        and not any(h.lower().startswith("if") for h in hedges or [])
    ):
        # 'said it would expel the diplomats': a decision reported in backshifted speech
        # is coded as the act; 'will withdraw' and 'may halt ... if' stay threats
        return code
    if status in ("expected", "hypothetical", "opinion"):
        return _INTENT.get(root) or _THREAT.get(root) or code
    if status == "negated":
        return _REJECT.get(root, code)
    return code
