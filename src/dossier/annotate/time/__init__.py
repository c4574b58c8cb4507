"""Time expressions: TIMEX3 values anchored on the article's date. Owner: time.

``tag_times`` finds DATE, TIME, DURATION and SET expressions with hand-written rules
(see :mod:`dossier.annotate.time.rules` for why not dateparser) and normalises them
against the article date, or against the latest date the text itself gave when a
relative expression ('the next day') points there or the article date is unknown.
"""

from __future__ import annotations

from typing import Any, cast

from dossier.annotate.time.dates import parse_ref
from dossier.annotate.time.ranges import add_day_offsets, add_day_pairs, join_ranges
from dossier.annotate.time.recognise import recognise
from dossier.ids import span_id
from dossier.records import Precision, TimeExpr, TimexType

EXTRACTOR = "time.rules"
VERSION = "1.0"

__all__ = ["EXTRACTOR", "VERSION", "tag_times"]


def tag_times(article_id: str, text: str, dct: str | None, doc: Any = None) -> list[TimeExpr]:
    """Find and normalise the time expressions of ``text``.

    ``dct`` is the document creation (publication) date as an ISO value, or None when
    unknown; ``doc`` is the spaCy parse of the same text when the caller has one (it
    only sharpens tense: which Friday a bare 'Friday' is).
    """
    ref = parse_ref(dct, "dct")
    found = join_ranges(text, add_day_pairs(text, add_day_offsets(text, recognise(text, ref, doc))))
    out: list[TimeExpr] = []
    for f in found:
        r = f.result
        out.append(
            TimeExpr(
                id=span_id("time", article_id, f.start, f.end),
                article_id=article_id,
                start=f.start,
                end=f.end,
                text=text[f.start : f.end],
                type=cast(TimexType, r.type),
                value=r.value,
                precision=cast(Precision, r.precision),
                extractor=EXTRACTOR,
                version=VERSION,
                mod=r.mod,
                begin=r.begin,
                end_value=r.end_value,
                anchor=r.anchor,
            )
        )
    return out
