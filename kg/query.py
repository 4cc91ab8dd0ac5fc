"""Named queries: find one by name or file, bind its parameters safely, run it,
and label the IRIs of its answer in the language asked for."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import KgError, NotFoundError
from kg.formats import parts
from kg.langtags import pick
from kg.paths import QUERIES_DIR
from kg.prefixes import curie
from kg.queryfile import QueryFile, load_query_dir, load_query_file
from kg.store import KnowledgeGraph, QueryResult

if TYPE_CHECKING:
    from rdflib.term import Node


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
    from rdflib import Literal
    from rdflib.namespace import XSD

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


def label_names(graph: KnowledgeGraph, iris: set[str], lang: str) -> dict[str, str]:
    """The name to show for each IRI: its main label in `lang` (with fallbacks), else its CURIE."""
    if not iris:
        return {}
    text = load_query_file(QUERIES_DIR / "internal" / "labels-of.rq").text
    rows = graph.query(restrict_to(text, "node", iris)).terms()
    labels: dict[str, list[tuple[str, str | None]]] = {}
    for node, label, main in rows:
        if parts(main).value == "1":
            p = parts(label)
            labels.setdefault(parts(node).value, []).append((p.value, p.language))
    return {iri: pick(labels.get(iri, []), lang) or curie(iri) for iri in iris}


_WHERE = re.compile(r"^(?![ \t]*#).*?\bWHERE\s*\{", re.M | re.I)
"""The opening of the WHERE group, on a line that is not a comment."""


def restrict_to(text: str, variable: str, iris: Iterable[str]) -> str:
    """The query with `VALUES ?variable { … }` first in its WHERE group: the same query
    for just those IRIs, each row joined with the list from the start (the engine then
    walks out from them instead of over the whole graph)."""
    where = _WHERE.search(text)
    if where is None:
        raise KgError("the query has no WHERE group to restrict")
    where = where.end()
    values = f"VALUES ?{variable} {{ " + " ".join(iri_ref(iri) for iri in sorted(set(iris))) + " }"
    return f"{text[:where]}\n  {values}\n{text[where:]}"


def iri_ref(iri: str) -> str:
    """An IRI written into query text, its apostrophes as \\u0027 (the same IRI to the
    parser; kg.sparql_guard refuses a raw apostrophe in an IRI as ambiguous)."""
    return "<" + iri.replace("'", "\\u0027") + ">"


def with_labels(graph: KnowledgeGraph, result: QueryResult, lang: str) -> QueryResult:
    """The same rows with a `{var}_label` column after each column that holds IRIs."""
    rows = result.terms() if result.kind == "select" else []
    if not rows:
        return result
    kinds = [[parts(t).kind if t is not None else None for t in row] for row in rows]
    labelled = {i for i in range(len(result.variables)) if any(k[i] == "uri" for k in kinds)}
    iris = {parts(row[i]).value for row, k in zip(rows, kinds, strict=False) for i in labelled if k[i] == "uri"}
    names = label_names(graph, iris, lang)
    make = ox.Literal if result.raw is not None else _rdflib_literal
    variables = [
        v for i, var in enumerate(result.variables) for v in ([var, f"{var}_label"] if i in labelled else [var])
    ]
    out = []
    for row, k in zip(rows, kinds, strict=False):
        cells: list = []
        for i, term in enumerate(row):
            cells.append(term)
            if i in labelled:
                cells.append(make(names[parts(term).value]) if k[i] == "uri" else None)
        out.append(tuple(cells))
    if result.raw is not None:
        return QueryResult(kind="select", variables=variables, raw=out)
    return QueryResult(kind="select", variables=variables, rows=out)


def _rdflib_literal(text: str):
    from rdflib import Literal

    return Literal(text)
