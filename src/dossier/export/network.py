"""The actor network as GraphML or GEXF (networkx's writers), for Gephi and networkx:
a node per actor entity (label, kind, country, mentions), a directed edge per (source
actor, target actor) of the timeline rows, weighted by how many rows join them, with the
CAMEO codes and families of those rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from dossier.export.common import timeline_pages
from dossier.query import FilterArgs

if TYPE_CHECKING:
    from dossier.api import Dossier


@dataclass
class _Edge:
    rows: int = 0
    sources: int = 0  # articles, summed over the rows
    codes: Counter[str] = field(default_factory=Counter)


def graph(db: Dossier, filters: FilterArgs) -> Any:
    """The network of the timeline rows ``filters`` select (a ``networkx.DiGraph``)."""
    import networkx as nx

    from dossier.annotate.events.lexicon import code_name

    edges: dict[tuple[str, str], _Edge] = {}
    for rows in timeline_pages(db, filters):
        for r in rows:
            a, b = r.source_entity_id, r.target_entity_id
            if not (a and b and a.startswith("ent_") and b.startswith("ent_")) or a == b:
                continue
            e = edges.setdefault((a, b), _Edge())
            e.rows += 1
            e.sources += len(r.article_ids)
            e.codes[r.code] += 1
    ids = {x for pair in edges for x in pair}
    entities = db.store.entities_by_id(ids) if ids else {}
    g = nx.DiGraph()
    for i in sorted(ids):
        n = entities.get(i)
        if n is not None:
            g.add_node(
                i,
                label=n.name,
                kind=n.type,
                country=n.country_code or "",
                mentions=n.mentions,
            )
    for (a, b), e in sorted(edges.items()):
        if a not in g or b not in g:
            continue
        families = Counter({c[:2]: 0 for c in e.codes})
        for c, k in e.codes.items():
            families[c[:2]] += k
        top = families.most_common(1)[0][0]
        g.add_edge(
            a,
            b,
            weight=e.rows,
            articles=e.sources,
            cameo=" ".join(sorted(e.codes)),
            families=" ".join(sorted(families)),
            family=top,
            label=code_name(top) or top,
        )
    return g


def write(db: Dossier, out: IO[bytes], table: str | None, filters: FilterArgs, fmt: str) -> int:
    import networkx as nx

    g = graph(db, filters)
    if fmt == "gexf":
        nx.write_gexf(g, out)
    else:
        nx.write_graphml(g, out)
    return int(g.number_of_nodes() + g.number_of_edges())
