"""Issue 12, labels: hostile strings (HTML, JavaScript, RTL marks, zero-width
characters, very long text, newlines, quotes, backslashes, control characters,
spreadsheet formulas) pass through every output escaped for that format. Each output
is read back with its own parser (csv, json, markdown-it, rdflib, networkx's GraphML
and GEXF readers) and each label must come back exactly: CSV cells behind the
formula guard, the one-line formats (table, md) with whitespace folded and control
characters made visible, GraphML and GEXF with what XML cannot hold as U+FFFD. The
HTML view never carries a label's markup as markup. Generators and checks live in
benchmarks/robustness.py."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.robustness import (
    HOSTILE_LABELS,
    KG_NS,
    check_labels,
    clean_exit_problems,
    hostile_labels,
    hypothesis_settings,
    label_node,
    label_project,
    labels_turtle,
    project_args,
    run_cli,
    run_subprocess,
)

EXAMPLES = 10
"""Generated cases, each of one to four labels through 11 outputs (about a second a case)."""


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return label_project(tmp_path_factory.mktemp("robust-labels"))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("robust-label-outputs")


@hypothesis_settings(EXAMPLES)
@given(labels=st.lists(hostile_labels(), min_size=1, max_size=4))
def test_generated_labels_round_trip_through_every_format(project, outputs, labels):
    problems = check_labels(project, labels, outputs)
    assert not problems, f"{labels!r}: {problems}"


def test_hostile_labels_round_trip_through_every_format(project, outputs):
    labels = [label for label in HOSTILE_LABELS if "\x1b" not in label]
    problems = check_labels(project, labels, outputs)
    assert not problems, problems


def test_escape_sequences_survive_csv_on_standard_output(project):
    (project.triples_dir / "robustness-labels.ttl").write_text(labels_turtle(["red \x1b[31malert\x1b[0m"]), "utf-8")
    query = f"SELECT ?label WHERE {{ {label_node(0)} rdfs:label ?label }} LIMIT 1"
    out = run_subprocess(["query", "--sparql", query, "--format", "csv", "--no-labels", *project_args(project)])
    assert out.stdout.splitlines()[1] == "red \x1b[31malert\x1b[0m"


# ------------------------------------------------------------------ the HTML view


class _Page(HTMLParser):
    """The page's title text, its script elements' text, and every tag opened."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.scripts: list[tuple[dict, str]] = []
        self.tags: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in = tag
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def _view(project, tmp_path: Path, *scope: str) -> tuple[str, _Page]:
    page_file = tmp_path / "view.html"
    out = run_cli(["view", *scope, "-o", str(page_file), "--force", "--layout", "static", *project_args(project)])
    assert not clean_exit_problems(out, (0,)), out.stderr
    text = page_file.read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed(text)
    return text, parsed


def test_view_keeps_hostile_labels_as_text(project, tmp_path: Path):
    labels = list(HOSTILE_LABELS)
    (project.triples_dir / "robustness-labels.ttl").write_text(labels_turtle(labels), encoding="utf-8")
    select = tmp_path / "labelled.rq"
    values = " ".join(label_node(i) for i in range(len(labels)))
    select.write_text(f"CONSTRUCT {{ ?n ?p ?o }} WHERE {{ VALUES ?n {{ {values} }} ?n ?p ?o }}", encoding="utf-8")
    page, parsed = _view(project, tmp_path, "--query", str(select))

    (project.triples_dir / "robustness-labels.ttl").write_text(labels_turtle(["plain"] * len(labels)), "utf-8")
    plain, plain_parsed = _view(project, tmp_path, "--query", str(select))
    assert parsed.tags == plain_parsed.tags  # no label added an element: no <script>, <img>, <a>, <svg>
    for marker in ("<script", "</script", "<img", "<svg", "<a href", "<!--"):
        assert page.lower().count(marker) == plain.lower().count(marker), marker

    data = next(json.loads(text) for attrs, text in parsed.scripts if attrs.get("id") == "graph-data")
    names = {node["id"]: node["info"]["name"] for node in data["nodes"]}
    for i, label in enumerate(labels):
        assert names[KG_NS + label_node(i).removeprefix("kg:")] == (label or label_node(i))
    raw = next(text for attrs, text in parsed.scripts if attrs.get("id") == "graph-data")
    assert not re.search(r"</|<!--|<script|\u2028|\u2029", raw)


def test_view_title_and_scope_from_a_hostile_focus(project, tmp_path: Path):
    label = "</title><script>window.__xss='title'</script>"
    (project.triples_dir / "robustness-labels.ttl").write_text(labels_turtle([label]), encoding="utf-8")
    page, parsed = _view(project, tmp_path, "--focus", label, "--hops", "0")
    assert parsed.title == label
    assert "<script>window.__xss" not in page
    data = next(json.loads(text) for attrs, text in parsed.scripts if attrs.get("id") == "graph-data")
    assert data["title"] == label and label in data["scope"]
    assert parsed.tags.count("script") == 3
