"""Merged events keep the codes of the parts they take."""

from __future__ import annotations

import pytest
from event_helpers import events_of

from dossier.annotate.events.merge import merge_events
from dossier.records import Event

TEXT = "Rebel drones hit the depot as a barrage of shells rained down."


def _event(code: str, trigger: str, text: str = TEXT, **kw: object) -> Event:
    start = text.index(trigger)
    return Event(
        id=f"ev-{trigger}",
        article_id="a",
        start=0,
        end=len(text),
        text=text,
        code=code,
        extractor="test",
        version="0",
        trigger=trigger,
        trigger_start=start,
        trigger_end=start + len(trigger),
        **kw,  # type: ignore[arg-type]
    )


def test_merge_takes_the_source_code_with_the_source() -> None:
    bare = _event("190", "barrage", plover="ASSAULT", goldstein=-10.0)
    coded = _event(
        "190",
        "hit",
        source_text="Rebel drones",
        source_start=0,
        source_end=12,
        source_code="REB",
        plover="ASSAULT",
        goldstein=-10.0,
    )
    (merged,) = merge_events([bare, coded])
    assert merged.source_text == "Rebel drones" and merged.source_code == "REB"


def test_merge_recodes_plover_with_the_finer_code() -> None:
    coarse = _event("190", "hit", plover="ASSAULT", goldstein=-10.0)
    fine = _event("195", "barrage", plover="ASSAULT", goldstein=-10.0)
    (merged,) = merge_events([coarse, fine])
    assert merged.code == "195" and merged.plover_mode == "heavy-weapons"


SHELLING = "Troops shelled the village, killing nine civilians, officials said."


def _violence(code: str, trigger: str, target: str, status: str) -> Event:
    t_start = SHELLING.index(target)
    return _event(
        code,
        trigger,
        SHELLING,
        source_text="Troops",
        source_start=0,
        source_end=6,
        target_text=target,
        target_start=t_start,
        target_end=t_start + len(target),
        status=status,
    )


def test_an_attack_and_its_toll_by_one_side_are_one_reported_event() -> None:
    shelled = _violence("194", "shelled", "the village", "reported")
    killing = _violence("1823", "killing", "nine civilians", "asserted")
    (merged,) = merge_events([shelled, killing])
    assert merged.status == "reported" and merged.code in ("194", "1823")


def test_violence_by_one_side_and_a_threat_of_it_stay_apart() -> None:
    shelled = _violence("194", "shelled", "the village", "asserted")
    killing = _violence("1823", "killing", "nine civilians", "expected")
    assert len(merge_events([shelled, killing])) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Twenty guards died at a border checkpoint after a suicide bomber blew himself up.",
        "A suicide bomber blew himself up at a checkpoint, killing twenty people.",
        "A suicide bomber struck a crowded bus in the capital, killing nine people.",
    ],
)
def test_a_suicide_bombing_told_with_its_toll_stays_a_suicide_bombing(text: str) -> None:
    violent = [e for e in events_of(text) if e.code[:2] in ("18", "19", "20")]
    assert [e.code for e in violent] == ["1831"]


def test_a_suicide_bomber_wounding_people_is_a_suicide_bombing() -> None:
    events = events_of("A suicide bomber wounded 40 people at a wedding.")
    assert [e.code for e in events] == ["1831"]


def test_a_bombing_merged_with_its_toll_keeps_the_bombing_code() -> None:
    text = "Twenty guards were killed as the suicide bomber blew himself up."
    for order in ((0, 1), (1, 0)):
        pair = [_event("1823", "killed", text), _event("1831", "blew", text)]
        (merged,) = merge_events([pair[i] for i in order])
        assert merged.code == "1831"
