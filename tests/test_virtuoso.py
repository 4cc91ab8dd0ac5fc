"""The same commands against a real SPARQL server: the graph published to
Virtuoso (Debian's virtuoso-opensource, started by .ci/run on loopback) through
the Graph Store Protocol, then every named query run there and on the embedded
store, with the same answers required.

Needs KG_TEST_VIRTUOSO (the SPARQL endpoint) and KG_TEST_VIRTUOSO_STORE (its
Graph Store endpoint), with KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD; `.ci/run`
sets them. Skipped on a developer machine without them, never in CI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import pytest

from kg.formats import parts
from kg.publish import publish
from kg.query import named_queries
from kg.remote import open_remote
from kg.store import KnowledgeGraph

SPARQL = os.environ.get("KG_TEST_VIRTUOSO")
STORE = os.environ.get("KG_TEST_VIRTUOSO_STORE")

PARAMS = {
    "located-in": {"place": "横琴"},
    "cases-by-agency": {"agency": "省人社厅"},
    "figures-about": {"subject": "港澳药械通"},
}
"""Queries also run with a parameter, as users run them (each also runs without)."""


@pytest.fixture(scope="module")
def virtuoso(real_graph: KnowledgeGraph) -> KnowledgeGraph:
    if not (SPARQL and STORE):
        if os.environ.get("CI"):
            pytest.fail("CI must start Virtuoso and set KG_TEST_VIRTUOSO and KG_TEST_VIRTUOSO_STORE (.ci/run)")
        pytest.skip("no Virtuoso to test against (set KG_TEST_VIRTUOSO and KG_TEST_VIRTUOSO_STORE)")
    published = publish(real_graph, STORE, SPARQL)
    assert {p.graph for p in published} == set(real_graph.graph_names())
    assert all(p.counted == p.triples for p in published), published
    return open_remote(SPARQL)


def normalised(graph: KnowledgeGraph, text: str, bindings=None) -> tuple[list[str], Counter]:
    """Variables and rows, compared as RDF says they are equal: language tags in any
    case, blank nodes by position only; GROUP_CONCAT's order is not defined by
    SPARQL, so the parts of a concatenated literal are compared as a sorted list."""
    result = graph.query(text, bindings)
    rows = Counter(tuple(_term(t) for t in row) for row in result.terms())
    return result.variables, rows


def _term(term: object) -> tuple:
    p = parts(term)
    if p is None:
        return ("unbound",)
    if p.kind == "bnode":
        return ("bnode",)
    if p.kind == "literal" and not p.datatype and not p.language:
        return ("literal", tuple(sorted(p.value.replace(",", " ").split())))
    return (p.kind, p.value, (p.language or "").lower(), p.datatype)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_gives_the_same_answer_on_virtuoso(virtuoso, real_graph, name):
    from kg.query import bind_parameters

    query = named_queries()[name]
    runs = [{}] + ([PARAMS[name]] if name in PARAMS else [])
    for params in runs:
        here = normalised(real_graph, query.text, bind_parameters(real_graph, query, params))
        there = normalised(virtuoso, query.text, bind_parameters(virtuoso, query, params))
        assert here[0] == there[0]
        assert sum(here[1].values()) > 0 or name.startswith("missing-"), f"{name} {params} answers nothing here"
        assert here[1] == there[1], f"{name} {params}: {len(here[1])} distinct rows here, {len(there[1])} there"


def test_kg_query_cli_with_endpoint(virtuoso, real_graph):
    run = [sys.executable, "-m", "kg.cli", "query", "cases-by-agency", "-p", "agency=省人社厅", "--format", "csv"]
    here = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    there = subprocess.run([*run, "--endpoint", SPARQL], capture_output=True, text=True, check=True).stdout
    assert sorted(here.splitlines()) == sorted(there.splitlines())
    assert len(here.splitlines()) > 1


def test_kg_export_with_endpoint(virtuoso, tmp_path):
    here, there = tmp_path / "here.ttl", tmp_path / "there.ttl"
    base = [sys.executable, "-m", "kg.cli", "export", "--focus", "港澳药械通", "--hops", "1", "--format", "nt"]
    subprocess.run([*base, "-o", str(here)], check=True, capture_output=True)
    subprocess.run([*base, "-o", str(there), "--endpoint", SPARQL], check=True, capture_output=True)
    from rdflib import Graph
    from rdflib.compare import isomorphic

    assert isomorphic(Graph().parse(here), Graph().parse(there))


def test_kg_view_with_endpoint(virtuoso, tmp_path):
    base = [sys.executable, "-m", "kg.cli", "view", "--focus", "港澳药械通", "--hops", "1"]
    here = subprocess.run([*base, "-o", str(tmp_path / "here.html")], check=True, capture_output=True, text=True)
    there = subprocess.run(
        [*base, "-o", str(tmp_path / "there.html"), "--endpoint", SPARQL], check=True, capture_output=True, text=True
    )
    summary = here.stdout.split(": ", 1)[1]  # "N nodes, M links (scope)"
    assert there.stdout.split(": ", 1)[1] == summary
