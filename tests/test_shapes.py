"""SHACL shapes: valid examples conform, each invalid example fails, and the real graph conforms."""

from pathlib import Path

import pytest

from kg.store import open_graph
from kg.validate import shacl_problems
from tests.conftest import FIXTURES, make_project

SHAPES = FIXTURES / "shapes"
BASE = (SHAPES / "base.ttl").read_text(encoding="utf-8")
VALID = sorted((SHAPES / "valid").glob("*.ttl"))
INVALID = sorted((SHAPES / "invalid").glob("*.ttl"))


def _problems(tmp_path: Path, example: Path) -> list:
    project = make_project(tmp_path, {"base.ttl": BASE, "example.ttl": example.read_text(encoding="utf-8")})
    return shacl_problems(open_graph(project))


def test_example_folders_are_not_empty():
    assert VALID and len(INVALID) >= 5


@pytest.mark.parametrize("example", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(example, tmp_path):
    assert _problems(tmp_path, example) == []


@pytest.mark.parametrize("example", INVALID, ids=lambda p: p.stem)
def test_invalid_example_fails(example, tmp_path):
    assert _problems(tmp_path, example)


def test_missing_batch_is_reported_in_plain_words(tmp_path):
    problems = _problems(tmp_path, SHAPES / "invalid" / "case-without-batch.ttl")
    text = "\n".join(str(p) for p in problems)
    assert "某案例 (kg:case-b2-01)" in text
    assert "exactly one batch" in text
    assert "reporting agency" in text


def test_real_graph_conforms(real_graph):
    assert shacl_problems(real_graph) == []
