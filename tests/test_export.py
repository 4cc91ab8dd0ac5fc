"""kg export: RDF re-parses to the selection, a golden subgraph, GraphML/GEXF and CSV load back."""

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg.cli import main
from kg.export import ExportOptions, export
from kg.select import Scope, select
from kg.store import open_graph
from tests.conftest import FIXTURES, make_project

WORLD = (FIXTURES / "queries" / "world.ttl").read_text(encoding="utf-8")
HOSTILE = (FIXTURES / "queries" / "hostile.ttl").read_text(encoding="utf-8")
GOLDEN = FIXTURES / "export" / "golden-agreement-1hop.ttl"
PARSE = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return open_graph(make_project(tmp_path_factory.mktemp("world"), {"world.ttl": WORLD, "hostile.ttl": HOSTILE}))


@pytest.fixture(scope="module")
def drugs(world):
    return select(world, Scope(focus="港澳药械通", hops=1))


def by_value(graph: Graph) -> Graph:
    """Numbers compared by value: Oxigraph keeps 13000 where Turtle writes 13000.0 (one xsd:decimal)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype is not None and str(o.datatype).endswith(("#decimal", "#integer")):
            o = Literal(
                str(o.toPython().normalize()) if hasattr(o.toPython(), "normalize") else str(o), datatype=o.datatype
            )
        out.add((s, p, o))
    return out


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld"])
def test_rdf_export_is_isomorphic_to_the_selection(world, drugs, fmt):
    text = export(world, drugs, fmt)[""]
    assert isomorphic(by_value(Graph().parse(data=text, format=PARSE[fmt])), by_value(drugs.graph))


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_quad_exports_keep_the_source_files_as_named_graphs(world, drugs, fmt):
    ds = Dataset()
    ds.parse(data=export(world, drugs, fmt)[""], format=fmt)
    names = {str(g.identifier).rsplit("/graph/", 1)[-1] for g in ds.graphs() if len(g)}
    assert names == {"triples/world", "triples/hostile"}
    union = Graph()
    for g in ds.graphs():
        for t in g:
            union.add(t)
    assert isomorphic(by_value(union), by_value(drugs.graph))


def test_golden_subgraph(tmp_path):
    plain_world = open_graph(make_project(tmp_path, {"world.ttl": WORLD}))
    selection = select(plain_world, Scope(focus="kg:inst-agreement", hops=1))
    exported = Graph().parse(data=export(plain_world, selection, "turtle")[""], format="turtle")
    assert isomorphic(by_value(exported), by_value(Graph().parse(GOLDEN)))


def test_turtle_export_is_stable_and_sorted(world, drugs):
    first, second = export(world, drugs, "turtle")[""], export(world, drugs, "turtle")[""]
    assert first == second
    subjects = [line.split()[0] for line in first.splitlines() if line.startswith("kg:")]
    assert subjects == sorted(subjects)


def test_boundary_and_ontology_options(world):
    selection = select(world, Scope(focus="kg:inst-agreement", hops=0))
    plain = Graph().parse(data=export(world, selection, "turtle")[""], format="turtle")
    wide = Graph().parse(
        data=export(world, selection, "turtle", ExportOptions(boundary=True, ontology=True))[""], format="turtle"
    )
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    health = URIRef("https://w3id.org/gba-kg/id/agency-hk-health")
    signatory = URIRef("https://w3id.org/gba-kg/ontology#signatory")
    assert (health, RDFS.label, None) not in plain
    assert (health, RDFS.label, None) in wide
    assert (signatory, RDFS.label, None) in wide
    assert len(wide) > len(plain)


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_load_back_in_networkx(world, drugs, fmt, reader):
    loaded = reader(io.BytesIO(export(world, drugs, fmt)[""]))
    node = "https://w3id.org/gba-kg/id/prog-drugs-connect"
    assert node in loaded.nodes
    attrs = loaded.nodes[node]
    assert attrs["label_zh_Hans"] == "港澳药械通" and attrs["label_zh_Hant"] == "港澳藥械通"
    assert attrs["type"] == "gba:Programme" and attrs["source"] == "kg:src-a | kg:src-b"
    assert attrs["gba_launchDate"] == "2021-08"
    edges = {(u, v, d["predicate"]) for u, v, d in loaded.edges(data=True)}
    assert (node, "https://w3id.org/gba-kg/id/place-hengqin", "dcterms:spatial") in edges
    from kg.export import edge_rows, node_table

    table = node_table(drugs, world.label_index())
    assert set(loaded.nodes) == {str(n) for n in table}
    assert len(loaded.edges) == len(edge_rows(drugs, table, world.label_index()))


def test_csv_tables_load_and_match(world, drugs):
    files = export(world, drugs, "csv")
    nodes = list(csv.DictReader(io.StringIO(files["nodes.csv"])))
    edges = list(csv.DictReader(io.StringIO(files["edges.csv"])))
    ids = {row["id:ID"] for row in nodes}
    assert {str(n) for n in drugs.nodes} <= ids
    assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges)
    row = next(r for r in nodes if r["id:ID"].endswith("prog-drugs-connect"))
    assert (row["label_zh_Hans"], row[":LABEL"], row["selected"]) == ("港澳药械通", "Programme", "true")
    hostile = next(r for r in nodes if r["id:ID"].endswith("org-hostile-script"))
    assert hostile["label_zh_Hans"] == '\'=HYPERLINK("http://x")'


def _cli(world, *args):
    return CliRunner().invoke(
        main, ["export", *args, "--root", str(world.project.root), "--index", str(world.project.index_dir)]
    )


def test_cli_export_refuses_to_overwrite_and_writes_atomically(world, tmp_path: Path):
    out = tmp_path / "sub.ttl"
    out.write_text("keep me", encoding="utf-8")
    refused = _cli(world, "--focus", "港澳药械通", "--format", "turtle", "-o", str(out))
    assert refused.exit_code == 2 and "exists; use --force" in refused.output
    assert out.read_text(encoding="utf-8") == "keep me"
    done = _cli(world, "--focus", "港澳药械通", "--format", "turtle", "-o", str(out), "--force")
    assert done.exit_code == 0, done.output
    assert Graph().parse(out)
    assert [p.name for p in tmp_path.iterdir()] == ["sub.ttl"], "no temporary file is left behind"


def test_cli_export_to_stdout_and_empty_selection(world, tmp_path: Path):
    result = _cli(world, "--focus", "港澳药械通", "--hops", "0", "--format", "nt", "-o", "-")
    assert result.exit_code == 0
    assert "<https://w3id.org/gba-kg/id/prog-drugs-connect>" in result.output
    empty = _cli(world, "--place", "香港", "--type", "Person", "--format", "turtle", "-o", str(tmp_path / "e.ttl"))
    assert empty.exit_code == 2 and "selection is empty" in empty.output
    assert not (tmp_path / "e.ttl").exists()


def test_cli_export_csv_folder(world, tmp_path: Path):
    result = _cli(world, "--type", "TypicalCase", "--format", "csv", "-o", str(tmp_path / "tables"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["edges.csv", "nodes.csv"]


def test_view_and_export_select_the_same_nodes(world, tmp_path: Path):
    scope = Scope(place="珠海", types=("TypicalCase", "Programme"))
    exported = Graph().parse(data=export(world, select(world, scope), "nt")[""], format="nt")
    subjects = {s for s in exported.subjects() if "/id/" in str(s)}
    from kg.views import drawn_nodes

    assert subjects == set(drawn_nodes(select(world, scope), world.label_index()))
