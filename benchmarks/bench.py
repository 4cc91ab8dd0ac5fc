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


def run_worker(root: Path, index: Path, backend: str, repeats: int, budget: float, query_timeout: float) -> list[dict]:
    """Run one size and backend in fresh processes (a new one after each query that
    timed out); the JSON lines they printed, cut off once `budget` seconds are spent."""
    out: list[dict] = []
    deadline = time.monotonic() + budget
    first = 0
    while True:
        lines = _worker_lines(root, index, backend, repeats, first, query_timeout, deadline)
        out += [x for x in lines if x["kind"] != "load" or not out]
        timed_out = [x for x in lines if x["kind"] == "query" and x.get("median") is None]
        if not timed_out or any(x["kind"] in ("done", "budget") for x in lines):
            return out
        first = timed_out[-1]["number"] + 1


def _worker_lines(root, index, backend, repeats, first, query_timeout, deadline) -> list[dict]:
    command = [sys.executable, "-m", "benchmarks.bench_worker", str(root), str(index), backend, str(repeats)]
    proc = subprocess.Popen([*command, str(first), str(query_timeout)], stdout=subprocess.PIPE, text=True)
    lines: list[dict] = []
    try:
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(json.loads(line))
            if time.monotonic() > deadline:
                lines.append({"kind": "budget"})
                break
    finally:
        proc.kill()
        proc.wait()
    return lines


def wall(command: list[str], runs: int = 1) -> float:
    """Median wall time of a shell command, process start to exit."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure_size(
    triples: int, work: Path, repeats: int, budget: float, query_timeout: float, backends: list[str]
) -> dict:
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
        lines = run_worker(root, index, backend, repeats, budget, query_timeout)
        load = next((x for x in lines if x["kind"] == "load"), {})
        done = next((x for x in lines if x["kind"] == "done"), {})
        figures[backend] = {
            "load_s": load.get("seconds"),
            "triples": load.get("triples"),
            "load_peak_mb": load.get("peak_mb"),
            "peak_mb": done.get("peak_mb", load.get("peak_mb")),
            "queries": {x["name"]: x["median"] for x in lines if x["kind"] == "query" and x["median"] is not None},
            "timed_out": {x["name"]: x["timeout"] for x in lines if x["kind"] == "query" and x["median"] is None},
            "budget_spent": any(x["kind"] == "budget" for x in lines),
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
        for title, key in (("peak memory MB, load", "load_peak_mb"), ("peak memory MB, all queries", "peak_mb")):
            lines.append(f"{title:34}" + "".join(f"{_fmt(r[b].get(key), 0):>17}" for b in backends))
        for name in sorted(r[backends[0]]["queries"]):
            cells = "".join(f"{_cell(r[b], name):>17}" for b in backends)
            ratios = "".join(f"{_ratio(_slow(slow, name), r[b]['queries'].get(name)):>22}" for b in fast if slow)
            lines.append(f"  {name:32}{cells}{ratios}")
        for b in fast:
            if slow:
                lines.append(f"  rdflib/{b}: " + _summary(slow, r[b]["queries"]))
        lines.append(
            f"kg query end to end: cold {r['kg_query_cold_s']:.2f} s, warm {r['kg_query_warm_s']:.2f} s; "
            f"kg view (focus, 2 hops) {r['kg_view_s']:.2f} s"
        )
    return "\n".join(lines)


def _cell(figures: dict, name: str) -> str:
    """A query's median in ms; `>N s` where it ran past the timeout; `-` where not reached."""
    if name in figures["queries"]:
        return f"{figures['queries'][name] * 1000:.1f}ms"
    if name in figures.get("timed_out", {}):
        return f">{figures['timed_out'][name]:.0f}s"
    return "-"


def _slow(slow: dict, name: str) -> tuple[float, bool] | None:
    """rdflib's time for a query and whether it is only a lower bound (the query timed out)."""
    if name in slow["queries"]:
        return slow["queries"][name], False
    if name in slow.get("timed_out", {}):
        return slow["timed_out"][name], True
    return None


def _ratio(slow: tuple[float, bool] | None, fast: float | None) -> str:
    if slow is None or not fast:
        return "-"
    return f"{'>' if slow[1] else ''}{slow[0] / fast:.0f}x"


def _summary(slow: dict, fast: dict[str, float]) -> str:
    ratios = [(_slow(slow, n), t) for n, t in fast.items() if _slow(slow, n) and t > 0]
    values = [s[0] / t for s, t in ratios]
    if not values:
        return "no query measured on both"
    bounds = sum(1 for s, _ in ratios if s[1])
    return (
        f"min {min(values):.1f}x, median {statistics.median(values):.0f}x, {sum(v >= 30 for v in values)} of "
        f"{len(values)} queries at least 30x ({bounds} of them lower bounds: rdflib timed out); "
        f"{len(fast) - len(values)} not reached on rdflib"
    )


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--backends", default="oxigraph,oxigraph-memory,memory")
    parser.add_argument("--budget", type=float, default=3600.0, help="Seconds per size and backend, at most.")
    parser.add_argument("--query-timeout", type=float, default=300.0, help="Seconds per query run, at most.")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        backends = args.backends.split(",")
        results.append(measure_size(size, work, args.repeats, args.budget, args.query_timeout, backends))
        print(report(results[-1:]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
