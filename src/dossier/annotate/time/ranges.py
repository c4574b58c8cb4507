"""Join two dates into one range: 'between Tuesday and Wednesday', 'from March to May'.

A range is one record whose ``value`` is its first point (the earliest date an event in
it can have) with ``begin`` and ``end_value`` set to the two ends.
"""

from __future__ import annotations

import re

from dossier.annotate.time.recognise import Found
from dossier.annotate.time.rules import Result

_BETWEEN = re.compile(r"\s*(?:and|&)\s*$")
_TO = re.compile(r"\s*(?:to|until|till|through|thru|-|–|—)\s*$")
_LEAD_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_LEAD_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_POINT = ("DATE", "TIME")


def _is_point(found: Found) -> bool:
    value = found.result.value
    return found.result.type in _POINT and not value.endswith("_REF") and found.result.begin is None


def join_ranges(text: str, found: list[Found]) -> list[Found]:
    """``found`` with each 'between A and B' / 'from A to B' pair merged into one range."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and _is_point(a) and _is_point(b):
            gap = text[a.end : b.start]
            lead = text[max(0, a.start - 12) : a.start]
            joined = (_BETWEEN.fullmatch(gap) and _LEAD_BETWEEN.search(lead)) or (
                _TO.fullmatch(gap) and (_LEAD_FROM.search(lead) or gap.strip() in "-–—")
            )
            if joined and len(gap) <= 12:
                r = a.result
                merged = Result(
                    r.type,
                    r.value,
                    r.precision,
                    r.mod,
                    r.anchor,
                    begin=r.value,
                    end_value=b.result.value,
                )
                out.append(Found(a.start, b.end, "range", merged))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
