"""Load on `kg serve`: many concurrent clients on loopback mixing valid, slow,
malformed and hostile queries. Prints throughput, latency percentiles per kind and
the count of wrong answers (which must be zero). Not a test; bounded in time.

    python -m benchmarks.serve_load [--clients 16] [--seconds 30] [--time-limit 2]

It starts its own server on 127.0.0.1 (a free port) over the checkout's graph, or
uses --url of one already running on loopback.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlparse

import requests

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MALFORMED = ["SELECT ?x WHERE { ?x ?y }", "SELEC * WHERE {}", "SELECT * WHERE { ?s ?p ?o ", "}{", "ASK { <a b> ?p ?o }"]
HOSTILE = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
]
EXPECTED_STATUS = {"slow": 503, "malformed": 400, "hostile": 403}
MIX = [("valid", 0.7), ("slow", 0.05), ("malformed", 0.15), ("hostile", 0.1)]


@dataclass
class Tally:
    """What the clients saw, shared between their threads."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, status: int, wrong: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[(kind, status)] += 1
            if wrong:
                self.wrong.append(wrong)


def canonical(document: dict) -> list[str]:
    """A SPARQL JSON answer as a sorted list of rows (blank nodes by position only; the
    parts of a plain literal as a sorted list, since SPARQL leaves GROUP_CONCAT's order open)."""
    rows = []
    for binding in document.get("results", {}).get("bindings", []):
        cells = {v: (t["type"], _value(t)) for v, t in binding.items()}
        rows.append(json.dumps(cells, sort_keys=True, ensure_ascii=False))
    return sorted(rows) if "results" in document else [str(document.get("boolean"))]


def _value(term: dict) -> object:
    if term["type"] == "bnode":
        return ""
    if term["type"] == "literal" and "datatype" not in term and "xml:lang" not in term:
        return sorted(term["value"].replace(",", " ").split())
    return term["value"]


def expected_answers(endpoint: str) -> dict[str, list[str]]:
    """Each named query's answer, asked once before the load starts (checked against the embedded store)."""
    from kg.query import named_queries
    from kg.store import open_graph

    graph = open_graph()
    answers = {}
    for query in named_queries().values():
        response = requests.post(endpoint, data={"query": query.text}, timeout=120)
        if response.status_code != 200:
            print(f"left out {query.name}: HTTP {response.status_code} {response.text.strip()[:100]}")
            continue
        local = len(graph.query(query.text).terms())
        if "X-SPARQL-MaxRows" in response.headers:
            local = min(local, int(response.headers["X-SPARQL-MaxRows"]))
        document = response.json()
        if len(document["results"]["bindings"]) != local:
            raise SystemExit(
                f"{query.name}: the server answers {len(document['results']['bindings'])} rows, "
                f"the embedded store {local}"
            )
        answers[query.text] = canonical(document)
    return answers


def client(endpoint: str, answers: dict[str, list[str]], stop: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    session = requests.Session()
    texts = list(answers)
    while time.monotonic() < stop:
        kind = rng.choices([k for k, _ in MIX], weights=[w for _, w in MIX])[0]
        query = {
            "valid": lambda: rng.choice(texts),
            "slow": lambda: SLOW,
            "malformed": lambda: rng.choice(MALFORMED),
            "hostile": lambda: rng.choice(HOSTILE),
        }[kind]()
        start = time.perf_counter()
        try:
            response = session.post(endpoint, data={"query": query}, timeout=120)
        except requests.RequestException as exc:
            tally.record(kind, time.perf_counter() - start, 0, f"{kind}: {type(exc).__name__}")
            continue
        seconds = time.perf_counter() - start
        tally.record(kind, seconds, response.status_code, judge(kind, query, response, answers))


def judge(kind: str, query: str, response: requests.Response, answers: dict[str, list[str]]) -> str | None:
    """Why the answer is wrong, or None."""
    if kind != "valid":
        return None if response.status_code == EXPECTED_STATUS[kind] else f"{kind}: HTTP {response.status_code}"
    if response.status_code == 503:
        return None  # stopped by the time limit under load: a refusal, not a wrong answer (counted as 503)
    if response.status_code != 200:
        return f"valid: HTTP {response.status_code}"
    if "X-SPARQL-MaxRows" in response.headers:  # cut at the cap: which rows are kept among ties may differ
        kept = len(response.json()["results"]["bindings"])
        return None if kept == len(answers[query]) else "valid: a capped answer of the wrong size"
    return None if canonical(response.json()) == answers[query] else "valid: different rows"


def percentiles(values: list[float]) -> str:
    if not values:
        return "-"
    cuts = statistics.quantiles(values, n=100) if len(values) > 1 else [values[0]] * 99
    return f"p50 {cuts[49] * 1000:7.1f} ms  p95 {cuts[94] * 1000:7.1f} ms  p99 {cuts[98] * 1000:7.1f} ms"


def report(tally: Tally, seconds: float, clients: int) -> str:
    total = sum(len(v) for v in tally.latencies.values())
    lines = [f"{total} requests from {clients} clients in {seconds:.1f} s: {total / seconds:.1f} requests/s"]
    for kind, _ in MIX:
        values = tally.latencies.get(kind, [])
        codes = ", ".join(f"{code}: {n}" for (k, code), n in sorted(tally.statuses.items()) if k == kind)
        lines.append(f"  {kind:10} {len(values):6}  {percentiles(values)}  ({codes})")
    lines.append(f"wrong answers: {len(tally.wrong)}")
    lines += [f"  {w}" for w in Counter(tally.wrong)]
    return "\n".join(lines)


def run(url: str, clients: int, seconds: float) -> tuple[Tally, float]:
    """The load on the server at `url`; what the clients saw and how long the load took."""
    endpoint = url.rstrip("/") + "/sparql"
    if urlparse(endpoint).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("the load runs on loopback only")
    answers = expected_answers(endpoint)
    tally = Tally()
    started = time.monotonic()
    stop = started + seconds
    threads = [threading.Thread(target=client, args=(endpoint, answers, stop, tally, i)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--time-limit", type=float, default=2.0, help="The server's limit per query.")
    parser.add_argument("--workers", type=int, default=2, help="The server's query processes.")
    parser.add_argument("--url", help="A server already running on loopback (default: start one).")
    args = parser.parse_args()
    if args.url:
        tally, elapsed = run(args.url, args.clients, args.seconds)
    else:
        from kg.paths import open_project
        from kg.serve.server import Server, Settings

        settings = Settings(port=0, processes=args.workers, time_limit=args.time_limit)
        with Server(open_project(), settings) as server:
            tally, elapsed = run(server.url, args.clients, args.seconds)
    print(report(tally, elapsed, args.clients))
    raise SystemExit(1 if tally.wrong else 0)


if __name__ == "__main__":
    main()
