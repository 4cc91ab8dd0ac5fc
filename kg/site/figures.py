"""Figures (gba:Observation nodes) as table rows: measure, value, unit, qualifier,
time, source and the source's own words; and which pages show each figure."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from kg.langtags import pick
from kg.namespaces import KG
from kg.paths import QUERIES_DIR
from kg.queryfile import load_query_file
from kg.site.naming import page_slug
from kg.store import KnowledgeGraph

EXACT = KG["qualifier-exact"]


@dataclass
class Figure:
    """One observation: what it measures, the number and how it is qualified, when, from where."""

    observation: URIRef
    measure: URIRef | None = None
    value: str | None = None
    unit: URIRef | None = None
    qualifier: URIRef | None = None
    as_of: str | None = None
    period: str | None = None
    phrase: str | None = None
    time_note: str | None = None
    source: URIRef | None = None
    file: str | None = None
    quote: str | None = None
    about: list[URIRef] = field(default_factory=list)
    shown_on: set[URIRef] = field(default_factory=set)
    """The entities whose pages list it: what it is about, and each case that describes that."""

    @property
    def anchor(self) -> str:
        return page_slug(str(self.observation))

    def related(self) -> set[URIRef]:
        """Every entity whose page lists this figure: about (and their cases), measure, unit, qualifier, source."""
        nodes = set(self.shown_on) | {n for n in (self.measure, self.unit, self.qualifier, self.source) if n}
        return nodes - {EXACT}


def load_figures(graph: KnowledgeGraph, lang: str = "en") -> dict[URIRef, Figure]:
    """Every figure, by observation IRI. Where a field has several values (a time note
    in two languages), the one in `lang` is taken, else the first in sorted order."""
    rows = graph.query(load_query_file(QUERIES_DIR / "site" / "figures.rq").text).bindings()
    values: dict[URIRef, dict[str, set]] = {}
    for row in rows:
        fields = values.setdefault(row["observation"], {})
        for key, term in row.items():
            fields.setdefault(key, set()).add(term)
    return {node: _figure(node, fields, lang) for node, fields in sorted(values.items(), key=lambda kv: str(kv[0]))}


def _figure(node: URIRef, fields: dict[str, set], lang: str) -> Figure:
    def one(key: str) -> str | None:
        terms = fields.get(key)
        if not terms:
            return None
        tagged = [(str(t), t.language) for t in terms if isinstance(t, Literal) and t.language]
        return (pick(tagged, lang) if tagged else None) or min(str(t) for t in terms)

    def iri(key: str) -> URIRef | None:
        text = one(key)
        return URIRef(text) if text is not None else None

    return Figure(
        observation=node,
        measure=iri("measure"),
        value=one("value"),
        unit=iri("unit"),
        qualifier=iri("qualifier"),
        as_of=one("asOf"),
        period=one("period"),
        phrase=one("asOfPhrase"),
        time_note=one("timeNote"),
        source=iri("source"),
        file=one("file"),
        quote=one("quote"),
        about=sorted({URIRef(str(t)) for t in fields.get("about", ())}, key=str),
        shown_on={URIRef(str(t)) for t in fields.get("subject", ())},
    )


def figures_by_entity(figures: dict[URIRef, Figure]) -> dict[URIRef, list[Figure]]:
    """For each entity, the figures its page lists, in observation order."""
    out: dict[URIRef, list[Figure]] = {}
    for node in sorted(figures, key=str):
        for entity in figures[node].related():
            out.setdefault(entity, []).append(figures[node])
    return out


def home_page(figure: Figure) -> URIRef | None:
    """The page where a link to the figure itself goes: the first entity it is about."""
    return figure.about[0] if figure.about else None
