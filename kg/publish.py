"""Upload the graph to a SPARQL server through the SPARQL 1.1 Graph Store HTTP
Protocol: each data file replaces its named graph there (PUT). Credentials come
from the environment (KG_ENDPOINT_USER, KG_ENDPOINT_PASSWORD), never from
arguments; Basic or Digest authentication, as the server asks."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import KgError
from kg.remote import EndpointError, RemoteStore
from kg.store import KnowledgeGraph

USER_VARIABLE = "KG_ENDPOINT_USER"
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"


@dataclass(frozen=True)
class Published:
    """One named graph as uploaded (and, with a query endpoint, as counted back)."""

    graph: str
    triples: int
    counted: int | None = None


def publish(
    graph: KnowledgeGraph,
    store_endpoint: str,
    query_endpoint: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[Published]:
    """PUT every named graph to `store_endpoint`; with `query_endpoint`, also drop
    graphs of ours that are there but no longer here, and count each graph back."""
    import requests

    session = requests.Session()
    session.auth = _auth(session, store_endpoint)
    names = sorted(graph.graph_names())
    out = []
    for done, name in enumerate(names, 1):
        body = _ntriples(graph, name)
        _send(session, "PUT", store_endpoint, name, body)
        out.append(Published(name, body.count(b"\n")))
        if progress:
            progress(name, done, len(names))
    if query_endpoint:
        remote = RemoteStore(query_endpoint)
        for stale in sorted({g.value for g in remote.named_graphs()} - set(names)):
            _send(session, "DELETE", store_endpoint, stale, None)
        out = [Published(p.graph, p.triples, _count(remote, p.graph)) for p in out]
    return out


def _ntriples(graph: KnowledgeGraph, name: str) -> bytes:
    quads = graph._store.quads_for_pattern(None, None, None, ox.NamedNode(name))
    return ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_TRIPLES)


def _auth(session, endpoint: str):
    """Digest or Basic credentials from the environment, as the server's challenge asks; None without them."""
    from requests.auth import HTTPBasicAuth, HTTPDigestAuth

    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if not user:
        return None
    if password is None:
        raise KgError(f"{USER_VARIABLE} is set but {PASSWORD_VARIABLE} is not")
    try:
        challenge = session.get(endpoint, timeout=30).headers.get("WWW-Authenticate", "")
    except Exception as exc:
        raise EndpointError(f"{endpoint}: cannot reach the graph store ({type(exc).__name__})") from None
    return HTTPDigestAuth(user, password) if challenge.lower().startswith("digest") else HTTPBasicAuth(user, password)


def _send(session, method: str, endpoint: str, name: str, body: bytes | None) -> None:
    import requests

    headers = {"Content-Type": "text/turtle; charset=utf-8"} if body is not None else {}
    try:
        response = session.request(method, endpoint, params={"graph": name}, data=body, headers=headers, timeout=600)
    except requests.RequestException as exc:
        raise EndpointError(f"{endpoint}: cannot reach the graph store ({type(exc).__name__})") from None
    if response.status_code in (401, 403):
        raise EndpointError(
            f"{endpoint}: HTTP {response.status_code}, not allowed to write <{name}>; "
            f"set {USER_VARIABLE} and {PASSWORD_VARIABLE}"
        )
    if response.status_code >= 300 and not (method == "DELETE" and response.status_code == 404):
        first = (response.text.strip().splitlines() or [""])[0][:200]
        raise EndpointError(f"{endpoint}: HTTP {response.status_code} for <{name}>: {first}")


def _count(remote: RemoteStore, name: str) -> int:
    rows = list(remote.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"))
    return int(rows[0]["n"].value)
