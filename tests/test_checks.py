"""Quality checks kept as *-violation.rq queries: each fires on its bad fixture, none on the real graph."""

from pathlib import Path

import pytest

from kg.store import open_graph
from kg.validate import check_files, check_problems
from tests.conftest import FIXTURES, make_project

CHECKS = check_files()
BAD = FIXTURES / "checks"


def test_there_are_checks_and_each_has_a_bad_fixture():
    assert len(CHECKS) >= 6
    assert {c.name for c in CHECKS} == {p.stem for p in BAD.glob("*.ttl")}


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_check_has_a_header(check):
    assert check.summary and check.question


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_check_fires_on_its_bad_fixture(check, tmp_path: Path):
    project = make_project(tmp_path, {"bad.ttl": (BAD / f"{check.name}.ttl").read_text(encoding="utf-8")})
    problems = check_problems(open_graph(project), [check])
    assert problems, f"{check.name} found nothing in its bad fixture"


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_real_graph_passes_check(check, real_graph):
    assert check_problems(real_graph, [check]) == []


def test_script_blind_duplicates_are_found(tmp_path: Path):
    from kg.validate import script_duplicate_problems

    twice = """@prefix gba: <https://w3id.org/gba-kg/ontology#> .
@prefix kg: <https://w3id.org/gba-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kg:prog-drugs-connect a gba:Programme ; rdfs:label "港澳药械通"@zh-Hans .
kg:prog-drugs-devices-connect a gba:Programme ; rdfs:label "港澳藥械通"@zh-Hant .
kg:prog-other a gba:Programme ; rdfs:label "湾区社保通"@zh-Hans .
"""
    problems = script_duplicate_problems(open_graph(make_project(tmp_path, {"twice.ttl": twice})))
    assert len(problems) == 1
    assert "kg:prog-drugs-connect" in problems[0].message or "kg:prog-drugs-connect" in problems[0].where


def test_real_graph_has_no_script_blind_duplicates(real_graph):
    from kg.validate import script_duplicate_problems

    assert script_duplicate_problems(real_graph) == []


def test_simplified_and_traditional_names_find_one_node(real_graph):
    index = real_graph.label_index()
    drugs = index.resolve("kg:prog-hk-macao-drugs-devices-connect")
    assert index.resolve("港澳藥械通") == index.resolve("港澳药械通") == drugs
    assert index.resolve("灣區社保通") == index.resolve("湾区社保通")
    assert index.resolve("省人社厅") == index.resolve("广东省人力资源和社会保障厅")
