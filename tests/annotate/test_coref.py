from __future__ import annotations

from dossier.annotate.coref import resolve_group_actors
from dossier.records import Event, Mention

TEXT = (
    "President Ana Lind flew to Quay City on Monday.\n\n"
    "Lind was greeted by Prime Minister Boris Kell at the airport. Kell's aide Carl Moss "
    "watched.\n\n"
    "Later the two leaders met for talks."
)


def _m(text: str, kind: str = "PERSON", after: str = "") -> Mention:
    start = TEXT.index(text, TEXT.index(after) if after else 0)
    return Mention(f"m{start}", "a", start, start + len(text), text, kind, "t", "1")  # type: ignore[arg-type]


LIND = _m("Lind", after="Lind was")
KELL = _m("Kell", after="Kell's")
MENTIONS = [_m("Ana Lind"), _m("Quay City", "PLACE"), LIND, _m("Boris Kell"), KELL, _m("Carl Moss")]


def _meeting(code: str = "040") -> Event:
    start = TEXT.index("the two leaders")
    return Event(
        "e1",
        "a",
        start,
        len(TEXT),
        TEXT[start:],
        code,
        "t",
        "1",
        source_text="the two leaders",
        source_start=start,
        source_end=start + 15,
    )


def test_the_two_leaders_are_the_two_most_salient_people() -> None:
    (ev,) = resolve_group_actors(TEXT, [_meeting()], MENTIONS)
    ids = {ev.source_mention_id, ev.target_mention_id}
    assert ids == {LIND.id, KELL.id}


def test_the_written_description_keeps_its_span() -> None:
    (ev,) = resolve_group_actors(TEXT, [_meeting()], MENTIONS)
    assert TEXT[ev.source_start : ev.source_end] == "the two leaders"  # type: ignore[misc]


def test_a_one_sided_event_is_left_alone() -> None:
    (ev,) = resolve_group_actors(TEXT, [_meeting("190")], MENTIONS)
    assert ev.source_mention_id is None


def test_resolved_group_members_get_their_actor_codes() -> None:
    text = "Vladimir Putin hosted Kim Jong Un.\n\nThe two leaders met for talks."
    start = text.index("The two leaders")
    mentions = [
        Mention("p", "a", 0, 14, "Vladimir Putin", "PERSON", "t", "1"),
        Mention("k", "a", 22, 33, "Kim Jong Un", "PERSON", "t", "1"),
    ]
    ev = Event(
        "e",
        "a",
        start,
        len(text),
        text[start:],
        "040",
        "t",
        "1",
        source_text="The two leaders",
        source_start=start,
        source_end=start + 15,
    )
    (out,) = resolve_group_actors(text, [ev], mentions, "2023-09-13")
    assert {out.source_code, out.target_code} == {"RUSGOV", "PRKGOV"}


def test_a_speaker_split_by_a_sentence_break_is_named_in_full() -> None:
    from dossier.annotate.coref import join_split_names
    from dossier.records import Quote

    text = '"We will talk," Maria said. Olsen of the Harbour Council.'
    first = Mention(
        "f", "a", text.index("Maria"), text.index("Maria") + 5, "Maria", "PERSON", "t", "1"
    )
    last = Mention(
        "l", "a", text.index("Olsen"), text.index("Olsen") + 5, "Olsen", "PERSON", "t", "1"
    )
    q = Quote(
        "q",
        "a",
        1,
        13,
        "We will talk",
        "direct",
        "t",
        "1",
        speaker_start=first.start,
        speaker_end=last.end,
        speaker_mention_id="l",
    )
    out = {m.id: m for m in join_split_names([q], [first, last])}
    assert out["l"].canonical == "Maria Olsen"
    assert out["f"].canonical is None
