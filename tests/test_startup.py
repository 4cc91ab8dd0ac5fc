"""`kg query` starts fast: it imports none of the heavy libraries (rdflib, pyvis,
networkx, pyshacl), checked in a fresh interpreter."""

import json
import subprocess
import sys

SCRIPT = """
import contextlib, io, json, sys
from kg.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["query", "cases-by-batch", "--format", "csv", "--root", sys.argv[1], "--index", sys.argv[2]])
    except SystemExit as exit:
        code = exit.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"rdflib", "pyvis", "networkx", "pyshacl", "opencc"})
print(json.dumps({"code": code, "heavy": heavy}))
"""


def test_kg_query_imports_no_heavy_library(real_graph):
    project = real_graph.project
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(project.root), str(project.index_dir)],
        capture_output=True, text=True, check=True, timeout=120,
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report == {"code": 0, "heavy": []}
