"""Start and stop the endpoint: the index brought up to date, worker processes,
and a waitress HTTP server (in this thread, or in a background one for notebooks
and tests)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from kg.paths import Project
from kg.prefixes import PREFIXES
from kg.serve.app import Described, ServeOptions, create_app
from kg.serve.workers import Workers
from kg.store import KnowledgeGraph, open_graph


@dataclass
class Settings:
    """Where and how to serve."""

    host: str = "127.0.0.1"
    port: int = 7878
    processes: int = 2
    time_limit: float = 30.0
    backend: str = "oxigraph"
    options: ServeOptions = field(default_factory=ServeOptions)


class Server:
    """A running endpoint; `url` is its base address."""

    def __init__(self, project: Project, settings: Settings):
        from waitress.server import create_server

        graph = open_graph(project, backend="oxigraph")
        self.workers = Workers(
            project.root, project.index_dir, settings.backend, settings.processes, settings.time_limit
        )
        app = create_app(self.workers, describe(graph), settings.options)
        # poll, not select: select() fails on descriptors past 1,024, and every file of an
        # opened index is a descriptor (a large index alone can pass that)
        self.http = create_server(
            app,
            host=settings.host,
            port=settings.port,
            threads=max(16, settings.processes * 8),
            asyncore_use_poll=True,
        )
        self.url = f"http://{settings.host}:{self.http.effective_port}/"
        self._thread: threading.Thread | None = None

    def serve_forever(self) -> None:
        try:
            self.http.run()
        finally:
            self.close()

    def start(self) -> Server:
        """Serve from a background thread; returns at once."""
        self._thread = threading.Thread(target=self.http.run, name="kg-serve", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self.http.close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.workers.close()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def describe(graph: KnowledgeGraph) -> Described:
    """The named graphs, the dataset description and the example queries."""
    from kg.dataset_card import card_turtle, dataset_card
    from kg.query import named_queries

    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    examples = tuple(
        {"name": q.name, "question": q.question or q.summary or "", "query": declared + q.text}
        for q in named_queries().values()
    )
    return Described(
        graphs=tuple(sorted(graph.graph_names())), void_turtle=card_turtle(dataset_card(graph)), examples=examples
    )
