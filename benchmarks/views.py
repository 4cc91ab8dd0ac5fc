"""Benchmark of `kg view`: time to build and write the page, and time until the
page has settled in headless Chromium, for the curated graph and for synthetic
graphs of about 1,000 and 5,000 drawn nodes. Prints a table; not a test.

    python -m benchmarks.views [--json results.json]      (from the checkout)
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate
from kg.paths import open_project
from kg.select import Scope, select
from kg.store import open_graph
from kg.views import to_html, view_network

REPO = Path(__file__).resolve().parent.parent
DRAWN_PER_CASE = 3.2


def build(root: Path, index: Path, out: Path, static: bool | None) -> dict:
    graph = open_graph(open_project(root=root, index_dir=index))
    start = time.perf_counter()
    selection = select(graph, Scope())
    net = view_network(graph, selection, static_layout=static)
    out.write_text(to_html(net, graph, "benchmark"), encoding="utf-8")
    return {
        "nodes": len(net.nodes),
        "edges": len(net.edges),
        "write_s": time.perf_counter() - start,
        "bytes": out.stat().st_size,
    }


def settle(page_path: Path) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    from tests.browser import ARGS, CHROMIUM

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body[data-drawn='1']", state="attached", timeout=600_000)
        drawn = time.perf_counter() - start
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=600_000)
        ready = time.perf_counter() - start
        browser.close()
    return drawn, ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-views-"))
    runs = [("curated graph", REPO, None)]
    for nodes in (1000, 5000):
        cases = int(nodes / DRAWN_PER_CASE)
        root = generate(cases * 45, work / f"synthetic-{nodes}")
        runs.append((f"synthetic ~{nodes} nodes", root, None))
    rows = []
    for name, root, static in runs:
        page = work / f"{name.split()[0]}-{len(rows)}.html"
        figures = build(root, work / f"index-{len(rows)}", page, static)
        figures["first_draw_s"], figures["settled_s"] = settle(page)
        figures["graph"] = name
        rows.append(figures)
    print(f"{'graph':<24}{'nodes':>7}{'edges':>8}{'MB':>7}{'write s':>9}{'drawn s':>9}{'settled s':>11}")
    for r in rows:
        print(
            f"{r['graph']:<24}{r['nodes']:>7}{r['edges']:>8}{r['bytes'] / 1e6:>7.1f}{r['write_s']:>9.2f}"
            f"{r['first_draw_s']:>9.2f}{r['settled_s']:>11.2f}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
