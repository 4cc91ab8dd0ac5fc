"""The ontology: its header, and the closed namespace class in step with it."""

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF

from kg.namespaces import GBA, ONTOLOGY_IRI
from tests.conftest import REPO


def _ontology() -> Graph:
    return Graph().parse(REPO / "ontology" / "gba.ttl")


def test_ontology_header_has_title_licence_version_and_dates():
    g = _ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    for prop in (DCTERMS.title, DCTERMS.license, OWL.versionIRI, OWL.versionInfo, DCTERMS.created, DCTERMS.modified):
        assert g.value(ONTOLOGY_IRI, prop) is not None, prop


def test_namespace_class_lists_exactly_the_ontology_terms():
    g = _ontology()
    ns = str(GBA._NS)
    defined = {str(s)[len(ns) :] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(ns)}
    declared = set(GBA.__annotations__)
    assert defined == declared


def test_misspelt_term_fails_at_once():
    import pytest

    with pytest.raises(AttributeError):
        GBA.reportedby  # noqa: B018
