"""Curated content of source 001 (羊城晚报, 2025-11-08): exact sets read from the text.

Each test reads the graph of triples/news-001.ttl (restricted to what this file
says with dcterms:source kg:src-001) and compares sets against the source text.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

NEWS001 = "<https://w3id.org/gba-kg/graph/triples/news-001>"
KG = "https://w3id.org/gba-kg/id/"

NINE_CITIES = {
    "广州市",
    "深圳市",
    "珠海市",
    "佛山市",
    "惠州市",
    "东莞市",
    "中山市",
    "江门市",
    "肇庆市",
}


def zh_labels_of(real_graph, where: str) -> set[str]:
    rows = real_graph.query(
        "SELECT DISTINCT ?label WHERE { " + where + " ?node rdfs:label ?label "
        'FILTER(langMatches(lang(?label), "zh-Hans")) }'
    ).rows
    return {str(r[0]) for r in rows}


def in_news001(pattern: str) -> str:
    return f"GRAPH {NEWS001} {{ {pattern} }}"


# ---------------------------------------------------------------- agencies, organisations, people


def test_agencies_named_by_source_001(real_graph):
    where = in_news001("?node dcterms:source kg:src-001 .") + " ?node a gba:GovernmentAgency ."
    assert zh_labels_of(real_graph, where) == {
        "国家市场监督管理总局",
        "广东省人民政府",
        "广东省政府参事室",
        "广东出入境",
    }


def test_organisations_and_their_kinds(real_graph):
    rows = real_graph.query(
        "SELECT ?label ?kind WHERE { "
        + in_news001("?node dcterms:source kg:src-001 .")
        + ' ?node a gba:Organisation ; rdfs:label ?label ; gba:organisationKind ?kind FILTER(langMatches(lang(?label), "zh-Hans")) }'
    ).rows
    got = {(str(label), str(kind).removeprefix(KG)) for label, kind in rows}
    assert got == {
        ("广信君达律师事务所", "orgkind-law-firm"),
        ("深圳蛇口人民医院", "orgkind-hospital"),
        ("广州医科大学附属第一医院", "orgkind-hospital"),
        ("广州医科大学附属第一医院横琴医院", "orgkind-hospital"),
        ("广东省体制改革研究会", "orgkind-association"),
        ("中共广东省委党校", "orgkind-university"),
        ("十五运会和残特奥会港澳工作协调部", "orgkind-committee"),
        ("粤港澳大湾区标准化研究中心", "orgkind-university"),
    }


def test_people_with_job_titles(real_graph):
    rows = real_graph.query(
        "SELECT ?name ?title WHERE { "
        + in_news001("?p a gba:Person ; schema:jobTitle ?title .")
        + ' ?p rdfs:label ?name FILTER(langMatches(lang(?name), "zh-Hans") && langMatches(lang(?title), "zh-Hans")) }'
    ).rows
    got = {(str(n), str(t)) for n, t in rows}
    assert got == {
        ("杨逸芸", "责编"),
        ("张江", "美编"),
        ("黄文波", "校对"),
        ("李妹妍", "“羊城快评”作者"),
        ("陈鸿宇", "广东省政府参事室原参事"),
        ("陈鸿宇", "中共广东省委党校教授"),
        ("何君尧", "香港律师"),
        ("何君尧", "粤港澳大湾区律师"),
        ("邱玉球", "澳门律师"),
        ("邱玉球", "粤港澳大湾区律师"),
        ("龚敬乐", "香港资深全科医生"),
        ("张倩君", "澳门中医师"),
        ("彭澎", "执行会长"),
        ("郑颖尧", "澳门私家车车主"),
        ("赵朝传", "2025深港马拉松男子组冠军"),
        ("张志华", "十五运会和残特奥会港澳工作协调部副部长"),
    }
    # every person has an English job title too
    missing = real_graph.query(
        "SELECT ?p WHERE { "
        + in_news001("?p a gba:Person .")
        + ' FILTER NOT EXISTS { ?p schema:jobTitle ?t FILTER(langMatches(lang(?t), "en")) } }'
    ).rows
    assert missing == []


def test_people_affiliations(real_graph):
    rows = real_graph.query(
        "SELECT ?name ?org WHERE { "
        + in_news001("?p a gba:Person ; schema:affiliation ?o .")
        + ' ?p rdfs:label ?name . ?o rdfs:label ?org FILTER(langMatches(lang(?name), "zh-Hans") && langMatches(lang(?org), "zh-Hans")) }'
    ).rows
    got = {(str(n), str(o)) for n, o in rows}
    assert got == {
        ("杨逸芸", "羊城晚报"),
        ("张江", "羊城晚报"),
        ("黄文波", "羊城晚报"),
        ("李妹妍", "羊城晚报"),
        ("陈鸿宇", "广东省政府参事室"),
        ("陈鸿宇", "中共广东省委党校"),
        ("龚敬乐", "深圳蛇口人民医院"),
        ("张倩君", "广州医科大学附属第一医院横琴医院"),
        ("彭澎", "广东省体制改革研究会"),
        ("张志华", "十五运会和残特奥会港澳工作协调部"),
    }


# ---------------------------------------------------------------- instruments


def test_instruments_of_source_001(real_graph):
    where = in_news001("?node dcterms:source kg:src-001 .") + " ?node a/rdfs:subClassOf* gba:PolicyInstrument ."
    assert zh_labels_of(real_graph, where) == {
        "粤港澳大湾区发展规划纲要",
        "关于共同建设粤港澳大湾区标准化研究中心战略合作框架协议",
        "“湾区标准”清单",
        "桥隧智能运维数据标准体系建设指南",
        "养老机构认知症老年人生活照顾指南",
        "婴幼儿托育服务规范",
        "早期发展指导（教育）机构管理规范",
        "粤菜菜品标准编制指南",
        "移动电竞赛事用机技术要求测试方法",
        "煲仔饭“湾区标准”",
        "龙舟“湾区标准”",
        "志愿者服务方面的“湾区标准”",
        "醒狮表演方面的“湾区标准”",
    }


def test_bay_area_standards_named(real_graph):
    where = in_news001("?node a gba:Standard ; dcterms:isPartOf kg:prog-bay-area-standards .")
    assert zh_labels_of(real_graph, where) == {
        "桥隧智能运维数据标准体系建设指南",
        "养老机构认知症老年人生活照顾指南",
        "婴幼儿托育服务规范",
        "早期发展指导（教育）机构管理规范",
        "移动电竞赛事用机技术要求测试方法",
        "煲仔饭“湾区标准”",
        "龙舟“湾区标准”",
        "志愿者服务方面的“湾区标准”",
        "醒狮表演方面的“湾区标准”",
    }


def test_cantonese_dish_guide_is_a_guideline_not_a_standard(real_graph):
    # the text says it guides standards into the list; it does not call it a Bay Area Standard
    rows = real_graph.query(
        "SELECT ?c WHERE { " + in_news001("kg:inst-cantonese-dish-standard-drafting-guide a ?c ; gba:enables kg:prog-bay-area-standards .") + " }"
    ).rows
    assert {str(c).removeprefix("https://w3id.org/gba-kg/ontology#") for (c,) in rows} == {"Guideline"}


def test_esports_standard_adopted_by_asian_games(real_graph):
    related = zh_labels_of(real_graph, in_news001("kg:inst-mobile-esports-device-test-method dcterms:relation ?node ."))
    assert related == {"第19届亚运会"}


def test_standardisation_agreement(real_graph):
    signatories = zh_labels_of(
        real_graph, in_news001("kg:inst-gba-standardisation-research-centre-agreement gba:signatory ?node .")
    )
    assert signatories == {"国家市场监督管理总局", "广东省人民政府"}
    dates = real_graph.query(
        "SELECT ?d WHERE { "
        + in_news001("kg:inst-gba-standardisation-research-centre-agreement gba:signedDate ?d .")
        + " }"
    ).rows
    assert {(str(d), str(d.datatype)) for (d,) in dates} == {("2020-09", "http://www.w3.org/2001/XMLSchema#gYearMonth")}
    enabled = zh_labels_of(
        real_graph, in_news001("kg:inst-gba-standardisation-research-centre-agreement gba:enables ?node .")
    )
    assert enabled == {"湾区标准"}


def test_outline_enables(real_graph):
    enabled = zh_labels_of(real_graph, in_news001("kg:inst-gba-development-outline gba:enables ?node ."))
    assert enabled == {"内地与港澳专业资格互认", "一证三证", "港澳专业人才在大湾区内地城市执业"}


# ---------------------------------------------------------------- programmes and practices

EXPECTED_PROGRAMMES = {
    "港车北上",
    "澳车北上",
    "粤车南下",
    "“刷脸”通关",
    "湾区标准",
    "数字湾区",
    "港澳律师在大湾区内地执业试点",
    "港澳药械通",
    "湾区通",
    "跨境支付通",
    "澳门钱包",
    "第十五届全国运动会",
    "残特奥会",
    "2025深港马拉松",
    "十五运会公路自行车赛",
    "“查验前置+生物识别+芯片定位+闭环管理”通关模式",
    "“前置查验、封闭运作、无感通关”举措",
    "便利跨境观看十五运会赛事的出入境便民措施",
    "内地与港澳专业资格互认",
    "一证三证",
    "广交会",
    "第19届亚运会",
}
EXPECTED_PRACTICES = {
    "港澳专业人才在大湾区内地城市执业",
    "港澳医生跨境执业",
    "港澳居民购买内地社保、医保",
    "跨境养老",
    "旅居养老",
}


def test_programmes_of_source_001(real_graph):
    where = in_news001("?node a gba:Programme ; dcterms:source kg:src-001 .")
    assert zh_labels_of(real_graph, where) == EXPECTED_PROGRAMMES


def test_practices_of_source_001(real_graph):
    where = in_news001("?node a gba:Practice ; dcterms:source kg:src-001 .")
    assert zh_labels_of(real_graph, where) == EXPECTED_PRACTICES


# The source names neither a place nor an organiser for these two events.
NO_PLACE_OR_AGENCY_IN_001 = {"prog-canton-fair", "prog-19th-asian-games"}


def test_every_programme_has_an_agency_or_a_place_from_001(real_graph):
    rows = real_graph.query(
        "SELECT ?node WHERE { "
        + in_news001("?node a ?c ; dcterms:source kg:src-001 . VALUES ?c { gba:Programme gba:Practice }")
        + " FILTER NOT EXISTS { "
        + in_news001("?node gba:involves|dcterms:spatial ?x .")
        + " } }"
    ).rows
    assert {str(node).removeprefix(KG) for (node,) in rows} == NO_PLACE_OR_AGENCY_IN_001


def test_every_programme_and_practice_is_classified(real_graph):
    rows = real_graph.query(
        "SELECT ?node WHERE { "
        + in_news001("?node a ?c ; dcterms:source kg:src-001 . VALUES ?c { gba:Programme gba:Practice }")
        + " FILTER NOT EXISTS { "
        + in_news001("?node gba:domain ?d ; gba:flow ?f .")
        + " } }"
    ).rows
    # the 19th Asian Games serves no cross-border flow in the text
    assert {str(node).removeprefix(KG) for (node,) in rows} == {"prog-19th-asian-games"}


@pytest.mark.parametrize(
    ("programme", "places"),
    [
        ("prog-hk-macao-lawyers-practice-pilot", NINE_CITIES),
        ("prog-hk-macao-drugs-devices-connect", NINE_CITIES),
        ("prog-southbound-guangdong-vehicles", {"广东省", "香港特别行政区"}),
        ("prog-northbound-macao-vehicles", {"澳门特别行政区", "珠海市"}),
        ("prog-bay-area-transport-card", {"广东省", "香港特别行政区", "澳门特别行政区"}),
        ("prog-mpay", {"澳门特别行政区"}),
        ("prog-canton-fair", set()),  # the text names no place for the Canton Fair
        ("prog-northbound-hk-vehicles", {"香港特别行政区"}),
        ("prog-facial-recognition-clearance", {"广东省"}),
        ("prog-2025-shenzhen-hong-kong-marathon", {"深圳市", "香港特别行政区"}),
        (
            "prog-15th-national-games-road-cycling-race",
            {"珠海市", "香港特别行政区", "澳门特别行政区", "港珠澳大桥", "港珠澳大桥口岸"},
        ),
        ("practice-hk-macao-doctors-cross-border-practice", {"深圳市", "横琴粤澳深度合作区"}),
    ],
)
def test_programme_places(real_graph, programme, places):
    assert zh_labels_of(real_graph, in_news001(f"kg:{programme} dcterms:spatial ?node .")) == places


@pytest.mark.parametrize(
    ("programme", "agents"),
    [
        ("prog-bay-area-standards", {("国家市场监督管理总局", "role-lead"), ("广东省人民政府", "role-lead")}),
        ("prog-15th-national-games", {("十五运会和残特奥会港澳工作协调部", "role-organiser")}),
        ("prog-games-spectator-exit-entry-measures", {("广东出入境", "role-lead")}),
        (
            "practice-hk-macao-doctors-cross-border-practice",
            {
                ("深圳蛇口人民医院", "role-service-provider"),
                ("广州医科大学附属第一医院横琴医院", "role-service-provider"),
            },
        ),
    ],
)
def test_programme_roles(real_graph, programme, agents):
    rows = real_graph.query(
        "SELECT ?label ?role WHERE { "
        + in_news001(f"kg:{programme} prov:qualifiedAssociation [ prov:agent ?a ; prov:hadRole ?role ] .")
        + ' ?a rdfs:label ?label FILTER(langMatches(lang(?label), "zh-Hans")) }'
    ).rows
    assert {(str(label), str(role).removeprefix(KG)) for label, role in rows} == agents


@pytest.mark.parametrize(
    ("programme", "prop", "value", "datatype"),
    [
        ("prog-hk-macao-lawyers-practice-pilot", "gba:trialDate", "2020-08", "gYearMonth"),
        ("prog-hk-macao-drugs-devices-connect", "gba:launchDate", "2021", "gYear"),
        ("prog-northbound-macao-vehicles", "gba:launchDate", "2023-01-01", "date"),
        ("prog-2025-shenzhen-hong-kong-marathon", "gba:eventDate", "2025-02-23", "date"),
    ],
)
def test_programme_dates(real_graph, programme, prop, value, datatype):
    rows = real_graph.query("SELECT ?d WHERE { " + in_news001(f"kg:{programme} {prop} ?d .") + " }").rows
    assert {(str(d), str(d.datatype)) for (d,) in rows} == {(value, f"http://www.w3.org/2001/XMLSchema#{datatype}")}


def test_national_games_parts(real_graph):
    parts = zh_labels_of(
        real_graph, in_news001("?node dcterms:isPartOf|dcterms:relation kg:prog-15th-national-games .")
    )
    assert parts == {
        "2025深港马拉松",
        "十五运会公路自行车赛",
        "“前置查验、封闭运作、无感通关”举措",
        "便利跨境观看十五运会赛事的出入境便民措施",
    }


# ---------------------------------------------------------------- observations

XSD = "http://www.w3.org/2001/XMLSchema#"
NO_TIME = "原文未注明时间"  # curators' gba:timeNote where the text gives no time

EXPECTED_OBSERVATIONS = {
    # (value, unit, qualifier, as-of date / period / phrase)
    (Decimal("6"), "unit-year", "qualifier-exact", "phrase:发布6年来"),
    (Decimal("262"), "unit-item", "qualifier-exact", "phrase:发布6年来"),
    (Decimal("10"), "unit-item", "qualifier-more-than", f"phrase:{NO_TIME}"),  # 数十项
    (Decimal("9"), "unit-city", "qualifier-exact", "asOf:2020-08"),  # 大湾区内地九市
    (Decimal("4"), "unit-person", "qualifier-exact", "period:2022-07"),
    (Decimal("1"), "unit-night", "qualifier-at-least", "phrase:20年前"),
    (Decimal("2"), "unit-hour", "qualifier-at-most", "phrase:现在"),
    (Decimal("124"), "unit-building", "qualifier-exact", f"phrase:{NO_TIME}"),
    (Decimal("0.3"), "unit-kilometre", "qualifier-more-than", f"phrase:{NO_TIME}"),  # 300米以上
    (Decimal("66.67"), "unit-percent", "qualifier-exact", "phrase:如今"),  # 三分之二, no qualifier
    (Decimal("8000"), "unit-person", "qualifier-more-than", "phrase:如今"),
    (Decimal("10000"), "unit-person", "qualifier-more-than", "phrase:迄今"),
    (Decimal("1"), "unit-minute", "qualifier-less-than", "asOf:2023-01-01"),
    (Decimal("230"), "unit-kilometre", "qualifier-exact", f"phrase:{NO_TIME}"),
    (Decimal("6"), "unit-occurrence", "qualifier-exact", f"phrase:{NO_TIME}"),
    (Decimal("2"), "unit-kind", "qualifier-exact", f"phrase:{NO_TIME}"),  # HZMB and GBA: two systems
    (Decimal("3"), "unit-count", "qualifier-exact", f"phrase:{NO_TIME}"),  # HZMB and GBA: three customs territories
    (Decimal("1"), "unit-count", "qualifier-exact", f"phrase:{NO_TIME}"),  # GBA: one country
    (Decimal("3"), "unit-kind", "qualifier-exact", f"phrase:{NO_TIME}"),  # GBA: three currencies
}


def _observations(real_graph):
    rows = real_graph.query(
        "SELECT ?o ?v ?u ?q ?asof ?period ?phrase WHERE { "
        + in_news001(
            "?o a gba:Observation ; dcterms:source kg:src-001 ; gba:value ?v ; gba:unit ?u ; gba:qualifier ?q ."
            " OPTIONAL { ?o gba:asOf ?asof } OPTIONAL { ?o gba:period ?period } OPTIONAL { ?o gba:asOfPhrase|gba:timeNote ?phrase }"
        )
        + " }"
    ).bindings()
    out = []
    for b in rows:
        if "asof" in b:
            when = f"asOf:{b['asof']}"
        elif "period" in b:
            when = f"period:{b['period']}"
        else:
            when = f"phrase:{b['phrase']}"
        out.append(
            (
                str(b["o"]).removeprefix(KG),
                Decimal(str(b["v"])),
                str(b["u"]).removeprefix(KG),
                str(b["q"]).removeprefix(KG),
                when,
            )
        )
    return out


def test_observation_values_units_and_dates(real_graph):
    got = {(v, u, q, w) for _, v, u, q, w in _observations(real_graph)}
    assert got == EXPECTED_OBSERVATIONS


def test_observation_count_per_node(real_graph):
    # the GBA structure and the HZMB share values: check them by node
    got = {o: (v, u, w) for o, v, u, _, w in _observations(real_graph)}
    assert got["obs-001-gba-systems"] == (Decimal("2"), "unit-kind", f"phrase:{NO_TIME}")
    assert got["obs-001-gba-customs-territories"] == (Decimal("3"), "unit-count", f"phrase:{NO_TIME}")
    assert got["obs-001-hzmb-customs-territories"] == (Decimal("3"), "unit-count", f"phrase:{NO_TIME}")
    assert got["obs-001-lawyers-pilot-cities"] == (Decimal("9"), "unit-city", "asOf:2020-08")
    assert got["obs-001-bay-area-standards"] == (Decimal("262"), "unit-item", "phrase:发布6年来")
    assert got["obs-001-professionals-practising"] == (Decimal("8000"), "unit-person", "phrase:如今")
    assert got["obs-001-drugs-devices-patients"] == (Decimal("10000"), "unit-person", "phrase:迄今")
    assert len(got) == 21


def test_observation_subjects(real_graph):
    rows = real_graph.query(
        "SELECT ?v ?label WHERE { "
        + in_news001("?o a gba:Observation ; gba:value ?v ; gba:about ?s .")
        + ' ?s rdfs:label ?label FILTER(langMatches(lang(?label), "zh-Hans")) }'
    ).rows
    got = {(Decimal(str(v)), str(label)) for v, label in rows}
    assert {
        (Decimal("262"), "湾区标准"),
        (Decimal("4"), "港澳律师在大湾区内地执业试点"),
        (Decimal("8000"), "港澳专业人才在大湾区内地城市执业"),
        (Decimal("10000"), "港澳药械通"),
        (Decimal("1"), "澳车北上"),
        (Decimal("230"), "十五运会公路自行车赛"),
        (Decimal("6"), "十五运会公路自行车赛"),
        (Decimal("124"), "珠江新城"),
        (Decimal("0.3"), "珠江新城"),
        (Decimal("9"), "港澳律师在大湾区内地执业试点"),
    } <= got


def test_observations_have_one_quote_and_source(real_graph):
    rows = real_graph.query(
        "SELECT ?o (COUNT(DISTINCT ?q) AS ?nq) (COUNT(DISTINCT ?s) AS ?ns) WHERE { "
        + in_news001("?o a gba:Observation ; gba:quote ?q ; dcterms:source ?s .")
        + " } GROUP BY ?o"
    ).rows
    assert len(rows) == 21
    assert all(int(nq) == 1 and int(ns) == 1 for _, nq, ns in rows)
