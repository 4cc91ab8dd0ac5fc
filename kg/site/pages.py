"""The pages of the site, each rendered from what the build gathered once (names,
kinds, links, figures, citations, views): an entity page, a listing per kind, the
index and the dataset card page."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup
from rdflib import Literal, URIRef

from kg.labels import LabelIndex
from kg.langtags import lang_matches
from kg.namespaces import curie
from kg.paths import QUERIES_DIR
from kg.queryfile import load_query_file
from kg.site.card_page import CardView
from kg.site.catalogue import Catalogue, Entity, Kind
from kg.site.display import TRANSLATED, Link, Names, Text, number
from kg.site.figures import Figure
from kg.site.links import Links
from kg.site.naming import relative_root
from kg.site.neighbourhood import Neighbourhoods, script_json
from kg.site.render import SITE_CSP, render
from kg.site.sources import Citations
from kg.site.statements import StatementView
from kg.store import KnowledgeGraph

LANGUAGE_NAMES = {"zh-hans": "Simplified Chinese", "zh-hant": "Traditional Chinese", "en": "English"}


@dataclass
class SiteMeta:
    """What every page's frame shows."""

    title: str
    version: str
    licence_name: str
    triples: int
    nav: list[Kind]
    csp: str = SITE_CSP


@dataclass
class Gathered:
    """Everything the pages are made from, gathered once per build."""

    graph: KnowledgeGraph
    lang: str
    index: LabelIndex
    names: Names
    catalogue: Catalogue
    links: Links
    figures: dict[URIRef, Figure]
    by_entity: dict[URIRef, list[Figure]]
    citations: Citations
    statements: StatementView
    neighbourhoods: Neighbourhoods
    meta: SiteMeta | None = None

    def link(self, node: URIRef, root: str) -> Link:
        return self.statements.link(node, root)


# ---------------------------------------------------------------- entity pages


def entity_page(site: Gathered, entity: Entity) -> str:
    node, root = entity.node, relative_root(entity.path)
    figures = site.by_entity.get(node, [])
    name = site.names.label(node)
    view = site.neighbourhoods.data(node, name.text) if entity.kind.view else None
    page = {
        "name": name,
        "other": site.names.other(node),
        "kind": Link(entity.kind.title, root + entity.kind.file if entity.kind.file else None),
        "types": [site.link(URIRef(c), root) for c in site.index.classes.get(node, ())],
        "curie": curie(str(node)),
        "iri": str(node),
        "labels": label_rows(site.index, node),
        "figures": figure_rows(site, figures, root),
        "show_about": any(f.about != [node] for f in figures),
        "groups": site.statements.groups(node, root),
        "view_json": Markup(script_json(view)) if view else None,
        "source": source_section(site, node, root) if entity.kind.key == "source" else None,
    }
    return render("entity.html", site=site.meta, root=root, page=page)


def _language(tag: str | None) -> str:
    if not tag:
        return "no language"
    words = LANGUAGE_NAMES.get(tag.lower()) or ("English" if lang_matches(tag, "en") else "")
    return f"{words} ({tag})" if words else tag


def _label_order(label: Literal) -> tuple:
    tag = (label.language or "").lower()
    rank = next((i for i, lang in enumerate(("zh-hans", "zh-hant", "en")) if lang_matches(tag, lang)), 3)
    return (rank, tag, str(label))


def label_rows(index: LabelIndex, node: URIRef) -> list[dict]:
    """Main names first, then other names, each in the order simplified, traditional, English, others."""
    rows = []
    for main, labels in ((True, index.main.get(node, [])), (False, index.alt.get(node, []))):
        for label in sorted(labels, key=_label_order):
            rows.append(
                {
                    "language": _language(label.language),
                    "label": Text(str(label), label.language),
                    "main": main,
                    "translated": (label.language or "").lower() == TRANSLATED,
                }
            )
    return rows


def figure_rows(site: Gathered, figures: list[Figure], root: str) -> list[dict]:
    """One row per figure, by measure name, then time, then observation."""

    def order(f: Figure) -> tuple[str, str, str]:
        return (site.names.name(f.measure) if f.measure else "", f.as_of or f.period or "", str(f.observation))

    return [
        {
            "anchor": f.anchor,
            "measure": site.link(f.measure, root) if f.measure else Link("—"),
            "value": number(f.value) if f.value is not None else "—",
            "unit": site.link(f.unit, root) if f.unit else Link("—"),
            "qualifier": site.link(f.qualifier, root) if f.qualifier and not _exact(f) else None,
            "time": _timing(f),
            "about": [site.link(a, root) for a in f.about],
            "source": site.statements.source_link(f.source, root) if f.source else None,
            "file": f.file,
            "quote": f.quote,
        }
        for f in sorted(figures, key=order)
    ]


def _exact(figure: Figure) -> bool:
    return str(figure.qualifier).endswith("/qualifier-exact")


def _timing(figure: Figure) -> list[Text]:
    """When a figure holds: its date, its period, the source's own time words, or the curators' note."""
    out = []
    if figure.as_of:
        out.append(Text(figure.as_of))
    if figure.period:
        out.append(Text(figure.period, None, "period"))
    if figure.phrase:
        out.append(Text(figure.phrase, "zh", "the source's words"))
    if figure.time_note:
        out.append(Text(figure.time_note, "zh", "curators' note"))
    return out


def source_section(site: Gathered, node: URIRef, root: str) -> dict:
    """What the graph takes from a source document: the entities citing it by kind, its quotes, its figures."""
    use = site.citations.use(node)
    groups: dict[str, list[Link]] = {}
    for entity in use.entities:
        known = site.catalogue.entities.get(entity)
        if known is not None and entity != node:
            groups.setdefault(known.kind.key, []).append(site.link(entity, root))
    order = [k for k in site.catalogue.kinds if k.key in groups]
    quotes = [
        {
            "entity": site.link(q.entity, root),
            "supports": [site.link(p, root) for p in q.supports],
            "text": q.text,
        }
        for q in use.quotes
    ]
    return {
        "entity_count": sum(len(v) for v in groups.values()),
        "groups": [{"title": k.title, "links": sorted(groups[k.key], key=_link_order)} for k in order],
        "quotes": quotes,
        "figure_count": sum(1 for f in site.figures.values() if f.source == node),
    }


def _link_order(link: Link) -> tuple[str, str]:
    return (link.text.casefold(), link.title)


# ---------------------------------------------------------------- listings, index, card


def listing_page(site: Gathered, kind: Kind) -> str:
    entities = site.catalogue.of_kind(kind)
    if kind.key == "case":
        entities.sort(key=lambda e: str(e.node))
    else:
        entities.sort(key=lambda e: (site.names.name(e.node).casefold(), str(e.node)))
    rows = [
        {
            "link": site.link(e.node, ""),
            "other": site.names.other(e.node),
            "type": site.names.kind_of(site.index.classes.get(e.node, ())),
            "figures": len(site.by_entity.get(e.node, [])),
            "sources": [site.statements.source_link(s, "") for s in site.citations.sources_of.get(e.node, [])],
        }
        for e in entities
    ]
    return render("listing.html", site=site.meta, root="", page={"title": kind.title, "rows": rows})


def index_page(site: Gathered, card: CardView) -> str:
    kinds = [
        {"title": k.title, "file": k.file, "count": len(site.catalogue.of_kind(k))}
        for k in site.catalogue.listed_kinds()
    ]
    batches, loose = batch_rows(site)
    page = {
        "other_title": card.other_title,
        "description": card.description,
        "triples": card.triples,
        "statements": len(site.graph),
        "files": len(card.subsets),
        "entities": len(site.catalogue.entities),
        "figures": len(site.figures),
        "quotes": sum(len(use.quotes) for use in site.citations.uses.values()),
        "kinds": kinds,
        "batches": batches,
        "loose_cases": loose,
        "sources": [{"link": s["link"], "other": site.names.other(s["node"]), "file": s["file"]} for s in card.sources],
    }
    return render("index.html", site=site.meta, root="", page=page)


def batch_rows(site: Gathered) -> tuple[list[dict], list[dict]]:
    """The batches in number order with their cases in case-number order; and cases in no batch."""
    rows = site.graph.query(load_query_file(QUERIES_DIR / "site" / "batches.rq").text).bindings()
    batches: dict[URIRef, dict] = {}
    placed: set[URIRef] = set()
    for row in rows:
        batch = row["batch"]
        entry = batches.setdefault(
            batch, {"link": site.link(batch, ""), "issued": str(row.get("issued", "")), "cases": []}
        )
        case = row.get("case")
        if case is not None and case not in placed:
            placed.add(case)
            entry["cases"].append({"link": site.link(case, ""), "number": str(row.get("caseNumber", ""))})
    kind = next(k for k in site.catalogue.kinds if k.key == "case")
    loose = [{"link": site.link(e.node, "")} for e in site.catalogue.of_kind(kind) if e.node not in placed]
    return list(batches.values()), sorted(loose, key=lambda c: c["link"].title)


def dataset_page(site: Gathered, card: CardView) -> str:
    return render("dataset.html", site=site.meta, root="", card=card)
