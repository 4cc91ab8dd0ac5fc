"""Curated facts of source 000, first article (《粤港澳规则衔接交出新答卷》), checked
against the text: exact sets of programmes, agencies and roles, instruments,
people and every figure (value, unit, qualifier, time)."""

from __future__ import annotations

from decimal import Decimal

import pytest

NEWS000 = "<https://w3id.org/gba-kg/graph/triples/news-000>"
KG = "https://w3id.org/gba-kg/id/"

NOT_STATED = "原文未注明时间"


def _zh(graph, iri_var_query: str) -> set[str]:
    rows = graph.query(iri_var_query).rows
    return {str(r[0]) for r in rows}


def test_batch_4_and_the_batches(real_graph):
    rows = real_graph.query(
        """SELECT ?n ?by WHERE { kg:batch-4 a gba:Batch ; gba:batchNumber ?n ;
               prov:wasAttributedTo ?by ; dcterms:source kg:src-000 . }"""
    ).rows
    assert {(int(r[0]), str(r[1])) for r in rows} == {(4, KG + "agency-gd-gba-office")}
    rows = real_graph.query("""SELECT ?label WHERE { kg:agency-gd-gba-office skos:altLabel ?label }""").rows
    assert "广东省大湾区办" in {str(r[0]) for r in rows}
    # the 18 cases are about batch 4; the 4 batches and 70 cases about batches 1 to 4
    rows = real_graph.query(
        f"""SELECT ?obs ?b WHERE {{ GRAPH {NEWS000} {{ ?obs a gba:Observation ; gba:about ?b }} ?b a gba:Batch }}"""
    ).rows
    about: dict[str, set[str]] = {}
    for obs, batch in rows:
        about.setdefault(str(obs).removeprefix(KG), set()).add(str(batch).removeprefix(KG))
    assert about == {
        "obs-000-batch-4-cases": {"batch-4"},
        "obs-000-batches-selected": {"batch-1", "batch-2", "batch-3", "batch-4"},
        "obs-000-cases-selected": {"batch-1", "batch-2", "batch-3", "batch-4"},
    }
    rows = real_graph.query("SELECT ?n WHERE { kg:batch-1 gba:batchNumber ?n }").rows
    assert {int(r[0]) for r in rows} == {1}


# Every figure of the article: (observation, value, unit, qualifier, time).
# time is the asOf / period literal, or the zh-Hans as-of phrase.
EXPECTED_FIGURES = {
    ("obs-000-batch-4-cases", Decimal("18"), "unit-case", "qualifier-exact", "近日"),
    ("obs-000-batches-selected", Decimal("4"), "unit-batch", "qualifier-exact", "截至目前"),
    ("obs-000-cases-selected", Decimal("70"), "unit-case", "qualifier-exact", "截至目前"),
    ("obs-000-title-pilot-specialties", Decimal("10"), "unit-field", "qualifier-exact", "截至目前"),
    ("obs-000-talents-with-mainland-titles", Decimal("619"), "unit-person", "qualifier-exact", "截至目前"),
    ("obs-000-one-exam-cooperation-projects", Decimal("9"), "unit-project", "qualifier-exact", "目前"),
    ("obs-000-skill-certificates-cumulative", Decimal("6374"), "unit-person-time", "qualifier-exact", "目前"),
    ("obs-000-skill-certificates-2025", Decimal("2372"), "unit-person-time", "qualifier-exact", "period:2025"),
    ("obs-000-skill-certificates-2025-growth", Decimal("59.3"), "unit-percent", "qualifier-exact", "period:2025"),
    ("obs-000-elderly-carer-certified-candidates", Decimal("145"), "unit-person", "qualifier-exact", "目前"),
    ("obs-000-frozen-food-spoilage-reduction", Decimal("15"), "unit-percent", "qualifier-about", NOT_STATED),
    ("obs-000-carbon-agreement-signatories", Decimal("4"), "unit-enterprise", "qualifier-exact", NOT_STATED),
    ("obs-000-data-centre-enterprises-served", Decimal("180"), "unit-enterprise", "qualifier-exact", "截至目前"),
    ("obs-000-vehicle-storage-time-before", Decimal("0.5"), "unit-month", "qualifier-exact", "过去"),
    ("obs-000-express-lane-implementation-time", Decimal("0.5"), "unit-year", "qualifier-at-most", "period:2025"),
    ("obs-000-plate-waiting-time-before", Decimal("14"), "unit-day", "qualifier-exact", "原来"),
    ("obs-000-plate-waiting-time-after", Decimal("3"), "unit-day", "qualifier-exact", NOT_STATED),
    ("obs-000-cost-saving-per-vehicle", Decimal("2100"), "unit-yuan", "qualifier-about", NOT_STATED),
    ("obs-000-nansha-ro-ro-routes", Decimal("12"), "unit-route", "qualifier-exact", NOT_STATED),
    ("obs-000-nansha-routes-countries-regions", Decimal("20"), "unit-count", "qualifier-more-than", NOT_STATED),
    ("obs-000-nansha-vehicles-exported", Decimal("220000"), "unit-vehicle", "qualifier-more-than", "今年前4个月"),
    ("obs-000-nansha-vehicles-exported-growth", Decimal("35.1"), "unit-percent", "qualifier-exact", "今年前4个月"),
    ("obs-000-nansha-nev-share", Decimal("40"), "unit-percent", "qualifier-nearly", "今年前4个月"),
    ("obs-000-tech100-technical-assessments", Decimal("20"), "unit-enterprise", "qualifier-exact", "asOf:2025-12"),
    ("obs-000-tech100-consulting-rd-projects", Decimal("8"), "unit-enterprise", "qualifier-exact", "asOf:2025-12"),
    (
        "obs-000-ef-account-enterprises",
        Decimal("700"),
        "unit-enterprise",
        "qualifier-more-than",
        "自2024年5月试点落地以来",
    ),
    (
        "obs-000-ef-account-transaction-amount",
        Decimal("470000000000"),
        "unit-yuan",
        "qualifier-more-than",
        "自2024年5月试点落地以来",
    ),
    ("obs-000-macao-tcm-outpatient-visits", Decimal("44000"), "unit-person-time", "qualifier-nearly", "asOf:2025-12"),
    ("obs-000-hospital-preparations-to-macao", Decimal("72000"), "unit-bottle", "qualifier-nearly", "asOf:2025-12"),
}


def test_every_figure(real_graph):
    rows = real_graph.query(
        f"""SELECT ?obs ?value ?unit ?qual ?asOf ?period ?phrase WHERE {{
             GRAPH {NEWS000} {{ ?obs a gba:Observation ; gba:value ?value ; gba:unit ?unit ; gba:qualifier ?qual ;
                        dcterms:source kg:src-000 .
               OPTIONAL {{ ?obs gba:asOf ?asOf }}
               OPTIONAL {{ ?obs gba:period ?period }}
               OPTIONAL {{ ?obs gba:asOfPhrase|gba:timeNote ?phrase FILTER(lang(?phrase) = "zh-hans" || lang(?phrase) = "zh-Hans") }} }} }}"""
    ).bindings()
    got = set()
    for b in rows:
        if "asOf" in b:
            time = "asOf:" + str(b["asOf"])
        elif "period" in b:
            time = "period:" + str(b["period"])
        else:
            time = str(b["phrase"])
        got.add(
            (
                str(b["obs"]).removeprefix(KG),
                Decimal(str(b["value"])).normalize(),
                str(b["unit"]).removeprefix(KG),
                str(b["qual"]).removeprefix(KG),
                time,
            )
        )
    expected = {(o, v.normalize(), u, q, t) for o, v, u, q, t in EXPECTED_FIGURES}
    assert got == expected


def test_each_observation_has_one_quote_and_one_source(real_graph):
    rows = real_graph.query(
        f"""SELECT ?obs (COUNT(DISTINCT ?q) AS ?nq) (COUNT(DISTINCT ?s) AS ?ns) WHERE {{
             GRAPH {NEWS000} {{ ?obs a gba:Observation }} ?obs gba:quote ?q ; dcterms:source ?s }} GROUP BY ?obs"""
    ).rows
    assert len(rows) == len(EXPECTED_FIGURES)
    assert {(int(r[1]), int(r[2])) for r in rows} == {(1, 1)}


# Every programme and practice of the article, with the agencies and organisations
# that run it and their roles (zh-Hans label of the agent, role).
EXPECTED_PROGRAMMES = {
    "港澳工程专业人才职称评价试点": {("广东省人力资源和社会保障厅", "role-lead")},
    "“代表作”评价": {("广东省人力资源和社会保障厅", "role-lead")},
    "一试多证": {("广东省人力资源和社会保障厅", "role-lead")},
    "养老护理员“一试三证”技能人才评价试点": set(),
    "香港中学文凭考试在大湾区内地城市开考": set(),
    "“共建标准、共推创新”的多方合作机制": set(),
    "数据跨境安检站": {
        ("深圳（前海）数据跨境流动综合服务中心", "role-lead"),
        ("国家（深圳·前海）新型互联网交换中心", "role-supporter"),
    },
    "“负面清单+合规指引”的数据跨境流动政策体系": {("深圳（前海）数据跨境流动综合服务中心", "role-lead")},
    "数据跨境可信验证基础设施": set(),
    "粤车南下": set(),
    "港车北上": set(),  # named only; its roles are stated by source 002
    "香港中学文凭试": set(),  # the examination (batch-2.ttl), named here 香港中学文凭考试（DSE）
    "穗港汽车出口快线": {
        ("广州海关", "role-lead"),
        ("香港海关", "role-partner"),
        ("香港运输署", "role-partner"),
        ("香港环保署", "role-partner"),
    },
    "“一站式”通关": {("广州海关", "role-lead")},
    "“出口监管仓+海运直通”": {("广州海关", "role-lead")},
    "Tech100+赋能计划": {("东莞市人民政府", "role-lead"), ("香港生产力促进局", "role-partner")},
    "东莞前置“资金池”": {("东莞市人民政府", "role-lead")},
    "多功能自由贸易账户": set(),
    "深港数据跨境安全通道": set(),
    "深港跨境影像数据常态化共享应用": {("香港大学深圳医院", "role-implementer")},
    "跨境医疗转运直达体系": set(),
    "内地中医药医师免试赴澳执业": {
        ("广东省中医院", "role-service-provider"),
        ("佛山市中医院", "role-service-provider"),
    },
    "境内医疗机构院内制剂跨境使用": {
        ("广东省中医院", "role-service-provider"),
        ("佛山市中医院", "role-service-provider"),
    },
    "国际标准跨境联合研制": set(),
}


def test_every_programme_and_practice(real_graph):
    rows = real_graph.query(
        f"""SELECT DISTINCT ?label WHERE {{ GRAPH {NEWS000} {{ ?p dcterms:source kg:src-000 }}
             {{ ?p a gba:Programme }} UNION {{ ?p a gba:Practice }}
             ?p rdfs:label ?label FILTER(lang(?label) = "zh-hans" || lang(?label) = "zh-Hans") }}"""
    ).rows
    assert {str(r[0]) for r in rows} == set(EXPECTED_PROGRAMMES)


@pytest.mark.parametrize("programme", sorted(EXPECTED_PROGRAMMES))
def test_roles(real_graph, programme):
    rows = real_graph.query(
        f"""SELECT DISTINCT ?agent ?role WHERE {{
             ?p rdfs:label "{programme}"@zh-Hans .
             GRAPH {NEWS000} {{ ?p prov:qualifiedAssociation ?a . ?a prov:agent ?ag ; prov:hadRole ?r . }}
             ?ag rdfs:label ?agent FILTER(lang(?agent) = "zh-hans" || lang(?agent) = "zh-Hans")
             BIND(STRAFTER(STR(?r), "https://w3id.org/gba-kg/id/") AS ?role) }}"""
    ).rows
    assert {(str(r[0]), str(r[1])) for r in rows} == EXPECTED_PROGRAMMES[programme]


def test_involves_matches_roles(real_graph):
    rows = real_graph.query(
        f"""SELECT ?p ?ag WHERE {{ GRAPH {NEWS000} {{ ?p prov:qualifiedAssociation ?a . ?a prov:agent ?ag }}
             FILTER NOT EXISTS {{ ?p gba:involves ?ag }} }}"""
    ).rows
    assert rows == []


def test_places_of_programmes(real_graph):
    expected = {
        "prog-hk-macao-engineers-title-evaluation-pilot": {"place-guangdong", "place-hong-kong", "place-macao"},
        "prog-one-exam-multiple-certificates": {"place-gba", "place-guangdong", "place-hong-kong", "place-macao"},
        "prog-southbound-guangdong-vehicles": {"place-guangdong", "place-hong-kong"},
        "prog-guangzhou-hk-vehicle-export-express": {"place-guangzhou", "place-hong-kong"},
        "prog-tech100-empowerment": {"place-hong-kong", "place-dongguan"},
        "prog-hengqin-ef-account": {"place-hengqin"},
        "prog-cross-border-data-security-checkpoint": {"place-qianhai"},
        "practice-mainland-tcm-practitioners-in-macao-without-exam": {"place-macao"},
    }
    for node, places in expected.items():
        rows = real_graph.query(f"SELECT ?pl WHERE {{ GRAPH {NEWS000} {{ kg:{node} dcterms:spatial ?pl }} }}").rows
        assert {str(r[0]).removeprefix(KG) for r in rows} == places, node
    rows = real_graph.query("SELECT ?up WHERE { kg:place-nansha-port gba:within+ ?up }").rows
    assert {"place-nansha", "place-guangzhou", "place-guangdong"} <= {str(r[0]).removeprefix(KG) for r in rows}


def test_instruments(real_graph):
    rows = real_graph.query(
        f"""SELECT DISTINCT ?label ?class WHERE {{ GRAPH {NEWS000} {{ ?i a ?c ; dcterms:source kg:src-000 }}
             ?c rdfs:subClassOf* gba:PolicyInstrument .
             ?i rdfs:label ?label FILTER(lang(?label) = "zh-hans" || lang(?label) = "zh-Hans")
             BIND(STRAFTER(STR(?c), "#") AS ?class) }}"""
    ).rows
    assert {(str(r[0]), str(r[1])) for r in rows} == {
        ("国家职业技能标准", "Standard"),
        ("大湾区冷链物流标准", "Standard"),
        ("共同推动粤港澳区域碳市场深化发展合作协议", "Agreement"),
        ("国家“十五五”规划", "Plan"),
        ("广东省“十五五”规划", "Plan"),
    }
    rows = real_graph.query(
        """SELECT ?l WHERE { kg:inst-gba-cold-chain-logistics-standards gba:issuedBy ?o .
             ?o rdfs:label ?l FILTER(lang(?l) = "zh-hans" || lang(?l) = "zh-Hans") }"""
    ).rows
    assert {str(r[0]) for r in rows} == {"广东省冷链协会"}
    rows = real_graph.query("SELECT ?x WHERE { kg:inst-gba-carbon-market-cooperation-agreement gba:enables ?x }").rows
    assert {str(r[0]).removeprefix(KG) for r in rows} == {"prog-gba-carbon-market-cooperation-mechanism"}


def test_people(real_graph):
    rows = real_graph.query(
        f"""SELECT ?name ?title ?org WHERE {{ GRAPH {NEWS000} {{ ?p a gba:Person ; schema:jobTitle ?title ; schema:affiliation ?o }}
             ?p rdfs:label ?name FILTER(lang(?name) = "zh-hans" || lang(?name) = "zh-Hans")
             FILTER(lang(?title) = "zh-hans" || lang(?title) = "zh-Hans")
             ?o rdfs:label ?org FILTER(lang(?org) = "zh-hans" || lang(?org) = "zh-Hans") }}"""
    ).rows
    got = {(str(a), str(b), str(c)) for a, b, c in rows}
    assert got == {
        ("邱璟", "广东省人力资源和社会保障厅副厅长", "广东省人力资源和社会保障厅"),
        ("肖文康", "深圳（前海）数据跨境流动综合服务中心运营主任", "深圳（前海）数据跨境流动综合服务中心"),
        ("袁富勇", "深圳市前海管理局副局长", "前海深港现代服务业合作区管理局"),
        ("朱伟", "广东省发展和改革委员会副主任", "广东省发展和改革委员会"),
        ("朱伟", "广东省发展和改革委员会副主任", "广东省推进粤港澳大湾区建设领导小组办公室"),
        ("朱伟", "省推进粤港澳大湾区建设领导小组办公室常务副主任", "广东省发展和改革委员会"),
        ("朱伟", "省推进粤港澳大湾区建设领导小组办公室常务副主任", "广东省推进粤港澳大湾区建设领导小组办公室"),
        ("黄斌", "广州海关副关长", "广州海关"),
        ("黎军", "东莞市副市长", "东莞市人民政府"),
        ("何家仪", "香港大学深圳医院副院长", "香港大学深圳医院"),
    }


def test_organisations_and_kinds(real_graph):
    rows = real_graph.query(
        f"""SELECT ?label ?kind WHERE {{ GRAPH {NEWS000} {{ ?o a gba:Organisation ; gba:organisationKind ?k }}
             ?o rdfs:label ?label FILTER(lang(?label) = "zh-hans" || lang(?label) = "zh-Hans")
             BIND(STRAFTER(STR(?k), "https://w3id.org/gba-kg/id/") AS ?kind) }}"""
    ).rows
    assert {(str(a), str(b)) for a, b in rows} == {
        ("广东省冷链协会", "orgkind-association"),
        ("深圳（前海）数据跨境流动综合服务中心", "orgkind-service-centre"),
        ("国家（深圳·前海）新型互联网交换中心", "orgkind-network-infrastructure"),
        ("香港生产力促进局", "orgkind-public-institution"),
        ("香港大学深圳医院", "orgkind-hospital"),
        ("广东省中医院", "orgkind-hospital"),
        ("佛山市中医院", "orgkind-hospital"),
    }


def test_agencies_of_the_article(real_graph):
    rows = real_graph.query(
        f"""SELECT DISTINCT ?label WHERE {{ GRAPH {NEWS000} {{ ?a dcterms:source kg:src-000 }} ?a a gba:GovernmentAgency ;
             rdfs:label ?label FILTER(lang(?label) = "zh-hans" || lang(?label) = "zh-Hans") }}"""
    ).rows
    assert {str(r[0]) for r in rows} == {
        "广东省推进粤港澳大湾区建设领导小组办公室",
        "广东省人力资源和社会保障厅",
        "前海深港现代服务业合作区管理局",
        "广东省发展和改革委员会",
        "广州海关",
        "香港海关",
        "香港运输署",
        "香港环保署",
        "东莞市人民政府",
    }
    rows = real_graph.query("""SELECT ?alt WHERE { kg:agency-gd-hrss skos:altLabel ?alt }""").rows
    assert {"广东省人社厅", "省人社厅"} <= {str(r[0]) for r in rows}


def test_dates(real_graph):
    rows = real_graph.query(
        f"""SELECT ?node ?p ?d WHERE {{ GRAPH {NEWS000} {{ ?node ?p ?d }} ?p rdfs:subPropertyOf* gba:keyDate }}"""
    ).rows
    got = {(str(n).removeprefix(KG), str(p).split("#")[1], str(d), str(d.datatype).split("#")[1]) for n, p, d in rows}
    assert got == {
        ("org-qianhai-cross-border-data-service-centre", "openingDate", "2024-11", "gYearMonth"),
        ("prog-hengqin-ef-account", "trialDate", "2024-05", "gYearMonth"),
        ("prog-guangzhou-hk-vehicle-export-express", "launchDate", "2025", "gYear"),
    }


def test_names_this_source_adds(real_graph):
    def alts(node: str) -> set[str]:
        rows = real_graph.query(f"SELECT ?l WHERE {{ GRAPH {NEWS000} {{ kg:{node} skos:altLabel ?l }} }}").rows
        return {str(r[0]) for r in rows}

    assert alts("place-hong-kong") == {"中国香港"}
    assert alts("prog-hkdse") == {"香港中学文凭考试", "DSE"}
    assert alts("agency-gd-hrss") == {"广东省人社厅"}
    assert alts("agency-gd-gba-office") == {"省推进粤港澳大湾区建设领导小组办公室", "广东省大湾区办"}
    # the DSE programme points at the examination; it carries no name of the exam itself
    assert alts("prog-dse-in-mainland-gba-cities") == set()
    rows = real_graph.query("SELECT ?x WHERE { kg:prog-dse-in-mainland-gba-cities dcterms:relation ?x }").rows
    assert {str(r[0]).removeprefix(KG) for r in rows} == {"prog-hkdse"}


def test_counterparts(real_graph):
    rows = real_graph.query(
        f"""SELECT ?a ?b WHERE {{ GRAPH {NEWS000} {{ ?a gba:counterpart ?b }} }}"""
    ).rows
    assert {(str(a).removeprefix(KG), str(b).removeprefix(KG)) for a, b in rows} == {
        ("agency-guangzhou-customs", "agency-hk-customs")
    }


def test_time_notes_are_the_curators_words(real_graph):
    rows = real_graph.query(
        f"""SELECT DISTINCT ?n WHERE {{ GRAPH {NEWS000} {{ ?o gba:timeNote ?n }}
             FILTER(lang(?n) = "zh-hans" || lang(?n) = "zh-Hans") }}"""
    ).rows
    assert {str(r[0]) for r in rows} == {NOT_STATED}


def test_programmes_are_classified(real_graph):
    rows = real_graph.query(
        f"""SELECT ?p (COUNT(DISTINCT ?d) AS ?nd) (COUNT(DISTINCT ?f) AS ?nf) WHERE {{
             GRAPH {NEWS000} {{ ?p dcterms:source kg:src-000 }} {{ ?p a gba:Programme }} UNION {{ ?p a gba:Practice }}
             OPTIONAL {{ ?p gba:domain ?d }} OPTIONAL {{ ?p gba:flow ?f }} }} GROUP BY ?p"""
    ).rows
    assert rows
    no_flow = {str(r[0]).removeprefix(KG) for r in rows if int(r[2]) == 0}
    assert all(int(r[1]) >= 1 for r in rows)
    # joint development of international standards serves none of the four flows
    assert no_flow == {"practice-joint-cross-border-development-of-international-standards"}
    rows = real_graph.query("SELECT ?f WHERE { kg:prog-gba-carbon-market-cooperation-mechanism gba:flow ?f }").rows
    assert {str(r[0]).removeprefix(KG) for r in rows} == {"flow-capital"}
