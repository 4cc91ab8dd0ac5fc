"""How fast the engines themselves are, with none of kg's code in the way: each named
query on a bare in-memory pyoxigraph Store and on a bare rdflib Dataset, loaded with
the same synthetic files (one named graph per file, queried as their union). Shows
whether a ratio the store benchmark reports comes from the engines or from kg.

    python -m benchmarks.engine_floor [--triples 100000] [--queries a,b,c] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from benchmarks.synthetic import generate
from kg.prefixes import PREFIXES
from kg.query import named_queries


def load(root: Path) -> tuple[ox.Store, Dataset]:
    files = sorted((root / "triples").glob("*.ttl")) + sorted((root / "ontology").glob("*.ttl"))
    store, dataset = ox.Store(), Dataset(default_union=True)
    for number, path in enumerate(files):
        graph = f"urn:kg-bench:{number}"
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
        dataset.graph(URIRef(graph)).parse(path, format="turtle")
    return store, dataset


def median_ms(run: Callable[[], int], repeats: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, rows


def _oxigraph_rows(store: ox.Store, text: str) -> int:
    answer = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
    return len([tuple(solution) for solution in answer])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--queries", default="", help="Comma-separated names; all named queries if empty.")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    store, dataset = load(generate(args.triples, Path(tempfile.mkdtemp(prefix="kg-floor-")) / "synthetic"))
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    queries = named_queries()
    names = [n for n in args.queries.split(",") if n] or sorted(queries)
    print(f"{len(store):,} triples; medians of {args.repeats} runs, every row taken out of the engine")
    print(f"{'query':34}{'pyoxigraph':>12}{'rdflib':>12}{'ratio':>8}{'rows':>9}")
    for name in names:
        text = queries[name].text
        fast, rows = median_ms(lambda text=text: _oxigraph_rows(store, text), args.repeats)
        slow, _ = median_ms(lambda text=text: len(list(dataset.query(prefixes + text))), max(1, args.repeats // 2))
        print(f"{name:34}{fast:>10.1f}ms{slow:>10.1f}ms{slow / max(fast, 1e-3):>7.0f}x{rows:>9}")


if __name__ == "__main__":
    main()
