"""A SPARQL 1.1 endpoint in the place of the embedded store.

`RemoteStore` answers the calls `KnowledgeGraph` makes of an Oxigraph store, so
every command runs unchanged against any SPARQL server: queries go to the
endpoint over the SPARQL 1.1 Protocol (POST, form-encoded), with our prefixes
declared, parameters as a trailing VALUES block, and our named graphs (those under
GRAPHS_NS) as the dataset, so the default graph is their union there too. Walking
the graph (neighbourhoods for views and exports) works on a copy of those graphs
fetched once, because blank nodes cannot be named across requests."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator, Sequence

import pyoxigraph as ox

from kg.errors import KgError
from kg.prefixes import GRAPHS_NS, PREFIXES
from kg.sparql_guard import tokens

SOLUTIONS = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
TRIPLES = "application/n-triples, text/turtle;q=0.9"
GRAPHS_QUERY = (
    f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPHS_NS}")) }} ORDER BY ?g'
)


class EndpointError(KgError):
    """The endpoint could not be reached or refused the request."""


class RemoteStore:
    """The subset of `pyoxigraph.Store` that `KnowledgeGraph` uses, over HTTP."""

    def __init__(self, endpoint: str, timeout: float = 120.0):
        self.endpoint = endpoint
        self.timeout = timeout
        self._graphs: list[ox.NamedNode] | None = None
        self._mirror: ox.Store | None = None

    # ------------------------------------------------------------ queries

    def query(self, sparql: str, *, substitutions=None, use_default_graph_as_union=True, **scope):
        """Like `Store.query`; the dataset is our named graphs unless `default_graph`/`named_graphs` say otherwise."""
        text = _with_prefixes(sparql) + _values(substitutions or {})
        defaults, named = self._dataset(scope)
        body = [("query", text)] + [("default-graph-uri", g) for g in defaults]
        body += [("named-graph-uri", g) for g in named]
        return self._answer(self._post(body, accept=_accept(sparql)))

    def named_graphs(self) -> list[ox.NamedNode]:
        if self._graphs is None:
            answer = self._answer(self._post([("query", GRAPHS_QUERY)]))
            self._graphs = [row["g"] for row in answer]
        return list(self._graphs)

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(rows[0]["n"].value)

    # ------------------------------------------------------------ walking

    def quads_for_pattern(self, subject, predicate, obj, graph_name=None) -> Iterator[ox.Quad]:
        return self.mirror().quads_for_pattern(subject, predicate, obj, graph_name)

    def mirror(self) -> ox.Store:
        """Our named graphs copied into memory (once), for walking from node to node."""
        if self._mirror is None:
            store = ox.Store()
            for graph in self.named_graphs():
                sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
                triples = self._answer(self._post([("query", sparql)], accept=TRIPLES))
                store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
            self._mirror = store
        return self._mirror

    # ------------------------------------------------------------ HTTP

    def _dataset(self, scope: dict) -> tuple[list[str], list[str]]:
        if "default_graph" not in scope:
            graphs = [g.value for g in self.named_graphs()]
            return graphs, graphs
        default = scope["default_graph"]
        defaults = [g.value for g in default] if isinstance(default, list) else []
        return defaults, [g.value for g in scope.get("named_graphs") or []]

    def _post(self, body: Sequence[tuple[str, str]], accept: str = SOLUTIONS):
        import requests

        try:
            response = requests.post(self.endpoint, data=body, headers={"Accept": accept}, timeout=self.timeout)
        except requests.RequestException as exc:
            raise EndpointError(f"{self.endpoint}: cannot reach the endpoint ({type(exc).__name__})") from None
        if response.status_code != 200:
            first = (response.text.strip().splitlines() or [""])[0][:200]
            if response.status_code == 400:
                raise SyntaxError(first or "the endpoint refused the query")
            raise EndpointError(f"{self.endpoint}: HTTP {response.status_code} {first}")
        return response

    def _answer(self, response):
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        data = io.BytesIO(response.content)
        if kind in ("application/sparql-results+json", "application/json"):
            return ox.parse_query_results(_valid_bnodes(response.content), format=ox.QueryResultsFormat.JSON)
        if kind == "application/sparql-results+xml":
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.XML)
        if kind in ("application/n-triples", "text/turtle", "text/plain"):
            return list(ox.parse(data, format=ox.RdfFormat.TURTLE))
        raise EndpointError(f"{self.endpoint}: unexpected answer of type {kind or 'unknown'}")


def _valid_bnodes(document: bytes) -> bytes:
    """SPARQL JSON with blank node labels Oxigraph accepts (Virtuoso writes `nodeID://b123`);
    the same label always becomes the same one."""
    if b'"bnode"' not in document:
        return document
    parsed = json.loads(document)
    for row in parsed.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = "b" + hashlib.sha1(term["value"].encode("utf-8")).hexdigest()[:20]
    return json.dumps(parsed).encode("utf-8")


def _accept(sparql: str) -> str:
    """Solutions for SELECT and ASK, triples for CONSTRUCT and DESCRIBE (the first keyword that says which)."""
    for kind, value in tokens(sparql):
        word = value.upper() if kind == "word" else ""
        if word in ("SELECT", "ASK"):
            return SOLUTIONS
        if word in ("CONSTRUCT", "DESCRIBE"):
            return TRIPLES
    return SOLUTIONS


def _with_prefixes(sparql: str) -> str:
    """Our prefixes declared before the query's own (which win where they differ)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + sparql


def _values(substitutions: dict) -> str:
    """Bound variables as a VALUES block after the query: a join on the projected
    variables, which is what binding a projected variable means."""
    if not substitutions:
        return ""
    names = " ".join(str(v) for v in substitutions)
    terms = " ".join(str(t) for t in substitutions.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}"


def open_remote(endpoint: str, project=None):
    """A KnowledgeGraph whose store is the endpoint (the project, found from here if
    there is one, is used only for its file layout)."""
    from kg.paths import open_project
    from kg.store import KnowledgeGraph

    if not endpoint.startswith(("http://", "https://")):
        raise KgError(f"{endpoint!r}: an endpoint is an http:// or https:// address")
    if project is None:
        try:
            project = open_project()
        except KgError:
            project = None
    graph = KnowledgeGraph(project, RemoteStore(endpoint))  # type: ignore[arg-type]
    if not graph.named_graphs():
        raise EndpointError(f"{endpoint}: no graphs under {GRAPHS_NS} there; publish the graph first (kg publish)")
    return graph
