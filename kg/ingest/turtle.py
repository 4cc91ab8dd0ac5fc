"""Turtle the way our triples files are written: a header comment, the prefixes used,
then sections (source and batch, shared nodes, one per case) with one block per
subject, labels first, evidence and sources last, blank nodes inline.

The same writer lays out a draft and the triples file an accepted draft becomes, so
a curator reviews the text that will be committed. Output is deterministic."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from kg.ingest.vocab import load
from kg.namespaces import GBA
from kg.prefixes import PREFIXES, expand

_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_LANGS = {"zh-Hans": 0, "zh-Hant": 1, "en": 2, "en-t-zh": 3}
_WIDTH = 110

Section = tuple[str, list[Node]]


def serialise(
    graph: Graph, header: str, sections: list[Section] | None = None, extra_prefixes: dict[str, str] | None = None
) -> str:
    """The graph as Turtle text, in the given sections (by default `layout(graph)`);
    `extra_prefixes` (name → namespace) shorten IRIs outside the project's prefixes."""
    writer = _Writer(graph, extra_prefixes or {})
    parts = [header.rstrip("\n") + "\n" if header else "", writer.prefixes()]
    for title, subjects in sections if sections is not None else layout(graph):
        if not subjects:
            continue
        parts.append(f"{'#' * 60} {title}\n" if title else "")
        parts.extend(writer.block(subject) for subject in subjects)
    return "\n".join(p for p in parts if p)


def layout(graph: Graph) -> list[Section]:
    """Sections for a batch file: source and batch, shared nodes, each case with the
    nodes first reached from it, then anything left."""
    writer = _Writer(graph)
    subjects = [s for s in writer.top_subjects()]
    typed = {s for s in subjects if (s, RDF.type, None) in graph}
    head_types = {GBA.SourceDocument, GBA.Batch, PROV.Activity, PROV.Bundle}
    head = sorted((s for s in typed if set(graph.objects(s, RDF.type)) & head_types), key=str)
    shared = sorted((s for s in subjects if s not in typed), key=str)
    placed = set(head) | set(shared)
    cases = sorted((s for s in typed if (s, RDF.type, GBA.TypicalCase) in graph), key=lambda c: _case_key(graph, c))
    placed |= set(cases)
    sections: list[Section] = [("source and batch", head), ("shared nodes this source names", shared)]
    for case in cases:
        members = [case, *_reached(graph, case, typed, placed)]
        placed |= set(members)
        number = graph.value(case, GBA.caseNumber)
        sections.append((_case_title(number), members))
    sections.append(("other nodes", sorted((s for s in subjects if s not in placed), key=str)))
    return sections


def _case_key(graph: Graph, case: Node) -> tuple[int, str]:
    number = graph.value(case, GBA.caseNumber)
    return (int(number) if number is not None else 10**6, str(case))


def _case_title(number: Node | None) -> str:
    from kg.ingest.numerals import case_label

    return case_label(int(number)) if number is not None else "case"


def _reached(graph: Graph, start: Node, typed: set[Node], placed: set[Node]) -> list[Node]:
    """Typed subjects reached from `start` through objects (and observations about it), breadth first."""
    order: list[Node] = []
    queue = [start]
    seen = set(placed) | {start}
    while queue:
        node = queue.pop(0)
        linked = list(graph.objects(node, None)) + sorted(graph.subjects(GBA.about, node), key=str)
        for other in linked:
            if other in typed and other not in seen:
                seen.add(other)
                order.append(other)
                queue.append(other)
    return order


class _Writer:
    def __init__(self, graph: Graph, extra_prefixes: dict[str, str] | None = None):
        self.graph = graph
        self.namespaces = {**PREFIXES, **(extra_prefixes or {})}
        objects = Counter(o for o in graph.objects() if isinstance(o, BNode))
        self.inline = {b for b, n in objects.items() if n == 1}

    def top_subjects(self) -> list[Node]:
        subjects = {s for s in self.graph.subjects() if not (isinstance(s, BNode) and s in self.inline)}
        return sorted(subjects, key=str)

    def prefixes(self) -> str:
        used = set()
        for triple in self.graph:
            for node in triple:
                if node != RDF.type:
                    used.update(self._prefixes_of(node))
        lines = [f"@prefix {p + ':':<9}<{ns}> ." for p, ns in self.namespaces.items() if p in used]
        return "\n".join(lines) + "\n"

    def _prefixes_of(self, node: Node) -> Iterable[str]:
        iris = [str(node)] if isinstance(node, URIRef) else []
        if isinstance(node, Literal) and node.datatype is not None:
            iris.append(str(node.datatype))
        for iri in iris:
            prefix = _best_prefix(iri, self.namespaces)
            if prefix:
                yield prefix

    def block(self, subject: Node) -> str:
        lines = self._properties(subject, "    ")
        if not lines:
            return ""
        head = self.term(subject) + " " + lines.pop(0).strip()
        if not lines:
            return head + " .\n"
        return head + " ;\n" + " ;\n".join(lines) + " .\n"

    def _properties(self, subject: Node, indent: str, inline: bool = False) -> list[str]:
        predicates = sorted(set(self.graph.predicates(subject)), key=lambda p: _predicate_key(p, inline))
        lines = []
        for predicate in predicates:
            rendered = [(o, self._object(o)) for o in self.graph.objects(subject, predicate)]
            texts = [text for _, text in sorted(rendered, key=_object_key)]
            name = "a" if predicate == RDF.type else self.term(predicate)
            joined = " , ".join(texts)
            if len(indent) + len(name) + len(joined) > _WIDTH and len(texts) > 1:
                joined = (" ,\n" + indent + "    ").join(texts)
            lines.append(f"{indent}{name} {joined}")
        return lines

    def _object(self, node: Node) -> str:
        if isinstance(node, BNode) and node in self.inline:
            inner = [line.strip() for line in self._properties(node, "", inline=True)]
            return "[ " + " ; ".join(inner) + " ]"
        return self.term(node)

    def term(self, node: Node) -> str:
        if isinstance(node, URIRef):
            return _iri(str(node), self.namespaces)
        if isinstance(node, BNode):
            return f"_:{node}"
        return _literal(node)


def _best_prefix(iri: str, namespaces: dict[str, str]) -> str | None:
    """The prefix with the longest namespace that shortens the IRI to a valid local name."""
    fitting = [p for p, ns in namespaces.items() if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :])]
    return max(fitting, key=lambda p: len(namespaces[p]), default=None)


def _iri(iri: str, namespaces: dict[str, str] = PREFIXES) -> str:
    prefix = _best_prefix(iri, namespaces)
    return f"{prefix}:{iri[len(namespaces[prefix]) :]}" if prefix else f"<{iri}>"


def _literal(node: Literal) -> str:
    text = str(node)
    if node.language:
        return f'"{_escape(text)}"@{node.language}'
    if node.datatype == XSD.integer and re.fullmatch(r"[+-]?[0-9]+", text):
        return text
    if node.datatype == XSD.decimal and re.fullmatch(r"[+-]?[0-9]*\.?[0-9]+", text):
        return text if "." in text else text + ".0"
    if node.datatype in (None, XSD.string):
        return f'"{_escape(text)}"'
    return f'"{_escape(text)}"^^{_iri(str(node.datatype))}'


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


@cache
def _order(key: str) -> list[str]:
    return [expand(curie) for curie in load("layout")[key]]


def _predicate_key(predicate: Node, inline: bool = False) -> tuple[int, str]:
    text = str(predicate)
    first = _order("inline_order") if inline else _order("predicate_order")
    last = [] if inline else _order("predicate_order_last")
    if text in first:
        return (first.index(text), "")
    if text in last:
        return (1000 + last.index(text), "")
    return (500, _iri(text))


def _object_key(item: tuple[Node, str]) -> tuple:
    node, text = item
    if isinstance(node, Literal):
        return (1, _LANGS.get(node.language or "", 9), text)
    return (2 if isinstance(node, BNode) else 0, 0, text)
