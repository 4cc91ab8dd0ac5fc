"""`kg serve`: the SPARQL 1.1 Protocol through real HTTP clients (requests and
SPARQLWrapper) against a real server with worker processes, its refusals of
hostile queries, its time limit, and the query page in headless Chromium."""

from __future__ import annotations

import io
import json
import time

import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

from kg.query import find_query
from kg.serve.app import ServeOptions
from kg.serve.server import Server, Settings
from kg.store import KnowledgeGraph

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CASES = "SELECT ?case ?label WHERE { ?case a gba:TypicalCase ; rdfs:label ?label } ORDER BY ?case ?label"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIME_LIMIT = 3.0
MAX_ROWS = 1000


@pytest.fixture(scope="module")
def server(real_project, real_graph):
    settings = Settings(port=0, processes=2, time_limit=TIME_LIMIT, options=ServeOptions(max_rows=MAX_ROWS))
    with Server(real_project, settings) as running:
        yield running


@pytest.fixture(scope="module")
def endpoint(server) -> str:
    return server.url + "sparql"


def ask(endpoint: str, query: str, accept: str = "application/sparql-results+json", **extra) -> requests.Response:
    return requests.post(endpoint, data={"query": query, **extra}, headers={"Accept": accept}, timeout=60)


def rows_of(result: Result) -> set[tuple[str, ...]]:
    return {tuple(str(term) for term in row) for row in result}


def embedded_rows(graph: KnowledgeGraph, query: str) -> set[tuple[str, ...]]:
    return {tuple(str(term) for term in row) for row in graph.query(query).rows}


# ------------------------------------------------------------------ the protocol


def test_get_post_form_and_post_body_give_the_embedded_answer(endpoint, real_graph):
    expected = embedded_rows(real_graph, CASES)
    by_get = requests.get(endpoint, params={"query": CASES}, headers={"Accept": "application/sparql-results+json"})
    by_form = ask(endpoint, CASES)
    by_body = requests.post(
        endpoint, data=CASES.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"}
    )
    for response, fmt in ((by_get, "json"), (by_form, "json"), (by_body, "csv")):
        assert response.status_code == 200, response.text
        assert rows_of(Result.parse(io.BytesIO(response.content), format=fmt)) == expected


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_reads_every_result_format(endpoint, real_graph, fmt):
    client = SPARQLWrapper(endpoint)
    client.setMethod("POST")
    client.setQuery(CASES)
    client.setReturnFormat(fmt)
    raw = client.query().response.read()
    parsed = Result.parse(io.BytesIO(raw), format={JSON: "json", XML: "xml", CSV: "csv", TSV: "tsv"}[fmt])
    expected = embedded_rows(real_graph, CASES)
    assert rows_of(parsed) == expected


def test_ask_construct_and_describe_in_each_rdf_format(endpoint, real_graph):
    yes = ask(endpoint, "ASK { ?c a gba:TypicalCase }").json()
    assert yes == {"head": {}, "boolean": True}
    construct = "CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a gba:TypicalCase ; rdfs:label ?l }"
    expected = len(real_graph.query(construct).graph)
    assert expected > 50
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")):
        response = ask(endpoint, construct, accept=accept)
        assert response.status_code == 200 and response.headers["Content-Type"].startswith(accept)
        assert len(Graph().parse(data=response.content, format=fmt)) == expected
    described = Graph().parse(data=ask(endpoint, "DESCRIBE kg:case-b2-01", accept="text/turtle").content)
    assert (URIRef("https://w3id.org/gba-kg/id/case-b2-01"), None, None) in described


def test_protocol_dataset_names_one_file(endpoint, real_graph):
    places = "https://w3id.org/gba-kg/graph/triples/places"
    only_places = ask(endpoint, COUNT, **{"default-graph-uri": places}).json()
    expected = len(real_graph.named_graph(places))
    assert int(only_places["results"]["bindings"][0]["n"]["value"]) == expected
    everything = ask(endpoint, COUNT).json()
    assert int(everything["results"]["bindings"][0]["n"]["value"]) == len(real_graph)


def test_service_description_and_dataset_description(server, endpoint, real_graph):
    sd = Graph().parse(data=requests.get(endpoint).content, format="turtle")
    service = URIRef(endpoint)
    assert (service, URIRef("http://www.w3.org/ns/sparql-service-description#endpoint"), service) in sd
    named = set(sd.objects(None, URIRef("http://www.w3.org/ns/sparql-service-description#name")))
    assert {str(n) for n in named} == set(real_graph.graph_names())
    void = Graph().parse(data=requests.get(server.url + "void").content, format="turtle")
    triples = [int(o) for o in void.objects(None, URIRef("http://rdfs.org/ns/void#triples"))]
    assert len(real_graph.union()) in triples  # distinct triples across the named graphs


def test_answers_are_capped_and_say_so(endpoint):
    response = ask(endpoint, "SELECT * WHERE { ?s ?p ?o }")
    assert len(response.json()["results"]["bindings"]) == MAX_ROWS
    assert response.headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    small = ask(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")
    assert "X-SPARQL-MaxRows" not in small.headers


def test_unacceptable_format_is_406(endpoint):
    assert ask(endpoint, CASES, accept="image/png").status_code == 406


# ------------------------------------------------------------------ safe by design


@pytest.mark.parametrize(
    "data, headers",
    [
        ({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, {}),
        (b"DROP ALL", {"Content-Type": "application/sparql-update"}),
        ({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, {}),
        ({"query": "LOAD <file:///etc/passwd>"}, {}),
        ({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"}, {}),
        ({"query": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"}, {}),
        ({"query": "SELECT * FROM NAMED <https://example.org/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }"}, {}),
        ({"query": COUNT, "default-graph-uri": "file:///etc/passwd"}, {}),
        ({"query": COUNT, "named-graph-uri": "http://example.org/"}, {}),
    ],
)
def test_hostile_requests_are_refused(endpoint, real_graph, data, headers):
    response = requests.post(endpoint, data=data, headers=headers, timeout=30)
    assert response.status_code == 403, response.text
    assert "refused" in response.text.lower() or "read-only" in response.text
    after = ask(endpoint, COUNT).json()
    assert int(after["results"]["bindings"][0]["n"]["value"]) == len(real_graph)


def test_errors_do_not_echo_internals(endpoint):
    response = ask(endpoint, "SELECT ?x WHERE { ?x ?y }")
    assert response.status_code == 400
    assert response.text.startswith("SPARQL syntax error at line 1")
    for leak in ("Traceback", 'File "', ".py", "/work", "site-packages"):
        assert leak not in response.text
    assert requests.get(endpoint.replace("sparql", "nothing-here")).status_code == 404
    assert requests.put(endpoint, data=b"x").status_code == 405


def test_cors_is_off_unless_asked(endpoint, real_project):
    response = requests.get(endpoint, params={"query": COUNT}, headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    settings = Settings(port=0, processes=1, options=ServeOptions(cors="https://research.example"))
    with Server(real_project, settings) as open_server:
        allowed = requests.get(open_server.url + "sparql", params={"query": COUNT})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://research.example"


def test_request_size_is_capped(endpoint):
    values = " ".join(f"<urn:x{i}>" for i in range(100_000))
    response = ask(endpoint, f"SELECT ?v WHERE {{ VALUES ?v {{ {values} }} }}")
    assert response.status_code == 413


def test_time_limit_stops_the_query_and_the_server_goes_on(endpoint, real_graph):
    start = time.monotonic()
    response = ask(endpoint, SLOW)
    took = time.monotonic() - start
    assert response.status_code == 503 and "time limit" in response.text
    assert took < TIME_LIMIT + 15
    for _ in range(3):
        again = ask(endpoint, COUNT).json()
        assert int(again["results"]["bindings"][0]["n"]["value"]) == len(real_graph)


# ------------------------------------------------------------------ the page


def test_query_page_runs_a_named_query_offline(server, browser):
    visit = browser.visit_url(server.url, wait_for=".yasqe .CodeMirror")
    page = visit.page
    count = page.evaluate("() => window.kgExamples")
    assert count == len(json.loads(page.locator("#example-data").text_content()))
    page.locator("#examples button", has_text="cases-by-domain").first.click()
    page.wait_for_selector(".yasr table tbody tr", timeout=60_000)
    assert page.locator(".yasr table tbody tr").count() > 5
    assert visit.outside_requests == []
    assert visit.console_errors == []


def test_query_page_sends_a_strict_content_security_policy(server):
    response = requests.get(server.url)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-eval" not in policy


def test_named_query_is_an_example(server):
    page = requests.get(server.url).text
    assert find_query("cases-by-domain").name in page


# ------------------------------------------------------------------ under load, and from the command line


def test_misbehaving_clients_get_no_wrong_answer(server):
    from benchmarks.serve_load import run

    tally, _ = run(server.url, clients=6, seconds=6)
    kinds = {kind for kind, _ in tally.statuses}
    assert kinds >= {"valid", "malformed", "hostile"}
    assert tally.wrong == []
    assert sum(n for (kind, code), n in tally.statuses.items() if kind == "valid" and code == 200) > 5


def test_kg_serve_command_serves_until_stopped(real_project):
    import signal
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), "--index", str(real_project.index_dir)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stderr.readline()
        assert f"http://127.0.0.1:{port}/" in banner
        answer = requests.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
        assert answer.json()["boolean"] is True
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    assert process.returncode == 0


def test_serves_while_the_process_holds_over_1024_files(real_project):
    """Each file of an opened index is a descriptor, so a server process can hold more
    than select() takes (1,024); waitress's loop died there and every request hung."""
    held = [open("/dev/null", "rb") for _ in range(1100)]  # noqa: SIM115 (closed below)
    try:
        with Server(real_project, Settings(port=0, processes=1, time_limit=10.0)) as running:
            reply = requests.get(running.url + "sparql", params={"query": "ASK {}"}, timeout=30)
        assert reply.status_code == 200 and reply.json()["boolean"] is True
    finally:
        for handle in held:
            handle.close()
