"""An entity's neighbourhood drawn by the code of `kg view`: the same selection
(kg.select, focus and one hop), the same Network (kg.views.view_network), the
same legend, the same page script (taken from kg/templates/view.html) and the
same rules: data as JSON that cannot close its <script> element, names put in
as text, never as HTML, vis-network from the pyvis package, no network."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from rdflib import Literal, URIRef

from kg.errors import KgError
from kg.labels import LabelIndex
from kg.namespaces import curie
from kg.select import Scope, select
from kg.store import KnowledgeGraph, QueryResult
from kg.views import TEMPLATES, legend, view_network

HOPS = 1
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


class _KeptAnswers:
    """The graph, keeping the answer to each query asked without parameters.

    view_network asks the same whole-graph questions (every figure, every source
    file) for each view; a site draws hundreds of views, so the answers (and
    their conversion to Python values) are computed once."""

    def __init__(self, graph: KnowledgeGraph):
        self._graph = graph
        self._answers: dict[str, _KeptAnswer] = {}
        self._index: _KeptNames | None = None

    def label_index(self) -> LabelIndex:
        if self._index is None:
            index = self._graph.label_index()
            self._index = _KeptNames(main=_by_text_and_tag(index.main), alt=index.alt, classes=index.classes)
        return self._index

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        if bindings:
            return self._graph.query(sparql, bindings)
        if sparql not in self._answers:
            self._answers[sparql] = _KeptAnswer(self._graph.query(sparql))
        return cast(QueryResult, self._answers[sparql])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._graph, name)


class _KeptAnswer:
    def __init__(self, result: QueryResult):
        self._result = result
        self._records: list[dict[str, object]] | None = None

    def records(self) -> list[dict[str, object]]:
        if self._records is None:
            self._records = self._result.records()
        return self._records

    def __getattr__(self, name: str) -> Any:
        return getattr(self._result, name)


def _by_text_and_tag(labels: dict[URIRef, list[Literal]]) -> dict[URIRef, list[Literal]]:
    """Labels in text order and, for the same text (彭澎 in both scripts), in tag order: the
    same on every backend (the index sorts by text alone, so ties keep the store's order)."""
    return {
        node: sorted(values, key=lambda label: (str(label), label.language or "")) for node, values in labels.items()
    }


class _KeptNames(LabelIndex):
    """The label index, keeping each name it gave (views ask for the same names again and again)."""

    _names: dict[tuple[object, str], str] | None = None

    def name(self, node, lang: str = "en") -> str:
        if self._names is None:
            self._names = {}
        key = (node, lang)
        if key not in self._names:
            self._names[key] = super().name(node, lang)
        return self._names[key]


class Neighbourhoods:
    """The data of each entity's view, in the form kg/templates/view.html's script reads."""

    def __init__(self, graph: KnowledgeGraph, lang: str):
        self.graph = graph
        self.kept = cast(KnowledgeGraph, _KeptAnswers(graph))
        self.lang = lang

    def data(self, node: URIRef, title: str) -> dict | None:
        """The view of the node and its neighbours; None when there is nothing but the node to draw."""
        scope = Scope(focus=curie(str(node)), hops=HOPS)
        net = view_network(self.kept, select(self.graph, scope), lang=self.lang)
        if len(net.nodes) < 2:
            return None
        return {
            "title": title,
            "scope": scope.describe(),
            "nodes": net.nodes,
            "edges": net.edges,
            "options": net.options,
            "legend": legend(net, self.kept, self.lang),
        }


def view_script(template: Path = TEMPLATES / "view.html") -> str:
    """The drawing script of `kg view`'s page (its one inline script without template
    fields), so that the site draws, labels and escapes exactly as `kg view` does."""
    text = template.read_text(encoding="utf-8")
    scripts = [body for body in _INLINE_SCRIPT.findall(text) if "{{" not in body and "{%" not in body]
    if len(scripts) != 1:
        raise KgError(f"{template}: expected one inline drawing script, found {len(scripts)}; kg site cannot reuse it")
    return scripts[0].strip() + "\n"


def vis_assets() -> dict[str, bytes]:
    """vis-network's script and style sheet from the pyvis package, as `kg view` inlines them."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return {name: (lib / name).read_bytes() for name in ("vis-network.min.js", "vis-network.css")}


def script_json(value: object) -> str:
    """JSON that cannot close the <script> element it sits in (as kg.views writes it)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028")):
        text = text.replace(char, escaped)
    return text.replace("\u2029", "\\u2029")
