"""Matching names from a document against the graph: by every label and alternative
label, blind to simplified and traditional script (OpenCC), to letter case and width.

One node with the name: a link to it. Several: ambiguous, listed for the curator,
never chosen. None: a new node (after trying the short forms of data/names.json)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import URIRef

from kg.ingest.vocab import load, query
from kg.labels import LabelIndex, script_key
from kg.namespaces import curie

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

MATCHED, AMBIGUOUS, NEW = "matched", "ambiguous", "new"


@dataclass(frozen=True)
class Match:
    """What a name found in the graph."""

    name: str
    status: str  # matched | ambiguous | new
    node: URIRef | None = None
    candidates: tuple[URIRef, ...] = ()
    via: str = ""  # the name form that matched, when not the name as written


@dataclass(frozen=True)
class Occurrence:
    """A stretch of running text that is a label of some node(s) of one kind."""

    start: int
    end: int
    nodes: tuple[URIRef, ...]


@lru_cache(maxsize=4096)
def fold(char: str) -> str:
    """One character as script_key sees it, kept one character long (positions stay put)."""
    folded = script_key(char)
    return folded if len(folded) == 1 else char.casefold()[:1] or char


def fold_text(text: str) -> str:
    return "".join(fold(c) for c in text)


@dataclass
class Matcher:
    """Names of the graph's nodes, by kind of entity."""

    index: LabelIndex
    categories: dict[URIRef, set[str]]
    keyed: dict[str, dict[str, set[URIRef]]] = field(default_factory=dict)
    lookups: dict[str, dict[str, list[URIRef]]] = field(default_factory=dict)

    @classmethod
    def from_graph(cls, graph: KnowledgeGraph) -> Matcher:
        categories: dict[URIRef, set[str]] = defaultdict(set)
        for row in graph.query(query("categories")).bindings():
            categories[row["node"]].add(str(row["category"]))
        lookups: dict[str, dict[str, list[URIRef]]] = defaultdict(lambda: defaultdict(list))
        for row in graph.query(query("sources")).bindings():
            lookups[str(row["kind"])][str(row["key"])].append(row["node"])
        matcher = cls(graph.label_index(), dict(categories), lookups=lookups)
        matcher._index()
        return matcher

    def _index(self) -> None:
        keyed: dict[str, dict[str, set[URIRef]]] = defaultdict(lambda: defaultdict(set))
        for node, kinds in self.categories.items():
            for label in self.index.labels(node):
                for kind in kinds:
                    keyed[kind][script_key(str(label))].add(node)
        self.keyed = keyed

    def match(self, name: str, kind: str) -> Match:
        """The node(s) of this kind that carry the name (or a short form of it)."""
        table = self.keyed.get(kind, {})
        nodes = table.get(script_key(name), set())
        via = ""
        if not nodes:
            for variant in name_variants(name):
                nodes = table.get(script_key(variant), set())
                if nodes:
                    via = variant
                    break
        if len(nodes) == 1:
            return Match(name, MATCHED, next(iter(nodes)), via=via)
        if nodes:
            return Match(name, AMBIGUOUS, candidates=tuple(sorted(nodes, key=str)), via=via)
        return Match(name, NEW)

    def scan(self, text: str, kind: str, min_length: int, skip: set[int] | None = None) -> list[Occurrence]:
        """Labels of this kind in running text, longest first, left to right."""
        table = {k: v for k, v in self.keyed.get(kind, {}).items() if len(k) >= min_length}
        if not table:
            return []
        longest = max(len(k) for k in table)
        folded = fold_text(text)
        found, position = [], 0
        while position < len(folded):
            hit = None
            if not skip or position not in skip:
                for length in range(min(longest, len(folded) - position), min_length - 1, -1):
                    nodes = table.get(folded[position : position + length])
                    if nodes:
                        hit = Occurrence(position, position + length, tuple(sorted(nodes, key=str)))
                        break
            if hit:
                found.append(hit)
                position = hit.end
            else:
                position += 1
        return found

    def exists(self, node: URIRef) -> bool:
        return node in self.categories or node in self.index.main or node in self.index.classes

    def of_kind(self, node: URIRef, kind: str) -> bool:
        return kind in self.categories.get(node, set())

    def name(self, node: URIRef) -> str:
        """`label (curie)` of a node, its zh-Hans label first."""
        return f"{self.index.name(node, 'zh-Hans')} ({curie(str(node))})"

    def lookup(self, kind: str, key: str) -> list[URIRef]:
        """Sources by file name, batches by number, cases by batch number (sources.rq)."""
        return sorted(set(self.lookups.get(kind, {}).get(key, [])), key=str)


def name_variants(name: str) -> list[str]:
    """Other forms of a name (data/names.json): a short prefix spelt out or shortened
    (省X ↔ 广东省X), 和 that conversion from print wrote as `and`."""
    variants = []
    for pattern, replacement in load("names")["variants"]:
        variant = re.sub(pattern, replacement, name)
        if variant != name and variant not in variants:
            variants.append(variant)
    return variants
