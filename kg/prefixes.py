"""Prefixes as plain strings (no rdflib import), for the fast query path and for output."""

from __future__ import annotations

ONTOLOGY_NS = "https://w3id.org/gba-kg/ontology#"
KG_NS = "https://w3id.org/gba-kg/id/"
GRAPHS_NS = "https://w3id.org/gba-kg/graph/"

PREFIXES: dict[str, str] = {
    "gba": ONTOLOGY_NS,
    "kg": KG_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
}
"""Prefixes declared in every query `kg` runs and used to shorten IRIs in output."""


def curie(iri: str) -> str:
    """Shorten an IRI with the declared prefixes (the IRI itself if none fits)."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    if not best:
        return iri
    return f"{best}:{iri[len(PREFIXES[best]) :]}"


def expand(term: str) -> str:
    """Expand a CURIE with the declared prefixes; other strings are returned as they are."""
    prefix, sep, local = term.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return term
