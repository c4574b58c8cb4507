"""Text cut into segments by the spans over it, so that a page marks spans without ever
rendering the text as HTML: each segment is plain text with the kinds covering it and the
page its innermost linked span points to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from dossier.workspace import Span

_LINK = {
    "mention": "/entities/",
    "source": "/entities/",
    "target": "/entities/",
    "place": "/entities/",
    "event": "/events/",
}


@dataclass(frozen=True)
class Segment:
    text: str
    kinds: tuple[str, ...]  # every kind of span covering it, sorted
    href: str | None = None  # the page of the innermost span with one
    title: str = ""  # that span's label

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


def segments(text: str, spans: Sequence[Span], base: int = 0) -> list[Segment]:
    """``text`` (which starts at offset ``base``) cut at every span boundary inside it."""
    end = base + len(text)
    inside = [s for s in spans if s.end > base and s.start < end and s.end > s.start]
    cuts = sorted({base, end, *(max(base, min(end, x)) for s in inside for x in (s.start, s.end))})
    out = []
    for lo, hi in pairwise(cuts):
        cover = [s for s in inside if s.start <= lo and s.end >= hi]
        linked = [s for s in cover if s.ref and s.kind in _LINK]
        best = min(linked, key=lambda s: s.end - s.start) if linked else None
        out.append(
            Segment(
                text[lo - base : hi - base],
                tuple(sorted({s.kind for s in cover})),
                f"{_LINK[best.kind]}{best.ref}" if best and best.ref else None,
                (best.label if best else (cover[0].label if cover else "")),
            )
        )
    return out
