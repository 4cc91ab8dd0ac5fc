"""The agency collaboration network as a networkx graph, for analysis in notebooks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.paths import QUERIES_DIR
from kg.queryfile import load_query_file

if TYPE_CHECKING:
    import networkx as nx

    from kg.store import KnowledgeGraph


def agency_network(graph: KnowledgeGraph, lang: str = "en") -> nx.Graph:
    """Organisations as nodes (with `label` and `classes`), an edge where two co-report
    a case or take part in the same programme; `weight` counts both."""
    import networkx as nx

    index = graph.label_index()
    rows = graph.query(load_query_file(QUERIES_DIR / "agencies-working-together.rq").text).records()
    network = nx.Graph()
    for row in rows:
        a, b = str(row["agency"]), str(row["partner"])
        weight = int(row["co_reported"] or 0) + int(row["co_implemented"] or 0)
        for node in (a, b):
            if node not in network:
                network.add_node(
                    node, label=index.name(_iri(node), lang), classes=" ".join(index.classes.get(_iri(node), ()))
                )
        network.add_edge(
            a, b, weight=weight, co_reported=int(row["co_reported"]), co_implemented=int(row["co_implemented"])
        )
    return network


def _iri(text: str):
    from rdflib import URIRef

    return URIRef(text)
