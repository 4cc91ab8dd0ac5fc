"""Every statement about an entity (kg.describe), as groups of linked values for a page.

Names, types and the figures' own statements are left to their sections of the
page: rdf:type, labels and alternative labels, statements made by observations
(their rows in the figure table say it), and the dcterms:source links into a
source document (its page lists them by kind)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.describe import Statement, describe
from kg.namespaces import GBA, curie, expand
from kg.site.display import Link, Names, literal_note
from kg.site.links import Links
from kg.store import KnowledgeGraph

SHOWN_ELSEWHERE = frozenset({RDF.type, RDFS.label, SKOS.altLabel})


@dataclass
class Value:
    """One value of a property: a link, a literal (`quote` marks a source's own words), or a
    blank node's own statements (`parts`); with the files and sources that state it."""

    link: Link
    note: str = ""
    quote: bool = False
    parts: list[tuple[Link, Value]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    sources: list[Link] = field(default_factory=list)

    def sort_key(self) -> tuple:
        return (self.link.text, self.link.href or "", [(p.text, v.sort_key()) for p, v in self.parts])


@dataclass
class Group:
    """The values of one property, outgoing (`entity property value`) or incoming (`value property entity`)."""

    prop: Link
    incoming: bool
    values: list[Value]


class StatementView:
    """Turns kg.describe's statements into groups of linked values for pages under `root`."""

    def __init__(self, graph: KnowledgeGraph, names: Names, links: Links):
        self.graph = graph
        self.names = names
        self.links = links

    def groups(self, node: URIRef, root: str) -> list[Group]:
        description = describe(self.graph, str(node))
        groups = []
        for (incoming, prop), statements in description.grouped().items():
            kept = [st for st in statements if self._shown(st)]
            if not kept:
                continue
            values = sorted((self._statement(st, root) for st in kept), key=Value.sort_key)
            groups.append(Group(prop=self.link(prop, root), incoming=incoming, values=values))
        return groups

    def _shown(self, st: Statement) -> bool:
        if st.incoming:
            return st.property != DCTERMS.source and st.value not in self.links.catalogue.figures
        return st.property not in SHOWN_ELSEWHERE

    def _statement(self, st: Statement, root: str) -> Value:
        value = self.value(st.value, root, st.property)
        if isinstance(st.value, BNode):
            value.parts = sorted(
                ((self.link(p, root), self.value(v, root, p)) for p, v in st.inner if p != RDF.type),
                key=lambda pv: (pv[0].text, pv[1].sort_key()),
            )
        value.files = sorted(st.files)
        value.sources = [self.source_link(URIRef(expand(s)), root) for s in sorted(st.sources)]
        return value

    def link(self, node: Node, root: str) -> Link:
        """A node's name, linked to its page (or its ontology entry) where it has one."""
        if not isinstance(node, URIRef):
            return Link("…")
        label = self.names.label(node)
        return Link(label.text, self.links.href(node, root), label.lang, curie(str(node)))

    def source_link(self, node: URIRef, root: str) -> Link:
        """A source document by its short id (`src-002`), its full name as the hover title."""
        short = curie(str(node)).removeprefix("kg:")
        return Link(short, self.links.href(node, root), None, self.names.name(node))

    def value(self, node: Node, root: str, prop: Node | None = None) -> Value:
        if isinstance(node, Literal):
            text = " ".join(str(node).split())
            return Value(Link(text, None, node.language), literal_note(node), quote=prop == GBA.quote)
        if isinstance(node, BNode):
            return Value(Link(""))
        return Value(self.link(node, root))
