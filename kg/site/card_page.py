"""The dataset card (kg.dataset_card) read back for its page: words, facts, counts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, VOID

from kg.dataset_card import dataset_node
from kg.langtags import lang_matches, pick
from kg.namespaces import GBA
from kg.site.display import Link, Text
from kg.site.statements import StatementView


@dataclass
class CardView:
    iri: str
    title: str
    other_title: str
    description: str
    other_description: str
    version: str
    licence: str
    publisher: str
    conforms_to: str
    triples: int
    entities: int
    keywords: list[Text] = field(default_factory=list)
    totals: list[tuple[str, int]] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    subsets: list[dict] = field(default_factory=list)
    classes: list[dict] = field(default_factory=list)
    properties: list[dict] = field(default_factory=list)


def licence_name(iri: str) -> str:
    """`CC BY 4.0` for a Creative Commons licence IRI; the IRI for any other."""
    match = re.fullmatch(r"https?://creativecommons\.org/licenses/([a-z-]+)/([0-9.]+)/?", iri)
    if not match:
        return iri
    return f"CC {match[1].upper().replace('-', ' ')} {match[2]}"


def _text(card: Graph, node, prop, lang: str) -> str:
    values = [(str(o), o.language) for o in card.objects(node, prop) if isinstance(o, Literal)]
    return pick(values, lang) or ""


def _int(card: Graph, node, prop) -> int:
    value = card.value(node, prop)
    return int(str(value)) if value is not None else 0


def card_view(card: Graph, statements: StatementView, lang: str) -> CardView:
    """What the dataset card page shows, with links into the site from a root page."""
    node = dataset_node(card)
    other = "zh-Hans" if lang_matches(lang, "en") else "en"
    publisher = card.value(node, DCTERMS.publisher)
    view = CardView(
        iri=str(node),
        title=_text(card, node, DCTERMS.title, lang),
        other_title=_text(card, node, DCTERMS.title, other),
        description=_text(card, node, DCTERMS.description, lang),
        other_description=_text(card, node, DCTERMS.description, other),
        version=str(card.value(node, OWL.versionInfo) or ""),
        licence=str(card.value(node, DCTERMS.license) or ""),
        publisher=_text(card, publisher, FOAF.name, lang) if publisher is not None else "",
        conforms_to=str(card.value(node, DCTERMS.conformsTo) or ""),
        triples=_int(card, node, VOID.triples),
        entities=_int(card, node, VOID.entities),
    )
    view.keywords = sorted(
        (Text(str(k), k.language) for k in card.objects(node, DCAT.keyword) if isinstance(k, Literal)),
        key=lambda t: (t.lang or "", t.text),
    )
    view.totals = [
        ("Distinct subjects", _int(card, node, VOID.distinctSubjects)),
        ("Distinct objects", _int(card, node, VOID.distinctObjects)),
        ("Properties", _int(card, node, VOID.properties)),
        ("Classes", _int(card, node, VOID.classes)),
    ]
    view.sources = _sources(card, node, statements)
    view.subsets = _subsets(card, node)
    view.classes, view.properties = _partitions(card, node, statements)
    return view


def _sources(card: Graph, node, statements: StatementView) -> list[dict]:
    rows = []
    for source in sorted(card.objects(node, DCTERMS.source), key=str):
        rows.append(
            {
                "node": source,
                "link": statements.link(source, ""),
                "file": str(card.value(source, GBA.fileName) or ""),
                "issued": str(card.value(source, GBA.issuedDate) or ""),
            }
        )
    return rows


def _subsets(card: Graph, node) -> list[dict]:
    return [
        {"iri": str(s), "title": str(card.value(s, DCTERMS.title) or s), "triples": _int(card, s, VOID.triples)}
        for s in sorted(card.objects(node, VOID.subset), key=str)
    ]


def _partitions(card: Graph, node, statements: StatementView) -> tuple[list[dict], list[dict]]:
    classes = []
    for part in card.objects(node, VOID.classPartition):
        cls = card.value(part, VOID["class"])
        classes.append(
            {
                "link": _term_link(cls, statements),
                "instances": _int(card, part, VOID.distinctSubjects),
                "entities": _int(card, part, VOID.entities),
            }
        )
    properties = []
    for part in card.objects(node, VOID.propertyPartition):
        prop = card.value(part, VOID.property)
        properties.append({"link": _term_link(prop, statements), "triples": _int(card, part, VOID.triples)})
    return sorted(classes, key=_largest_first), sorted(properties, key=_largest_first)


def _largest_first(row: dict) -> tuple:
    return (-row.get("instances", row.get("triples", 0)), row["link"].title)


def _term_link(term, statements: StatementView) -> Link:
    if not isinstance(term, URIRef):
        return Link(str(term))
    link = statements.link(term, "")
    return Link(link.title if link.text == link.title else f"{link.text} ({link.title})", link.href, None, str(term))
