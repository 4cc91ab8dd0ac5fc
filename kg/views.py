"""A selection drawn as a pyvis Network, and that Network as one self-contained,
offline HTML page (vis-network inlined from the pyvis package; a Content
Security Policy that forbids every network request; labels and tooltips built
as DOM text, never parsed as HTML)."""

from __future__ import annotations

import json
import math
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import URIRef

from kg.labels import LabelIndex
from kg.langtags import lang_matches
from kg.namespaces import curie, expand
from kg.paths import PACKAGE_DIR, QUERIES_DIR
from kg.query import restrict_to
from kg.queryfile import load_query_file
from kg.select import Selection
from kg.store import KnowledgeGraph

if TYPE_CHECKING:
    from pyvis.network import Network

TEMPLATES = PACKAGE_DIR / "templates"
LARGE = 500
"""From this many nodes on, positions are computed in Python and physics is off
(vis-network's physics needs about 25 s to settle 1,000 nodes here)."""


@dataclass(frozen=True)
class Style:
    cls: str
    color: str
    shape: str


@lru_cache(maxsize=1)
def _styles() -> tuple[list[Style], frozenset[str], Style]:
    raw = json.loads((TEMPLATES / "styles.json").read_text(encoding="utf-8"))
    styles = [Style(expand(s["class"]), s["color"], s["shape"]) for s in raw["classes"]]
    folded = frozenset(expand(c) for c in raw["folded"])
    return styles, folded, Style("", raw["other"]["color"], raw["other"]["shape"])


def style_of(classes: tuple[str, ...]) -> Style:
    """The style of the first class in styles.json that the node has."""
    styles, _, other = _styles()
    for style in styles:
        if style.cls in classes:
            return style
    return other


def drawn_nodes(selection: Selection, index: LabelIndex) -> list[URIRef]:
    """The selected nodes a view draws: observations and vocabulary concepts are
    folded into tooltips unless the scope asked for their types."""
    _, folded, _ = _styles()
    asked = {expand(t) for t in selection.scope.types}
    keep = []
    for node in sorted(selection.nodes, key=str):
        classes = set(index.classes.get(node, ()))
        if classes and classes <= folded and not (classes & asked or "skos:Concept" in selection.scope.types):
            continue
        keep.append(node)
    return keep


def figures_by_subject(
    graph: KnowledgeGraph, lang: str, subjects: Collection[URIRef] | None = None
) -> dict[URIRef, list[str]]:
    """One line per figure, keyed by the entity it is about: `measure: more than 111000 users (2023-12)`;
    for the `subjects` given only (a view's nodes), else for every subject."""
    if subjects is None:
        rows = graph.query(load_query_file(QUERIES_DIR / "figures-about.rq").text).records()
    else:
        text = load_query_file(QUERIES_DIR / "internal" / "figures-of.rq").text
        rows = graph.query(restrict_to(text, "subject", subjects)).records()
    index = graph.label_index()
    out: dict[URIRef, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for row in rows:
        key = (row["subject"], row["observation"])
        if key in seen:
            continue
        seen.add(key)
        when = row["asOf"] or row["period"] or row["asOfPhrase"] or ""
        qualifier = (
            ""
            if str(row["qualifier"]).endswith("qualifier-exact")
            else index.name(URIRef(row["qualifier"]), lang) + " "
        )
        line = (
            f"{index.name(URIRef(row['measure']), lang)}: {qualifier}{_number(row['value'])} "
            f"{index.name(URIRef(row['unit']), lang)} ({when}; {row['file']})"
        )
        out.setdefault(URIRef(row["subject"]), []).append(line)
    return out


def _number(value: object) -> str:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,}"


def _info(node: URIRef, index: LabelIndex, lang: str, figures: list[str], files: list[str]) -> dict:
    labels = [f"{lbl} @{lbl.language}" for lbl in index.main.get(node, []) if not lang_matches(lbl.language, lang)]
    classes = index.classes.get(node, ())
    return {
        "id": curie(str(node)),
        "name": index.name(node, lang),
        "labels": labels,
        "type": ", ".join(index.name(URIRef(c), lang) for c in classes) or "—",
        "figures": figures[:12] + ([f"… {len(figures) - 12} more"] if len(figures) > 12 else []),
        "sources": files,
    }


def _source_files(graph: KnowledgeGraph, nodes: Collection[URIRef]) -> dict[URIRef, list[str]]:
    text = load_query_file(QUERIES_DIR / "internal" / "source-files.rq").text
    rows = graph.query(restrict_to(text, "node", nodes)).records()
    out: dict[URIRef, list[str]] = {}
    for row in rows:
        out.setdefault(URIRef(row["node"]), []).append(str(row["file"]))
    return {k: sorted(v) for k, v in out.items()}


def view_network(
    graph: KnowledgeGraph,
    selection: Selection,
    lang: str = "en",
    size_by: str = "degree",
    static_layout: bool | None = None,
) -> Network:
    """The selection as a pyvis Network: colour and shape by class, size by degree
    (or by the number of figures), edge labels from property labels, a tooltip per
    node. Large selections (or `static_layout=True`) get positions from networkx
    and physics off."""
    from pyvis.network import Network

    index = graph.label_index()
    nodes = drawn_nodes(selection, index)
    drawn = set(nodes)
    edges = [(s, p, o) for s, p, o in selection.edges() if s in drawn and o in drawn]
    figures = figures_by_subject(graph, lang, nodes)
    files = _source_files(graph, nodes)
    degree = {n: 0 for n in nodes}
    for s, _, o in edges:
        degree[s] += 1
        degree[o] += 1
    net = Network(height="100%", width="100%", directed=True, cdn_resources="local")
    net.nodes = [_node(n, index, lang, degree, figures, files, size_by) for n in nodes]
    net.edges = [_edge(s, p, o, index, lang) for s, p, o in edges]
    net.node_ids = [str(n) for n in nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    large = len(nodes) >= LARGE if static_layout is None else static_layout
    options = json.loads(
        (TEMPLATES / ("view-options-static.json" if large else "view-options.json")).read_text("utf-8")
    )
    if large:
        _place(net, nodes, edges)
    net.options = options
    net.heading = f"{len(nodes)} nodes"
    return net


def _node(node, index, lang, degree, figures, files, size_by) -> dict:
    classes = index.classes.get(node, ())
    style = style_of(classes)
    measure = len(figures.get(node, [])) if size_by == "figures" else degree[node] if size_by == "degree" else 0
    return {
        "id": str(node),
        "label": _short(index.name(node, lang)),
        "color": style.color,
        "shape": style.shape,
        "size": round(10 + 6 * math.sqrt(measure), 1),
        "group": curie(style.cls) if style.cls else "other",
        "info": _info(node, index, lang, figures.get(node, []), files.get(node, [])),
    }


def _edge(s: URIRef, p: URIRef, o: URIRef, index: LabelIndex, lang: str) -> dict:
    label = index.name(p, lang)
    return {"from": str(s), "to": str(o), "label": label, "title": f"{label} ({curie(str(p))})", "arrows": "to"}


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _place(net: Network, nodes: list[URIRef], edges: list[tuple]) -> None:
    """Positions computed ahead (kg.layout), physics off for every node."""
    from kg.layout import component_layout

    positions = component_layout((str(n) for n in nodes), ((str(s), str(o)) for s, _, o in edges))
    for item in net.nodes:
        item["x"], item["y"] = positions[item["id"]]
        item["physics"] = False


def legend(net: Network, graph: KnowledgeGraph, lang: str) -> list[dict]:
    """One entry per style group drawn: colour, class label, count."""
    index = graph.label_index()
    counts: dict[str, int] = {}
    colors: dict[str, str] = {}
    for node in net.nodes:
        counts[node["group"]] = counts.get(node["group"], 0) + 1
        colors[node["group"]] = node["color"]
    return [
        {
            "label": index.name(URIRef(expand(group)), lang) if group != "other" else "other",
            "color": colors[group],
            "count": counts[group],
        }
        for group in sorted(counts, key=lambda g: (-counts[g], g))
    ]


def _script_safe_json(value: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("the bundled vis-network assets cannot be inlined safely")
    return js, css


def to_html(net: Network, graph: KnowledgeGraph, title: str, scope: str = "whole graph", lang: str = "en") -> str:
    """The Network as one HTML page that needs nothing outside itself."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    js, css = _vis_assets()
    data = {
        "title": title,
        "scope": scope,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": net.options,
        "legend": legend(net, graph, lang),
    }
    return env.get_template("view.html").render(
        title=title,
        html_lang={"zh-Hans": "zh-Hans", "zh-Hant": "zh-Hant"}.get(lang, "en"),
        vis_js=Markup(js),
        vis_css=Markup(css),
        data_json=Markup(_script_safe_json(data)),
    )


def show_inline(net: Network, graph: KnowledgeGraph, title: str = "GBA rule-alignment graph", height: int = 600):
    """Display the view inside a notebook (an iframe holding the same offline page)."""
    import html
    import warnings

    from IPython.display import HTML

    page = to_html(net, graph, title)
    frame = (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{height}px;border:0" '
        'sandbox="allow-scripts"></iframe>'
    )
    with warnings.catch_warnings():  # IPython suggests IFrame, which needs a URL; the page has none
        warnings.filterwarnings("ignore", message="Consider using IPython.display.IFrame")
        return HTML(frame)
