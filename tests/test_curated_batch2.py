"""Batch 2 (source 002, kg:src-002) against the source text: every case, its
reporting agencies, and for a sample of cases the exact sets of instruments and
observations (value, unit, as-of date or phrase) that the text states."""

from __future__ import annotations

from decimal import Decimal

import pytest

KG = "https://w3id.org/gba-kg/id/"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
XSD_GYM = "http://www.w3.org/2001/XMLSchema#gYearMonth"
XSD_GY = "http://www.w3.org/2001/XMLSchema#gYear"

# 案例名称 of every case, as printed in 002.
TITLES = {
    1: "“港车北上”“澳车北上”政策顺利落地实施",
    2: "高水平建设“1+12+N”港澳青年创新创业基地",
    3: "创新实施粤澳货物“一单两报”服务",
    4: "“湾区认证”推动三地质量认证规则衔接",
    5: "“湾事通”助力“三地同城、无感跨境”",
    6: "粤港实现政务服务“跨境通办”",
    7: "首个大湾区商事纠纷司法规则衔接指引出台",
    8: "广东省人民政府在澳门首发贴标中欧《可持续金融共同分类目录》绿色债券",
    9: "横琴口岸创新实施客货车“粤澳联合一站式”查验",
    10: "广州探索科研用物资跨境自由流动新机制",
    11: "深圳建立与国际标准衔接的医院评审认证体系",
    12: "珠海“小切口”立法助力澳门专业人士跨境便利执业",
    13: "中山率先落地“港药粤产”",
    14: "前海率先试点推进建设领域规则与港澳衔接",
    15: "南沙创新与港澳教育衔接机制",
    16: "河套率先试点数据跨境交易",
}

# 报送单位 of every case, resolved to the full names of the shared agency nodes.
REPORTERS = {
    1: {"广东省公安厅", "国家金融监督管理总局广东监管局"},
    2: {"广东省人力资源和社会保障厅"},
    3: {"广东省商务厅"},
    4: {"广东省市场监督管理局"},
    5: {"广东省政务服务和数据管理局"},
    6: {"广东省政务服务和数据管理局"},
    7: {"广东省高级人民法院"},
    8: {"中国人民银行广东省分行", "广东省财政厅"},
    9: {"海关总署广东分署", "珠海边检总站", "横琴粤澳深度合作区执行委员会"},
    10: {"广州市人民政府"},
    11: {"深圳市人民政府"},
    12: {"珠海市人民政府"},
    13: {"中山市人民政府"},
    14: {"前海深港现代服务业合作区管理局"},
    15: {"广州市南沙区人民政府"},
    16: {"河套深港科技创新合作区深圳园区发展署"},
}

# Every policy instrument each case names (titles in 《》 and lists or agreements named without them).
INSTRUMENTS = {
    1: set(),
    2: set(),
    3: set(),
    4: set(),
    5: set(),
    6: {"粤港政务服务“跨境通办”合作协议", "“跨境通办”事项目录清单"},
    7: {"粤港澳大湾区商事纠纷司法规则衔接指引（一）"},
    8: {"可持续金融共同分类目录"},
    9: set(),
    10: {"科研用物资跨境正面清单"},
    11: {"医院质量国际认证标准（2021版）", "三甲医院评审评价标准"},
    12: {
        "澳门特别行政区医疗人员在横琴粤澳深度合作区执业管理规定",
        "澳门特别行政区药学技术人员在横琴粤澳深度合作区药品零售单位执业备案管理规定",
        "医疗人员专业资格及执业注册制度",
        "澳门医疗人员横琴粤澳深度合作区执业证书",
    },
    13: {"粤港澳大湾区药品医疗器械监管创新发展工作方案"},
    14: {"前海建设工程管理制度港澳规则衔接改革方案"},
    15: set(),
    16: {"河套深港科技创新合作区跨境数据交易试点方案"},
}

NONE = "原文未注明时间"

# Every figure of a case: (value, unit, as-of date or time phrase), read from the text.
OBSERVATIONS = {
    1: {  # 截至2023年底 … 11.1万多个 / 6.4万多副 / 5.7万多辆 / 132.9万多辆次
        (Decimal("111000"), "unit-user", "2023-12"),
        (Decimal("64000"), "unit-plate-set", "2023-12"),
        (Decimal("57000"), "unit-vehicle", "2023-12"),
        (Decimal("1329000"), "unit-vehicle-trip", "2023-12"),
    },
    2: {  # 基地84家；截至2023年底 9个城市、5000多个项目、超过5000万元、超600场、超2万人次
        (Decimal("84"), "unit-enterprise", NONE),
        (Decimal("9"), "unit-city", "2023-12"),
        (Decimal("5000"), "unit-project", "2023-12"),
        (Decimal("50000000"), "unit-yuan", "2023-12"),
        (Decimal("600"), "unit-event", "2023-12"),
        (Decimal("20000"), "unit-person-time", "2023-12"),
    },
    3: {  # 截至2024年2月底 17家企业 448票；24项→3项；近100%
        (Decimal("17"), "unit-enterprise", "2024-02"),
        (Decimal("448"), "unit-declaration", "2024-02"),
        (Decimal("24"), "unit-item", "原来"),
        (Decimal("3"), "unit-item", "“一单两报”上线后"),
        (Decimal("100"), "unit-percent", "“一单两报”上线后"),
    },
    4: {  # 首批15个项目；6种农食产品 (no time given)
        (Decimal("15"), "unit-project", NONE),
        (Decimal("6"), "unit-kind", NONE),
    },
    5: {  # 近9000万；2023年12月上线首批超过100项；日均3万余人；周末高峰超8万人
        (Decimal("90000000"), "unit-person", NONE),
        (Decimal("100"), "unit-item", "2023-12"),
        (Decimal("30000"), "unit-person", NONE),
        (Decimal("80000"), "unit-person", NONE),
    },
    6: {  # 超1.2万名、超13万次、9市70个窗口、18台终端、200余项
        (Decimal("12000"), "unit-user", "服务专区正式上线以来"),
        (Decimal("130000"), "unit-visit", "服务专区正式上线以来"),
        (Decimal("70"), "unit-count", NONE),
        (Decimal("9"), "unit-city", NONE),
        (Decimal("18"), "unit-device", NONE),
        (Decimal("200"), "unit-item", NONE),
    },
    7: {  # 超1万件、127亿余元、25万余件、1101亿余元
        (Decimal("10000"), "unit-case", "《指引（一）》出台以来"),
        (Decimal("12700000000"), "unit-yuan", "《指引（一）》出台以来"),
        (Decimal("250000"), "unit-case", "《指引（一）》出台以来"),
        (Decimal("110100000000"), "unit-yuan", "《指引（一）》出台以来"),
    },
    8: {  # 2023年8月31日发行 10亿元 3年 2.55% 269个项目
        (Decimal("1000000000"), "unit-yuan", "2023-08-31"),
        (Decimal("3"), "unit-year", "2023-08-31"),
        (Decimal("2.55"), "unit-percent", "2023-08-31"),
        (Decimal("269"), "unit-project", "2023-08-31"),
    },
    9: {(Decimal("521000"), "unit-vehicle-trip", "2023-12")},
    10: {  # 两批；29项；1-2周→1-3天；3天→1天；平均5天→1天；超过3亿元；超过3000万元
        (Decimal("2"), "unit-batch", "2023"),
        (Decimal("29"), "unit-item", NONE),
        (Decimal("1"), "unit-week", "试点前"),
        (Decimal("2"), "unit-week", "试点前"),
        (Decimal("1"), "unit-day", "试点以来"),
        (Decimal("3"), "unit-day", "试点以来"),
        (Decimal("3"), "unit-day", "试点前"),
        (Decimal("5"), "unit-day", "试点前"),
        (Decimal("300000000"), "unit-yuan", "截至目前"),
        (Decimal("30000000"), "unit-yuan", "截至目前"),
    },
    11: {  # 97%得分率；目前 5个城市 13家医院 内地9家
        (Decimal("97"), "unit-percent", NONE),
        (Decimal("5"), "unit-city", "目前"),
        (Decimal("13"), "unit-enterprise", "目前"),
        (Decimal("9"), "unit-enterprise", "目前"),
    },
    12: {  # 十五种；13名；71名；2人
        (Decimal("15"), "unit-kind", "2023-05"),
        (Decimal("13"), "unit-person", "两部法规实施以来"),
        (Decimal("71"), "unit-person", "两部法规实施以来"),
        (Decimal("2"), "unit-person", "两部法规实施以来"),
    },
    13: {  # 截至2024年2月 1898.65万片 1399.8万片
        (Decimal("18986500"), "unit-tablet", "2024-02"),
        (Decimal("13998000"), "unit-tablet", "2024-02"),
    },
    14: {  # 2023年5月 14项改革措施；目前 两个项目、10家香港机构、105位香港人士
        (Decimal("14"), "unit-item", "2023-05"),
        (Decimal("2"), "unit-project", "目前"),
        (Decimal("10"), "unit-enterprise", "目前"),
        (Decimal("105"), "unit-person", "目前"),
    },
    15: {  # 24%、17%；截至目前 超过90%、超800人；100多个单位 (no time given)
        (Decimal("24"), "unit-percent", NONE),
        (Decimal("17"), "unit-percent", NONE),
        (Decimal("90"), "unit-percent", "截至目前"),
        (Decimal("800"), "unit-person", "截至目前"),
        (Decimal("100"), "unit-enterprise", NONE),
    },
    16: {  # 17条举措；500万元→超1亿元；2项基础设施；3家机构
        (Decimal("17"), "unit-item", "2023-06"),
        (Decimal("5000000"), "unit-yuan", "一年前，增至超1亿元之前"),
        (Decimal("100000000"), "unit-yuan", "试点以来"),
        (Decimal("2"), "unit-item", NONE),
        (Decimal("3"), "unit-enterprise", "试点以来"),
    },
}


def _case(n: int) -> str:
    return f"<{KG}case-b2-{n:02d}>"


def _zh_labels(graph, sparql_nodes: str) -> set[str]:
    rows = graph.query(
        "SELECT DISTINCT ?label WHERE { " + sparql_nodes + " ?node rdfs:label ?label "
        'FILTER(langMatches(lang(?label), "zh-Hans")) }'
    ).rows
    return {str(row[0]) for row in rows}


def test_batch_2_has_exactly_sixteen_cases(real_graph):
    rows = real_graph.query("SELECT ?c ?n WHERE { ?c gba:inBatch kg:batch-2 ; gba:caseNumber ?n }").rows
    assert {int(row[1].toPython()) for row in rows} == set(range(1, 17))
    assert {str(row[0]) for row in rows} == {f"{KG}case-b2-{n:02d}" for n in range(1, 17)}


@pytest.mark.parametrize("n", sorted(TITLES))
def test_case_title_is_exactly_as_printed(real_graph, n):
    assert _zh_labels(real_graph, f"VALUES ?node {{ {_case(n)} }}") == {TITLES[n]}


@pytest.mark.parametrize("n", sorted(REPORTERS))
def test_reporting_agencies(real_graph, n):
    assert _zh_labels(real_graph, f"{_case(n)} gba:reportedBy ?node .") == REPORTERS[n]


@pytest.mark.parametrize("n", sorted(INSTRUMENTS))
def test_instruments_named_by_the_case(real_graph, n):
    nodes = (
        f"{_case(n)} gba:describes ?node . ?node a ?type . "
        "VALUES ?type { gba:PolicyInstrument gba:Law gba:Agreement gba:Plan gba:Guideline gba:Standard gba:PolicyList }"
    )
    assert _zh_labels(real_graph, nodes) == INSTRUMENTS[n]


def _observations(graph, n: int) -> set[tuple[Decimal, str, str]]:
    rows = graph.query(
        "SELECT ?o ?v ?u ?t WHERE { ?o a gba:Observation ; gba:value ?v ; gba:unit ?u ; dcterms:source kg:src-002 . "
        "{ ?o gba:asOf ?t } UNION { ?o gba:period ?t } UNION { ?o gba:asOfPhrase|gba:timeNote ?t } "
        f'FILTER(STRSTARTS(STR(?o), "{KG}obs-b2-{n:02d}-")) }}'
    ).bindings()
    return {(Decimal(str(r["v"])), str(r["u"]).removeprefix(KG), str(r["t"])) for r in rows}


@pytest.mark.parametrize("n", sorted(OBSERVATIONS))
def test_observations_of_the_case(real_graph, n):
    assert _observations(real_graph, n) == OBSERVATIONS[n]


def test_before_and_after_pairs_share_one_measure(real_graph):
    rows = real_graph.query(
        "SELECT ?o ?m WHERE { ?o a gba:Observation ; gba:measure ?m ; dcterms:source kg:src-002 }"
    ).bindings()
    measure = {str(r["o"]).removeprefix(KG): str(r["m"]).removeprefix(KG) for r in rows}
    for before, after in [
        ("obs-b2-03-required-fields-before", "obs-b2-03-required-fields-after"),
        ("obs-b2-10-inspection-time-before", "obs-b2-10-inspection-time-after"),
        ("obs-b2-10-tax-review-before", "obs-b2-10-tax-review-after"),
        ("obs-b2-10-approval-time-before-min", "obs-b2-10-approval-time-after-max"),
        ("obs-b2-16-trading-before", "obs-b2-16-trading-after"),
    ]:
        assert measure[before] == measure[after]


def test_programme_dates(real_graph):
    rows = real_graph.query(
        "SELECT ?p ?prop ?d WHERE { VALUES ?prop { gba:launchDate gba:trialDate gba:eventDate } ?p ?prop ?d ; "
        "dcterms:source kg:src-002 . ?c gba:inBatch kg:batch-2 ; gba:describes ?p }"
    ).bindings()
    got = {(str(r["p"]).removeprefix(KG), str(r["prop"]).rsplit("#", 1)[1], str(r["d"])) for r in rows}
    assert got == {
        ("prog-northbound-hk-vehicles", "launchDate", "2023-07-01"),
        ("prog-northbound-macao-vehicles", "launchDate", "2023-01-01"),
        ("prog-gd-macao-one-form-two-declarations", "launchDate", "2022-03-10"),
        ("prog-wanshitong", "launchDate", "2023-12"),
        ("prog-guangdong-green-bond-macao", "launchDate", "2023-08-31"),
        ("prog-gd-macao-joint-one-stop-inspection", "trialDate", "2023-09-26"),
        ("prog-research-materials-fast-clearance", "eventDate", "2023-08-03"),
    }


def test_instrument_dates_and_issuers(real_graph):
    rows = real_graph.query(
        "SELECT ?i ?prop ?d WHERE { VALUES ?prop { gba:issuedDate gba:signedDate gba:effectiveDate } "
        "?i ?prop ?d . ?c gba:inBatch kg:batch-2 ; gba:describes ?i . ?i a ?t . "
        "VALUES ?t { gba:Law gba:Agreement gba:Plan gba:Guideline gba:Standard gba:PolicyList gba:PolicyInstrument } }"
    ).bindings()
    got = {(str(r["i"]).removeprefix(KG), str(r["prop"]).rsplit("#", 1)[1], str(r["d"])) for r in rows}
    assert got == {
        ("inst-gd-hk-cross-border-government-services-agreement", "signedDate", "2023-11"),
        ("inst-guangzhou-research-materials-positive-list", "issuedDate", "2023"),
        ("inst-macao-medical-personnel-hengqin-practice-provisions", "issuedDate", "2023-05"),
        ("inst-macao-pharmacy-technicians-hengqin-filing-regulations", "issuedDate", "2023-05"),
        ("inst-qianhai-construction-rules-alignment-reform-plan", "issuedDate", "2023-05"),
        ("inst-qianhai-construction-rules-alignment-reform-plan", "effectiveDate", "2023-05"),
        ("inst-hetao-cross-border-data-trading-pilot-plan", "issuedDate", "2023-06"),
    }
    issuers = _zh_labels(real_graph, "kg:inst-gba-commercial-dispute-judicial-rules-guideline-1 gba:issuedBy ?node .")
    assert issuers == {"广东省高级人民法院"}


def test_hong_kong_and_macao_bodies_have_roles(real_graph):
    rows = real_graph.query(
        "SELECT ?p ?a ?r WHERE { ?p prov:qualifiedAssociation [ prov:agent ?a ; prov:hadRole ?r ] . "
        "VALUES ?p { kg:prog-gd-macao-joint-one-stop-inspection kg:prog-bay-area-certification kg:prog-guangdong-green-bond-macao } }"
    ).bindings()
    got = {(str(r["a"]).removeprefix(KG), str(r["r"]).removeprefix(KG)) for r in rows}
    assert {
        ("agency-macao-customs", "role-implementer"),
        ("agency-macao-psp", "role-implementer"),
        ("agency-macao-health-bureau", "role-implementer"),
        ("agency-gongbei-customs", "role-lead"),
        ("agency-hk-itc", "role-partner"),
        ("agency-macao-dsedt", "role-partner"),
        ("org-hkqaa", "role-certifier"),
        ("org-boc-macau-branch", "role-lead-underwriter"),
    } <= got


def test_new_places_lie_within_the_gazetteer(real_graph):
    rows = real_graph.query(
        "SELECT ?p ?w WHERE { VALUES ?p { kg:place-hengqin-port kg:place-data-element-industrial-park "
        "kg:place-gba-guangdong-innovation-entrepreneurship-base } ?p gba:within+ ?w }"
    ).bindings()
    got = {(str(r["p"]).removeprefix(KG), str(r["w"]).removeprefix(KG)) for r in rows}
    assert ("place-hengqin-port", "place-zhuhai") in got
    assert ("place-data-element-industrial-park", "place-shenzhen") in got
    assert ("place-gba-guangdong-innovation-entrepreneurship-base", "place-guangdong") in got


def test_every_case_and_programme_is_classified(real_graph):
    rows = real_graph.query(
        "SELECT DISTINCT ?x WHERE { ?c gba:inBatch kg:batch-2 . { BIND(?c AS ?x) } UNION { ?c gba:describes ?x . "
        "?x a ?t VALUES ?t { gba:Programme gba:Practice } } "
        "FILTER NOT EXISTS { ?x gba:domain ?d . ?x gba:flow ?f } }"
    ).rows
    assert rows == []


def test_every_observation_of_batch_2_is_in_a_tested_case(real_graph):
    rows = real_graph.query("SELECT ?o WHERE { ?o a gba:Observation ; dcterms:source kg:src-002 }").rows
    numbers = {int(str(r[0]).removeprefix(KG).split("-")[2]) for r in rows}
    assert numbers == set(OBSERVATIONS) == set(range(1, 17))


def test_wanshitong_channels_and_foundation(real_graph):
    rows = real_graph.query("SELECT ?c WHERE { kg:prog-wanshitong dcterms:relation ?c }").rows
    channels = {str(r[0]).removeprefix(KG) for r in rows}
    assert channels == {"prog-weixin", "prog-wechat", "prog-alipay", "prog-alipayhk", "prog-mpay"}
    assert _zh_labels(real_graph, "kg:prog-wanshitong dcterms:requires ?node .") == {"数字政府改革建设"}
    assert "数字政府改革建设" in _zh_labels(real_graph, f"{_case(5)} gba:describes ?node .")


def test_zhuhai_provisions_build_on_existing_rules(real_graph):
    related = _zh_labels(
        real_graph, "kg:inst-macao-medical-personnel-hengqin-practice-provisions dcterms:relation ?node ."
    )
    assert related == {"医疗人员专业资格及执业注册制度", "港澳医疗专业技术人员在内地短期执业"}
    assert "港澳医疗专业技术人员在内地短期执业" in _zh_labels(real_graph, f"{_case(12)} gba:describes ?node .")


def test_gongbei_customs_and_macao_customs_are_counterparts(real_graph):
    assert _zh_labels(real_graph, "kg:agency-gongbei-customs gba:counterpart ?node .") == {"澳门海关"}
    assert _zh_labels(real_graph, "kg:agency-macao-customs gba:counterpart ?node .") == {"拱北海关"}
