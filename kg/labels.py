"""Names of entities in zh-Hans, zh-Hant and English, and script-blind lookup.

Labels are rdfs:label (the main name per language) and skos:altLabel (other forms
a source uses). English labels that are curators' translations carry the tag
`en-t-zh` (BCP 47 "transformed from Chinese"); langMatches(…, "en") finds both.
Lookup folds simplified and traditional script together with OpenCC, so 港澳藥械通
and 港澳药械通 find the same node.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import NotFoundError
from kg.formats import parts
from kg.langtags import pick
from kg.namespaces import curie, expand
from kg.paths import QUERIES_DIR
from kg.queryfile import load_query_file

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

LANGS = ("zh-Hans", "zh-Hant", "en")


class AmbiguousNameError(NotFoundError):
    """A name that several entities carry."""


class Label(str):
    """A label's text (it prints and compares as the text) with its language tag in
    `language`, as an rdflib Literal has it. The index holds these rather than
    Literals: building a Literal costs about twenty times as much, which at a million
    triples was most of the time `kg describe` and `kg view` took."""

    language: str | None

    def __new__(cls, text: str, language: str | None = None) -> Label:
        label = super().__new__(cls, text)
        label.language = language
        return label

    def __reduce__(self):
        return (Label, (str(self), self.language))


@lru_cache(maxsize=1)
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def script_key(text: str) -> str:
    """A key equal for the same name in simplified or traditional script, any
    letter case and any Unicode width: OpenCC t2s, NFKC, casefold, no spaces."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _to_simplified().convert(folded)
    return "".join(folded.casefold().split())


def pick_label(labels: list[Literal] | list[Label], lang: str = "en") -> str | None:
    """The label to show in `lang`, with the fallbacks of kg.langtags.pick."""
    return pick(((str(label), label.language) for label in labels), lang)


def display_name(graph, node: Node, lang: str = "en") -> str:
    """A name for a node of an rdflib Graph: its label in `lang` (with fallbacks), else its CURIE."""
    from rdflib.namespace import RDFS

    labels = sorted((o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)), key=_text_then_language)
    label = pick_label(labels, lang)
    return label if label else curie(str(node))  # an empty label names nothing: the CURIE does


@dataclass(frozen=True)
class Hit:
    """One search result: the node, the label that matched, the node's classes and a score in (0, 1]."""

    node: URIRef
    label: str
    classes: tuple[str, ...]
    score: float


@dataclass
class LabelIndex:
    """Every label of every node of a graph, built with one query."""

    main: dict[URIRef, list[Label]] = field(default_factory=dict)
    alt: dict[URIRef, list[Label]] = field(default_factory=dict)
    classes: dict[URIRef, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, graph: KnowledgeGraph) -> LabelIndex:
        """Every node's labels and classes (for search and name lookup)."""
        rows = graph.query(load_query_file(QUERIES_DIR / "internal" / "labels.rq").text).terms()
        types = graph.query(load_query_file(QUERIES_DIR / "internal" / "types.rq").text).terms()
        return cls._from_rows(rows, types)

    @classmethod
    def _from_rows(cls, rows: list[tuple], types: list[tuple]) -> LabelIndex:
        """From rows of (node, label, main) and (node, classes), in either backend's terms."""
        index = cls()
        for node, label, main in rows:
            if node is None or label is None:
                continue
            text = parts(label)
            table = index.main if parts(main).value in ("1", "true") else index.alt
            table.setdefault(URIRef(parts(node).value), []).append(Label(text.value, text.language))
        for node, classes in types:
            if node is not None:
                index.classes[URIRef(parts(node).value)] = tuple(sorted(parts(classes).value.split()))
        for table in (index.main, index.alt):
            for labels in table.values():
                labels.sort(key=_text_then_language)
        return index

    def name(self, node: Node, lang: str = "en") -> str:
        """The node's main label in `lang` (with fallbacks), else (or if it is empty) its CURIE."""
        label = pick_label(self.main.get(node, []), lang) if isinstance(node, URIRef) else None
        return label if label else curie(str(node))

    def labels(self, node: URIRef) -> list[Label]:
        return self.main.get(node, []) + self.alt.get(node, [])

    def nodes(self) -> set[URIRef]:
        return set(self.main) | set(self.alt)

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Nodes whose labels match `text`, best first: exact name, then prefix, then
        substring, then (when those are few) similar spelling. Script- and case-blind."""
        wanted = script_key(text)
        if not wanted:
            return []
        best: dict[URIRef, Hit] = {}
        for node in self.nodes():
            for label in self.labels(node):
                score = _score(wanted, script_key(str(label)), node in self.main and label in self.main[node])
                if score and (node not in best or score > best[node].score):
                    best[node] = Hit(node, str(label), self.classes.get(node, ()), score)
        if len(best) < limit:
            self._fuzzy(wanted, best)
        ranked = sorted(best.values(), key=lambda h: (-h.score, len(h.label), str(h.node)))
        return ranked[:limit]

    def _fuzzy(self, wanted: str, best: dict[URIRef, Hit]) -> None:
        for node in self.nodes():
            if node in best:
                continue
            for label in self.labels(node):
                ratio = difflib.SequenceMatcher(None, wanted, script_key(str(label))).ratio()
                if ratio >= 0.6 and (node not in best or ratio * 0.5 > best[node].score):
                    best[node] = Hit(node, str(label), self.classes.get(node, ()), round(ratio * 0.5, 3))

    def resolve(self, term: str) -> URIRef:
        """The node a user means: an IRI (`<…>` or `http…`), a CURIE, or a label in any
        script (also a label that looks like an IRI or a CURIE: `<b>bold</b>`, `a:b`)."""
        text = term.strip()
        bracketed = text[1:-1] if text.startswith("<") and text.endswith(">") else text
        iri = expand(bracketed)
        if iri.startswith(("http://", "https://")):
            node = URIRef(iri)
            if node in self.classes or node in self.main or node in self.alt:
                return node
            named = {h.node for h in self.search(text, limit=50) if h.score >= 1.0}
            if len(named) == 1:
                return named.pop()
            raise NotFoundError(f"unknown entity: {term}{self._suggest(bracketed.rsplit('/', 1)[-1])}")
        exact = [h for h in self.search(text, limit=50) if h.score >= 1.0]
        nodes = sorted({h.node for h in exact}, key=str)
        if len(nodes) == 1:
            return nodes[0]
        if len(nodes) > 1:
            options = ", ".join(f"{curie(str(n))} ({self.name(n)})" for n in nodes[:8])
            raise AmbiguousNameError(f"{term!r} names {len(nodes)} entities: {options}; give a CURIE instead")
        raise NotFoundError(f"unknown entity: {term}{self._suggest(text)}")

    def _suggest(self, text: str) -> str:
        hits = self.search(text, limit=5)
        if not hits:
            return ""
        return "; did you mean " + ", ".join(f"{h.label} ({curie(str(h.node))})" for h in hits) + "?"


def _score(wanted: str, key: str, is_main: bool) -> float:
    bonus = 0.0 if is_main else -0.02
    if key == wanted:
        return 1.0
    if key.startswith(wanted):
        return 0.9 - min(len(key) - len(wanted), 40) / 400 + bonus
    if wanted in key:
        return 0.75 - min(len(key) - len(wanted), 40) / 400 + bonus
    return 0.0


def _text_then_language(label: Literal | Label) -> tuple[str, str]:
    """Labels in a stable order on every backend, even where two scripts write a name alike."""
    return str(label), label.language or ""
