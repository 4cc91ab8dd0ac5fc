"""Notebooks are numbered, start with prose, import kg plainly, and are kept without outputs."""

import json

from tests.conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_exist():
    assert [p.stem for p in NOTEBOOKS] == ["01-tour", "02-agency-network", "03-outcomes-timeline"]


def test_notebooks_are_stripped_and_start_with_prose():
    for path in NOTEBOOKS:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["cells"][0]["cell_type"] == "markdown", path.name
        for cell in doc["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path.name
        code = "\n".join("".join(c["source"]) for c in doc["cells"] if c["cell_type"] == "code")
        assert "import kg" in code and "sys.path" not in code, path.name
