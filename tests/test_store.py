"""Loading: one named graph per file, a content-keyed index, clear syntax errors."""

from pathlib import Path

import pytest
from rdflib import Literal

from kg.errors import DataFilesError
from kg.store import open_graph
from tests.conftest import make_project

ONE = """@prefix kg: <https://w3id.org/gba-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kg:place-a rdfs:label "甲"@zh-Hans .
"""
TWO = ONE.replace("place-a", "place-b").replace("甲", "乙")
LABELS = "SELECT ?l WHERE { ?s rdfs:label ?l FILTER(STRSTARTS(STR(?s), STR(kg:place-))) }"


def _labels(graph) -> set[str]:
    return {str(row[0]) for row in graph.query(LABELS).rows}


def test_each_file_is_its_own_named_graph(tmp_path: Path):
    project = make_project(tmp_path, {"a.ttl": ONE, "b.ttl": TWO})
    graph = open_graph(project)
    names = {str(g).rsplit("/graph/", 1)[1] for g in graph.named_graphs()}
    assert {"triples/a", "triples/b", "ontology/gba", "ontology/shapes"} <= names
    assert _labels(graph) == {"甲", "乙"}


def test_second_run_parses_nothing_and_a_change_parses_only_that_file(tmp_path: Path):
    project = make_project(tmp_path, {"a.ttl": ONE, "b.ttl": TWO})
    first = open_graph(project)
    assert "triples/a.ttl" in first.sync_report.parsed
    second = open_graph(project)
    assert second.sync_report.parsed == []
    (project.triples_dir / "b.ttl").write_text(TWO.replace("乙", "丙"), encoding="utf-8")
    third = open_graph(project)
    assert third.sync_report.parsed == ["triples/b.ttl"]
    assert _labels(third) == {"甲", "丙"}


def test_deleted_file_leaves_the_index(tmp_path: Path):
    project = make_project(tmp_path, {"a.ttl": ONE, "b.ttl": TWO})
    open_graph(project)
    (project.triples_dir / "b.ttl").unlink()
    graph = open_graph(project)
    assert graph.sync_report.removed == ["triples/b.ttl"]
    assert _labels(graph) == {"甲"}


def test_broken_turtle_names_file_and_line_and_keeps_the_index(tmp_path: Path):
    project = make_project(tmp_path, {"a.ttl": ONE, "b.ttl": TWO})
    open_graph(project)
    (project.triples_dir / "b.ttl").write_text(TWO + 'kg:place-c rdfs:label "unterminated .\n', encoding="utf-8")
    with pytest.raises(DataFilesError) as caught:
        open_graph(project)
    error = caught.value.errors[0]
    assert error.path.name == "b.ttl"
    assert error.line == 4
    assert str(caught.value).startswith(f"{error.path}:4")
    (project.triples_dir / "b.ttl").write_text(TWO, encoding="utf-8")
    assert _labels(open_graph(project)) == {"甲", "乙"}


def test_all_backends_answer_alike(real_project):
    query = "SELECT ?case ?agency WHERE { ?case a gba:TypicalCase ; gba:reportedBy ?agency }"
    ox_rows = set(open_graph(real_project, backend="oxigraph").query(query).rows)
    in_memory = set(open_graph(real_project, backend="oxigraph-memory").query(query).rows)
    mem_rows = set(open_graph(real_project, backend="memory").query(query).rows)
    assert ox_rows and ox_rows == in_memory == mem_rows


def test_bindings_are_substituted_not_pasted(real_graph):
    query = "SELECT DISTINCT ?node ?name WHERE { ?node rdfs:label ?name }"
    rows = real_graph.query(query, {"name": Literal("港车北上", lang="zh-Hans")}).rows
    assert [str(r[0]) for r in rows] == ["https://w3id.org/gba-kg/id/prog-northbound-hk-vehicles"]
    hostile = real_graph.query(query, {"name": Literal('x" } ; DROP ALL ; { "')}).rows
    assert hostile == []


def test_progress_is_told_each_file_loaded(tmp_path: Path):
    project = make_project(tmp_path, {"a.ttl": ONE, "b.ttl": TWO})
    seen = []
    open_graph(project, progress=lambda path, done, total: seen.append((path, done, total)))
    assert {p for p, _, _ in seen} == {"triples/a.ttl", "triples/b.ttl", "ontology/gba.ttl", "ontology/shapes.ttl"}
    assert seen[-1][1:] == (4, 4)


def test_progress_bar_stays_quiet_off_a_terminal():
    from kg.progress import load_progress

    with load_progress() as progress:
        assert progress is None
