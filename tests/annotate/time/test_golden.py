"""Golden files: the full output on short fixture paragraphs, one per expression family."""

from __future__ import annotations

import pytest
from time_helpers import tag

from dossier.records import to_dict
from golden import check_golden

FIXTURES: dict[str, tuple[str, str | None]] = {
    "weekdays": (
        "The two leaders sat down on Wednesday for four hours of talks. The foreign "
        "ministers will meet again on Friday, and a follow-up session is pencilled in for "
        "next Tuesday. Last Friday the envoys had already agreed the agenda. Trains ran "
        "between Tuesday and Wednesday without a break.",
        "2023-09-13",
    ),
    "relative": (
        "The deal was first floated last fall and discussed again last September. Since the "
        "beginning of the year, trade across the river has tripled. Yesterday the governor "
        "toured the new bridge; tomorrow he flies to the capital. Officials expect the "
        "first shipments next month, well before the coming winter.",
        "2024-06-19",
    ),
    "absolute": (
        "The port was founded in 1860 and rebuilt in the 1960s. A first accord was signed "
        "on 12 September 2023, a second one on October 4, and the third in April 2019 "
        "was later annulled. Quarterly figures for the third quarter came out on "
        "2023-11-02 at 10:30 a.m.",
        "2023-11-20",
    ),
    "durations": (
        "The blockade lasted more than four months. For the first time in 24 years the two "
        "navies drilled together, in a 10-day exercise. Repairs will take several weeks, "
        "and the annual review is held every year in the spring.",
        "2023-09-13",
    ),
    "false_positives": (
        "Officials may extend the visit. We asked whether the Sun would carry the story. "
        "Crowds march past the embassy, and the march ends at dusk. He is the second "
        "leader to make the trip. Between two and five million people live in the region, "
        "700 kilometers from the coast, where it can reach minus 50 degrees.",
        "2023-09-13",
    ),
    "joined": (
        "Margins thinned in the last half of 2022 and the court sits the week of March 6. "
        "Output peaked in the winter of nineteen ninety-four. Today is the third day of the "
        "strike; pickets gathered early and left in the morning, and talks may go on for a "
        "while. For the nine months, sales rose, up from a year earlier.",
        "2023-02-24",
    ),
    "no_dct": (
        "On 12 September 2023 the armoured train crossed the border. The next day the "
        "delegations met, and on Friday the guests left. Last year a similar visit was "
        "called off.",
        None,
    ),
}


def _rows(text: str, dct: str | None) -> list[dict[str, object]]:
    rows = []
    for t in tag(text, dct):
        row = to_dict(t)
        for key in ("id", "article_id", "extractor", "version"):
            row.pop(key)
        rows.append(row)
    return rows


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_golden(name: str) -> None:
    text, dct = FIXTURES[name]
    check_golden(f"time/{name}", {"dct": dct, "text": text, "times": _rows(text, dct)})
