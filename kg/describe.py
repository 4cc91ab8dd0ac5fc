"""Everything the graph states about one entity, grouped by property, each
statement with the file that states it and the sources that file cites."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import GRAPHS, curie
from kg.paths import QUERIES_DIR
from kg.queryfile import load_query_file
from kg.store import KnowledgeGraph

_INTERNAL = QUERIES_DIR / "internal"


@dataclass
class Statement:
    """One statement about the entity: outgoing (`entity property value`) or incoming (`value property entity`)."""

    property: URIRef
    value: Node
    incoming: bool
    files: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    inner: list[tuple[URIRef, Node]] = field(default_factory=list)
    """For a blank-node value (evidence, a qualified association): its own statements."""


@dataclass
class Description:
    node: URIRef
    classes: tuple[str, ...]
    statements: list[Statement]

    def grouped(self) -> dict[tuple[bool, URIRef], list[Statement]]:
        """Statements by (incoming, property), outgoing first, in a stable order."""
        groups: dict[tuple[bool, URIRef], list[Statement]] = {}
        for st in sorted(self.statements, key=lambda s: (s.incoming, str(s.property), str(s.value))):
            groups.setdefault((st.incoming, st.property), []).append(st)
        return groups


def describe(graph: KnowledgeGraph, term: str) -> Description:
    """Describe the entity a user names (IRI, CURIE or label in any script)."""
    index = graph.label_index()
    node = index.resolve(term)
    merged: dict[tuple[bool, URIRef, Node], Statement] = {}
    out = graph.query(load_query_file(_INTERNAL / "describe-out.rq").text, {"node": node}).bindings()
    for row in out:
        _merge(merged, False, row["property"], row["value"], row)
    incoming = graph.query(load_query_file(_INTERNAL / "describe-in.rq").text, {"node": node}).bindings()
    for row in incoming:
        _merge(merged, True, row["property"], row["subject"], row)
    statements = list(merged.values())
    inner_query = load_query_file(_INTERNAL / "bnode-statements.rq").text
    for st in statements:
        if isinstance(st.value, BNode):
            rows = graph.query(inner_query, {"node": st.value}).bindings()
            st.inner = [(r["property"], r["value"]) for r in rows]
    return Description(node=node, classes=index.classes.get(node, ()), statements=statements)


def _merge(merged: dict, incoming: bool, prop: URIRef, value: Node, row: dict[str, Node]) -> None:
    key = (incoming, prop, value if not isinstance(value, BNode) else BNode(str(value)))
    st = merged.setdefault(key, Statement(property=prop, value=value, incoming=incoming))
    file = str(row["graph"]).removeprefix(str(GRAPHS)) + ".ttl"
    if file not in st.files:
        st.files.append(file)
    for source in str(row.get("sources", Literal(""))).split():
        if curie(source) not in st.sources:
            st.sources.append(curie(source))
