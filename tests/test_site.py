"""`kg site`: the static site built from the real graph once per module, and from a
small hostile world. What a reader would check: every link leads somewhere, the
same graph gives the same bytes, 横琴 leads to its cases, a case shows its figures
with source and quote, the ontology reference and the dataset card are right, the
pages work in a real Chromium with the network cut off, hostile names stay text,
and the search is blind to the script."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID

from kg.cli import main
from kg.dataset_card import dataset_card, package_version
from kg.files import OutputError
from kg.labels import script_key
from kg.namespaces import GBA, KG
from kg.select import Scope, select
from kg.site import build_site
from kg.site.naming import page_path, page_slug
from kg.site.neighbourhood import view_script
from kg.site.output import MARKER
from kg.site.search import fold
from kg.store import open_graph
from kg.views import view_network
from tests.conftest import FIXTURES, make_project

HOSTILE_FILES = {
    "world.ttl": FIXTURES / "queries" / "world.ttl",
    "hostile.ttl": FIXTURES / "queries" / "hostile.ttl",
    "hostile-site.ttl": FIXTURES / "site" / "hostile-site.ttl",
}
NOT_TEXT = "img, svg, iframe, object, embed, body style, b, u, main script:not([type='application/json'])"
"""Elements a hostile name would create if it were parsed as HTML."""


class PageParser(HTMLParser):
    """The links (href, src), the ids and the script elements of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.links.append(values[name])  # type: ignore[arg-type]
        if values.get("id"):
            self.ids.add(values["id"])  # type: ignore[arg-type]
        if tag == "script":
            self.scripts.append(values)


DATA_BLOCK = re.compile(r'(<script type="application/(?:ld\+)?json"[^>]*>).*?(</script>)', re.S)


def parse(path: Path) -> PageParser:
    """Links, ids and scripts of a page (the JSON data of a view left out: it holds no markup)."""
    parser = PageParser()
    parser.feed(DATA_BLOCK.sub(r"\1\2", path.read_text(encoding="utf-8")))
    return parser


def visit(browser, path: Path):
    """A page in Chromium with every non-file request refused; the ontology page runs no script."""
    return browser.visit(path, wait_for="body" if path.name == "ontology.html" else "body[data-ready='1']")


# ---------------------------------------------------------------- the real site


@pytest.fixture(scope="module")
def real_site(real_graph, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("real-site") / "site"
    report = build_site(real_graph, out)
    assert report.pages > 500 and report.views > 100
    return out


def test_every_internal_link_resolves(real_site: Path):
    pages = sorted(real_site.rglob("*.html"))
    parsed = {page: parse(page) for page in pages}
    broken, checked = [], 0
    for page, parser in parsed.items():
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https") or link.startswith("data:"):
                continue
            assert not parts.scheme, f"{page.name}: {link} is neither a relative link nor a web link"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            checked += 1
            if not target.is_file() or real_site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(real_site)} → {link}")
            elif parts.fragment and parts.fragment not in parsed.get(target, PageParser()).ids:
                broken.append(f"{page.relative_to(real_site)} → {link} (no such anchor)")
    assert checked > 10_000
    assert broken == []


def test_same_graph_same_bytes(real_graph, real_site: Path, tmp_path: Path):
    """A second build in another process (another hash seed) from a store loaded afresh
    (another backend, new blank-node ids) gives the same files with the same bytes."""
    out = tmp_path / "again"
    project = real_graph.project
    command = [sys.executable, "-c", "from kg.cli import main; main()", "site", "-o", str(out)]
    command += ["--root", str(project.root), "--index", str(project.index_dir), "--backend", "oxigraph-memory"]
    env = {**os.environ, "PYTHONHASHSEED": "2024"}
    subprocess.run(command, check=True, capture_output=True, timeout=600, env=env)
    first = {p.relative_to(real_site): p.read_bytes() for p in real_site.rglob("*") if p.is_file()}
    second = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_file_names_come_from_iris():
    assert page_path(str(KG["case-b2-01"])) == "id/case-b2-01.html"
    odd = "https://w3id.org/gba-kg/id/org-it's&Co"
    assert page_slug(odd) == page_slug(odd) != page_slug(odd.lower())
    assert re.fullmatch(r"org-it-s-co-[0-9a-f]{10}", page_slug(odd))


def test_hengqin_page_links_to_its_cases(real_graph, real_site: Path):
    hengqin = real_graph.label_index().resolve("横琴")
    page = real_site / page_path(str(hengqin))
    text = page.read_text(encoding="utf-8")
    assert "横琴粤澳深度合作区" in text
    cases = real_graph.query(
        "SELECT ?case ?place WHERE { ?case a gba:TypicalCase ; dcterms:spatial ?place }", {"place": hengqin}
    ).rows
    assert len(cases) >= 3
    targets = {(page.parent / link).resolve() for link in parse(page).links}
    for case, _ in cases:
        assert (real_site / page_path(str(case))).resolve() in targets


def test_case_page_shows_its_figures_with_source_and_quote(real_graph, real_site: Path):
    case = KG["case-b2-01"]
    expected = real_graph.query(
        """SELECT ?obs ?quote ?file ?case WHERE {
             ?case gba:describes? ?about .
             ?obs gba:about ?about ; gba:quote ?quote ; dcterms:source/gba:fileName ?file }""",
        {"case": case},
    ).rows
    assert expected
    text = (real_site / page_path(str(case))).read_text(encoding="utf-8")
    table = text[text.index('<table class="figures">') : text.index("</table>", text.index('<table class="figures">'))]
    rows = {m[0]: m[1] for m in re.findall(r'<tr id="([^"]+)">(.*?)</tr>', table, re.S)}
    for obs, quote, file, _ in expected:
        row = rows[page_slug(str(obs))]
        assert f'<q lang="zh">{quote}</q>' in row
        source = page_path(str(real_graph.query("SELECT ?s ?f WHERE { ?s gba:fileName ?f }", {"f": file}).rows[0][0]))
        assert str(file) in row and f'href="{source.removeprefix("id/")}"' in row


def test_neighbourhood_is_the_view_of_kg_view(real_graph, real_site: Path):
    hengqin = real_graph.label_index().resolve("横琴")
    text = (real_site / page_path(str(hengqin))).read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S)[1])
    net = view_network(real_graph, select(real_graph, Scope(focus="kg:place-hengqin", hops=1)))
    assert [n["id"] for n in data["nodes"]] == [n["id"] for n in net.nodes]
    assert [(e["from"], e["to"], e["label"]) for e in data["edges"]] == [
        (e["from"], e["to"], e["label"]) for e in net.edges
    ]
    assert (real_site / "assets" / "view.js").read_text(encoding="utf-8") == view_script()


def test_ontology_reference_lists_the_classes(real_graph, real_site: Path):
    page = real_site / "ontology.html"
    text = page.read_text(encoding="utf-8")
    assert "pyLODE" in text and "default-src 'none'" in text
    classes = real_graph.query(
        'SELECT ?class ?label WHERE { ?class a owl:Class ; rdfs:label ?label FILTER(lang(?label) = "en") }'
    ).rows
    assert len(classes) > 20
    for cls, label in classes:
        assert str(cls) in text and str(label) in text
    types = [link for link in parse(real_site / "id" / "case-b2-01.html").links if link.startswith("../ontology.html#")]
    assert types, "an entity page links its type to the ontology reference"


def test_dataset_card_turtle_has_the_graphs_counts(real_graph, real_site: Path):
    card = Graph().parse(real_site / "dataset.ttl", format="turtle")
    dataset = URIRef("https://w3id.org/gba-kg/dataset")
    assert card.value(dataset, VOID.triples) == Literal(len(real_graph.union()))
    subsets = {s: int(card.value(s, VOID.triples)) for s in card.objects(dataset, VOID.subset)}
    assert subsets == {g: len(real_graph.named_graph(str(g))) for g in real_graph.named_graphs()}
    assert sum(subsets.values()) == len(real_graph)
    sources = {r[0] for r in real_graph.query("SELECT ?s WHERE { ?s a gba:SourceDocument }").rows}
    assert set(card.objects(dataset, DCTERMS.source)) == sources
    assert str(card.value(dataset, DCTERMS.license)) == "https://creativecommons.org/licenses/by/4.0/"
    assert {str(t) for t in card.objects(dataset, DCTERMS.title)} >= {"Greater Bay Area rule-alignment knowledge graph"}
    cases = next(
        p for p in card.objects(dataset, VOID.classPartition) if card.value(p, VOID["class"]) == GBA.TypicalCase
    )
    count = len(real_graph.query("SELECT DISTINCT ?c WHERE { ?c a gba:TypicalCase }").rows)
    assert int(card.value(cases, VOID.entities)) == count
    assert str(card.value(dataset, URIRef("http://www.w3.org/2002/07/owl#versionInfo"))) == package_version()
    page = (real_site / "dataset.html").read_text(encoding="utf-8")
    assert f"{len(real_graph.union()):,}" in page and "dataset.ttl" in page


def test_dataset_card_is_a_graph_of_its_own(real_graph):
    card = dataset_card(real_graph)
    assert (URIRef("https://w3id.org/gba-kg/dataset"), RDF.type, VOID.Dataset) in card
    assert set(card.predicates()) >= {VOID.classPartition, VOID.propertyPartition, VOID.subset, VOID.entities}


def test_pages_of_every_type_load_offline_without_errors(browser, real_graph, real_site: Path):
    index = real_graph.label_index()
    sample = ["index.html", "cases.html", "sources.html", "ontology.html", "dataset.html"] + [
        page_path(str(index.resolve(name)))
        for name in ("kg:case-b2-01", "港澳药械通", "省人社厅", "kg:place-hengqin", "kg:src-002", "kg:person-qiu-jing")
    ]
    sample += [page_path(str(node)) for node in (KG["inst-gba-development-outline"], KG["unit-person-time"])]
    for relative in sample:
        visit_ = visit(browser, real_site / relative)
        assert visit_.outside_requests == [], relative
        assert visit_.console_errors == [], relative
        if 'id="graph-data"' in (real_site / relative).read_text(encoding="utf-8"):
            assert visit_.page.evaluate("window.kgNodeCount") > 1, relative
        visit_.page.context.close()


def test_index_search_is_blind_to_the_script(browser, real_graph, real_site: Path):
    wanted = page_path(str(real_graph.label_index().resolve("港澳药械通")))
    page = visit(browser, real_site / "index.html").page
    found = {}
    for query in ("港澳藥械通", "港澳药械通"):
        page.fill("#search", "")
        page.type("#search", query)
        page.wait_for_selector("#search-results a")
        found[query] = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.getAttribute('href'))")
    assert found["港澳藥械通"] == found["港澳药械通"]
    assert found["港澳药械通"][0] == wanted
    page.press("#search", "Enter")
    page.wait_for_url("**/" + wanted)
    page.context.close()


def test_page_folding_agrees_with_script_key(real_graph, real_site: Path):
    """The map shipped to the page folds every curated label the way kg search does."""
    script = (real_site / "assets" / "search-data.js").read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("window.kgSearchData = ").rstrip().removesuffix(";"))
    mapping = data["map"]
    assert fold("港澳藥械通", mapping) == fold("港澳药械通", mapping) == script_key("港澳藥械通")
    labels = {str(label) for labels in real_graph.label_index().main.values() for label in labels}
    disagree = [label for label in labels if fold(label, mapping) != script_key(label)]
    assert len(disagree) <= len(labels) // 100, disagree[:10]


# ---------------------------------------------------------------- hostile names


@pytest.fixture(scope="module")
def hostile_graph(tmp_path_factory):
    files = {name: path.read_text(encoding="utf-8") for name, path in HOSTILE_FILES.items()}
    return open_graph(make_project(tmp_path_factory.mktemp("hostile"), files))


@pytest.fixture(scope="module")
def hostile_site(hostile_graph, tmp_path_factory) -> Path:
    return build_site(hostile_graph, tmp_path_factory.mktemp("hostile-site") / "site").out_dir


def test_hostile_names_are_never_markup_in_the_files(hostile_site: Path):
    for page in hostile_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>window.__xss" not in text and 'onerror="window' not in text, page.name
        for script in parse(page).scripts:
            data_block = script.get("type") in ("application/json", "application/ld+json")
            assert data_block or (script.get("src") or "").startswith(("assets/", "../assets/")), page.name
        assert "<script>" not in text.replace('<script type="application/json" id="graph-data">', ""), page.name


HOSTILE_PAGES = {
    "index.html": None,
    "cases.html": "<script>window.__xss='case'</script>",
    "organisations.html": "<a href=\"javascript:window.__xss='href'\">click</a> href",
    "places.html": "<a href=\"javascript:window.__xss='place'\">place</a>",
    "sources.html": "<img src=x onerror=\"window.__xss='source'\">",
    "measures.html": "<img src=y onerror=\"window.__xss='measure'\">",
    "dataset.html": "<img src=x onerror=\"window.__xss='source'\">",
    "ontology.html": None,
    "id/case-b1-02.html": "<b onmouseover=\"window.__xss='alt'\">alt</b>",
    "id/prog-drugs-connect.html": "\"]}</script><script>window.__xss='quote'</script>",
    "id/src-hostile.html": "<iframe src=\"javascript:window.__xss='evidence'\"></iframe>",
    "id/place-hostile.html": "<a href=\"javascript:window.__xss='place'\">place</a>",
    "id/measure-hostile.html": "<script>window.__xss='phrase'</script>",
    "id/unit-hostile.html": "<u onclick=\"window.__xss='unit'\">unit</u>",
    "id/person-hostile.html": "<style>body{display:none}</style>job",
    "id/org-hostile-script.html": "</script><script>window.__xss='script'</script>",
}


def test_hostile_names_are_inert_on_every_page_type(browser, hostile_site: Path):
    for relative, shown in HOSTILE_PAGES.items():
        visit_ = visit(browser, hostile_site / relative)
        page = visit_.page
        dialogs: list[str] = []
        page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
        page.mouse.move(300, 200)
        assert page.evaluate("window.__xss") is None, relative
        assert page.evaluate(f"document.querySelectorAll({NOT_TEXT!r}).length") == 0, relative
        if shown:
            assert shown in page.inner_text("body"), relative
        assert visit_.console_errors == [] and visit_.outside_requests == [] and dialogs == [], relative
        page.context.close()


def test_hostile_names_stay_text_in_search_and_tooltips(browser, hostile_site: Path):
    page = visit(browser, hostile_site / "id" / "prog-drugs-connect.html").page
    page.type("#search", "<img")
    page.wait_for_selector("#search-results a")
    assert "<img src=x onerror=\"window.__xss='img'\">" in page.inner_text("#search-results")
    page.press("#search", "Escape")
    page.locator("#graph").scroll_into_view_if_needed()
    node = str(KG["org-hostile-href"])  # centred first, out from under the legend panel
    x, y = page.evaluate(
        """(id) => { window.kgNetwork.focus(id, { scale: 1, animation: false });
                     const p = window.kgNetwork.getPositions([id])[id];
                     const d = window.kgNetwork.canvasToDOM(p); return [d.x, d.y]; }""",
        node,
    )
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + x, box["y"] + y)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    assert "<a href=\"javascript:window.__xss='href'\">click</a> href" in page.inner_text("div.vis-tooltip")
    assert page.evaluate("window.__xss") is None
    page.context.close()


# ---------------------------------------------------------------- the command


def _site_args(graph, out: Path, *extra: str) -> list[str]:
    return ["site", "-o", str(out), "--root", str(graph.project.root), "--index", str(graph.project.index_dir), *extra]


def test_cli_builds_replaces_its_own_site_and_refuses_other_folders(hostile_graph, tmp_path: Path):
    out = tmp_path / "site"
    first = CliRunner().invoke(main, _site_args(hostile_graph, out))
    assert first.exit_code == 0, first.output
    assert first.output.startswith(f"wrote {out}:") and (out / "index.html").is_file() and (out / MARKER).is_file()
    again = CliRunner().invoke(main, _site_args(hostile_graph, out))
    assert again.exit_code == 0, again.output
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    refused = CliRunner().invoke(main, _site_args(hostile_graph, other))
    assert refused.exit_code == 2
    assert refused.output.strip().splitlines() == [
        f"error: {other}: exists and is not a site built by kg site; use --force to replace it"
    ]
    assert [p.name for p in other.iterdir()] == ["keep.txt"]
    forced = CliRunner().invoke(main, _site_args(hostile_graph, other, "--force"))
    assert forced.exit_code == 0 and (other / "index.html").is_file() and not (other / "keep.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes", "site"], "no temporary folder is left behind"


def test_cli_refuses_the_project_itself_even_with_force(hostile_graph):
    root = hostile_graph.project.root
    result = CliRunner().invoke(main, _site_args(hostile_graph, root, "--force"))
    assert result.exit_code == 2 and "give a folder of its own" in result.output
    assert (root / "triples" / "world.ttl").is_file()


def test_cli_bad_data_is_one_line_and_writes_nothing(tmp_path: Path):
    project = make_project(
        tmp_path / "broken", {"broken.ttl": "@prefix kg: <https://w3id.org/gba-kg/id/> .\nkg:a kg:b .\n"}
    )
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["site", "-o", str(out), "--root", str(project.root), "--index", str(project.index_dir)]
    )
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "broken.ttl:2" in result.output
    assert not out.exists()


def test_cli_output_that_is_a_file_is_refused(hostile_graph, tmp_path: Path):
    target = tmp_path / "page.html"
    target.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, _site_args(hostile_graph, target))
    assert result.exit_code == 2 and "is a file" in result.output


def test_a_failed_write_keeps_the_old_site(hostile_graph, tmp_path: Path, monkeypatch):
    out = build_site(hostile_graph, tmp_path / "site").out_dir
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def fail(folder: Path, files) -> None:
        (folder / "index.html").write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.site.output._fill", fail)
    with pytest.raises(OutputError, match="nothing was changed"):
        build_site(hostile_graph, out)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_site_command_module_is_light():
    """`kg --help` imports kg.site.command: it must not pull in rdflib, Jinja2, pyvis or pyLODE."""
    script = (
        "import sys, kg.site.command; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'rdflib','jinja2','pyvis','pylode','opencc'}))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"
