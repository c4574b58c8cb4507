"""Merged events keep the codes of the parts they take."""

from __future__ import annotations

from dossier.annotate.events.merge import merge_events
from dossier.records import Event

TEXT = "Rebel drones hit the depot as a barrage of shells rained down."


def _event(code: str, trigger: str, **kw: object) -> Event:
    start = TEXT.index(trigger)
    return Event(
        id=f"ev-{trigger}",
        article_id="a",
        start=0,
        end=len(TEXT),
        text=TEXT,
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
