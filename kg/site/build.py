"""Build the site: gather once, render every page in memory, write the folder in one swap.

    site_files(graph)            → {path: bytes}, the whole site (a value; nothing written)
    build_site(graph, out_dir)   → writes it (see kg.site.output) and reports what it wrote

The same graph gives the same bytes: every list is sorted, nothing depends on the
time, the machine or the order of a hash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.site.render import STATIC, render
from kg.store import KnowledgeGraph

if TYPE_CHECKING:
    from kg.site.pages import Gathered

Progress = Callable[[str, int, int], None]
"""Told each page made: its path, how many are done, how many in all."""

LANGS = ("en", "zh-Hans", "zh-Hant")


@dataclass(frozen=True)
class SiteReport:
    """What a build wrote."""

    out_dir: Path
    files: int
    pages: int
    entity_pages: int
    views: int
    bytes: int


def site_files(graph: KnowledgeGraph, lang: str = "en", progress: Progress | None = None) -> dict[str, bytes]:
    """Every file of the site, by its path from the site's root."""
    return _assemble(graph, lang, progress)


def build_site(
    graph: KnowledgeGraph,
    out_dir: Path,
    lang: str = "en",
    force: bool = False,
    progress: Progress | None = None,
) -> SiteReport:
    """Build the site of `graph` into the folder `out_dir` (replaced as a whole; a folder
    that is not a site is replaced only with `force`). Names are shown in `lang`."""
    from kg.site.output import check_target, write_site

    out_dir = Path(out_dir)
    check_target(out_dir, force, [graph.project.root])
    files = _assemble(graph, lang, progress)
    write_site(files, out_dir, force, [graph.project.root])
    pages = [p for p in files if p.endswith(".html")]
    return SiteReport(
        out_dir=out_dir,
        files=len(files) + 1,
        pages=len(pages),
        entity_pages=sum(1 for p in pages if p.startswith("id/")),
        views=sum(1 for p in pages if b'id="graph-data"' in files[p]),
        bytes=sum(len(data) for data in files.values()),
    )


def _assemble(graph: KnowledgeGraph, lang: str, progress: Progress | None) -> dict[str, bytes]:
    from kg.dataset_card import card_turtle, dataset_card
    from kg.errors import KgError
    from kg.site.card_page import card_view, licence_name
    from kg.site.ontology import ontology_reference
    from kg.site.pages import SiteMeta, dataset_page, entity_page, index_page, listing_page

    if lang not in LANGS:
        raise KgError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    site = _gather(graph, lang)
    card = dataset_card(graph)
    view = card_view(card, site.statements, lang)
    site.meta = SiteMeta(
        title=view.title,
        version=view.version,
        licence_name=licence_name(view.licence),
        triples=view.triples,
        nav=site.catalogue.nav_kinds(),
    )
    ontology = ontology_reference(graph, render("bar.html", site=site.meta, root="", search=False))
    site.links.terms.update(ontology.anchors)
    files: dict[str, str | bytes] = {"ontology.html": ontology.html, "dataset.ttl": card_turtle(card)}
    entities = sorted(site.catalogue.entities.values(), key=lambda e: e.path)
    for done, entity in enumerate(entities, start=1):
        files[entity.path] = entity_page(site, entity)
        if progress:
            progress(entity.path, done, len(entities))
    for kind in site.catalogue.listed_kinds():
        files[kind.file] = listing_page(site, kind)  # type: ignore[index]
    files["index.html"] = index_page(site, view)
    files["dataset.html"] = dataset_page(site, view)
    files.update(_assets(site))
    return {path: _bytes(data) for path, data in sorted(files.items())}


def _gather(graph: KnowledgeGraph, lang: str) -> Gathered:
    from kg.site.catalogue import build_catalogue
    from kg.site.display import Names
    from kg.site.figures import figures_by_entity, home_page, load_figures
    from kg.site.links import Links
    from kg.site.neighbourhood import Neighbourhoods
    from kg.site.pages import Gathered
    from kg.site.sources import load_citations
    from kg.site.statements import StatementView

    index = graph.label_index()
    names = Names(index, lang)
    catalogue = build_catalogue(graph)
    figures = load_figures(graph, lang)
    links = Links(catalogue)
    for node, figure in figures.items():
        home = home_page(figure)
        if home in catalogue.entities:
            links.figure_rows[node] = f"{catalogue.entities[home].path}#{figure.anchor}"
    return Gathered(
        graph=graph,
        lang=lang,
        index=index,
        names=names,
        catalogue=catalogue,
        links=links,
        figures=figures,
        by_entity=figures_by_entity(figures),
        citations=load_citations(graph),
        statements=StatementView(graph, names, links),
        neighbourhoods=Neighbourhoods(graph, lang),
    )


def _assets(site: Gathered) -> dict[str, str | bytes]:
    from kg.site.neighbourhood import script_json, view_script, vis_assets
    from kg.site.search import search_data

    data = search_data(site.catalogue, site.index, site.names)
    assets: dict[str, str | bytes] = {
        "assets/site.css": (STATIC / "site.css").read_bytes(),
        "assets/site.js": (STATIC / "site.js").read_bytes(),
        "assets/view.js": view_script(),
        "assets/search-data.js": f"window.kgSearchData = {script_json(data)};\n",
    }
    assets.update({f"assets/{name}": content for name, content in vis_assets().items()})
    return assets


def _bytes(data: str | bytes) -> bytes:
    if isinstance(data, bytes):
        return data
    return re.sub(r"[ \t]+\n", "\n", data).encode("utf-8")


__all__ = ["LANGS", "SiteReport", "build_site", "site_files"]
