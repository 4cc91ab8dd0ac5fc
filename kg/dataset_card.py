"""The dataset card: a VoID and DCAT description of the graph as an rdflib Graph.

The words (title, description, licence, publisher, languages) live in
`kg/dataset.ttl`; everything else is computed from the graph on each call: the
version (package metadata), the source documents (every gba:SourceDocument with
its labels, file name and date), the totals (distinct triples, entities,
subjects, objects, properties, classes), one void:classPartition per class, one
void:propertyPartition per property and one void:subset per named graph (data
file). Used by `kg site` and by the SPARQL server's service description.
"""

from __future__ import annotations

import io
from importlib import metadata
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, VOID, XSD

from kg.paths import PACKAGE_DIR, QUERIES_DIR
from kg.prefixes import GRAPHS_NS, PREFIXES
from kg.queryfile import load_query_file

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

CARD_FILE = PACKAGE_DIR / "dataset.ttl"
PACKAGE = "gba-kg"
FORMATS = Namespace("http://www.w3.org/ns/formats/")
DCAT3_VERSION = URIRef(str(DCAT) + "version")
"""dcat:version (DCAT 3; rdflib's closed DCAT namespace predates it)."""
_QUERIES = QUERIES_DIR / "site"
_TOTALS = {
    "triples": VOID.triples,
    "entities": VOID.entities,
    "subjects": VOID.distinctSubjects,
    "objects": VOID.distinctObjects,
    "properties": VOID.properties,
    "classes": VOID.classes,
}


class DatasetCardError(Exception):
    """The static card file does not describe exactly one dcat:Dataset."""


def dataset_card(graph: KnowledgeGraph) -> Graph:
    """The graph's VoID/DCAT description: the static words of kg/dataset.ttl plus
    version, sources and counts computed from `graph`."""
    card = _bound(Graph())
    card.parse(CARD_FILE, format="turtle")
    dataset = dataset_node(card)
    version = package_version()
    card.add((dataset, DCAT3_VERSION, Literal(version)))
    card.add((dataset, OWL.versionInfo, Literal(version)))
    _add_sources(card, dataset, graph)
    _add_totals(card, dataset, graph)
    _add_partitions(card, dataset, graph)
    _add_subsets(card, dataset, graph)
    _add_vocabularies(card, dataset)
    return card


def dataset_node(card: Graph) -> URIRef:
    """The one dcat:Dataset the card describes."""
    nodes = sorted(s for s in card.subjects(RDF.type, DCAT.Dataset) if isinstance(s, URIRef))
    if len(nodes) != 1:
        raise DatasetCardError(f"{CARD_FILE}: expected one dcat:Dataset with an IRI, found {len(nodes)}")
    return nodes[0]


def package_version() -> str:
    """The installed package's version (`0+unknown` when it is not installed)."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def card_turtle(card: Graph) -> str:
    """The card as Turtle with canonical blank-node names and sorted subjects: the
    same graph gives the same bytes."""
    from kg.export import SortedTurtleSerializer

    canonical = _bound(Graph())
    for triple in to_canonical_graph(card):
        canonical.add(triple)
    stream = io.BytesIO()
    SortedTurtleSerializer(canonical).serialize(stream, encoding="utf-8")
    return stream.getvalue().decode("utf-8")


def _bound(card: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        card.bind(prefix, ns, override=True)
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("foaf", FOAF), ("graph", GRAPHS_NS)):
        card.bind(prefix, ns, override=True)
    return card


def _rows(graph: KnowledgeGraph, name: str) -> list[dict]:
    return graph.query(load_query_file(_QUERIES / f"{name}.rq").text).bindings()


def _count(value: object) -> Literal:
    return Literal(int(str(value)), datatype=XSD.integer)


def _add_sources(card: Graph, dataset: URIRef, graph: KnowledgeGraph) -> None:
    for row in _rows(graph, "dataset-sources"):
        card.add((dataset, DCTERMS.source, row["source"]))
        card.add((row["source"], row["property"], row["value"]))


def _add_totals(card: Graph, dataset: URIRef, graph: KnowledgeGraph) -> None:
    row = _rows(graph, "dataset-totals")[0]
    for name, predicate in _TOTALS.items():
        card.add((dataset, predicate, _count(row.get(name, 0))))


def _add_partitions(card: Graph, dataset: URIRef, graph: KnowledgeGraph) -> None:
    for row in _rows(graph, "dataset-classes"):
        part = BNode()
        card.add((dataset, VOID.classPartition, part))
        card.add((part, VOID["class"], row["class"]))
        card.add((part, VOID.distinctSubjects, _count(row["instances"])))
        if int(str(row["entities"])):
            card.add((part, VOID.entities, _count(row["entities"])))
    for row in _rows(graph, "dataset-properties"):
        part = BNode()
        card.add((dataset, VOID.propertyPartition, part))
        card.add((part, VOID.property, row["property"]))
        card.add((part, VOID.triples, _count(row["triples"])))


def _add_subsets(card: Graph, dataset: URIRef, graph: KnowledgeGraph) -> None:
    for row in _rows(graph, "dataset-graphs"):
        subset = row["graph"]
        card.add((dataset, VOID.subset, subset))
        card.add((subset, RDF.type, VOID.Dataset))
        card.add((subset, DCTERMS.title, Literal(str(subset).removeprefix(GRAPHS_NS) + ".ttl")))
        card.add((subset, VOID.triples, _count(row["triples"])))
        card.add((subset, VOID.feature, FORMATS.Turtle))


def _add_vocabularies(card: Graph, dataset: URIRef) -> None:
    """void:vocabulary for each declared namespace that a counted class or property uses."""
    used = {str(o) for o in card.objects(None, VOID["class"])} | {str(o) for o in card.objects(None, VOID.property)}
    for ns in sorted(set(PREFIXES.values())):
        if ns != PREFIXES["kg"] and any(term.startswith(ns) for term in used):
            card.add((dataset, VOID.vocabulary, URIRef(ns)))
