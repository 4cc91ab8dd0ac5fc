"""Three hostile inputs found after the generated suites: control characters in
search and describe output, a non-UTF-8 request to kg serve, and blank nodes
nested too deep for rdflib's Turtle writer."""

from __future__ import annotations

import subprocess
import sys

import requests

from kg.serve.server import Server, Settings
from tests.conftest import make_project

PREFIXES = """@prefix gba: <https://w3id.org/gba-kg/ontology#> .
@prefix kg: <https://w3id.org/gba-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def kg(project, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "kg.cli", *args, "--root", str(project.root), "--index", str(project.index_dir)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_search_and_describe_show_control_characters_as_symbols(tmp_path):
    label = 'kg:x-1 rdfs:label "红色\\u001b[31m警报\\u0007"@zh-Hans .\n'
    project = make_project(tmp_path, {"x.ttl": PREFIXES + label})
    for args in (("search", "红色"), ("describe", "kg:x-1")):
        out = kg(project, *args)
        assert out.returncode == 0, out.stderr
        assert "\x1b" not in out.stdout and "\x07" not in out.stdout
        assert "红色␛[31m警报␇" in out.stdout


def test_serve_refuses_a_request_that_is_not_utf8(real_project):
    with Server(real_project, Settings(port=0, processes=1)) as server:
        form = requests.post(
            server.url + "sparql",
            data=b"query=ASK%20%7B%20%3Fs%20%3Fp%20%22%FF%22%20%7D",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        body = requests.post(
            server.url + "sparql", data=b'ASK { ?s ?p "\xff" }', headers={"Content-Type": "application/sparql-query"}
        )
        fine = requests.get(server.url + "sparql", params={"query": 'ASK { ?s ?p "港澳" }'})
    assert form.status_code == 400 and body.status_code == 400
    assert "not UTF-8" in form.text
    assert fine.status_code == 200


def test_deeply_nested_blank_nodes_export_cleanly(tmp_path):
    depth = 600
    chain = 'kg:x-1 rdfs:label "深"@zh-Hans ; gba:note ' + "[ gba:note " * depth + '"底"' + " ]" * depth + " .\n"
    project = make_project(tmp_path, {"x.ttl": PREFIXES + chain})
    turtle = kg(
        project, "export", "--focus", "kg:x-1", "--hops", "0", "--format", "turtle", "-o", str(tmp_path / "x.ttl")
    )
    assert turtle.returncode == 2 and "Traceback" not in turtle.stderr
    assert len(turtle.stderr.strip().splitlines()) == 1 and "--format nt" in turtle.stderr
    assert not (tmp_path / "x.ttl").exists()
    nt = kg(project, "export", "--focus", "kg:x-1", "--hops", "0", "--format", "nt", "-o", str(tmp_path / "x.nt"))
    assert nt.returncode == 0, nt.stderr
    assert (tmp_path / "x.nt").read_text(encoding="utf-8").count("\n") == depth + 2
