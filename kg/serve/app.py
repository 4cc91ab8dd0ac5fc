"""The web application: the SPARQL endpoint at /sparql, the query page at /,
the service description and the dataset's VoID/DCAT description."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, render_template, request

from kg.errors import KgError, QueryRefused, QueryTimeout
from kg.serve.precheck import precheck
from kg.serve.protocol import ProtocolError, read_job
from kg.serve.workers import Workers

HERE = Path(__file__).parent
log = logging.getLogger("kg.serve")
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class ServeOptions:
    """How the endpoint behaves: row cap, CORS origin (None: off), request size cap."""

    max_rows: int = 10_000
    cors: str | None = None
    max_request_bytes: int = 1_000_000


@dataclass(frozen=True)
class Described:
    """What the server says about itself, computed once at start."""

    graphs: tuple[str, ...]
    void_turtle: str
    examples: tuple[dict[str, str], ...]


def create_app(workers: Workers, described: Described, options: ServeOptions | None = None) -> Flask:
    """The Flask application; `workers` run the queries."""
    options = options or ServeOptions()
    app = Flask("kg.serve", root_path=str(HERE), static_folder="static", template_folder="templates")
    app.config["MAX_CONTENT_LENGTH"] = options.max_request_bytes

    @app.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        try:
            job = read_job(request, options.max_rows)
        except ProtocolError as exc:
            return _text(exc.status, exc.message)
        if job is None:
            return _turtle(service_description(request.base_url, described.graphs))
        try:
            precheck(job, described.graphs)
        except QueryRefused as exc:
            return _text(403, f"refused: {exc}")
        try:
            answer = workers.run(job)
        except QueryTimeout as exc:
            return _text(503, str(exc))
        except KgError as exc:
            return _text(500, str(exc))
        response = Response(answer.body, status=answer.status, content_type=_content_type(answer.media_type))
        response.headers.update(answer.headers)
        return response

    @app.route("/void")
    def void() -> Response:
        return _turtle(described.void_turtle)

    @app.route("/")
    def page() -> Response:
        examples = json.dumps(list(described.examples), ensure_ascii=False).replace("<", "\\u003c")
        response = Response(render_template("query.html", examples=examples), content_type="text/html; charset=utf-8")
        response.headers["Content-Security-Policy"] = PAGE_CSP
        return response

    _guard(app, options)
    return app


def _guard(app: Flask, options: ServeOptions) -> None:
    """Headers on every answer, CORS only when asked for, no internals in errors."""

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        if options.cors and request.path == "/sparql":
            response.headers["Access-Control-Allow-Origin"] = options.cors
            response.headers["Access-Control-Allow-Methods"] = "GET, POST"
            response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        return response

    @app.errorhandler(413)
    def too_large(_error) -> Response:
        return _text(413, f"the request is larger than {options.max_request_bytes} bytes")

    @app.errorhandler(404)
    def not_found(_error) -> Response:
        return _text(404, "not found: the endpoint is /sparql, the query page is /")

    @app.errorhandler(405)
    def not_allowed(_error) -> Response:
        return _text(405, "method not allowed: use GET or POST")

    @app.errorhandler(Exception)
    def internal(error: Exception) -> Response:
        log.exception("internal error", exc_info=error)
        return _text(500, "internal error")


def service_description(endpoint: str, graphs: tuple[str, ...]) -> str:
    """The SPARQL service description, with the endpoint's address and its named graphs."""
    from rdflib import RDF, BNode, Graph, Namespace, URIRef

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    g = Graph()
    g.bind("sd", sd)
    g.parse(HERE / "service.ttl", format="turtle", publicID=endpoint)
    dataset = URIRef(endpoint + "#dataset")
    for iri in graphs:
        named = BNode()
        g.add((dataset, sd.namedGraph, named))
        g.add((named, RDF.type, sd.NamedGraph))
        g.add((named, sd.name, URIRef(iri)))
    return g.serialize(format="turtle")


def _text(status: int, message: str) -> Response:
    return Response(message.rstrip("\n") + "\n", status=status, content_type="text/plain; charset=utf-8")


def _turtle(text: str) -> Response:
    return Response(text, content_type="text/turtle; charset=utf-8")


def _content_type(media_type: str) -> str:
    return f"{media_type}; charset=utf-8"
