"""What the graph takes from each source document: the entities that cite it,
the evidence quotes taken from it (with what each supports), and its figures."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from kg.paths import QUERIES_DIR
from kg.queryfile import load_query_file
from kg.store import KnowledgeGraph

_QUERIES = QUERIES_DIR / "site"


@dataclass(frozen=True)
class Quote:
    """An evidence quote: the entity it backs, the properties it supports, the source's words."""

    entity: URIRef
    supports: tuple[URIRef, ...]
    text: str


@dataclass
class SourceUse:
    """Everything taken from one source document."""

    entities: list[URIRef] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Citations:
    """Sources per entity and uses per source, from two queries over the whole graph."""

    sources_of: dict[URIRef, list[URIRef]] = field(default_factory=dict)
    uses: dict[URIRef, SourceUse] = field(default_factory=dict)

    def use(self, source: URIRef) -> SourceUse:
        return self.uses.get(source, SourceUse())


def load_citations(graph: KnowledgeGraph) -> Citations:
    citations = Citations()
    for row in graph.query(load_query_file(_QUERIES / "cited-sources.rq").text).bindings():
        entity, source = row["entity"], row["source"]
        citations.sources_of.setdefault(entity, []).append(source)
        citations.uses.setdefault(source, SourceUse()).entities.append(entity)
    for row in graph.query(load_query_file(_QUERIES / "evidence.rq").text).bindings():
        supports = tuple(sorted(URIRef(s) for s in str(row.get("supported", "")).split()))
        quote = Quote(entity=row["entity"], supports=supports, text=str(row["quote"]))
        citations.uses.setdefault(row["source"], SourceUse()).quotes.append(quote)
    for use in citations.uses.values():
        use.entities.sort(key=str)
        use.quotes.sort(key=lambda q: (str(q.entity), q.text, [str(s) for s in q.supports]))
    for sources in citations.sources_of.values():
        sources.sort(key=str)
    return citations
