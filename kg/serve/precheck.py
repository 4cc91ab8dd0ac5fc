"""Checks a query passes in the server process, before any worker is given it:
refusals (kg.sparql_guard) and syntax, so that bad queries never wait in the
workers' queue. Syntax is checked by asking an empty Oxigraph store, which parses
the query exactly as the workers will and answers at once."""

from __future__ import annotations

from collections.abc import Collection

import pyoxigraph as ox

from kg.errors import QuerySyntaxError
from kg.prefixes import PREFIXES
from kg.serve.workers import Job
from kg.sparql_guard import check_graph, check_query

_EMPTY = ox.Store()


def precheck(job: Job, graphs: Collection[str]) -> None:
    """Raise QueryRefused or QuerySyntaxError for a query no worker should run."""
    check_query(job.query, graphs)
    for iri in job.default_graphs + job.named_graphs:
        check_graph(iri, graphs)
    try:
        answer = _EMPTY.query(job.query, prefixes=PREFIXES)
        if isinstance(answer, ox.QuerySolutions | ox.QueryTriples):
            next(iter(answer), None)
    except SyntaxError as exc:
        raise QuerySyntaxError.from_oxigraph(str(exc)) from None
