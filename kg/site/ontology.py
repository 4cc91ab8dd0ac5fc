"""The ontology reference: pyLODE's OntPub page for the ontology file of `ontology/`,
with the site's Content Security Policy (no script at all) and a bar back to the
site; and the fragment id of each term, for links from entity pages."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from rdflib import Graph

from kg.errors import KgError
from kg.namespaces import ONTOLOGY_IRI
from kg.paths import QUERIES_DIR
from kg.prefixes import PREFIXES
from kg.queryfile import load_query_file
from kg.store import KnowledgeGraph

ONTOLOGY_CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline' file:; img-src data:; base-uri 'none'; form-action 'none'"
)
"""pyLODE writes its style sheet inline; the page needs no script, so none may run."""
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class OntologyReference:
    html: str
    anchors: dict[str, str]
    """Term IRI → fragment id on the page (only ids the page holds)."""


def ontology_graph(graph: KnowledgeGraph) -> Graph:
    """The named graph that declares the project's ontology, as an rdflib Graph with our prefixes."""
    from rdflib import URIRef

    text = load_query_file(QUERIES_DIR / "site" / "ontology-graph.rq").text
    rows = graph.query(text, {"ontology": URIRef(str(ONTOLOGY_IRI))}).bindings()
    if not rows:
        raise KgError(f"no file in ontology/ declares <{ONTOLOGY_IRI}> a owl:Ontology: no ontology reference to make")
    ontology = graph.named_graph(str(rows[0]["graph"]))
    for prefix, ns in PREFIXES.items():
        ontology.bind(prefix, ns, override=True)
    return ontology


def ontology_reference(graph: KnowledgeGraph, bar: str) -> OntologyReference:
    """pyLODE's page for the ontology, with `bar` (HTML) at the top of its body."""
    ontpub = _ontpub_class()
    doc = ontpub(ontology_graph(graph), sort_subjects=True)
    html = doc.make_html()
    ids = set(_ID.findall(html))
    anchors = {iri: fid for iri, fid in sorted(doc.fids.items()) if fid in ids}
    return OntologyReference(html=_with_site_head(html, bar), anchors=anchors)


def _ontpub_class():
    """pyLODE's OntPub, imported without keeping the logging set-up pyLODE does on import
    (logging.basicConfig at DEBUG level in one of its modules)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        from pylode import OntPub
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
    return OntPub


def _with_site_head(html: str, bar: str) -> str:
    head = (
        "<head>\n"
        f'    <meta http-equiv="Content-Security-Policy" content="{ONTOLOGY_CSP}">\n'
        '    <meta name="referrer" content="no-referrer">\n'
        '    <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '    <link rel="stylesheet" href="assets/site.css">'
    )
    out, heads = re.subn(r"<head>", head, html, count=1)
    out, bodies = re.subn(r"<body>", "<body>\n" + bar, out, count=1)
    out, _ = re.subn(r"<html>", '<html lang="en">', out, count=1)
    if not (heads and bodies):
        raise KgError("pyLODE's page has no <head> or <body> where kg site expected them")
    return out
