"""Queries run in worker processes, so that a time limit really stops the work:
a query past its limit has its process killed (and a fresh one started)."""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError, QueryRefused, QuerySyntaxError, QueryTimeout

log = logging.getLogger("kg.serve")
_GRAPH = None


@dataclass(frozen=True)
class Answer:
    """What a worker sends back: an HTTP status, a media type and the body."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Job:
    """One query and how to answer it."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    solutions_type: str | None = None
    graph_type: str | None = None
    max_rows: int = 10_000


def open_worker(root: str, index_dir: str, backend: str) -> None:
    """Each worker opens the graph once (read-only), when it starts."""
    global _GRAPH
    from kg.paths import open_project
    from kg.store import open_graph

    _GRAPH = open_graph(open_project(root=Path(root), index_dir=Path(index_dir)), backend=backend)


def answer(job: Job) -> Answer:
    """Run one query in this worker; errors become 400 answers, never tracebacks."""
    from kg.serve.results import serialize
    from kg.store import RequestDataset

    dataset = RequestDataset(job.default_graphs, job.named_graphs)
    try:
        result = _GRAPH.query(job.query, max_rows=job.max_rows, dataset=dataset or None)  # type: ignore[union-attr]
    except QueryRefused as exc:
        return Answer(403, "text/plain", f"refused: {exc}\n".encode())
    except (QuerySyntaxError, KgError) as exc:
        return Answer(400, "text/plain", f"{exc}\n".encode())
    media_type = job.graph_type if result.kind == "graph" else job.solutions_type
    if media_type is None:
        return Answer(406, "text/plain", b"no acceptable format for this kind of answer\n")
    headers = {"X-SPARQL-MaxRows": str(job.max_rows)} if result.truncated else {}
    return Answer(200, media_type, serialize(result, media_type), headers)


class Workers:
    """A pool of worker processes with a time limit per query."""

    def __init__(self, root: Path, index_dir: Path, backend: str, processes: int, time_limit: float):
        from pebble import ProcessPool

        self.time_limit = time_limit
        self.pool = ProcessPool(
            max_workers=processes,
            initializer=open_worker,
            initargs=(str(root), str(index_dir), backend),
            context=_context(),
        )

    def run(self, job: Job) -> Answer:
        """The answer, or QueryTimeout once the limit passes (the worker is killed)."""
        future = self.pool.schedule(answer, args=(job,), timeout=self.time_limit)
        try:
            return future.result()
        except FutureTimeout:
            raise QueryTimeout(self.time_limit) from None
        except Exception:
            log.exception("query failed in a worker")
            raise KgError("internal error while answering the query") from None

    def close(self) -> None:
        self.pool.stop()
        self.pool.join(timeout=10)


def _context() -> multiprocessing.context.BaseContext:
    """Fresh worker processes forked from a server that has the libraries imported
    already (quick to replace a killed worker), never from this threaded process."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.store", "kg.serve.results", "rdflib"])
    return context
