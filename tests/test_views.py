"""HTML views: the Network holds the selection; the page works offline in a real
Chromium, draws every node, and hostile labels stay text."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.cli import main
from kg.select import Scope, select
from kg.store import open_graph
from kg.views import drawn_nodes, figures_by_subject, to_html, view_network
from tests.conftest import FIXTURES, make_project

WORLD = (FIXTURES / "queries" / "world.ttl").read_text(encoding="utf-8")
HOSTILE = (FIXTURES / "queries" / "hostile.ttl").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return open_graph(make_project(tmp_path_factory.mktemp("world"), {"world.ttl": WORLD, "hostile.ttl": HOSTILE}))


def test_network_holds_the_drawn_selection(world):
    selection = select(world, Scope(focus="港澳药械通", hops=1))
    net = view_network(world, selection)
    ids = {n["id"] for n in net.nodes}
    assert ids == {str(n) for n in drawn_nodes(selection, world.label_index())}
    assert not any("obs-" in i for i in ids), "observations are folded into tooltips"
    drugs = next(n for n in net.nodes if n["id"].endswith("prog-drugs-connect"))
    assert drugs["label"] == "drugs connect" and drugs["shape"] == "diamond" and drugs["color"] == "#009E73"
    assert any("13,000" in f and "more than" in f and "a.txt" in f for f in drugs["info"]["figures"])
    assert "港澳藥械通 @zh-Hant" in drugs["info"]["labels"]
    edge_labels = {e["label"] for e in net.edges}
    assert {"describes", "involves", "enables"} <= edge_labels


def test_figures_of_a_few_nodes_are_those_of_the_whole_graph(real_graph):
    """A view asks only for its own nodes' figures (quick at a million triples); they
    must be exactly the lines the whole graph gives for those nodes."""
    everything = figures_by_subject(real_graph, "en")
    some = [*sorted(everything, key=str)[::3], URIRef("https://w3id.org/gba-kg/id/no-such-node")]
    assert len(some) > 5
    assert figures_by_subject(real_graph, "en", some) == {n: everything[n] for n in some if n in everything}


def test_labels_follow_lang(world):
    net = view_network(world, select(world, Scope(focus="港澳药械通", hops=0)), lang="zh-Hant")
    assert net.nodes[0]["label"] == "港澳藥械通"


def test_large_selection_gets_static_positions(world):
    net = view_network(world, select(world, Scope()), static_layout=True)
    assert all("x" in n and n["physics"] is False for n in net.nodes)
    assert net.options["physics"]["enabled"] is False


def test_page_has_no_external_reference_and_a_strict_policy(world):
    page = to_html(view_network(world, select(world, Scope())), world, "t")
    assert "default-src 'none'" in page
    for marker in ('src="http', "src='http", 'href="http', "cdn.", "@import"):
        assert marker not in page
    assert "</script><script>window.__xss" not in page


def _write(tmp_path: Path, world, scope: Scope, **kwargs) -> tuple[Path, int]:
    net = view_network(world, select(world, scope), **kwargs)
    path = tmp_path / "view.html"
    path.write_text(to_html(net, world, "测试 view", scope.describe()), encoding="utf-8")
    return path, len(net.nodes)


def test_page_loads_offline_and_draws_every_node(browser, world, tmp_path):
    path, count = _write(tmp_path, world, Scope())
    visit = browser.visit(path)
    assert visit.outside_requests == []
    assert visit.console_errors == []
    assert visit.page.evaluate("window.kgNetwork.body.data.nodes.length") == count
    drawn = visit.page.evaluate("Object.keys(window.kgNetwork.getPositions()).length")
    assert drawn == count
    legend = visit.page.inner_text("#legend")
    assert "programme or measure" in legend and "typical case" in legend


def test_static_layout_page_draws(browser, world, tmp_path):
    path, count = _write(tmp_path, world, Scope(), static_layout=True)
    visit = browser.visit(path)
    assert visit.console_errors == [] and visit.outside_requests == []
    assert visit.page.evaluate("window.kgNodeCount") == count


def test_hostile_labels_never_run(browser, world, tmp_path):
    path, _ = _write(tmp_path, world, Scope(focus="港澳药械通", hops=1))
    visit = browser.visit(path)
    page = visit.page
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img, a, iframe').length") == 0
    node_id = "https://w3id.org/gba-kg/id/org-hostile-href"
    box = page.evaluate(
        """(id) => { const p = window.kgNetwork.getPositions([id])[id];
                     const d = window.kgNetwork.canvasToDOM(p); return [d.x, d.y]; }""",
        node_id,
    )
    page.mouse.move(box[0], box[1])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    tip = page.inner_text("div.vis-tooltip")
    assert "<a href=\"javascript:window.__xss='href'\">click</a> href" in tip
    assert page.evaluate("window.__xss") is None
    assert visit.console_errors == []


def test_cli_view_writes_a_page_and_refuses_to_overwrite(world, tmp_path):
    out = tmp_path / "v.html"
    args = [
        "view",
        "--focus",
        "港澳藥械通",
        "-o",
        str(out),
        "--root",
        str(world.project.root),
        "--index",
        str(world.project.index_dir),
    ]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.output.startswith(f"wrote {out}:")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 2 and "exists; use --force" in again.output
    assert CliRunner().invoke(main, [*args, "--force"]).exit_code == 0


def test_cli_view_empty_selection_is_an_error(world, tmp_path):
    out = tmp_path / "empty.html"
    result = CliRunner().invoke(
        main,
        [
            "view",
            "--place",
            "香港",
            "--type",
            "Person",
            "-o",
            str(out),
            "--root",
            str(world.project.root),
            "--index",
            str(world.project.index_dir),
        ],
    )
    assert result.exit_code == 2 and "selection is empty" in result.output
    assert not out.exists()


def test_real_graph_view_in_browser(browser, real_graph, tmp_path):
    path, count = _write(tmp_path, real_graph, Scope(place="横琴"), lang="zh-Hans")
    visit = browser.visit(path)
    assert visit.outside_requests == [] and visit.console_errors == []
    assert visit.page.evaluate("window.kgNodeCount") == count > 10


def test_component_layout_places_every_node_and_keeps_components_apart():
    from kg.layout import component_layout

    edges = [(f"a{i}", f"a{i + 1}") for i in range(99)] + [("b0", "b1"), ("b1", "b2")]
    nodes = [f"a{i}" for i in range(100)] + ["b0", "b1", "b2", "lonely"]
    positions = component_layout(nodes, edges)
    assert set(positions) == set(nodes)
    big = [positions[f"a{i}"] for i in range(100)]
    small = [positions[n] for n in ("b0", "b1", "b2")]
    assert max(x for x, _ in big) < min(x for x, _ in small) or max(y for _, y in big) < min(y for _, y in small)


def test_show_inline_embeds_the_same_page(world):
    from kg.views import show_inline

    net = view_network(world, select(world, Scope(focus="港澳药械通", hops=0)))
    html = show_inline(net, world).data
    assert html.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert 'sandbox="allow-scripts"' in html
