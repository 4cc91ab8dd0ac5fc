"""Shared fixtures: the real graph (loaded once per session) and small inline projects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.paths import Project, open_project
from kg.store import KnowledgeGraph, open_graph

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The checkout's ontology and triples, with an index of the test session's own."""
    return open_project(root=REPO, index_dir=tmp_path_factory.mktemp("index"), sources_dir=SOURCES)


@pytest.fixture(scope="session")
def real_graph(real_project: Project) -> KnowledgeGraph:
    return open_graph(real_project)


def make_project(base: Path, triples: dict[str, str], with_ontology: bool = True) -> Project:
    """A project in `base` with the real ontology and the given triples files (name → Turtle)."""
    (base / "triples").mkdir(parents=True, exist_ok=True)
    if with_ontology:
        shutil.copytree(REPO / "ontology", base / "ontology", dirs_exist_ok=True)
    else:
        (base / "ontology").mkdir(exist_ok=True)
    for name, text in triples.items():
        (base / "triples" / name).write_text(text, encoding="utf-8")
    return open_project(root=base, index_dir=base / ".kg-index", sources_dir=SOURCES)


def labels_of_nodes(graph: KnowledgeGraph, sparql: str, lang: str = "zh-Hans") -> set[str]:
    """The `lang` labels of the ?node values a query returns."""
    rows = graph.query(
        "SELECT DISTINCT ?label WHERE { { " + sparql + " } ?node rdfs:label ?label "
        f'FILTER(langMatches(lang(?label), "{lang}")) }}'
    )
    return {str(row[0]) for row in rows.rows}


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the whole session (skipped without chromium, except in CI)."""
    from tests.browser import Browser, require_chromium

    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = Browser(playwright, executable)
        yield chromium
        chromium.close()
