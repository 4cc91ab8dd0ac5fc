"""The namespaces of the graph as rdflib terms: our ontology (closed), our instances, our graphs."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.prefixes import GRAPHS_NS, KG_NS, ONTOLOGY_NS, PREFIXES, curie, expand

ONTOLOGY_IRI = URIRef("https://w3id.org/gba-kg/ontology")
KG = Namespace(KG_NS)
GRAPHS = Namespace(GRAPHS_NS)
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")


class GBA(DefinedNamespace):
    """Terms of ontology/gba.ttl. Closed: a misspelt term raises AttributeError."""

    _NS = Namespace(ONTOLOGY_NS)
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
    draftedBy: URIRef
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


__all__ = ["GBA", "GRAPHS", "KG", "ONTOLOGY_IRI", "PREFIXES", "SCHEMA", "SH", "curie", "expand"]
