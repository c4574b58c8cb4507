"""Within-article coreference for plural event actors ('the two leaders', 'both countries').

No coreference model can be had offline, so this is a small salience model written for
the one case event extraction leaves open: a symmetric event (a meeting, an agreement,
cooperation) whose actor is a plural description of two participants. They resolve to
the two most salient entities of the right kind mentioned before the event: salience
counts earlier mentions of the same name, with a bonus for the current and previous
paragraph. The description's own span stays on the event; the mention ids point at the
antecedents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dossier.annotate.events.coding import coding_date, mention_code
from dossier.records import EntityType, Event, Mention, Quote

EXTRACTOR = "coref.groups"
VERSION = "0.1"

_GROUP = re.compile(
    r"^(?:the|both)\s+(?:two\s+)?(?:(?P<person>leaders|men|women|presidents|heads of state|"
    r"statesmen)|(?P<place>countries|nations|states|capitals|governments|neighbours|"
    r"neighbors))$",
    re.IGNORECASE,
)
# Event codes whose two participants play the same part: meet, consult, agree, cooperate.
_SYMMETRIC = re.compile(r"^(03|036|04|05[07]|06)")
_RECENT_BONUS = 2.0


def _key(m: Mention, persons: dict[str, str]) -> str:
    """A name key: places by canonical name, people by their fullest earlier name."""
    if m.type != "PERSON":
        return (m.canonical or m.text).casefold()
    return persons.get(m.text.casefold(), m.text.casefold())


def _person_names(mentions: Sequence[Mention]) -> dict[str, str]:
    """Map each person name to the longest name of the article that contains its words."""
    names = sorted({m.text for m in mentions if m.type == "PERSON"}, key=len, reverse=True)
    out: dict[str, str] = {}
    for name in names:
        words = set(name.casefold().split())
        full = next((n for n in names if words <= set(n.casefold().split())), name)
        out[name.casefold()] = full.casefold()
    return out


def _paragraph_start(text: str, pos: int, back: int) -> int:
    start = pos
    for _ in range(back):
        found = text.rfind("\n\n", 0, start)
        if found < 0:
            return 0
        start = found
    return start


def _salient(
    text: str, mentions: Sequence[Mention], before: int, kinds: set[EntityType]
) -> list[Mention]:
    persons = _person_names(mentions)
    recent_from = _paragraph_start(text, before, 2)
    score: dict[str, float] = {}
    latest: dict[str, Mention] = {}
    for m in mentions:
        if m.end > before or m.type not in kinds:
            continue
        k = _key(m, persons)
        score[k] = score.get(k, 0.0) + 1.0 + (_RECENT_BONUS if m.start >= recent_from else 0.0)
        latest[k] = m
    ranked = sorted(score, key=lambda k: (-score[k], -latest[k].start))
    return [latest[k] for k in ranked[:2]]


def resolve_group_actors(
    text: str, events: list[Event], mentions: list[Mention], published: str | None = None
) -> list[Event]:
    """Events whose plural-description actor is tied to the two entities it stands for
    (with their actor codes, by office on the event's date)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Event] = []
    for ev in events:
        match = _GROUP.match((ev.source_text or "").strip())
        if (
            match is None
            or ev.source_mention_id is not None
            or ev.target_text is not None
            or not _SYMMETRIC.match(ev.code)
        ):
            out.append(ev)
            continue
        kinds: set[EntityType] = {"PERSON"} if match.group("person") else {"PLACE", "GROUP"}
        pair = _salient(text, ordered, ev.source_start or ev.start, kinds)
        if len(pair) < 2:
            out.append(ev)
            continue
        when = coding_date(ev.date, published)
        out.append(
            replace(
                ev,
                source_code=mention_code(pair[0], when),
                target_code=mention_code(pair[1], when),
                source_mention_id=pair[0].id,
                target_text=ev.source_text,
                target_start=ev.source_start,
                target_end=ev.source_end,
                target_mention_id=pair[1].id,
            )
        )
    return out


def join_split_names(quotes: Sequence[Quote], mentions: list[Mention]) -> list[Mention]:
    """Mentions with the full name a badly split speaker stands for.

    When the quote stage joins a speaker across a sentence break ('…, John said. Kirby of
    the Council.'), the speaker span starts at a first-name mention and resolves to a
    surname mention. The surname mention's ``canonical`` becomes the joined name, so the
    entity is one person named in full; both spans stay as written.
    """
    by_start = {m.start: m for m in mentions if m.type == "PERSON"}
    by_id = {m.id: m for m in mentions}
    joined: dict[str, str] = {}
    for q in quotes:
        if q.speaker_start is None or q.speaker_mention_id is None:
            continue
        first = by_start.get(q.speaker_start)
        last = by_id.get(q.speaker_mention_id)
        if (
            first is None
            or last is None
            or last.type != "PERSON"
            or last.start <= first.end
            or " " in first.text.strip()
            or " " in last.text.strip()
        ):
            continue
        joined[last.id] = f"{first.text.strip()} {last.text.strip()}"
    return [replace(m, canonical=joined[m.id]) if m.id in joined else m for m in mentions]
