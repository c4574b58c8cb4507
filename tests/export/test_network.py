"""The actor network, read back with networkx's GraphML and GEXF readers."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.api import Dossier


@pytest.fixture(scope="module", params=["graphml", "gexf"])
def graph(request: pytest.FixtureRequest, exported: Any) -> Any:
    import networkx as nx

    path = exported(request.param)
    return nx.read_graphml(path) if request.param == "graphml" else nx.read_gexf(path)


def test_the_network_has_actors_and_edges(graph: Any) -> None:
    assert graph.number_of_nodes() > 1 and graph.number_of_edges() > 0


def test_nodes_are_entities_with_kind_and_country(db: Dossier, graph: Any) -> None:
    kinds = {"PERSON", "ORG", "PLACE", "GROUP"}
    for node, attrs in graph.nodes(data=True):
        assert node.startswith("ent_") and attrs["kind"] in kinds and "country" in attrs


def test_edges_are_weighted_by_rows_with_their_cameo_codes(graph: Any) -> None:
    for _, _, attrs in graph.edges(data=True):
        assert int(attrs["weight"]) >= 1
        assert all(c.isdigit() for c in str(attrs["cameo"]).split())


def test_edge_weights_sum_to_the_rows_between_two_actors(db: Dossier, graph: Any) -> None:
    rows = [
        r.entry
        for r in db.timeline(limit=None)
        if r.entry.source_entity_id in graph and r.entry.target_entity_id in graph
        and r.entry.source_entity_id != r.entry.target_entity_id
    ]  # fmt: skip
    assert sum(int(a["weight"]) for _, _, a in graph.edges(data=True)) == len(rows)


def test_node_labels_are_entity_names(db: Dossier, graph: Any) -> None:
    some = sorted(graph.nodes)[:5]
    names = db.store.entities_by_id(some)
    assert all(graph.nodes[n]["label"] == names[n].name for n in some)
