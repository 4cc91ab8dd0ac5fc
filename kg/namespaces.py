"""The namespaces of the graph: our ontology (closed), our instances, and the prefixes we declare."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = URIRef("https://w3id.org/gba-kg/ontology")
KG = Namespace("https://w3id.org/gba-kg/id/")
GRAPHS = Namespace("https://w3id.org/gba-kg/graph/")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")


class GBA(DefinedNamespace):
    """Terms of ontology/gba.ttl. Closed: a misspelt term raises AttributeError."""

    _NS = Namespace("https://w3id.org/gba-kg/ontology#")
    _fail = True

    # classes
    Agreement: URIRef
    Batch: URIRef
    City: URIRef
    CooperationZone: URIRef
    District: URIRef
    Evidence: URIRef
    GovernmentAgency: URIRef
    Guideline: URIRef
    Law: URIRef
    Measure: URIRef
    Observation: URIRef
    Organisation: URIRef
    Person: URIRef
    Place: URIRef
    Plan: URIRef
    PolicyInstrument: URIRef
    PolicyList: URIRef
    Port: URIRef
    Practice: URIRef
    Programme: URIRef
    Province: URIRef
    Publication: URIRef
    Qualifier: URIRef
    Region: URIRef
    Role: URIRef
    Site: URIRef
    SourceDocument: URIRef
    SpecialAdministrativeRegion: URIRef
    Standard: URIRef
    TypicalCase: URIRef
    Unit: URIRef
    # properties
    about: URIRef
    adminLevel: URIRef
    asOf: URIRef
    asOfPhrase: URIRef
    batchNumber: URIRef
    caseNumber: URIRef
    category: URIRef
    counterpart: URIRef
    datePhrase: URIRef
    describes: URIRef
    domain: URIRef
    effectiveDate: URIRef
    enables: URIRef
    eventDate: URIRef
    evidence: URIRef
    fileName: URIRef
    flow: URIRef
    inBatch: URIRef
    involves: URIRef
    issuedBy: URIRef
    issuedDate: URIRef
    jurisdiction: URIRef
    keyDate: URIRef
    launchDate: URIRef
    measure: URIRef
    openingDate: URIRef
    organisationKind: URIRef
    outOfScope: URIRef
    period: URIRef
    qualifier: URIRef
    quote: URIRef
    reportedBy: URIRef
    signatory: URIRef
    signedDate: URIRef
    supports: URIRef
    timeNote: URIRef
    trialDate: URIRef
    unit: URIRef
    value: URIRef
    within: URIRef


PREFIXES: dict[str, str] = {
    "gba": str(GBA._NS),
    "kg": str(KG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "org": str(ORG),
    "schema": str(SCHEMA),
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
