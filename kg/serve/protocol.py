"""The SPARQL 1.1 Protocol's query operation: read a request into a Job.

GET with `query=`, POST form-encoded with `query=`, or POST with the query as the
body (`application/sparql-query`); `default-graph-uri` and `named-graph-uri` name
the dataset. Updates (`update=`, `application/sparql-update`) are refused."""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MIMEAccept
from werkzeug.wrappers import Request

from kg.serve.results import DEFAULT_GRAPH, DEFAULT_SOLUTIONS, GRAPH_TYPES, SOLUTION_TYPES
from kg.serve.workers import Job


@dataclass
class ProtocolError(Exception):
    """A request the protocol does not allow: its HTTP status and a one-line reason."""

    status: int
    message: str


def read_job(request: Request, max_rows: int) -> Job | None:
    """The query the request asks for; None for a plain GET (the service description)."""
    content_type = (request.mimetype or "").lower()
    _require_utf8(request)
    if content_type == "application/sparql-update" or "update" in request.values:
        raise ProtocolError(403, "SPARQL Update is refused: this endpoint is read-only")
    if request.method == "POST" and content_type == "application/sparql-query":
        query = request.get_data(as_text=True)
    else:
        queries = request.values.getlist("query")
        if not queries:
            if request.method == "GET":
                return None
            raise ProtocolError(400, "no query: send query= (form) or a body of type application/sparql-query")
        if len(queries) > 1:
            raise ProtocolError(400, "more than one query parameter")
        query = queries[0]
    if not query.strip():
        raise ProtocolError(400, "the query is empty")
    solutions, graph = negotiate(request.accept_mimetypes)
    return Job(
        query=query,
        default_graphs=tuple(request.args.getlist("default-graph-uri") + request.form.getlist("default-graph-uri")),
        named_graphs=tuple(request.args.getlist("named-graph-uri") + request.form.getlist("named-graph-uri")),
        solutions_type=solutions,
        graph_type=graph,
        max_rows=max_rows,
    )


def _require_utf8(request: Request) -> None:
    """Refuse a query string or body whose text is not UTF-8 (never run a query with characters replaced)."""
    from urllib.parse import parse_qsl

    try:
        if request.query_string:
            parse_qsl(request.query_string.decode("ascii"), encoding="utf-8", errors="strict")
        body = request.get_data(cache=True)
        if (request.mimetype or "") == "application/x-www-form-urlencoded":
            parse_qsl(body.decode("ascii"), encoding="utf-8", errors="strict")
        else:
            body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request is not UTF-8 text") from None


def negotiate(accept: MIMEAccept) -> tuple[str | None, str | None]:
    """The best media type for solutions (SELECT, ASK) and for graphs (CONSTRUCT, DESCRIBE)."""
    if not accept or accept.best in (None, "*/*"):
        return DEFAULT_SOLUTIONS, DEFAULT_GRAPH
    solutions = accept.best_match(list(SOLUTION_TYPES), default=None)
    graph = accept.best_match(list(GRAPH_TYPES), default=None)
    return solutions, graph
