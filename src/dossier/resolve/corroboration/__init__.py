"""Corroboration and contradiction: what the sources of one timeline event agree on.

For each merged event the sources' dates, places, actors (who acted, on whom) and
quantities are compared; every claim keeps the sources, articles, event mentions (spans),
statuses and hedges behind it. ``corroborate`` returns every comparison with at least two
sources or two claims; ``contradictions`` the disagreeing ones.
"""

from dossier.resolve.corroboration.claims import Claim, Comparison, Position, Span
from dossier.resolve.corroboration.compare import compare, contradictions, corroborate
from dossier.resolve.corroboration.places import places_conflict
from dossier.resolve.corroboration.quantities import Quantity, parse_quantity

__all__ = [
    "Claim",
    "Comparison",
    "Position",
    "Quantity",
    "Span",
    "compare",
    "contradictions",
    "corroborate",
    "parse_quantity",
    "places_conflict",
]
