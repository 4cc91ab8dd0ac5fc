"""The store benchmark: synthetic graphs shaped like ours at 10k, 100k and 1M
triples; for the default store (Oxigraph, on disk) and rdflib's memory store side
by side, in one run: load time and peak memory, each named query's median
latency, `kg query` wall time end to end (cold: index not yet built; warm), and
`kg view` build time. Prints a table with the ratios and writes JSON. Not a test.

    python -m benchmarks.bench [--sizes 10000,100000,1000000] [--json bench.json]

Every measurement of one size and backend runs in its own process, so peak
memory is that process's own; a query that runs past --query-timeout seconds is
reported as such (rdflib cannot be interrupted, so its process is ended).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate

WORKER = """
import os
import json, resource, statistics, sys, time
from kg.paths import open_project
from kg.query import named_queries
from kg.store import open_graph
root, index, backend, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def emit(**kw):
    print(json.dumps(kw), flush=True)
start = time.perf_counter()
graph = open_graph(open_project(root=root, index_dir=index), backend=backend)
if backend == "memory":
    graph.dataset()
emit(kind="load", seconds=time.perf_counter() - start, triples=len(graph),
     peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
for name, query in named_queries().items():
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        rows = graph.query(query.text)
        _ = rows.terms() if rows.kind == "select" else rows.boolean
        times.append(time.perf_counter() - t)
        if times[-1] > 5:
            break
    emit(kind="query", name=name, median=statistics.median(times), runs=len(times))
emit(kind="done", peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def run_worker(root: Path, index: Path, backend: str, repeats: int, timeout: float) -> list[dict]:
    """Run one size and backend in a fresh process; the JSON lines it printed (cut off at `timeout`)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(root), str(index), backend, str(repeats)], stdout=subprocess.PIPE, text=True
    )
    out: list[dict] = []
    deadline = time.monotonic() + timeout
    try:
        for line in proc.stdout:  # type: ignore[union-attr]
            out.append(json.loads(line))
            if time.monotonic() > deadline:
                out.append({"kind": "timeout"})
                break
    finally:
        proc.kill()
        proc.wait()
    return out


def wall(command: list[str], runs: int = 1) -> float:
    """Median wall time of a shell command, process start to exit."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure_size(triples: int, work: Path, repeats: int, timeout: float, backends: list[str]) -> dict:
    root = generate(triples, work / f"synthetic-{triples}")
    index = work / f"index-{triples}"
    kg = [sys.executable, "-m", "kg.cli"]
    project = ["--root", str(root), "--index", str(index)]
    figures: dict = {"triples_target": triples}
    figures["kg_query_cold_s"] = wall([*kg, "query", "cases-by-domain", "--format", "csv", *project])
    figures["kg_query_warm_s"] = wall([*kg, "query", "cases-by-domain", "--format", "csv", *project], runs=5)
    view_out = work / f"view-{triples}.html"
    figures["kg_view_s"] = wall(
        [*kg, "view", "--focus", "kg:agency-s0", "--hops", "2", "-o", str(view_out), "--force", *project]
    )
    for backend in backends:
        lines = run_worker(root, index, backend, repeats, timeout)
        load = next((x for x in lines if x["kind"] == "load"), {})
        done = next((x for x in lines if x["kind"] == "done"), {})
        figures[backend] = {
            "load_s": load.get("seconds"),
            "triples": load.get("triples"),
            "peak_mb": done.get("peak_mb", load.get("peak_mb")),
            "queries": {x["name"]: x["median"] for x in lines if x["kind"] == "query"},
            "timed_out": any(x["kind"] == "timeout" for x in lines),
        }
    return figures


def report(results: list[dict]) -> str:
    """One table per size: a column per backend, then rdflib's time over each Oxigraph mode's."""
    lines = []
    for r in results:
        backends = [b for b in ("oxigraph", "oxigraph-memory", "memory") if b in r]
        fast = [b for b in backends if b != "memory"]
        slow = r.get("memory")
        lines.append(f"\n== {r['triples_target']:,} triples")
        lines.append(
            f"{'':34}"
            + "".join(f"{b:>17}" for b in backends)
            + "".join(f"{'rdflib/' + b[:12]:>22}" for b in fast if slow)
        )
        lines.append(f"{'load s':34}" + "".join(f"{_fmt(r[b]['load_s']):>17}" for b in backends))
        lines.append(f"{'peak memory MB':34}" + "".join(f"{_fmt(r[b]['peak_mb'], 0):>17}" for b in backends))
        for name in sorted(r[backends[0]]["queries"]):
            cells = "".join(f"{_fmt(_ms(r[b]['queries'].get(name)), 1):>15}ms" for b in backends)
            ratios = "".join(
                f"{_ratio(slow['queries'].get(name), r[b]['queries'].get(name)):>22}" for b in fast if slow
            )
            lines.append(f"  {name:32}{cells}{ratios}")
        for b in fast:
            if slow:
                both = [slow["queries"][n] / t for n, t in r[b]["queries"].items() if n in slow["queries"] and t > 0]
                if both:
                    lines.append(
                        f"  rdflib/{b}: min {min(both):.1f}x, median {statistics.median(both):.0f}x, "
                        f"{sum(x >= 30 for x in both)} of {len(both)} queries at least 30x"
                    )
        lines.append(
            f"kg query end to end: cold {r['kg_query_cold_s']:.2f} s, warm {r['kg_query_warm_s']:.2f} s; "
            f"kg view (focus, 2 hops) {r['kg_view_s']:.2f} s"
        )
    return "\n".join(lines)


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


def _fmt(value: float | None, digits: int = 2) -> str:
    return "timeout" if value is None else f"{value:.{digits}f}"


def _ratio(slow: float | None, fast: float | None) -> str:
    if slow is None or not fast:
        return "-"
    return f"{slow / fast:.0f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--backends", default="oxigraph,oxigraph-memory,memory")
    parser.add_argument("--query-timeout", type=float, default=1800.0, help="Seconds per size and backend.")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(measure_size(size, work, args.repeats, args.query_timeout, args.backends.split(",")))
        print(report(results[-1:]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
