"""Named queries: find one by name or file, bind its parameters safely, run it,
and label the IRIs of its answer in the language asked for."""

from __future__ import annotations

import difflib
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import KgError, NotFoundError
from kg.labels import LabelIndex
from kg.paths import QUERIES_DIR
from kg.queryfile import QueryFile, load_query_dir, load_query_file
from kg.store import KnowledgeGraph, QueryResult


def named_queries(directory: Path = QUERIES_DIR) -> dict[str, QueryFile]:
    """The queries shipped with the package, by name (file name without `.rq`)."""
    return {q.name: q for q in load_query_dir(directory)}


def find_query(name_or_path: str, directory: Path = QUERIES_DIR) -> QueryFile:
    """A named query, or a `.rq` file by path; an unknown name suggests the closest."""
    path = Path(name_or_path)
    if name_or_path.endswith(".rq") or path.is_file():
        if not path.is_file():
            raise NotFoundError(f"{path}: query file not found")
        return load_query_file(path)
    queries = named_queries(directory)
    if name_or_path in queries:
        return queries[name_or_path]
    close = difflib.get_close_matches(name_or_path, list(queries), n=3, cutoff=0.4)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `kg query --list` shows them"
    raise NotFoundError(f"unknown query {name_or_path!r}{hint}")


def parameter_kind(description: str) -> str:
    """`entity`, `integer`, `year` or `string`: the word before the first colon of a param's description."""
    kind = description.split(":", 1)[0].strip() if ":" in description else ""
    return kind if kind in ("entity", "integer", "year", "string") else "string"


def bind_parameters(graph: KnowledgeGraph, query: QueryFile, params: dict[str, str]) -> dict[str, Node]:
    """RDF terms for `--param name=value` pairs: entities resolved by IRI, CURIE or label."""
    declared = {p.name: p for p in query.params}
    bindings: dict[str, Node] = {}
    for name, value in params.items():
        if query.params and name not in declared:
            known = ", ".join(declared) or "none"
            raise KgError(f"query {query.name!r} takes no parameter {name!r} (it takes: {known})")
        kind = parameter_kind(declared[name].description) if name in declared else "string"
        bindings[name] = _term(graph, kind, value)
    return bindings


def _term(graph: KnowledgeGraph, kind: str, value: str) -> Node:
    if kind == "entity":
        return graph.label_index().resolve(value)
    if kind == "integer":
        try:
            return Literal(int(value))
        except ValueError:
            raise KgError(f"{value!r} is not a whole number") from None
    if kind == "year":
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def run_named(
    graph: KnowledgeGraph, query: QueryFile, params: dict[str, str] | None = None, lang: str | None = "en"
) -> QueryResult:
    """Run a query file with its parameters; with `lang`, add a label column after each IRI column."""
    result = graph.query(query.text, bind_parameters(graph, query, params or {}))
    return with_labels(graph, result, lang) if lang else result


def with_labels(graph: KnowledgeGraph, result: QueryResult, lang: str) -> QueryResult:
    """The same rows with a `{var}_label` column after each column that holds IRIs."""
    if result.kind != "select" or not result.rows:
        return result
    iris = {t for row in result.rows for t in row if isinstance(t, URIRef)}
    index = graph._labels or LabelIndex.for_nodes(graph, iris)
    labelled = [i for i, _ in enumerate(result.variables) if any(isinstance(row[i], URIRef) for row in result.rows)]
    variables: list[str] = []
    for i, var in enumerate(result.variables):
        variables.append(var)
        if i in labelled:
            variables.append(f"{var}_label")
    rows = []
    for row in result.rows:
        out: list[Node | None] = []
        for i, term in enumerate(row):
            out.append(term)
            if i in labelled:
                out.append(Literal(index.name(term, lang)) if isinstance(term, URIRef) else None)
        rows.append(tuple(out))
    return QueryResult(kind="select", variables=variables, rows=rows)
