"""Named queries: each answers its question on a small fixture world (compared as
sets of rows), runs clean on the real graph, and the CLI renders every format."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError, NotFoundError, QuerySyntaxError
from kg.formats import cell_text
from kg.query import find_query, named_queries, run_named
from kg.store import open_graph
from tests.conftest import FIXTURES, make_project

WORLD = (FIXTURES / "queries" / "world.ttl").read_text(encoding="utf-8")
QUERIES = named_queries()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("world"), {"world.ttl": WORLD})
    return open_graph(project)


def answer(graph, name: str, columns: tuple[str, ...] | None = None, **params: str) -> set[tuple[str, ...]]:
    result = run_named(graph, QUERIES[name], params, lang=None)
    keep = [result.variables.index(c) for c in columns] if columns else range(len(result.variables))
    return {tuple(cell_text(row[i]) for i in keep) for row in result.rows}


EXPECTED: dict[str, tuple[dict, tuple[str, ...] | None, set]] = {
    "cases-by-agency": (
        {"agency": "省卫健委"},
        None,
        {("kg:agency-gd-health", "1", "1", "kg:case-b1-01"), ("kg:agency-gd-health", "2", "2", "kg:case-b2-02")},
    ),
    "agencies-of-case": (
        {"case": "kg:case-b1-01"},
        ("agency", "jurisdiction", "parent"),
        {
            ("kg:agency-gd-health", "kg:place-guangdong", "kg:agency-gd-government"),
            ("kg:agency-zhuhai-government", "kg:place-zhuhai", ""),
        },
    ),
    "located-in": (
        {"place": "横琴"},
        ("entity", "how"),
        {
            ("kg:place-hengqin-port", "within"),
            ("kg:practice-macao-doctors", "spatial"),
            ("kg:prog-drugs-connect", "spatial"),
            ("kg:prog-northbound", "spatial"),
            ("kg:case-b1-01", "spatial"),
            ("kg:case-b2-01", "spatial"),
        },
    ),
    "instruments-and-what-they-enable": (
        {},
        ("instrument", "enables", "issuer", "signatory", "issued", "signed"),
        {
            ("kg:inst-agreement", "kg:prog-drugs-connect", "", "kg:agency-gd-health", "", "2022-06"),
            ("kg:inst-agreement", "kg:prog-drugs-connect", "", "kg:agency-hk-health", "", "2022-06"),
            ("kg:inst-rules", "kg:practice-macao-doctors", "kg:agency-zhuhai-government", "", "2023-03-01", ""),
        },
    ),
    "figures-about": (
        {"subject": "港澳藥械通"},
        ("observation", "value", "unit", "qualifier", "asOf", "period", "file"),
        {
            ("kg:obs-a-patients", "13000", "kg:unit-person", "kg:qualifier-more-than", "2025-09", "", "a.txt"),
            ("kg:obs-b-patients", "12000", "kg:unit-person", "kg:qualifier-exact", "2025-09", "", "b.txt"),
            ("kg:obs-b-patients-2024", "9000", "kg:unit-person", "kg:qualifier-exact", "", "2024", "b.txt"),
        },
    ),
    "agencies-working-together": (
        {"agency": "kg:agency-gd-health"},
        None,
        {
            ("kg:agency-gd-health", "kg:agency-hk-health", "0", "1"),
            ("kg:agency-gd-health", "kg:agency-zhuhai-government", "1", "0"),
        },
    ),
    "hk-macao-counterparts": (
        {"agency": "kg:agency-gd-health"},
        ("agency", "counterpart", "counterpartJurisdiction"),
        {("kg:agency-gd-health", "kg:agency-hk-health", "kg:place-hong-kong")},
    ),
    "cases-by-domain": ({}, ("domain", "cases"), {("kg:domain-health", "2"), ("kg:domain-transport", "1")}),
    "cases-by-flow": ({"flow": "资金"}, None, {("kg:flow-capital", "kg:case-b2-01", "2")}),
    "cases-by-category": ({}, None, {("kg:category-livelihood", "1"), ("kg:category-business-environment", "0")}),
    "cases-by-batch": (
        {"batch": "kg:batch-2"},
        ("batch", "number", "case"),
        {("kg:batch-2", "1", "kg:case-b2-01"), ("kg:batch-2", "2", "kg:case-b2-02")},
    ),
    "programmes-launched-per-year": ({}, ("year", "programmes"), {("2021", "1"), ("2023", "1")}),
    "timeline": (
        {},
        ("date", "kind", "entity"),
        {
            ("2021-08", "gba:launchDate", "kg:prog-drugs-connect"),
            ("2022-06", "gba:signedDate", "kg:inst-agreement"),
            ("2022-12", "gba:trialDate", "kg:prog-northbound"),
            ("2023-03-01", "gba:issuedDate", "kg:inst-rules"),
            ("2023-07-01", "gba:launchDate", "kg:prog-northbound"),
            ("2024-05-13", "gba:issuedDate", "kg:batch-2"),
        },
    ),
    "source-statements": (
        {"source": "kg:src-b"},
        ("entity", "quotes"),
        {
            ("kg:inst-agreement", "0"),
            ("kg:agency-gd-health", "0"),
            ("kg:agency-hk-health", "0"),
            ("kg:obs-b-patients", "1"),
            ("kg:obs-b-patients-2024", "1"),
            ("kg:org-hospital", "0"),
            ("kg:person-li", "0"),
            ("kg:prog-drugs-connect", "0"),
            ("kg:src-b", "0"),
            ("kg:case-b2-02", "0"),
        },
    ),
    "multi-source-entities": (
        {},
        ("entity", "sources"),
        {("kg:agency-gd-health", "2"), ("kg:prog-drugs-connect", "2")},
    ),
    "disagreeing-figures": (
        {},
        ("subject", "one", "value1", "other", "value2"),
        {("kg:prog-drugs-connect", "kg:obs-a-patients", "13000", "kg:obs-b-patients", "12000")},
    ),
    "missing-english-label": ({}, None, set()),
    "missing-source": ({}, None, set()),
    "roles-in-programmes": (
        {"programme": "drugs connect"},
        None,
        {
            ("kg:prog-drugs-connect", "kg:agency-gd-health", "kg:role-lead"),
            ("kg:prog-drugs-connect", "kg:agency-hk-health", "kg:role-partner"),
        },
    ),
    "instruments-by-issuer": (
        {"issuer": "珠海市人民政府"},
        None,
        {("kg:agency-zhuhai-government", "issued", "kg:inst-rules", "2023-03-01")},
    ),
    "people": ({}, None, {("kg:person-li", "院长", "kg:org-hospital", "b.txt")}),
    "agencies-by-jurisdiction": (
        {},
        ("jurisdiction", "agency", "parent"),
        {
            ("kg:place-guangdong", "kg:agency-gd-government", ""),
            ("kg:place-guangdong", "kg:agency-gd-health", "kg:agency-gd-government"),
            ("kg:place-hong-kong", "kg:agency-hk-health", ""),
            ("kg:place-zhuhai", "kg:agency-zhuhai-government", ""),
        },
    ),
    "programmes-in-cooperation-zones": (
        {},
        ("zone", "entity"),
        {
            ("kg:place-hengqin", "kg:practice-macao-doctors"),
            ("kg:place-hengqin", "kg:prog-drugs-connect"),
            ("kg:place-hengqin", "kg:prog-northbound"),
            ("kg:place-hengqin", "kg:case-b1-01"),
            ("kg:place-hengqin", "kg:case-b2-01"),
        },
    ),
    "figures-by-year": ({}, None, {("2024", "1"), ("2025", "2"), ("open", "1")}),
    "case-overview": ({"case": "kg:case-b2-01"}, ("case", "batch", "number"), {("kg:case-b2-01", "2", "1")}),
    "case-coverage": (
        {},
        ("case", "agencies", "programmes", "places", "instruments", "dates", "observations"),
        {
            ("kg:case-b1-01", "2", "1", "1", "1", "2", "1"),
            ("kg:case-b2-01", "1", "1", "1", "1", "3", "1"),
            ("kg:case-b2-02", "1", "1", "2", "1", "2", "2"),
        },
    ),
    "entities-by-class": ({}, None, None),
    "entities-by-source": ({}, None, {("kg:src-a", "a.txt", "21", "2"), ("kg:src-b", "b.txt", "10", "2")}),
    "label-coverage": ({}, None, None),
    "triples-by-graph": ({}, None, None),
}


def test_at_least_25_named_queries_each_with_a_question():
    assert len(QUERIES) >= 25
    for q in QUERIES.values():
        assert q.summary and q.question, q.name


def test_every_named_query_has_an_expected_answer():
    assert set(EXPECTED) == set(QUERIES)


def test_parameters_are_projected_variables():
    for q in QUERIES.values():
        select = q.text.split("WHERE", 1)[0]
        for p in q.params:
            assert f"?{p.name}" in select, f"{q.name}: parameter {p.name} is not projected"


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e[2] is not None))
def test_named_query_answers_on_fixture(world, name):
    params, columns, expected = EXPECTED[name]
    assert answer(world, name, columns, **params) == expected


def test_entities_by_class_on_fixture(world):
    rows = dict(answer(world, "entities-by-class"))
    assert rows["gba:TypicalCase"] == "3" and rows["gba:GovernmentAgency"] == "4" and rows["gba:Observation"] == "4"


def test_label_coverage_counts_traditional_labels(world):
    rows = {r[0]: r[1:] for r in answer(world, "label-coverage")}
    assert rows["gba:GovernmentAgency"] == ("4", "4", "1", "4")
    assert rows["gba:Programme"] == ("2", "2", "1", "2")


def test_place_containment_is_transitive(world):
    zhuhai = {r[0] for r in answer(world, "located-in", ("entity",), place="珠海")}
    assert {"kg:place-hengqin", "kg:place-hengqin-port", "kg:prog-northbound", "kg:case-b1-01"} <= zhuhai


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_named_query_runs_clean_on_real_graph(real_graph, name):
    result = run_named(real_graph, QUERIES[name], {}, lang="en")
    assert result.kind == "select"


def _unordered(row: tuple) -> tuple:
    """GROUP_CONCAT joins in no fixed order: compare its parts as a sorted list."""
    return tuple(" ".join(sorted(cell_text(t).replace(",", " ").split())) for t in row)


def test_backends_agree_on_every_named_query(world):
    others = [open_graph(world.project, backend=b) for b in ("oxigraph-memory", "memory")]
    for name, q in QUERIES.items():
        expected = {_unordered(r) for r in run_named(world, q, {}, lang=None).rows}
        for other in others:
            assert {_unordered(r) for r in run_named(other, q, {}, lang=None).rows} == expected, (name, other.backend)


def test_unknown_query_suggests_the_closest():
    with pytest.raises(NotFoundError, match="did you mean cases-by-agency"):
        find_query("cases-by-agncy")


def test_unknown_parameter_is_refused(world):
    with pytest.raises(KgError, match="takes no parameter 'plcae'"):
        run_named(world, QUERIES["located-in"], {"plcae": "横琴"})


def test_unknown_entity_says_so_and_suggests(world):
    with pytest.raises(NotFoundError, match=r"unknown entity: 横琴岛.*横琴"):
        run_named(world, QUERIES["located-in"], {"place": "横琴岛"})


def test_syntax_error_gives_line_and_column(world):
    with pytest.raises(QuerySyntaxError) as caught:
        world.query("SELECT ?x WHERE {\n  ?x rdfs:label ?l .\n  FILTR(?l) }")
    assert caught.value.line == 3
    assert isinstance(caught.value.column, int)
    assert str(caught.value).startswith("SPARQL syntax error at line 3, column ")


def test_labels_follow_the_language_asked_for(world):
    zh = run_named(world, QUERIES["roles-in-programmes"], {}, lang="zh-Hans")
    assert zh.variables[:2] == ["programme", "programme_label"]
    assert {str(r[1]) for r in zh.rows} == {"港澳药械通"}
    hant = run_named(world, QUERIES["roles-in-programmes"], {}, lang="zh-Hant")
    assert {str(r[1]) for r in hant.rows} == {"港澳藥械通"}


# ---------------------------------------------------------------- the CLI


def _cli(project, *args):
    return CliRunner().invoke(main, [*args, "--root", str(project.root), "--index", str(project.index_dir)])


def test_cli_table_aligns_cjk(world):
    result = _cli(world.project, "query", "roles-in-programmes", "--lang", "zh-Hans")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    from wcwidth import wcswidth

    role_column = [wcswidth(line[: line.index("kg:role-")]) for line in lines if "kg:role-" in line]
    assert len(set(role_column)) == 1
    assert lines[-1] == "(2 rows)"


def test_cli_json_is_sparql_results_json(world):
    result = _cli(world.project, "query", "cases-by-flow", "-p", "flow=kg:flow-capital", "--format", "json")
    doc = json.loads(result.output)
    assert doc["head"]["vars"][:2] == ["flow", "flow_label"]
    assert doc["results"]["bindings"][0]["case"] == {"type": "uri", "value": "https://w3id.org/gba-kg/id/case-b2-01"}


def test_cli_csv_tsv_md(world):
    csv_out = _cli(world.project, "query", "people", "--format", "csv", "--no-labels").output
    assert csv_out.splitlines() == ["person,jobTitle,affiliation,file", "kg:person-li,院长,kg:org-hospital,b.txt"]
    tsv_out = _cli(world.project, "query", "people", "--format", "tsv", "--no-labels").output
    assert tsv_out.splitlines()[1] == "kg:person-li\t院长\tkg:org-hospital\tb.txt"
    md_out = _cli(world.project, "query", "people", "--format", "md", "--no-labels").output
    assert md_out.splitlines()[:2] == ["| person | jobTitle | affiliation | file |", "|---|---|---|---|"]


def test_cli_sparql_text_and_file(world, tmp_path: Path):
    text = "SELECT ?case WHERE { ?case gba:inBatch kg:batch-1 }"
    assert "kg:case-b1-01" in _cli(world.project, "query", "--sparql", text).output
    file = tmp_path / "mine.rq"
    file.write_text(text, encoding="utf-8")
    assert "kg:case-b1-01" in _cli(world.project, "query", str(file)).output


def test_cli_syntax_error_exits_2_with_position(world):
    result = _cli(world.project, "query", "--sparql", "SELECT ?x WHERE { ?x a }")
    assert result.exit_code == 2
    assert result.output.strip().startswith("error: SPARQL syntax error at line 1, column")


def test_cli_list_shows_questions():
    result = CliRunner().invoke(main, ["query", "--list"])
    assert "located-in  [place]" in result.output
    assert QUERIES["located-in"].question in result.output


def test_cli_search_is_script_blind(world):
    simplified = _cli(world.project, "search", "港澳药械通").output.splitlines()[0]
    traditional = _cli(world.project, "search", "港澳藥械通").output.splitlines()[0]
    assert "kg:prog-drugs-connect" in simplified and simplified.split()[1] == traditional.split()[1]
    english = _cli(world.project, "search", "DRUGS CONNECT").output.splitlines()[0]
    assert "kg:prog-drugs-connect" in english and "[gba:Programme]" in english


def test_cli_search_without_match_exits_1(world):
    result = _cli(world.project, "search", "完全不存在的名字xyz")
    assert result.exit_code == 1


def test_cli_describe_groups_statements_with_sources(world):
    result = _cli(world.project, "describe", "港澳药械通")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("drugs connect  kg:prog-drugs-connect")
    assert "launch date (gba:launchDate)" in out
    assert "2021-08 (xsd:gYearMonth)  — kg:src-a, kg:src-b" in out
    assert "◀ describes (gba:describes)" in out
    assert "prov:hadRole lead (kg:role-lead)" in out


def test_cli_describe_unknown_entity_suggests(world):
    result = _cli(world.project, "describe", "港澳药械")
    assert result.exit_code == 2
    assert "unknown entity: 港澳药械; did you mean 港澳药械通 (kg:prog-drugs-connect)" in result.output
