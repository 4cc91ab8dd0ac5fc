"""Counts that describe the graph: triples per file, entities per class and per
source, label coverage per language. Each table is a named query in kg/queries."""

from __future__ import annotations

from kg.paths import QUERIES_DIR
from kg.queryfile import load_query_file
from kg.store import KnowledgeGraph, QueryResult

STATS_QUERIES = ("triples-by-graph", "entities-by-class", "entities-by-source", "label-coverage")


def stats(kg: KnowledgeGraph) -> dict[str, QueryResult]:
    """One result table per statistic, keyed by the query's name, plus the total."""
    tables = {}
    for name in STATS_QUERIES:
        tables[name] = kg.query(load_query_file(QUERIES_DIR / f"{name}.rq").text)
    return tables


def summary_line(kg: KnowledgeGraph) -> str:
    return f"{len(kg)} triples in {len(kg.named_graphs())} named graphs"
