"""The one place that loads the graph and knows which backend answers queries.

Every Turtle file (ontology and triples) becomes its own named graph in a
persistent Oxigraph index on disk (`.kg-index/`). A file is parsed only when its
content changed since the last run (the manifest keys each file on its SHA-256);
a run on an unchanged graph opens the index read-only and answers. Queries run on
Oxigraph by default, or on rdflib's memory store (`backend="memory"`), with the
union of all named graphs as the default graph.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import itertools
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from filelock import FileLock, Timeout

from kg.errors import DataFileError, DataFilesError, KgError, QuerySyntaxError
from kg.paths import Project, open_project
from kg.prefixes import GRAPHS_NS, PREFIXES
from kg.sparql_guard import check_query

if TYPE_CHECKING:
    from rdflib import Dataset, Graph, URIRef
    from rdflib.term import Node

    from kg.labels import LabelIndex

Progress = Callable[[str, int, int], None]
"""Told each file loaded into the index: its path, how many are done, how many in all."""

INDEX_FORMAT = 2
BACKENDS = ("oxigraph", "oxigraph-memory", "memory")
"""oxigraph: the on-disk index, opened read-only (fast to open; the default).
oxigraph-memory: the files loaded into an in-memory Oxigraph store (seconds to
load at a million triples, then queries about ten times faster than on disk here:
for long sessions, notebooks, benchmarks). memory: rdflib's memory store."""


class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, a graph for CONSTRUCT/DESCRIBE.

    Oxigraph's answers keep its own terms (`raw`) and become rdflib terms (`rows`)
    only when asked, so that printing a table never imports rdflib."""

    def __init__(
        self,
        kind: str,
        variables: list[str] | None = None,
        rows: list[tuple] | None = None,
        boolean: bool | None = None,
        graph: Graph | None = None,
        raw: list[tuple] | None = None,
        truncated: bool = False,
    ):
        self.kind = kind
        self.variables = list(variables or [])
        self._rows = rows
        self.raw = raw
        self.boolean = boolean
        self.graph = graph
        self.truncated = truncated
        """True when the answer was cut at max_rows."""

    @property
    def rows(self) -> list[tuple[Node | None, ...]]:
        """Rows of rdflib terms (None where a variable is unbound)."""
        if self._rows is None:
            from kg.terms import to_rdflib

            self._rows = [tuple(to_rdflib(t) for t in row) for row in self.raw or []]
        return self._rows

    def terms(self) -> list[tuple]:
        """Rows in whichever terms the backend gave (Oxigraph's or rdflib's): for output."""
        return self.raw if self.raw is not None else self.rows

    def bindings(self) -> list[dict[str, Node]]:
        """Rows as dicts of the bound variables only."""
        return [{v: t for v, t in zip(self.variables, row, strict=False) if t is not None} for row in self.rows]

    def records(self) -> list[dict[str, object]]:
        """Rows as dicts of Python values (IRIs as strings, literals as numbers, dates or text; unbound as None)."""
        return [{v: _python(t) for v, t in zip(self.variables, row, strict=False)} for row in self.rows]


@dataclass
class SyncReport:
    """What bringing the index up to date did."""

    parsed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _python(term: Node | None) -> object:
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


def graph_iri(project: Project, path: Path) -> URIRef:
    """The named graph of a data file: its path under the root, without `.ttl`."""
    from rdflib import URIRef

    return URIRef(GRAPHS_NS + project.relative(path).removesuffix(".ttl"))


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _try_bulk_load(store: ox.Store, root: Path, files: Mapping[str, dict], rel: str) -> DataFileError | None:
    """Stream one Turtle file into its named graph; the error instead of raising it
    (files load in parallel threads: Oxigraph releases the GIL, and on two cores
    two threads halve the time)."""
    path = root / rel
    try:
        store.bulk_load(
            path=str(path),
            format=ox.RdfFormat.TURTLE,
            to_graph=ox.NamedNode(files[rel]["graph"]),
        )
    except SyntaxError as exc:
        return _syntax_error(path, exc)
    except MemoryError:
        return DataFileError(path, "a token longer than 16 MB (Oxigraph's parser limit)", _first_long_line(path))
    except OSError as exc:
        return DataFileError(path, f"cannot read: {exc.strerror or exc}")
    return None


def _first_long_line(path: Path, limit: int = 16 * 2**20) -> int | None:
    """The number of the first line longer than `limit` bytes (where a token that long must start)."""
    line, length = 1, 0
    with path.open("rb") as data:
        while chunk := data.read(2**20):
            for part in chunk.split(b"\n")[:-1] if b"\n" in chunk else []:
                if length + len(part) > limit:
                    return line
                line, length = line + 1, 0
            length += len(chunk) - (chunk.rfind(b"\n") + 1) if b"\n" in chunk else len(chunk)
            if length > limit:
                return line
    return None


def _syntax_error(path: Path, exc: SyntaxError) -> DataFileError:
    line, column = (exc.lineno, exc.offset) if exc.lineno else (None, None)
    message = str(exc.msg if exc.msg else exc).splitlines()[0]
    return DataFileError(path, message, line, column)


class Index:
    """The on-disk Oxigraph store plus the manifest of the files it holds.

    The store is kept in generations (`store-<n>/`): an update copies the current
    one (a RocksDB checkpoint: hard links, milliseconds), applies the changes to the
    copy, and only then names it in the manifest, which is replaced atomically. A
    process killed half-way leaves the old generation current and the next run
    removes the debris; readers hold a shared lock on the generation they opened,
    so it is deleted only once nobody reads it. Writers take the index lock."""

    def __init__(self, project: Project):
        self.project = project
        self.dir = project.index_dir
        self.manifest_path = self.dir / "manifest.json"

    @property
    def store_dir(self) -> Path:
        """The current generation (which may not exist yet)."""
        return self.dir / self.read_manifest().get("store", "store-0")

    def read_manifest(self) -> dict:
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return manifest if manifest.get("format") == INDEX_FORMAT else {}

    def _write_manifest(self, store: str, files: Mapping[str, dict]) -> None:
        manifest = {"format": INDEX_FORMAT, "store": store, "files": dict(files)}
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), "utf-8")
        os.replace(tmp, self.manifest_path)

    def current_files(self) -> dict[str, dict]:
        """The data files as they are now, keyed by relative path."""
        files = {}
        for path in self.project.data_files():
            try:
                digest = file_digest(path)
            except OSError as exc:
                raise DataFileError(path, f"cannot read: {exc.strerror or exc}") from None
            graph = GRAPHS_NS + self.project.relative(path).removesuffix(".ttl")
            files[self.project.relative(path)] = {"sha256": digest, "graph": graph}
        return files

    def is_current(self, files: Mapping[str, dict]) -> bool:
        manifest = self.read_manifest()
        return manifest.get("files") == dict(files) and self._complete(manifest.get("store")) is not None

    def _complete(self, name: str | None) -> Path | None:
        """The generation of that name if it was fully built."""
        return self.dir / name if name and (self.dir / name / COMPLETE).is_file() else None

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Bring the index up to date: load changed files, drop deleted ones."""
        files = self.current_files()
        if self.is_current(files):
            self._tidy()
            return SyncReport(unchanged=sorted(files))
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            with FileLock(str(self.dir / "lock"), timeout=120):
                return self._sync_locked(self.current_files(), progress)
        except Timeout:
            raise KgError(f"{self.dir}: another kg process holds the index lock; try again") from None
        except OSError as exc:
            raise KgError(f"{self.dir}: cannot update the index: {exc.strerror or exc}") from None

    def _sync_locked(self, files: dict[str, dict], progress: Progress | None = None) -> SyncReport:
        """Make the next generation: reload each changed file into its named graph
        with Oxigraph's streaming bulk loader (flat memory at any size). A file that
        does not parse leaves no trace in the index and no line in the manifest, so
        every command refuses to answer until it is fixed."""
        manifest = self.read_manifest()
        if self.is_current(files):  # another process did it while we waited for the lock
            return SyncReport(unchanged=sorted(files))
        current = self._complete(manifest.get("store"))
        old = manifest.get("files", {}) if current else {}
        changed = sorted(rel for rel, meta in files.items() if old.get(rel) != meta)
        removed = sorted(set(old) - set(files))
        loaded = {rel: meta for rel, meta in old.items() if rel in files and rel not in changed}
        fresh = self.dir / f"store-{time.time_ns()}"
        try:
            errors = self._build(current, fresh, old, files, changed, removed, progress)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        failed = {e.path.resolve() for e in errors}
        loaded |= {rel: files[rel] for rel in changed if (self.project.root / rel).resolve() not in failed}
        self._write_manifest(fresh.name, loaded)
        self._collect(keep=fresh.name)
        if errors:
            raise DataFilesError(errors)
        return SyncReport(parsed=changed, removed=removed, unchanged=sorted(set(files) - set(changed)))

    def _build(self, current: Path | None, fresh: Path, old, files, changed, removed, progress) -> list[DataFileError]:
        """The next generation in `fresh`, complete on disk when this returns; the files that failed."""
        if current is not None:
            ox.Store.read_only(str(current)).backup(str(fresh))
        errors = self._apply(fresh, old, files, changed, removed, progress)
        gc.collect()
        (fresh / READERS).touch()
        (fresh / COMPLETE).touch()
        return errors

    def _apply(
        self,
        fresh: Path,
        old: dict,
        files: dict,
        changed: list[str],
        removed: list[str],
        progress: Progress | None,
    ) -> list[DataFileError]:
        """Open the new generation for writing, apply the changes, close it (on
        return nothing holds the store, so its lock is released); the files that failed."""
        store = ox.Store(str(fresh))
        for rel in removed:
            store.remove_graph(ox.NamedNode(old[rel]["graph"]))
        for rel in changed:
            store.remove_graph(ox.NamedNode(files[rel]["graph"]))
        load = partial(_try_bulk_load, store, self.project.root, files)
        with ThreadPoolExecutor(max_workers=max(1, min(len(changed), os.cpu_count() or 1))) as pool:
            outcomes = []
            for rel, outcome in zip(changed, pool.map(load, changed), strict=True):
                outcomes.append(outcome)
                if progress:
                    progress(rel, len(outcomes), len(changed))
        errors = [error for error in outcomes if error is not None]
        for rel, error in zip(changed, outcomes, strict=True):
            if error is not None:
                store.remove_graph(ox.NamedNode(files[rel]["graph"]))
        # one compaction of the bulk loader's many small files: queries on the index then
        # read two to three times faster (0.2 s to compact 100,000 triples, 2.6 s a million)
        store.flush()
        store.optimize()
        return errors

    def _tidy(self) -> None:
        """Remove what a killed update left, if no other kg process is updating the index now."""
        current = self.read_manifest().get("store")
        if all(path.name == current for path in self.dir.glob("store*")):
            return
        try:
            with FileLock(str(self.dir / "lock"), timeout=0):
                if self.read_manifest().get("store") == current:
                    self._collect(keep=current)
        except (Timeout, OSError):
            pass

    def _collect(self, keep: str) -> None:
        """Delete every generation but `keep` that no process is reading (and debris of killed updates)."""
        for path in self.dir.glob("store*"):
            if path.name != keep and path.is_dir():
                with _exclusive(path) as free:
                    if free:
                        shutil.rmtree(path, ignore_errors=True)

    def open_read_only(self) -> tuple[ox.Store, BinaryIO]:
        """The current generation, opened read-only, and the file descriptor of the
        shared lock that keeps it from being deleted while it is read."""
        for _ in range(5):
            path = self.store_dir
            lock = _shared(path)
            if lock is not None:
                if (path / COMPLETE).is_file():
                    return ox.Store.read_only(str(path)), lock
                lock.close()
            time.sleep(0.05)
        raise KgError(f"{self.dir}: the index changed five times while opening it; try again")


COMPLETE = "complete"
"""A generation's marker: written once it is fully built."""
READERS = "readers.lock"
"""Readers hold a shared lock on this file; deleting a generation needs an exclusive one."""


def _shared(path: Path) -> BinaryIO | None:
    """A shared lock on a generation (None if it is gone); released when the file object is closed or collected."""
    try:
        lock = open(path / READERS, "rb")  # noqa: SIM115 (held as long as the graph that reads the generation)
    except OSError:
        return None
    fcntl.flock(lock, fcntl.LOCK_SH)
    return lock


@contextmanager
def _exclusive(path: Path) -> Iterator[bool]:
    """An exclusive lock on a generation if nobody reads it (True), else False at once."""
    try:
        fd = os.open(path / READERS, os.O_RDONLY)
    except OSError:
        yield True  # no readers file: debris of a killed update, or an old index layout
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        yield False
        return
    try:
        yield True
    finally:
        os.close(fd)


class KnowledgeGraph:
    """The loaded graph: every data file as a named graph, queried with their union as default graph."""

    def __init__(
        self,
        project: Project,
        store: ox.Store,
        backend: str = "oxigraph",
        sync: SyncReport | None = None,
        reader_lock: BinaryIO | None = None,
    ):
        if backend not in BACKENDS:
            raise KgError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
        self.project = project
        self.backend = backend
        self.sync_report = sync or SyncReport()
        self._store = store
        self._reader_lock = reader_lock
        """Held while the graph is open: the index generation it reads is not deleted."""
        self._dataset: Dataset | None = None
        self._union: Graph | None = None
        self._labels: LabelIndex | None = None
        self._graph_names: frozenset[str] | None = None

    # ------------------------------------------------------------------ access

    def quads(self) -> Iterator[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, None)

    def named_graphs(self) -> list[URIRef]:
        from rdflib import URIRef

        return sorted(URIRef(g.value) for g in self._store.named_graphs())

    def dataset(self) -> Dataset:
        """An rdflib Dataset with every named graph (a copy held in memory)."""
        if self._dataset is None:
            from rdflib import Dataset

            from kg.terms import to_rdflib

            ds = Dataset(default_union=True)
            for quad in self.quads():
                g = ds.graph(to_rdflib(quad.graph_name))
                g.add(
                    (
                        to_rdflib(quad.subject),
                        to_rdflib(quad.predicate),
                        to_rdflib(quad.object),
                    )
                )
            for prefix, ns in PREFIXES.items():
                ds.bind(prefix, ns)
            self._dataset = ds
        return self._dataset

    def named_graph(self, iri: str) -> Graph:
        """One named graph (one data file) as an rdflib Graph."""
        from rdflib import Graph

        from kg.terms import to_rdflib

        g = Graph()
        for quad in self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(iri))):
            g.add(
                (
                    to_rdflib(quad.subject),
                    to_rdflib(quad.predicate),
                    to_rdflib(quad.object),
                )
            )
        return g

    def union(self) -> Graph:
        """All triples of all named graphs in one rdflib Graph (for SHACL and exports)."""
        if self._union is None:
            from rdflib import Graph

            from kg.terms import to_rdflib

            g = Graph()
            for prefix, ns in PREFIXES.items():
                g.bind(prefix, ns)
            for quad in self.quads():
                g.add(
                    (
                        to_rdflib(quad.subject),
                        to_rdflib(quad.predicate),
                        to_rdflib(quad.object),
                    )
                )
            self._union = g
        return self._union

    def label_index(self) -> LabelIndex:
        """Every label of every node, for names in output and for lookup by name."""
        if self._labels is None:
            from kg.labels import LabelIndex

            self._labels = LabelIndex.build(self)
        return self._labels

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        """Let go of the store and of the index generation it reads (also done when the graph is collected)."""
        self._store = ox.Store()
        if self._reader_lock is not None:
            self._reader_lock.close()
            self._reader_lock = None

    # ------------------------------------------------------------------ queries

    def graph_names(self) -> frozenset[str]:
        """The IRIs of the named graphs (one per data file), as strings."""
        if self._graph_names is None:
            self._graph_names = frozenset(g.value for g in self._store.named_graphs())
        return self._graph_names

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        max_rows: int | None = None,
        dataset: RequestDataset | None = None,
    ) -> QueryResult:
        """Run a read-only SPARQL query over the union of the named graphs.

        `bindings` are substituted as values of variables, never pasted into the
        text; a bound variable must be one the query projects (Oxigraph's
        substitution rule). Updates, SERVICE and graphs not loaded here are refused
        (QueryRefused). `max_rows` keeps at most that many rows (or triples) and
        marks the answer truncated; `dataset` (default graphs, named graphs) replaces
        the union, as the protocol's default-graph-uri and named-graph-uri do."""
        check_query(sparql, self.graph_names(), (dataset.default + dataset.named) if dataset else ())
        try:
            if self.backend == "memory":
                return self._query_rdflib(sparql, bindings or {}, max_rows, dataset)
            return self._query_oxigraph(sparql, bindings or {}, max_rows, dataset)
        except SyntaxError as exc:
            raise QuerySyntaxError.from_oxigraph(str(exc)) from None
        except Exception as exc:
            if type(exc).__name__ == "ParseException" or "Unknown namespace prefix" in str(exc):
                raise QuerySyntaxError.from_rdflib(exc) from None
            raise

    def _query_oxigraph(
        self,
        sparql: str,
        bindings: Mapping[str, Node],
        max_rows: int | None,
        dataset: RequestDataset | None,
    ) -> QueryResult:
        subs = {ox.Variable(k): _as_oxigraph(v) for k, v in bindings.items()}
        scope = dataset.oxigraph() if dataset else {"use_default_graph_as_union": True}
        answer = self._store.query(sparql, prefixes=PREFIXES, substitutions=subs, **scope)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult(kind="ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            # tuple(solution) is in the variables' order; sol[variable] looks each one up, twice as slow
            raw, truncated = _take((tuple(sol) for sol in answer), max_rows)
            return QueryResult(kind="select", variables=variables, raw=raw, truncated=truncated)
        from rdflib import Graph

        from kg.terms import to_rdflib

        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        triples, truncated = _take(answer, max_rows)
        for triple in triples:
            graph.add(
                (
                    to_rdflib(triple.subject),
                    to_rdflib(triple.predicate),
                    to_rdflib(triple.object),
                )
            )
        return QueryResult(kind="graph", graph=graph, truncated=truncated)

    def _query_rdflib(
        self,
        sparql: str,
        bindings: Mapping[str, Node],
        max_rows: int | None,
        dataset: RequestDataset | None,
    ) -> QueryResult:
        if dataset:
            raise KgError("a protocol dataset (default-graph-uri, named-graph-uri) needs an Oxigraph backend")
        result = self.dataset().query(sparql, initNs=PREFIXES, initBindings=dict(bindings))
        if result.type == "ASK":
            return QueryResult(kind="ask", boolean=bool(result.askAnswer))
        if result.type == "SELECT":
            variables = [str(v) for v in result.vars]
            rows, truncated = _take((tuple(row) for row in result), max_rows)
            return QueryResult(kind="select", variables=variables, rows=rows, truncated=truncated)
        graph = result.graph
        if max_rows is not None and len(graph) > max_rows:
            from rdflib import Graph

            kept, _ = _take(iter(graph), max_rows)
            graph, truncated = (
                Graph(namespace_manager=result.graph.namespace_manager),
                True,
            )
            for triple in kept:
                graph.add(triple)
            return QueryResult(kind="graph", graph=graph, truncated=truncated)
        return QueryResult(kind="graph", graph=graph)


@dataclass(frozen=True)
class RequestDataset:
    """The graphs a protocol request names: default graphs (merged) and named graphs."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)

    def oxigraph(self) -> dict[str, object]:
        return {
            "default_graph": [ox.NamedNode(g) for g in self.default] or ox.DefaultGraph(),
            "named_graphs": [ox.NamedNode(g) for g in self.named],
        }


def _take(items: Iterable, limit: int | None) -> tuple[list, bool]:
    """At most `limit` items (all if None), and whether there were more."""
    if limit is None:
        return list(items), False
    kept = list(itertools.islice(items, limit + 1))
    return kept[:limit], len(kept) > limit


def _as_oxigraph(term):
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    from kg.terms import to_oxigraph

    return to_oxigraph(term)


def open_graph(
    project: Project | None = None,
    backend: str = "oxigraph",
    progress: Progress | None = None,
    **project_options: object,
) -> KnowledgeGraph:
    """Bring the index up to date and open the graph. Raises DataFilesError
    (one line per file, with line and column) when a data file does not parse."""
    project = project or open_project(**project_options)  # type: ignore[arg-type]
    if backend not in BACKENDS:
        raise KgError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    index = Index(project)
    report = index.sync(progress)
    if backend == "oxigraph-memory":
        return KnowledgeGraph(project, _in_memory(index), backend=backend, sync=report)
    store, lock = index.open_read_only()
    return KnowledgeGraph(project, store, backend=backend, sync=report, reader_lock=lock)


def _in_memory(index: Index) -> ox.Store:
    """Every data file (checked by the sync just done) loaded into an in-memory store, two at a time."""
    store = ox.Store()
    files = index.read_manifest().get("files", {})

    def load(rel: str) -> None:
        path = index.project.root / rel
        store.load(
            path=str(path),
            format=ox.RdfFormat.TURTLE,
            to_graph=ox.NamedNode(files[rel]["graph"]),
        )

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(load, sorted(files)))
    return store
