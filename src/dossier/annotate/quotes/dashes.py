"""Quotes marked by layout rather than quote marks.

Dash-led quotes of translated news: '– Words words, said Dr. Jane Doe from the Institute.'
A quotation opened by a dash (at a paragraph start, or after a finished sentence),
closed by a trailing cue: ', said X' / ', recalled X' / '– reported X'. The speaker
comes after the content. A dash passage without such a cue is not taken as a quote.

Headline attributions: 'Senator Jones: Deal Is Dead.' - a short line opening on a
name and a colon. Regular expressions over lines, as no parser reads these layouts.
"""

from __future__ import annotations

import re

from dossier.annotate.quotes.cues import Cand
from dossier.annotate.quotes.docindex import DocIndex
from dossier.annotate.quotes.lexicon import speech_verbs
from dossier.annotate.quotes.speakers import SpeakerSpan

_START_RE = re.compile(r"^[ \t]*[–—-][ \t]+|(?<=[.!?…”\"])[ \t]+[–—][ \t]+")
_CUE_RE = re.compile(
    r"(?:,|[ \t][–—])[ \t]+(?P<verb>[a-z]+)[ \t]+(?P<who>[^,.;!?\n]*(?:\.[ \t]?[A-Z][^,.;!?\n]*)*)"
)
MAX_SPEAKER_WORDS = 14
MAX_ROLE_WORDS = 3  # lowercase words a dash quote's speaker may open with ('retired farmer')
_SEP_RE = re.compile(r",|[ \t][–—]")


def _cue_verb(word: str) -> str | None:
    """The lemma of a past/present speech verb ('recalled' -> 'recall'); the verb list
    holds lemmas and some forms, so a form is taken back to a lemma it lists."""
    verbs = speech_verbs()
    irregular = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak"}
    if word in irregular:
        return irregular[word]
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in verbs:
            return word[: -len(suffix)] + repl
    return word if word in verbs else None


def _names_someone(who: str) -> bool:
    """A speaker phrase: a name first ('Jane Doe, a teacher') or after a few lowercase
    role words ('farmer Jane Doe')."""
    words = who.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return False
    return any(w[:1].isupper() for w in words[: MAX_ROLE_WORDS + 1])


def dash_quotes(ix: DocIndex) -> list[Cand]:
    text = ix.text
    out: list[Cand] = []
    for ps, pe in ix.paras:
        para = text[ps:pe]
        starts = [m.end() for m in _START_RE.finditer(para)]
        for k, rel in enumerate(starts):
            seg_end = starts[k + 1] if k + 1 < len(starts) else len(para)
            segment = para[rel:seg_end]
            cue = None
            for sep in _SEP_RE.finditer(segment):
                m = _CUE_RE.match(segment, sep.start())
                if m is None:
                    continue
                who = m.group("who").strip()
                if not _names_someone(who):
                    continue
                lemma = _cue_verb(m.group("verb"))
                if lemma is None:
                    continue
                # the cue must close the passage: only the speaker phrase may follow
                rest = segment[m.end() :].strip()
                if len(rest) > 80 or (rest and rest[0] not in ".,;–—(" and k + 1 >= len(starts)):
                    continue
                cue = (m, lemma)
            if cue is None:
                continue
            m, lemma = cue
            start = ps + rel
            end = ps + rel + m.start()
            while end > start and text[end - 1] in " \t,–—":
                end -= 1
            c = Cand(start, end, "direct")
            c.cue_lemma = lemma
            c.cue_start, c.cue_end = ps + rel + m.start("verb"), ps + rel + m.end("verb")
            c.speaker = _speaker(ix, ps + rel + m.start("who"), ps + rel + m.end("who"))
            out.append(c)
    return out


def _speaker(ix: DocIndex, start: int, end: int) -> SpeakerSpan:
    """The speaker phrase after a dash quote's verb: up to the end of the name it holds."""
    text = ix.text
    end = start + len(text[start:end].rstrip(" \t."))
    names = [m for m in ix.mentions_in(start, end) if m.type == "PERSON"]
    if not names:
        names = [m for m in ix.mentions_in(start, end) if m.type in ("ORG", "GROUP")]
    if names:
        first = min(names, key=lambda m: m.start)
        head = ix.token_at(first.end - 1)
        return SpeakerSpan(start, first.end, head)
    # no mention: the capitalised words right after the verb
    words = re.match(r"(?:[A-Z][\w.'’-]*[ \t]?)+", text[start:end])
    stop = start + len(words.group().rstrip()) if words else end
    return SpeakerSpan(start, stop, ix.token_at(max(start, stop - 1)))


_COLON_RE = re.compile(
    r"[ \t]*(?P<src>[A-Z][\w.'’&-]*(?:[ \t]+[A-Za-z][\w.'’&-]*){0,4})[ \t]*:[ \t]+"
    r"(?P<content>[A-Z“\"‘'].{8,})"
)
NOT_SOURCES = frozenset(
    {
        "see",
        "read",
        "also",
        "note",
        "source",
        "sources",
        "photo",
        "main",
        "related",
        "update",
        "updated",
        "watch",
        "listen",
        "click",
        "follow",
        "tags",
        "published",
        "by",
        "editor's",
        "editor’s",
        "more",
        "this",
        "and",
        "at",
        "here",
        "the",
        "q",
        "a",
        "question",
        "answer",
        "subscribe",
        "share",
        "video",
        "image",
        "credit",
        "caption",
        "posted",
        "written",
        "exclusive",
        "breaking",
        "analysis",
        "opinion",
        "editorial",
        "contributing",
    }
)


def colon_attributions(ix: DocIndex) -> list[Cand]:
    """Headline attributions 'Senator Jones: Deal Is Dead.' - a short line whose opening
    name is followed by a colon and the words attributed to it."""
    text = ix.text
    out: list[Cand] = []
    for ps, pe in ix.paras:
        if pe - ps > 220:
            continue
        m = _COLON_RE.fullmatch(text, ps, pe)
        if m is None:
            continue
        src = m.group("src")
        words = src.split()
        if (src.isupper() and len(words) > 1) or any(w.lower() in NOT_SOURCES for w in words):
            continue
        start, end = m.start("content"), m.end("content")
        end = start + len(text[start:end].rstrip(" \t."))
        c = Cand(start, end, "indirect")
        c.speaker = SpeakerSpan(m.start("src"), m.end("src"), ix.token_at(m.end("src") - 1))
        out.append(c)
    return out
