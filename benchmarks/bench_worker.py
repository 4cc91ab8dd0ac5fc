"""One size and one backend of the store benchmark, in a process of its own (so
that peak memory is its own): load, then each named query's median latency, as
JSON lines on standard output. A query past --query-timeout is reported as such
and the process ends (rdflib cannot be interrupted); the parent starts a fresh one
at the next query.

    python -m benchmarks.bench_worker ROOT INDEX BACKEND REPEATS [FIRST] [QUERY_TIMEOUT]
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time

from kg.errors import QueryTimeout
from kg.paths import open_project
from kg.query import named_queries
from kg.store import KnowledgeGraph, open_graph
from kg.timelimit import within


def emit(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_query(graph: KnowledgeGraph, text: str) -> None:
    rows = graph.query(text)
    _ = rows.terms() if rows.kind == "select" else rows.boolean


def main(root: str, index: str, backend: str, repeats: int, first: int = 0, timeout: float = 0) -> None:
    start = time.perf_counter()
    graph = open_graph(open_project(root=root, index_dir=index), backend=backend)
    if backend == "memory":
        graph.dataset()
    emit(kind="load", seconds=time.perf_counter() - start, triples=len(graph), peak_mb=peak_mb())
    for number, (name, query) in enumerate(named_queries().items()):
        if number < first:
            continue
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            try:
                within(timeout or None, lambda text=query.text: run_query(graph, text))
            except QueryTimeout:
                emit(kind="query", name=name, number=number, median=None, timeout=timeout)
                os._exit(3)
            times.append(time.perf_counter() - t)
            if times[-1] > 5:
                break
        emit(kind="query", name=name, number=number, median=statistics.median(times), runs=len(times))
    emit(kind="done", peak_mb=peak_mb())


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], args[1], args[2], int(args[3]), *(int(args[4]), float(args[5])) if len(args) > 5 else ())
