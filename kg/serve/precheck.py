"""Checks a query passes in the server process, before any worker is given it:
the refusals of kg.sparql_guard (updates, SERVICE, graphs not loaded here, and
queries too deep or too large to parse safely), so that hostile queries never wait
in the workers' queue. Parsing and evaluating happen in the time-limited workers."""

from __future__ import annotations

from collections.abc import Collection

from kg.serve.workers import Job
from kg.sparql_guard import check_query


def precheck(job: Job, graphs: Collection[str]) -> None:
    """Raise QueryRefused for a query no worker should run."""
    check_query(job.query, graphs, job.default_graphs + job.named_graphs)
