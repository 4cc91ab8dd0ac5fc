"""How a draft marks what it drafted, and how accepting removes the marks.

Every subject a draft states something about carries `gba:draftedBy` the ingest
activity (a term proposed for the ontology; see docs/ingest.md). The activity
`prov:used` the source document and `prov:generated` the draft graph, whose IRI
names the batch: https://w3id.org/gba-kg/graph/drafts/batch-N. Decisions the draft
leaves to the curator (an ambiguous name) are `skos:editorialNote`s starting with
`[kg ingest]`: accepting refuses while one is left."""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from kg.prefixes import GRAPHS_NS, ONTOLOGY_NS

DRAFTED_BY = URIRef(ONTOLOGY_NS + "draftedBy")
"""Proposed term gba:draftedBy (not yet in ontology/gba.ttl): statements about this node drafted by an activity."""
NOTE_PREFIX = "[kg ingest]"
_BATCH = re.compile(r"drafts/batch-([0-9]+)$")


def draft_graph_iri(batch: int) -> URIRef:
    """The named graph of a draft: the batch it drafts."""
    return URIRef(f"{GRAPHS_NS}drafts/batch-{batch}")


def activity_iri(batch: int) -> URIRef:
    return URIRef(f"{draft_graph_iri(batch)}#ingest")


def draft_batch(graph: Graph) -> int | None:
    """The batch a draft graph drafts, from its marking; None if it is not a draft."""
    for bundle in graph.objects(None, PROV.generated):
        match = _BATCH.search(str(bundle))
        if match and (bundle, RDF.type, PROV.Bundle) in graph:
            return int(match.group(1))
    return None


def open_notes(graph: Graph) -> list[tuple[URIRef, str]]:
    """The curator's decisions a draft still waits for."""
    return sorted(
        (s, str(o))
        for s, o in graph.subject_objects(SKOS.editorialNote)
        if isinstance(o, Literal) and str(o).startswith(NOTE_PREFIX)
    )


def unmark(graph: Graph, batch: int) -> Graph:
    """A copy of the draft without its marking: no gba:draftedBy, no activity, no draft graph node."""
    marks = {activity_iri(batch), draft_graph_iri(batch)}
    clean = Graph()
    for prefix, ns in graph.namespaces():
        clean.bind(prefix, ns)
    for s, p, o in graph:
        if p == DRAFTED_BY or s in marks or o in marks:
            continue
        clean.add((s, p, o))
    return clean
