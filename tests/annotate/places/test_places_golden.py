"""Golden output of the geoparser on invented stories: misspellings, regions, facilities,
seas, demonyms, metonyms and ambiguous names in context."""

from __future__ import annotations

from typing import Any

import pytest
from place_helpers import rows, toponyms

from golden import check_golden

STORIES = {
    "far_east": (
        "The delegation flew from Moscow to Vladivostock on Sunday. The next morning the "
        "governor of Primorsky Krai met them at the harbour, before the group went north to "
        "the Vostochny cosmodrome in the Amur region. Officials from Yakutia joined later."
    ),
    "seas": (
        "A cargo ship was hit in the Sea of Azov overnight, and a second vessel was damaged "
        "near Sevastopol port. Insurers said traffic across the Black Sea had slowed. Ships "
        "waiting in the Azov Sea were told to stay close to the coast."
    ),
    "actors": (
        "Pyongyang said on Friday that the talks had gone well, while the Kremlin denied any "
        "arms deal. North Korean officials and Russian diplomats dined in the capital. "
        "Beijing's response was muted."
    ),
    "georgia_caucasus": (
        "Protesters filled the streets of Tbilisi as the parliament of Georgia debated the "
        "bill. Neighbouring Armenia and Azerbaijan watched closely."
    ),
    "georgia_state": (
        "Voters in Atlanta waited for hours on Tuesday. Georgia is one of the states that "
        "could decide the race, along with Arizona and Nevada."
    ),
    "paris_texas": (
        "A storm knocked out power in Dallas and across north Texas. In Paris, a small town "
        "near the Oklahoma border, crews worked through the night."
    ),
    "paris_france": (
        "Ministers met in Paris to discuss the budget. Later they travelled to Lyon and "
        "Marseille to meet local leaders."
    ),
    "victoria_australia": (
        "Bushfires spread across Victoria on Monday. Firefighters from Melbourne and "
        "Sydney were sent to the worst-hit towns."
    ),
    "victoria_canada": (
        "The ferry from Vancouver to Victoria was cancelled because of high winds. Most of "
        "British Columbia was under a weather warning."
    ),
}


@pytest.mark.parametrize("name", sorted(STORIES))
def test_story_toponyms_match_golden(nlp: Any, name: str) -> None:
    check_golden(f"places/{name}", rows(toponyms(nlp, STORIES[name], name)))
