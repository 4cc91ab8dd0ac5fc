"""A subgraph from a scope: the whole graph, a focus and its neighbours, types,
a place (with the places inside it), a source document, or a CONSTRUCT query.
`kg view` and `kg export` both select through here, so the same options give the
same nodes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS
from rdflib.term import Node

from kg.errors import KgError, NotFoundError
from kg.namespaces import GBA, GRAPHS, KG, PREFIXES, expand
from kg.paths import QUERIES_DIR
from kg.queryfile import load_query_file
from kg.store import KnowledgeGraph
from kg.terms import to_oxigraph, to_rdflib

TYPE_ALIASES = {
    "case": GBA.TypicalCase,
    "agency": GBA.GovernmentAgency,
    "organisation": GBA.Organisation,
    "organization": GBA.Organisation,
    "instrument": GBA.PolicyInstrument,
    "source": GBA.SourceDocument,
    "concept": SKOS.Concept,
}

NOT_TRAVERSED = frozenset(
    {
        RDF.type,
        DCTERMS.source,
        GBA.evidence,
        SKOS.inScheme,
        SKOS.topConceptOf,
        GBA.unit,
        GBA.qualifier,
        GBA.measure,
        GBA.domain,
        GBA.flow,
        GBA.category,
        GBA.adminLevel,
        GBA.organisationKind,
        PROV.hadRole,
        GBA.supports,
        GBA.inBatch,
    }
)
"""Links to hubs (sources, concepts, batches, types): following them would pull in
most of the graph in two hops, so a focus view does not walk along them."""


@dataclass(frozen=True)
class Scope:
    """What to select. Every option given narrows the selection (they intersect)."""

    focus: str | None = None
    hops: int = 1
    types: tuple[str, ...] = ()
    place: str | None = None
    source: str | None = None
    query: Path | None = None

    def describe(self) -> str:
        parts = []
        if self.focus:
            parts.append(f"focus {self.focus} ({self.hops} hops)")
        if self.types:
            parts.append("types " + ",".join(self.types))
        if self.place:
            parts.append(f"place {self.place}")
        if self.source:
            parts.append(f"source {self.source}")
        if self.query:
            parts.append(f"query {self.query}")
        return "; ".join(parts) or "whole graph"


@dataclass
class Selection:
    """The selected entity IRIs and the triples about them (with the blank nodes they hold)."""

    nodes: set[URIRef]
    graph: Graph
    scope: Scope = field(default_factory=Scope)
    quads: list[tuple[Node, URIRef, Node, URIRef | None]] = field(default_factory=list)
    """The same triples with the named graph (data file) each comes from; None for a CONSTRUCT."""

    def edges(self) -> list[tuple[URIRef, URIRef, URIRef]]:
        """IRI-to-IRI links between selected nodes (rdf:type excluded), sorted."""
        return sorted(
            (s, p, o)
            for s, p, o in self.graph
            if isinstance(o, URIRef) and o in self.nodes and s in self.nodes and p != RDF.type
        )


def resolve_type(graph: KnowledgeGraph, name: str) -> URIRef:
    """A class from `TypicalCase`, `gba:TypicalCase`, an IRI or an alias (`case`, `agency`)."""
    text = name.strip()
    if text.lower() in TYPE_ALIASES:
        return TYPE_ALIASES[text.lower()]
    iri = URIRef(expand(text) if ":" in text else str(GBA._NS) + text)
    known = graph.query("ASK { ?class a ?kind . VALUES ?kind { owl:Class rdfs:Class } }", {}).boolean
    exists = graph.query("SELECT ?class WHERE { ?class a owl:Class }", {"class": iri}).rows
    if known and not exists and iri != SKOS.Concept:
        raise NotFoundError(
            f"unknown type {name!r}: not a class of the ontology (try TypicalCase, GovernmentAgency, …)"
        )
    return iri


def resolve_source(graph: KnowledgeGraph, text: str) -> URIRef:
    """A source document from `002`, its file name, a CURIE or a label."""
    if text.isdigit():
        return graph.label_index().resolve(f"kg:src-{text.zfill(3)}")
    rows = graph.query("SELECT ?source ?file WHERE { ?source gba:fileName ?file }", {"file": _literal(text)}).rows
    if rows:
        return rows[0][0]
    return graph.label_index().resolve(text)


def _literal(text: str):
    from rdflib import Literal

    return Literal(text)


# ---------------------------------------------------------------- node sets


def data_graph_names(graph: KnowledgeGraph) -> list[URIRef]:
    """The named graphs of the triples files (the ontology and shapes left out)."""
    prefix = str(GRAPHS) + "triples/"
    return [g for g in graph.named_graphs() if str(g).startswith(prefix)]


def all_entities(graph: KnowledgeGraph) -> set[URIRef]:
    rows = graph.query("SELECT DISTINCT ?node WHERE { ?node a ?class FILTER(isIRI(?node)) }").rows
    return {r[0] for r in rows if str(r[0]).startswith(str(KG))}


def entities_of_types(graph: KnowledgeGraph, classes: list[URIRef]) -> set[URIRef]:
    nodes: set[URIRef] = set()
    for cls in classes:
        rows = graph.query(
            "SELECT DISTINCT ?node ?class WHERE { ?node a/rdfs:subClassOf* ?class FILTER(isIRI(?node)) }",
            {"class": cls},
        ).rows
        nodes |= {r[0] for r in rows}
    return nodes


def entities_in_place(graph: KnowledgeGraph, place: URIRef) -> set[URIRef]:
    text = load_query_file(QUERIES_DIR / "located-in.rq").text
    rows = graph.query(text, {"place": place}).bindings()
    return {row["entity"] for row in rows} | {place}


def entities_of_source(graph: KnowledgeGraph, source: URIRef) -> set[URIRef]:
    rows = graph.query(
        "SELECT DISTINCT ?node ?source WHERE { ?node dcterms:source ?source FILTER(isIRI(?node)) }", {"source": source}
    ).rows
    return {r[0] for r in rows}


def neighbourhood(graph: KnowledgeGraph, focus: URIRef, hops: int) -> set[URIRef]:
    """Entities within `hops` links of `focus`, in either direction, through blank
    nodes (qualified associations) but not along the hub links in NOT_TRAVERSED."""
    if hops < 0:
        raise KgError("--hops must be 0 or more")
    seen, frontier = {focus}, {focus}
    for _ in range(hops):
        nxt: set[URIRef] = set()
        for node in frontier:
            nxt |= _neighbours(graph, node)
        frontier = nxt - seen
        seen |= frontier
        if not frontier:
            break
    return seen


def _neighbours(graph: KnowledgeGraph, node: Node, through_blank: bool = True) -> set[URIRef]:
    store = graph._store
    found: set[URIRef] = set()
    term = to_oxigraph(node)
    for quad in store.quads_for_pattern(term, None, None, None):
        if URIRef(quad.predicate.value) in NOT_TRAVERSED:
            continue
        if isinstance(quad.object, ox.NamedNode):
            found.add(URIRef(quad.object.value))
        elif isinstance(quad.object, ox.BlankNode) and through_blank:
            found |= _neighbours(graph, to_rdflib(quad.object), through_blank=False)
    for quad in store.quads_for_pattern(None, None, term, None):
        if URIRef(quad.predicate.value) in NOT_TRAVERSED:
            continue
        if isinstance(quad.subject, ox.NamedNode):
            found.add(URIRef(quad.subject.value))
        elif isinstance(quad.subject, ox.BlankNode) and through_blank:
            for owner in store.quads_for_pattern(None, None, quad.subject, None):
                if isinstance(owner.subject, ox.NamedNode):
                    found.add(URIRef(owner.subject.value))
    return {n for n in found if str(n).startswith(str(KG))}


# ---------------------------------------------------------------- the subgraph


def triples_about(graph: KnowledgeGraph, nodes: set[URIRef]) -> tuple[Graph, list]:
    """Every triple whose subject is a selected node, from the triples files, with
    the blank nodes those triples point at (evidence, associations), recursively;
    and the same as quads naming the file each comes from."""
    out = Graph()
    quads: list[tuple[Node, URIRef, Node, URIRef | None]] = []
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    allowed = {to_oxigraph(g) for g in data_graph_names(graph)}
    pending: list[Node] = sorted(nodes, key=str)
    done: set[Node] = set()
    while pending:
        subject = pending.pop()
        if subject in done:
            continue
        done.add(subject)
        for quad in graph._store.quads_for_pattern(to_oxigraph(subject), None, None, None):
            if quad.graph_name not in allowed:
                continue
            obj = to_rdflib(quad.object)
            out.add((subject, URIRef(quad.predicate.value), obj))
            quads.append((subject, URIRef(quad.predicate.value), obj, URIRef(quad.graph_name.value)))
            if isinstance(obj, BNode):
                pending.append(obj)
    return out, sorted(quads, key=lambda q: tuple(str(t) for t in q))


def construct(graph: KnowledgeGraph, path: Path) -> Graph:
    if not path.is_file():
        raise NotFoundError(f"{path}: query file not found")
    result = graph.query(load_query_file(path).text)
    if result.kind != "graph" or result.graph is None:
        raise KgError(f"{path}: --query takes a CONSTRUCT (or DESCRIBE) query")
    return result.graph


def select(graph: KnowledgeGraph, scope: Scope) -> Selection:
    """The nodes the scope picks, and the triples about them."""
    index = graph.label_index()
    if scope.query:
        sub = construct(graph, scope.query)
        nodes = {
            n for n in set(sub.subjects()) | set(sub.objects()) if isinstance(n, URIRef) and str(n).startswith(str(KG))
        }
        return Selection(nodes=nodes, graph=sub, scope=scope, quads=[(s, p, o, None) for s, p, o in sub])
    nodes = neighbourhood(graph, index.resolve(scope.focus), scope.hops) if scope.focus else all_entities(graph)
    if scope.types:
        nodes &= entities_of_types(graph, [resolve_type(graph, t) for t in scope.types])
    if scope.place:
        nodes &= entities_in_place(graph, index.resolve(scope.place))
    if scope.source:
        nodes &= entities_of_source(graph, resolve_source(graph, scope.source))
    sub, quads = triples_about(graph, nodes)
    return Selection(nodes=nodes, graph=sub, scope=scope, quads=quads)
