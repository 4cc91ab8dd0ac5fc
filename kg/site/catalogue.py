"""Which entities get a page, of which kind, at which path.

Kinds come from `kinds.json` (data, not code): an entity takes the first kind
whose classes it has, directly or through rdfs:subClassOf. Observations are the
`figure` kind: shown as rows of the figure tables, not as pages of their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.namespaces import expand
from kg.paths import QUERIES_DIR
from kg.prefixes import KG_NS
from kg.queryfile import load_query_file
from kg.site.naming import page_path
from kg.store import KnowledgeGraph

KINDS_FILE = Path(__file__).resolve().parent / "kinds.json"


@dataclass(frozen=True)
class Kind:
    """A kind of page: its key, the title of its listing, the listing's file, its classes."""

    key: str
    title: str
    file: str | None
    classes: tuple[str, ...]
    view: bool = True
    page: bool = True
    nav: str = ""
    """The short title in the bar at the top of every page; empty for kinds left out of it."""


@dataclass(frozen=True)
class Entity:
    node: URIRef
    kind: Kind
    path: str


@dataclass
class Catalogue:
    kinds: list[Kind]
    entities: dict[URIRef, Entity] = field(default_factory=dict)
    """Every entity with a page, by IRI."""
    figures: set[URIRef] = field(default_factory=set)
    """Observations: rows of figure tables."""

    def of_kind(self, kind: Kind) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind]

    def nav_kinds(self) -> list[Kind]:
        """The listed kinds the bar at the top of each page links to."""
        return [k for k in self.listed_kinds() if k.nav]

    def listed_kinds(self) -> list[Kind]:
        """Kinds with a listing page and at least one entity, in the order of kinds.json."""
        present = {e.kind.key for e in self.entities.values()}
        return [k for k in self.kinds if k.page and k.file and k.key in present]


def load_kinds(path: Path = KINDS_FILE) -> list[Kind]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [
        Kind(
            key=item["kind"],
            title=item["title"],
            file=item.get("file"),
            classes=tuple(expand(c) for c in item["classes"]),
            view=item.get("view", True),
            page=item.get("page", True),
            nav=item.get("nav", ""),
        )
        for item in raw["kinds"]
    ]


def build_catalogue(graph: KnowledgeGraph) -> Catalogue:
    """Every IRI of the instance namespace that has a class or a label, sorted into kinds."""
    kinds = load_kinds()
    rows = graph.query(load_query_file(QUERIES_DIR / "site" / "entity-classes.rq").text).records()
    classes: dict[URIRef, set[str]] = {}
    for row in rows:
        classes.setdefault(URIRef(str(row["node"])), set()).add(str(row["class"]))
    for node in graph.label_index().nodes():
        if str(node).startswith(KG_NS):
            classes.setdefault(node, set())
    catalogue = Catalogue(kinds=kinds)
    fallback = next(k for k in kinds if not k.classes)
    for node in sorted(classes, key=str):
        kind = next((k for k in kinds if set(k.classes) & classes[node]), fallback)
        if not kind.page:
            catalogue.figures.add(node)
        else:
            catalogue.entities[node] = Entity(node=node, kind=kind, path=page_path(str(node)))
    return catalogue
