"""Batch 3 (source 003, kg:src-003) against the source text: every case, its
reporting agency, the instruments it names and the exact set of figures
(value, unit, as-of date or time phrase) that the text states, plus the dates,
issuers, signatories and Hong Kong and Macao bodies the text gives."""

from __future__ import annotations

from decimal import Decimal

import pytest

KG = "https://w3id.org/gba-kg/id/"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
XSD_GYM = "http://www.w3.org/2001/XMLSchema#gYearMonth"
XSD_GY = "http://www.w3.org/2001/XMLSchema#gYear"

# 案例名称 of every case, as printed in 003 (the layout space in "2024 粤港澳" dropped).
TITLES = {
    1: "非中国籍港澳永久性居民可申办《港澳居民来往内地通行证》",
    2: "大湾区商事调解规则机制实现“三统一、一保障”",
    3: "粤港产品碳标签实现互认",
    4: "跨境交通卡实现湾区公共交通一卡通行",
    5: "2024粤港澳公路自行车赛实现“一赛三地、一策三地、一规三地”",
    6: "粤港澳共建中药标准共促产业发展",
    7: "破解港澳居民在大湾区内地城市购房结算支付难题",
    8: "货物跨境实现“一锁三地通”",
    9: "广州市构建境外人才“考、评、认”全链条政策体系",
    10: "深圳推进深港非公约船舶安全检查规则协同结果互认",
    11: "惠州创新推动与香港实现组装合成建筑产品标准互认",
    12: "横琴“分线管理”政策落地实施",
    13: "“澳门新街坊”实现公共服务趋同澳门",
    14: "前海创新拓宽港澳专业人士参与区域治理渠道",
    15: "南沙携手港澳共建中国企业“走出去”综合服务基地",
    16: "河套加快建立衔接香港科研管理机制",
}

# 报送单位 of every case, resolved to the full names of the shared agency nodes.
REPORTERS = {
    1: {"广东省公安厅"},
    2: {"广东省司法厅"},
    3: {"广东省生态环境厅"},
    4: {"广东省交通运输厅"},
    5: {"广东省体育局"},
    6: {"广东省药品监督管理局"},
    7: {"中国人民银行广东省分行"},
    8: {"海关总署广东分署"},
    9: {"广州市人民政府"},
    10: {"深圳市人民政府"},
    11: {"惠州市人民政府"},
    12: {"横琴粤澳深度合作区执行委员会"},
    13: {"横琴粤澳深度合作区执行委员会"},
    14: {"前海深港现代服务业合作区管理局"},
    15: {"广州市南沙区人民政府"},
    16: {"河套深港科技创新合作区深圳园区发展署"},
}

# Every policy instrument each case names: titles in 《》, and rules, standards,
# agreements and lists named without them.
INSTRUMENTS = {
    1: {"港澳居民来往内地通行证"},
    2: {
        "粤港澳大湾区跨境争议调解示范规则",
        "粤港澳大湾区调解员资格资历评审标准",
        "粤港澳大湾区调解员专业操守最佳准则",
        "粤港澳大湾区调解平台建设工作方案",
        "关于加强法律服务工作促进粤港澳大湾区建设的决定",
        "广东省粤港澳大湾区商事调解条例",
        "横琴粤澳深度合作区商事调解条例",
        "粤港澳大湾区调解员名册",
    },
    3: {"关于共同合作开展粤港碳标签互认合作的谅解备忘录"},
    4: set(),
    5: set(),
    6: {
        "首批粤港澳大湾区中药标准",
        "陈皮（广陈皮）湾区中药标准",
        "化橘红湾区中药标准",
        "化橘红胎（化橘红珠）湾区中药标准",
        "板蓝根颗粒湾区中药标准",
        "夏桑菊颗粒湾区中药标准",
        "麝香活络油湾区中药标准",
        "张权破痛油湾区中药标准",
        "安全性质量控制项目检定通则",
    },
    7: {"港澳居民购买粤港澳大湾区内地城市房产结算支付便利化业务指引"},
    8: set(),
    9: {
        "广州市对境外人员开放专业技术人员职业资格考试目录（1.0版）",
        "广州市南沙区建筑和交通工程专业港澳人才职称评价管理办法（试行）",
        "广州市境外职业资格便利执业认可清单",
        "广州市南沙区境外职业资格认可清单",
    },
    10: {"深港非公约船舶安全检查规则"},
    11: {"MiC产品标准"},
    12: set(),
    13: set(),
    14: set(),
    15: {"与香港贸易发展局签订的合作共建协议", "“走出去”综合服务基地服务清单"},
    16: set(),
}

NONE = "原文未注明时间"
SPLIT = "分线管理政策实施以来"

# Every figure of a case: (value, unit, as-of date or time phrase), read from the text.
OBSERVATIONS = {
    1: {  # 自2024年7月10日起 5年内多次往返、每次停留90天；目前7万余人
        (Decimal("5"), "unit-year", "2024-07-10"),
        (Decimal("90"), "unit-day", "2024-07-10"),
        (Decimal("70000"), "unit-person", "目前"),
    },
    2: {  # 截至2024年11月 146名（港澳籍97名）；90家；超2500人；超700人
        (Decimal("146"), "unit-person", "2024-11"),
        (Decimal("97"), "unit-person", "2024-11"),
        (Decimal("90"), "unit-enterprise", "2024-11"),
        (Decimal("2500"), "unit-person", "2024-11"),
        (Decimal("700"), "unit-person", "2024-11"),
    },
    3: {  # 截至2024年12月 98家企业 112张证书；5家企业 5款产品
        (Decimal("98"), "unit-enterprise", "2024-12"),
        (Decimal("112"), "unit-document", "2024-12"),
        (Decimal("5"), "unit-enterprise", "2024-12"),
        (Decimal("5"), "unit-product", "2024-12"),
    },
    4: {  # 超300个城市；截至2024年12月 两种卡的发行、交易笔数、金额、全国一卡通版本
        (Decimal("300"), "unit-city", NONE),
        (Decimal("62500"), "unit-card", "2024-12"),
        (Decimal("13470000"), "unit-transaction", "2024-12"),
        (Decimal("23970000"), "unit-yuan", "2024-12"),
        (Decimal("8568"), "unit-card", "2024-12"),
        (Decimal("4400"), "unit-card", "2024-12"),
        (Decimal("220000"), "unit-transaction", "2024-12"),
        (Decimal("420000"), "unit-yuan", "2024-12"),
        (Decimal("1000"), "unit-card", "2024-12"),
    },
    5: {  # 2024年11月24日 230公里、23支车队、67名选手
        (Decimal("230"), "unit-kilometre", "2024-11-24"),
        (Decimal("23"), "unit-count", "2024-11-24"),
        (Decimal("67"), "unit-person", "2024-11-24"),
    },
    6: {  # 2024年10月29日 7个品种标准及1项通则
        (Decimal("7"), "unit-item", "2024-10-29"),
        (Decimal("1"), "unit-item", "2024-10-29"),
    },
    7: {  # 截至2024年11月底 2094笔 23.31亿元
        (Decimal("2094"), "unit-transaction", "2024-11"),
        (Decimal("2331000000"), "unit-yuan", "2024-11"),
    },
    8: {  # 约28%、约30%（据测算）；24小时；目前 74、13、4个清关点
        (Decimal("28"), "unit-percent", NONE),
        (Decimal("30"), "unit-percent", NONE),
        (Decimal("24"), "unit-hour", NONE),
        (Decimal("74"), "unit-count", "目前"),
        (Decimal("13"), "unit-count", "目前"),
        (Decimal("4"), "unit-count", "目前"),
    },
    9: {  # 41项；10个领域57项；146项；截至2024年11月 430、180、49、27、8；目前近900名
        (Decimal("41"), "unit-item", NONE),
        (Decimal("10"), "unit-field", NONE),
        (Decimal("57"), "unit-item", NONE),
        (Decimal("146"), "unit-item", NONE),
        (Decimal("430"), "unit-person", "2024-11"),
        (Decimal("180"), "unit-person", "2024-11"),
        (Decimal("49"), "unit-person", "2024-11"),
        (Decimal("27"), "unit-person", "2024-11"),
        (Decimal("8"), "unit-person", "2024-11"),
        (Decimal("900"), "unit-person", "目前"),
    },
    10: {  # 2023年以来 39.2%；万分之零点二九；下降24%
        (Decimal("39.2"), "unit-percent", "2023年以来"),
        (Decimal("0.0029"), "unit-percent", "2023年以来"),
        (Decimal("24"), "unit-percent", "2023年以来"),
    },
    11: {  # 联盟成立以前300万港元；截至2024年11月累计35亿港元
        (Decimal("3000000"), "unit-hkd", "供港联盟成立以前"),
        (Decimal("3500000000"), "unit-hkd", "2024-11"),
    },
    12: {  # 政策参数（2024年3月1日起）6大类、15天、12000元；实施以来的各项成效
        (Decimal("6"), "unit-kind", "2024-03-01"),
        (Decimal("15"), "unit-day", "2024-03-01"),
        (Decimal("12000"), "unit-yuan", "2024-03-01"),
        (Decimal("100"), "unit-enterprise", SPLIT),
        (Decimal("60000"), "unit-tonne", SPLIT),
        (Decimal("39600000"), "unit-usd", SPLIT),
        (Decimal("137000"), "unit-usd", SPLIT),
        (Decimal("130000"), "unit-yuan", SPLIT),
        (Decimal("6700"), "unit-vehicle-trip", SPLIT),
        (Decimal("62000"), "unit-person-time", SPLIT),
        (Decimal("27.2"), "unit-percent", SPLIT),
        (Decimal("32.6"), "unit-percent", SPLIT),
        (Decimal("3423"), "unit-person", SPLIT),
        (Decimal("6380"), "unit-batch", SPLIT),
        (Decimal("52000"), "unit-vehicle-trip", SPLIT),
    },
    13: {  # 12个部门近70项服务；27套频道；2024年9月 256名；2024年11月 296种；超820宗
        (Decimal("12"), "unit-enterprise", NONE),
        (Decimal("70"), "unit-item", NONE),
        (Decimal("27"), "unit-count", NONE),
        (Decimal("256"), "unit-person", "2024-09"),
        (Decimal("296"), "unit-kind", "2024-11"),
        (Decimal("820"), "unit-case", "2024年10月启用"),
    },
    14: {  # 25类；先后81名、48名；569名；15名理事9名；截至2024年11月 1094件、2786件
        (Decimal("25"), "unit-kind", NONE),
        (Decimal("81"), "unit-person", "先后"),
        (Decimal("48"), "unit-person", "先后"),
        (Decimal("569"), "unit-person", NONE),
        (Decimal("15"), "unit-person", NONE),
        (Decimal("9"), "unit-person", NONE),
        (Decimal("1094"), "unit-case", "2024-11"),
        (Decimal("2786"), "unit-case", "2024-11"),
    },
    15: {  # 154家单位；10类104项；40场；截至2024年11月 6家、10家、2家
        (Decimal("154"), "unit-enterprise", NONE),
        (Decimal("10"), "unit-kind", NONE),
        (Decimal("104"), "unit-item", NONE),
        (Decimal("40"), "unit-event", NONE),
        (Decimal("6"), "unit-enterprise", "2024-11"),
        (Decimal("10"), "unit-enterprise", "2024-11"),
        (Decimal("2"), "unit-enterprise", "2024-11"),
    },
    16: {  # 截至2024年11月 12项榜单、3个揭榜项目、4个试点项目
        (Decimal("12"), "unit-item", "2024-11"),
        (Decimal("3"), "unit-project", "2024-11"),
        (Decimal("4"), "unit-project", "2024-11"),
    },
}

QUALIFIERS = {
    "obs-b3-01-appointments": "qualifier-more-than",  # 7万余人
    "obs-b3-02-commercial-mediators": "qualifier-more-than",  # 超2500人
    "obs-b3-04-octopus-cards-issued": "qualifier-more-than",  # 超6.25万张
    "obs-b3-04-interoperable-cities": "qualifier-more-than",  # 超300个城市
    "obs-b3-08-logistics-cost-saving": "qualifier-about",  # 约28%
    "obs-b3-09-talent-practising": "qualifier-nearly",  # 近900名
    "obs-b3-12-duty-free-allowance": "qualifier-at-most",  # 不超过12000元
    "obs-b3-12-port-cargo-tonnage": "qualifier-about",  # 约6万吨
    "obs-b3-12-port-cargo-value": "qualifier-more-than",  # 超3960万美元
    "obs-b3-12-first-duty-free-import-tax-exempted": "qualifier-nearly",  # 近13万元
    "obs-b3-13-self-service-services": "qualifier-nearly",  # 近70项
    "obs-b3-13-self-service-cases": "qualifier-more-than",  # 超820宗
    "obs-b3-07-payment-amount": "qualifier-exact",  # 23.31亿元
    "obs-b3-01-multiple-entry-period": "qualifier-at-most",  # 5年内
    "obs-b3-12-first-exit-window": "qualifier-at-most",  # 15天内
}


def _case(n: int) -> str:
    return f"<{KG}case-b3-{n:02d}>"


def _zh_labels(graph, sparql_nodes: str) -> set[str]:
    rows = graph.query(
        "SELECT DISTINCT ?label WHERE { " + sparql_nodes + " ?node rdfs:label ?label "
        'FILTER(langMatches(lang(?label), "zh-Hans")) }'
    ).rows
    return {str(row[0]) for row in rows}


def _local(term) -> str:
    return str(term).removeprefix(KG)


def test_batch_3_has_exactly_sixteen_cases(real_graph):
    rows = real_graph.query("SELECT ?c ?n WHERE { ?c gba:inBatch kg:batch-3 ; gba:caseNumber ?n }").rows
    assert {int(row[1].toPython()) for row in rows} == set(range(1, 17))
    assert {str(row[0]) for row in rows} == {f"{KG}case-b3-{n:02d}" for n in range(1, 17)}


@pytest.mark.parametrize("n", sorted(TITLES))
def test_case_title_is_exactly_as_printed(real_graph, n):
    assert _zh_labels(real_graph, f"VALUES ?node {{ {_case(n)} }}") == {TITLES[n]}


@pytest.mark.parametrize("n", sorted(TITLES))
def test_case_has_english_title_and_cites_source_003(real_graph, n):
    rows = real_graph.query(
        f"SELECT ?l WHERE {{ {_case(n)} rdfs:label ?l ; dcterms:source kg:src-003 "
        'FILTER(langMatches(lang(?l), "en")) }'
    ).rows
    assert len(rows) == 1


@pytest.mark.parametrize("n", sorted(REPORTERS))
def test_reporting_agencies(real_graph, n):
    assert _zh_labels(real_graph, f"{_case(n)} gba:reportedBy ?node .") == REPORTERS[n]


def test_reporting_agencies_are_the_shared_nodes(real_graph):
    rows = real_graph.query(
        "SELECT DISTINCT ?a ?g WHERE { ?c gba:inBatch kg:batch-3 ; gba:reportedBy ?a . "
        "GRAPH ?g { ?a a gba:GovernmentAgency } }"
    ).bindings()
    assert {str(r["g"]).rsplit("/", 1)[1] for r in rows} == {"agencies"}


@pytest.mark.parametrize("n", sorted(INSTRUMENTS))
def test_instruments_named_by_the_case(real_graph, n):
    nodes = (
        f"{_case(n)} gba:describes ?node . ?node a ?type . "
        "VALUES ?type { gba:PolicyInstrument gba:Law gba:Agreement gba:Plan gba:Guideline gba:Standard gba:PolicyList }"
    )
    assert _zh_labels(real_graph, nodes) == INSTRUMENTS[n]


def test_every_instrument_enables_something(real_graph):
    rows = real_graph.query(
        "SELECT ?i WHERE { ?c gba:inBatch kg:batch-3 ; gba:describes ?i . ?i a ?t . "
        "VALUES ?t { gba:PolicyInstrument gba:Law gba:Agreement gba:Plan gba:Guideline gba:Standard gba:PolicyList } "
        "FILTER NOT EXISTS { ?i gba:enables ?x } }"
    ).rows
    assert rows == []


def _observations(graph, n: int) -> set[tuple[Decimal, str, str]]:
    rows = graph.query(
        "SELECT ?o ?v ?u ?t WHERE { ?o a gba:Observation ; gba:value ?v ; gba:unit ?u ; dcterms:source kg:src-003 . "
        "{ ?o gba:asOf ?t } UNION { ?o gba:period ?t } UNION { ?o gba:asOfPhrase|gba:timeNote ?t } "
        f'FILTER(STRSTARTS(STR(?o), "{KG}obs-b3-{n:02d}-")) }}'
    ).bindings()
    return {(Decimal(str(r["v"])), _local(r["u"]), str(r["t"])) for r in rows}


@pytest.mark.parametrize("n", sorted(OBSERVATIONS))
def test_observations_of_the_case(real_graph, n):
    assert _observations(real_graph, n) == OBSERVATIONS[n]


def test_observation_counts_match_the_figures(real_graph):
    rows = real_graph.query("SELECT ?o WHERE { ?o a gba:Observation ; dcterms:source kg:src-003 }").rows
    # one node per figure: the text of the sixteen cases gives 88 figures
    assert len(rows) == 88


def test_qualifiers_follow_the_source_wording(real_graph):
    rows = real_graph.query(
        "SELECT ?o ?q WHERE { ?o a gba:Observation ; gba:qualifier ?q ; dcterms:source kg:src-003 }"
    ).bindings()
    got = {_local(r["o"]): _local(r["q"]) for r in rows}
    for obs, qualifier in QUALIFIERS.items():
        assert got[obs] == qualifier, obs


def test_before_and_after_pair_shares_one_measure(real_graph):
    rows = real_graph.query(
        "SELECT ?o ?m WHERE { ?o a gba:Observation ; gba:measure ?m ; dcterms:source kg:src-003 }"
    ).bindings()
    measure = {_local(r["o"]): _local(r["m"]) for r in rows}
    assert measure["obs-b3-11-orders-before-alliance"] == measure["obs-b3-11-orders-after-alliance"]
    assert measure["obs-b3-04-octopus-cards-issued"] == measure["obs-b3-04-macau-pass-cards-issued"]


def test_programme_and_organisation_dates(real_graph):
    rows = real_graph.query(
        "SELECT ?p ?prop ?d WHERE { VALUES ?prop { gba:launchDate gba:trialDate gba:eventDate gba:openingDate } "
        "GRAPH <https://w3id.org/gba-kg/graph/triples/batch-3> { ?p ?prop ?d } }"
    ).bindings()
    got = {(_local(r["p"]), str(r["prop"]).rsplit("#", 1)[1], str(r["d"])) for r in rows}
    assert got == {
        ("prog-mainland-travel-permit-for-non-chinese-residents", "launchDate", "2024-07-10"),
        ("prog-gd-hk-carbon-label-demonstration", "eventDate", "2024-09"),
        ("prog-2024-gba-road-cycling-race", "eventDate", "2024-11-24"),
        ("prog-three-place-one-lock-plan", "launchDate", "2024-03"),
        ("org-mic-alliance-for-hong-kong", "openingDate", "2023-08"),
        ("prog-hengqin-separate-line-management", "launchDate", "2024-03-01"),
        ("org-hou-kong-middle-school-hengqin", "openingDate", "2024-09"),
        ("org-macao-new-neighbourhood-health-station", "openingDate", "2024-11"),
        ("prog-macao-government-self-service-centre", "openingDate", "2024-10"),
        ("prog-qianhai-recruitment-of-senior-experts", "launchDate", "2024-03"),
        ("prog-qianhai-recruitment-of-senior-experts", "eventDate", "2024-12"),
    }


def test_one_lock_and_its_three_place_upgrade_are_two_programmes(real_graph):
    rows = real_graph.query(
        "SELECT ?d WHERE { kg:prog-three-place-one-lock-plan dcterms:isPartOf kg:prog-cross-border-one-lock ; "
        "gba:launchDate ?d . FILTER NOT EXISTS { kg:prog-cross-border-one-lock gba:launchDate ?x } }"
    ).rows
    assert [str(r[0]) for r in rows] == ["2024-03"]


def test_instrument_dates_issuers_and_signatories(real_graph):
    rows = real_graph.query(
        "SELECT ?i ?prop ?d WHERE { VALUES ?prop { gba:issuedDate gba:signedDate gba:effectiveDate } "
        "?i ?prop ?d . ?c gba:inBatch kg:batch-3 ; gba:describes ?i . ?i a ?t . "
        "VALUES ?t { gba:Law gba:Agreement gba:Plan gba:Guideline gba:Standard gba:PolicyList gba:PolicyInstrument } }"
    ).bindings()
    got = {(_local(r["i"]), str(r["prop"]).rsplit("#", 1)[1], str(r["d"])) for r in rows}
    tcm = [
        "inst-gba-tcm-standards-first-batch",
        "inst-gba-tcm-standard-chenpi",
        "inst-gba-tcm-standard-huajuhong",
        "inst-gba-tcm-standard-huajuhong-tai",
        "inst-gba-tcm-standard-banlangen-granules",
        "inst-gba-tcm-standard-xiasangju-granules",
        "inst-gba-tcm-standard-shexiang-huoluo-oil",
        "inst-gba-tcm-standard-zhangquan-potong-oil",
        "inst-gba-tcm-safety-quality-control-general-rules",
    ]
    assert got == {(i, "issuedDate", "2024-10-29") for i in tcm} | {
        ("inst-hk-macao-residents-gba-home-purchase-payment-guideline", "issuedDate", "2024-01"),
    }
    assert _zh_labels(
        real_graph, "kg:inst-hk-macao-residents-gba-home-purchase-payment-guideline gba:issuedBy ?node ."
    ) == {"中国人民银行广东省分行", "国家外汇管理局广东省分局"}
    assert _zh_labels(real_graph, "kg:inst-gd-decision-on-legal-services-for-gba gba:issuedBy ?node .") == {
        "广东省人民代表大会常务委员会"
    }
    assert _zh_labels(real_graph, "kg:inst-mainland-travel-permit-hk-macao-residents gba:issuedBy ?node .") == {
        "中华人民共和国出入境管理局"
    }
    assert _zh_labels(real_graph, "kg:inst-gd-hk-carbon-label-mou gba:signatory ?node .") == {
        "广东碳标签专业委员会",
        "香港中华厂商联合会",
    }
    assert _zh_labels(real_graph, "kg:inst-nansha-hktdc-cooperation-agreement gba:signatory ?node .") == {
        "香港贸易发展局"
    }


def test_hong_kong_and_macao_bodies_have_roles(real_graph):
    rows = real_graph.query(
        "SELECT ?a ?r WHERE { ?c gba:inBatch kg:batch-3 ; gba:describes ?p . "
        "?p prov:qualifiedAssociation [ prov:agent ?a ; prov:hadRole ?r ] }"
    ).bindings()
    got = {(_local(r["a"]), _local(r["r"])) for r in rows}
    assert {
        ("org-china-travel-service-hong-kong", "role-service-provider"),
        ("org-china-travel-service-macao", "role-service-provider"),
        ("org-chinese-manufacturers-association-of-hong-kong", "role-co-signatory"),
        ("agency-hk-chinese-medicines-testing-centre", "role-partner"),
        ("org-um-macao-tcm-testing-centre", "role-partner"),
        ("agency-hk-customs", "role-implementer"),
        ("agency-macao-customs", "role-implementer"),
        ("org-hk-construction-association", "role-partner"),
        ("org-hk-institute-of-construction", "role-partner"),
        ("agency-macao-health-bureau", "role-service-provider"),
        ("agency-macao-public-administration-bureau", "role-service-provider"),
        ("agency-macao-legal-affairs-bureau", "role-service-provider"),
        ("org-tdm", "role-service-provider"),
        ("org-hktdc", "role-co-signatory"),
        ("org-macao-business-associations-federation", "role-partner"),
    } <= got


def test_one_node_for_each_body_with_several_names(real_graph):
    for labels, iri in [
        (("广东碳标签专业委员会", "广东碳标签专委会"), "org-guangdong-carbon-label-committee"),
        (("组装合成建筑供港联盟", "供港联盟"), "org-mic-alliance-for-hong-kong"),
        (("横琴粤澳深度合作区", "横琴合作区"), "place-hengqin"),
    ]:
        for label in labels:
            rows = real_graph.query(
                f'SELECT DISTINCT ?n WHERE {{ ?n rdfs:label|skos:altLabel "{label}"@zh-Hans }}'
            ).rows
            assert {_local(r[0]) for r in rows} == {iri}, label


def test_time_notes_are_the_curators_fixed_note(real_graph):
    # gba:timeNote only says that the source states no time; any source phrase goes in gba:asOfPhrase
    rows = real_graph.query(
        "SELECT DISTINCT ?t WHERE { ?o a gba:Observation ; gba:timeNote ?t ; dcterms:source kg:src-003 }"
    ).rows
    assert {str(r[0]) for r in rows} == {NONE}


def test_counterparts_and_organisation_places(real_graph):
    rows = real_graph.query(
        "SELECT ?a ?b WHERE { GRAPH <https://w3id.org/gba-kg/graph/triples/batch-3> { ?a gba:counterpart ?b } }"
    ).bindings()
    got = {(_local(r["a"]), _local(r["b"])) for r in rows}
    assert got == {
        ("org-guangdong-carbon-label-committee", "org-chinese-manufacturers-association-of-hong-kong"),
        ("org-chinese-manufacturers-association-of-hong-kong", "org-guangdong-carbon-label-committee"),
        ("org-gd-institute-for-drug-control", "agency-hk-chinese-medicines-testing-centre"),
        ("org-gd-institute-for-drug-control", "org-um-macao-tcm-testing-centre"),
        ("agency-hk-chinese-medicines-testing-centre", "org-gd-institute-for-drug-control"),
        ("org-um-macao-tcm-testing-centre", "org-gd-institute-for-drug-control"),
        ("org-mic-alliance-for-hong-kong", "org-hk-construction-association"),
        ("org-hk-construction-association", "org-mic-alliance-for-hong-kong"),
    }
    rows = real_graph.query("SELECT ?p WHERE { kg:org-mic-alliance-for-hong-kong gba:jurisdiction ?p }").rows
    assert {_local(r[0]) for r in rows} == {"place-huizhou"}
    rows = real_graph.query(
        "SELECT ?k WHERE { kg:org-nansha-going-global-tax-service-sub-centre gba:organisationKind ?k }"
    ).rows
    assert {_local(r[0]) for r in rows} == {"orgkind-service-centre"}


def test_people_named_with_their_posts(real_graph):
    rows = real_graph.query(
        "SELECT ?p ?t WHERE { VALUES ?p { kg:person-qu-hongbin kg:person-huang-ziqian } ?p schema:jobTitle ?t "
        'FILTER(langMatches(lang(?t), "zh-Hans")) }'
    ).bindings()
    got = {(_local(r["p"]), str(r["t"])) for r in rows}
    assert got == {
        ("person-qu-hongbin", "首席经贸专家"),
        ("person-qu-hongbin", "汇丰银行大中华区前首席经济学家"),
        ("person-huang-ziqian", "首席港澳联络专家"),
        ("person-huang-ziqian", "全国港澳研究会理事"),
        ("person-huang-ziqian", "香港太平绅士"),
    }


def test_new_places_lie_within_the_gazetteer(real_graph):
    rows = real_graph.query(
        "SELECT ?p ?w WHERE { VALUES ?p { kg:place-hengqin-port kg:place-macao-new-neighbourhood kg:place-hzmb } "
        "?p gba:within+ ?w }"
    ).bindings()
    got = {(_local(r["p"]), _local(r["w"])) for r in rows}
    assert ("place-hengqin-port", "place-zhuhai") in got
    assert ("place-macao-new-neighbourhood", "place-hengqin") in got
    assert ("place-macao-new-neighbourhood", "place-zhuhai") in got
    assert ("place-hzmb", "place-gba") in got


def test_case_places(real_graph):
    expected = {
        5: {"place-hzmb", "place-guangdong", "place-hong-kong", "place-macao"},
        12: {"place-hengqin", "place-hengqin-port", "place-macao"},
        13: {"place-macao-new-neighbourhood", "place-hengqin", "place-macao"},
        16: {"place-hetao-shenzhen-park", "place-hong-kong"},
    }
    for n, places in expected.items():
        rows = real_graph.query(f"SELECT ?p WHERE {{ {_case(n)} dcterms:spatial ?p }}").rows
        assert {_local(r[0]) for r in rows} == places, n


def test_every_case_and_programme_is_classified(real_graph):
    rows = real_graph.query(
        "SELECT DISTINCT ?x WHERE { ?c gba:inBatch kg:batch-3 . { BIND(?c AS ?x) } UNION { ?c gba:describes ?x . "
        "?x a ?t VALUES ?t { gba:Programme gba:Practice } } "
        "FILTER NOT EXISTS { ?x gba:domain ?d . ?x gba:flow ?f } }"
    ).rows
    assert rows == []


def test_reserved_programme_labels_are_used_verbatim(real_graph):
    rows = real_graph.query(
        "SELECT ?l WHERE { kg:prog-bay-area-standards rdfs:label ?l ; dcterms:source kg:src-003 }"
    ).rows
    assert {str(r[0]) for r in rows} == {"湾区标准", "Bay Area Standards"}


def test_entities_of_this_file_cite_source_003(real_graph):
    rows = real_graph.query(
        "SELECT DISTINCT ?s WHERE { GRAPH <https://w3id.org/gba-kg/graph/triples/batch-3> { ?s a ?t } "
        "VALUES ?t { gba:TypicalCase gba:Programme gba:Practice gba:PolicyInstrument gba:Law gba:Agreement gba:Plan "
        "gba:Guideline gba:Standard gba:PolicyList gba:GovernmentAgency gba:Organisation gba:Person gba:Place "
        "gba:Port gba:Site gba:Observation } "
        "FILTER NOT EXISTS { ?s dcterms:source kg:src-003 } }"
    ).rows
    assert rows == []
