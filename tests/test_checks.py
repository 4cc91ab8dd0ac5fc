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
