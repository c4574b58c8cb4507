"""Word lists the quote extractor reads from ``dossier/data`` (loaded once per process)."""

from __future__ import annotations

from functools import lru_cache

from dossier.resources import data_path, read_table, read_word_lists

PRONOUNS_MALE = frozenset({"he", "him", "his"})
PRONOUNS_FEMALE = frozenset({"she", "her", "hers"})
PRONOUNS_PLURAL = frozenset({"they", "them", "their"})
PRONOUNS_NEUTER = frozenset({"it", "its"})
PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL | PRONOUNS_NEUTER


_LISTS = read_word_lists("quote_lexicon.tsv")  # read once, when this module loads
# titles before a name that are not part of it ('Dr. Jane Doe' -> 'Jane Doe')
HONORIFICS = _LISTS["honorific"]
# words that weaken a report; 'according to <vague source>' is added by the caller
HEDGE_WORDS = tuple(sorted(_LISTS["hedge"]))
VAGUE_SOURCE_WORDS = _LISTS["vague_source"]
# speech verbs whose direct object is not what was said ('told reporters', 'said nothing')
SPEECH_NO_OBJECT = _LISTS["speech_no_object"]
# verbs that only act as cues when their clause holds a quoted phrase ('X called it a "...')
MIXED_ONLY_CUES = _LISTS["mixed_only"]
# speech verbs that cue only words in quote marks ('"...," he continued'): before a
# clause of their own they report that something went on, not what was said
DIRECT_ONLY_CUES = _LISTS["direct_only"]
MEDIA_WORDS = _LISTS["media_word"]


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Forms and lemmas of speech verbs (``speech_verbs.txt``; '!form' lines take one out)."""
    words: set[str] = set()
    excluded: set[str] = set()
    for line in data_path("speech_verbs.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line.startswith("!"):
            excluded.add(line[1:])
        elif line and not line.startswith("#"):
            words.add(line)
    return frozenset(words - excluded)


@lru_cache(maxsize=1)
def not_speech_cues() -> frozenset[str]:
    """Cue lemmas of attributions that are not speech or writing (``not_speech_cues.txt``)."""
    lines = data_path("not_speech_cues.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def is_speech(cue: str | None) -> bool:
    """Whether a quote's cue reports speech or writing (no cue: a quotation, so yes)."""
    return cue is None or cue.lower() not in not_speech_cues()


@lru_cache(maxsize=1)
def frames() -> dict[str, frozenset[str]]:
    """Lemma to the dependents that hold attributed content (``attribution_frames.tsv``).

    A frame written ``-dep`` takes out one a speech verb would otherwise have
    ('maintain -dobj': 'maintained his lead' is not a report)."""
    out: dict[str, set[str]] = {}
    for row in read_table("attribution_frames.tsv"):
        if len(row) >= 2:
            out.setdefault(row[0].lower(), set()).add(row[1])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def name_genders() -> dict[str, str]:
    """First names and titles to 'm' or 'f' (``person_gender.tsv``)."""
    return {row[0].lower(): row[1] for row in read_table("person_gender.tsv") if len(row) >= 2}


@lru_cache(maxsize=1)
def role_classes() -> dict[str, str]:
    """Role noun to the kind of person it describes (``role_classes.tsv``)."""
    return {row[1].lower(): row[0] for row in read_table("role_classes.tsv") if len(row) >= 2}


@lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    """Outlet names and generic media words (``media_outlets.txt``), lower case."""
    out: set[str] = set()
    for line in data_path("media_outlets.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            out.add(line)
    return frozenset(out)


def is_speech_verb(lemma: str, lower: str) -> bool:
    """Whether a token (given its lemma and lower-case form) is a speech verb."""
    verbs = speech_verbs()
    return lemma.lower() in verbs or lower in verbs


def is_media_name(name: str) -> bool:
    """Whether ``name`` names an outlet or the media ('CBS News', 'Russian state media')."""
    low = " ".join(name.lower().replace("'s", "").split())
    if low.startswith("the "):
        low = low[4:]
    names = media_names()
    if low in names or f"the {low}" in names:
        return True
    words = low.split()
    return any(w in MEDIA_WORDS for w in words) or (
        bool(words) and words[0] in names and len(words) <= 3
    )
