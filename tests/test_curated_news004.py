"""Curated content of source 004 (香港文匯報, 記者 方俊明, traditional script, no date
printed): exact sets read from the text.

Each test reads what triples/news-004.ttl says (its named graph) and compares sets
against the source text: programmes and the agencies and organisations that run
them, the places they cover, instruments, people, and every figure as an
observation with value, unit, qualifier and the source's own time phrase.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

NEWS004 = "<https://w3id.org/gba-kg/graph/triples/news-004>"
KG = "https://w3id.org/gba-kg/id/"

NINE_CITIES = {"广州市", "深圳市", "珠海市", "佛山市", "惠州市", "东莞市", "中山市", "江门市", "肇庆市"}


def in_news004(pattern: str) -> str:
    return f"GRAPH {NEWS004} {{ {pattern} }}"


def labels(real_graph, where: str, lang: str = "zh-Hans") -> set[str]:
    rows = real_graph.query(
        "SELECT DISTINCT ?label WHERE { " + where + " ?node rdfs:label ?label "
        f'FILTER(langMatches(lang(?label), "{lang}")) }}'
    ).rows
    return {str(r[0]) for r in rows}


def short(node) -> str:
    return str(node).removeprefix(KG)


# ---------------------------------------------------------------- programmes


PROGRAMMES = {
    # reserved programmes: IRI -> (zh-Hans, zh-Hant, en-t-zh)
    "prog-hk-macao-drugs-devices-connect": (
        "港澳药械通",
        "港澳藥械通",
        "Hong Kong and Macao Drugs and Medical Devices Connect",
    ),
    "prog-bay-area-social-security-connect": ("湾区社保通", "灣區社保通", "Bay Area Social Security Connect"),
    "prog-cross-border-government-services": (
        "政务服务跨境通办",
        "政務服務跨境通辦",
        "cross-border handling of government services",
    ),
    "prog-elderly-health-care-voucher-gba-pilot": (
        "长者医疗券大湾区试点计划",
        "長者醫療券大灣區試點計劃",
        "Elderly Health Care Voucher Greater Bay Area Pilot Scheme",
    ),
    "prog-cross-boundary-wealth-management-connect": (
        "跨境理财通",
        "跨境理財通",
        "Cross-boundary Wealth Management Connect",
    ),
    "prog-hk-macao-lawyers-practice-pilot": (
        "港澳律师在大湾区内地执业试点",
        "港澳律師在大灣區內地執業試點",
        "pilot for Hong Kong and Macao lawyers practising in the mainland GBA",
    ),
}


@pytest.mark.parametrize("iri", sorted(PROGRAMMES))
def test_reserved_programme_labels(real_graph, iri):
    hans, hant, en = PROGRAMMES[iri]
    node = f"<{KG}{iri}>"
    assert labels(real_graph, f"VALUES ?node {{ {node} }}", "zh-Hans") == {hans}
    assert hant in labels(real_graph, f"VALUES ?node {{ {node} }}", "zh-Hant")
    assert en in labels(real_graph, f"VALUES ?node {{ {node} }}", "en")
    assert real_graph.query(f"ASK {{ {node} a gba:Programme ; dcterms:source kg:src-004 }}").boolean


def test_every_programme_and_practice_the_source_names(real_graph):
    where = (
        in_news004("?node dcterms:source kg:src-004 .") + " { ?node a gba:Programme } UNION { ?node a gba:Practice }"
    )
    assert labels(real_graph, where, "zh-Hant") >= {
        "港澳藥械通",
        "灣區社保通",
        "政務服務跨境通辦",
        "長者醫療券大灣區試點計劃",
        "跨境理財通",
        "港澳律師在大灣區內地執業試點",
        "「先拿藥等病人」的創新機制",
        "港澳患者轉診綠色通道",
        "社保「離岸辦」",
        "深港e站通",
        "一表申報",
        "港幣跨境繳費",
        "「廣東社保」服務平台",
        "「灣區社保通」特色服務專區",
        "香港「跨境通辦」自助服務機",
        "橫琴與澳門CPD學分互認",
        "內地與港澳專業資格互認",
        "澳門醫療人員在橫琴粵澳深度合作區執業",
        "港澳醫師多點執業",
        "港澳醫師在粵短期行醫",
        "粵港澳合夥聯營律師事務所",
        "香港律師事務所在粵代表處",
        "港澳導遊在橫琴粵澳深度合作區認定執業",
        "港澳專業人才在大灣區內地城市執業",
        "港澳醫生跨境執業",
    }


def test_every_programme_has_an_agency_or_a_place(real_graph):
    rows = real_graph.query(
        "SELECT DISTINCT ?node WHERE { "
        + in_news004("?node dcterms:source kg:src-004 .")
        + " { ?node a gba:Programme } UNION { ?node a gba:Practice } "
        "FILTER NOT EXISTS { ?node gba:involves ?a } FILTER NOT EXISTS { ?node dcterms:spatial ?p } }"
    ).rows
    assert rows == []


def involved(real_graph, iri: str) -> set[tuple[str, str]]:
    rows = real_graph.query(
        "SELECT ?label ?role WHERE { "
        + in_news004(f"kg:{iri} prov:qualifiedAssociation ?q . ?q prov:agent ?agent ; prov:hadRole ?role .")
        + ' ?agent rdfs:label ?label FILTER(langMatches(lang(?label), "zh-Hans")) }'
    ).rows
    return {(str(label), short(role)) for label, role in rows}


def test_drugs_devices_connect_agency_and_hospitals(real_graph):
    assert involved(real_graph, "prog-hk-macao-drugs-devices-connect") == {
        ("广东省药品监督管理局", "role-lead"),
        ("惠州市第三人民医院", "role-service-provider"),
        ("中山大学孙逸仙纪念医院", "role-service-provider"),
        ("珠海市人民医院", "role-service-provider"),
        ("佛山复星禅诚医院", "role-service-provider"),
        ("广东省人民医院", "role-service-provider"),
    }


def test_elderly_voucher_and_government_services_run_by_hksar_government(real_graph):
    assert involved(real_graph, "prog-elderly-health-care-voucher-gba-pilot") == {
        ("香港特别行政区政府", "role-operator")
    }
    assert involved(real_graph, "prog-cross-border-government-services") == {("香港特别行政区政府", "role-implementer")}
    assert involved(real_graph, "prog-hk-cross-boundary-services-kiosks") == {("香港特别行政区政府", "role-operator")}


def spatial(real_graph, iri: str) -> set[str]:
    return labels(real_graph, in_news004(f"kg:{iri} dcterms:spatial ?node ."))


@pytest.mark.parametrize(
    "iri",
    [
        "prog-hk-macao-drugs-devices-connect",
        "prog-elderly-health-care-voucher-gba-pilot",
        "prog-hk-macao-lawyers-practice-pilot",
    ],
)
def test_programmes_covering_the_nine_mainland_cities(real_graph, iri):
    assert spatial(real_graph, iri) == NINE_CITIES


def test_places_of_other_programmes(real_graph):
    assert spatial(real_graph, "prog-cross-boundary-wealth-management-connect") == NINE_CITIES | {"粤港澳大湾区"}
    assert spatial(real_graph, "prog-bay-area-social-security-connect") == {"广东省"}
    assert spatial(real_graph, "prog-cross-border-government-services") == {"惠州市市民服务中心"}
    assert spatial(real_graph, "prog-hengqin-macao-cpd-credit-recognition") == {"横琴粤澳深度合作区", "澳门特别行政区"}
    assert spatial(real_graph, "practice-hk-macao-tour-guides-in-hengqin") == {"横琴粤澳深度合作区"}
    assert labels(real_graph, "kg:place-huizhou-citizen-service-centre gba:within ?node .") == {"惠州市"}


# ---------------------------------------------------------------- agencies, organisations, people, instruments


def test_agencies_named_by_source_004(real_graph):
    where = in_news004("?node dcterms:source kg:src-004 .") + " ?node a gba:GovernmentAgency ."
    assert labels(real_graph, where) == {"广东省药品监督管理局", "香港特别行政区政府"}
    assert "廣東省藥監局" in {
        str(r[0])
        for r in real_graph.query("SELECT ?l WHERE { kg:agency-gd-drug-administration skos:altLabel ?l }").rows
    }


def test_organisations_and_their_kinds(real_graph):
    rows = real_graph.query(
        "SELECT ?label ?kind WHERE { "
        + in_news004("?node dcterms:source kg:src-004 .")
        + " ?node a gba:Organisation ; rdfs:label ?label ; gba:organisationKind ?kind "
        'FILTER(langMatches(lang(?label), "zh-Hant")) }'
    ).rows
    assert {(str(label), short(kind)) for label, kind in rows} == {
        ("惠州市第三人民醫院", "orgkind-hospital"),
        ("中山大學孫逸仙紀念醫院", "orgkind-hospital"),
        ("珠海市人民醫院", "orgkind-hospital"),
        ("佛山復星禪誠醫院", "orgkind-hospital"),
        ("廣東省人民醫院", "orgkind-hospital"),
        ("廣州醫科大學附屬第一醫院橫琴醫院", "orgkind-hospital"),
        ("羅拔臣律師事務所", "orgkind-law-firm"),
        ("華南城市研究會", "orgkind-association"),
        ("粵港澳大灣區創新智庫", "orgkind-university"),
        ("廣東省體制改革研究會", "orgkind-association"),
    }


def test_people_with_titles_and_affiliations(real_graph):
    rows = real_graph.query(
        "SELECT ?name ?title WHERE { "
        + in_news004("?p a gba:Person ; schema:jobTitle ?title .")
        + ' ?p rdfs:label ?name FILTER(langMatches(lang(?name), "zh-Hant") && langMatches(lang(?title), "zh-Hant")) }'
    ).rows
    assert {(str(n), str(t)) for n, t in rows} == {
        ("張倩君", "坐診醫師"),
        ("林啟思", "管理合夥人"),
        ("姚育賓", "華南城市研究會常務副會長"),
        ("姚育賓", "粵港澳大灣區創新智庫常務副主席"),
        ("彭澎", "執行會長"),
        ("李女士", "市民"),
        ("肖女士", "患者"),
        ("張婆婆", "在珠海養老的港人"),
    }
    rows = real_graph.query(
        "SELECT ?name ?org WHERE { "
        + in_news004("?p a gba:Person ; schema:affiliation ?o .")
        + " ?p rdfs:label ?name . ?o rdfs:label ?org "
        'FILTER(langMatches(lang(?name), "zh-Hans") && langMatches(lang(?org), "zh-Hans")) }'
    ).rows
    assert {(str(n), str(o)) for n, o in rows} == {
        ("张倩君", "广州医科大学附属第一医院横琴医院"),
        ("林启思", "罗拔臣律师事务所"),
        ("姚育宾", "华南城市研究会"),
        ("姚育宾", "粤港澳大湾区创新智库"),
        ("彭澎", "广东省体制改革研究会"),
    }


def test_instruments(real_graph):
    rows = real_graph.query(
        "SELECT ?label ?enabled WHERE { "
        + in_news004("?i a gba:Law ; dcterms:source kg:src-004 ; gba:enables ?p .")
        + " ?i rdfs:label ?label . ?p rdfs:label ?enabled "
        'FILTER(langMatches(lang(?label), "zh-Hans") && langMatches(lang(?enabled), "zh-Hans")) }'
    ).rows
    got = {(str(i), str(p)) for i, p in rows}
    assert {i for i, _ in got} == {"澳门特别行政区医疗人员在横琴粤澳深度合作区执业管理规定", "深圳特区医疗条例"}
    assert ("深圳特区医疗条例", "港澳医师多点执业") in got
    where = in_news004("?node a ?c ; dcterms:source kg:src-004 .") + " ?c rdfs:subClassOf* gba:PolicyInstrument ."
    assert labels(real_graph, where, "zh-Hant") == {
        "澳門特別行政區醫療人員在橫琴粵澳深度合作區執業管理規定",
        "深圳特區醫療條例",
    }


# ---------------------------------------------------------------- observations

Q = "qualifier-"
OBSERVATIONS = {
    # (about one of, value, unit, qualifier, as-of phrase)
    ("prog-hk-macao-drugs-devices-connect", Decimal("125"), "unit-kind", Q + "exact", "截至今年9月初"),
    ("prog-hk-macao-drugs-devices-connect", Decimal("13000"), "unit-person-time", Q + "more-than", "截至今年9月初"),
    ("prog-hk-macao-drugs-devices-connect", Decimal("45"), "unit-enterprise", Q + "exact", "截至今年9月初"),
    ("prog-hk-macao-drugs-devices-connect", Decimal("9"), "unit-city", Q + "exact", "截至今年9月初"),
    ("org-huizhou-third-peoples-hospital", Decimal("2"), "unit-month", Q + "less-than", "不久前"),
    ("person-li-nushi", Decimal("10"), "unit-year", Q + "more-than", "原文未注明时间"),
    ("org-sun-yat-sen-memorial-hospital", Decimal("3"), "unit-month", Q + "exact", "近期"),
    ("prog-elderly-health-care-voucher-gba-pilot", Decimal("9"), "unit-city", Q + "exact", "截至今年8月底"),
    ("prog-elderly-health-care-voucher-gba-pilot", Decimal("21"), "unit-enterprise", Q + "exact", "截至今年8月底"),
    ("prog-elderly-health-care-voucher-gba-pilot", Decimal("1780000"), "unit-person", Q + "more-than", "截至今年8月底"),
    ("org-zhuhai-peoples-hospital", Decimal("1"), "unit-hour", Q + "about", "原文未注明时间"),
    ("org-zhuhai-peoples-hospital", Decimal("33.3"), "unit-percent", Q + "at-least", "原文未注明时间"),
    ("org-zhuhai-peoples-hospital", Decimal("50"), "unit-percent", Q + "at-most", "原文未注明时间"),
    ("org-zhuhai-peoples-hospital", Decimal("30"), "unit-percent", Q + "at-least", "原文未注明时间"),
    ("org-zhuhai-peoples-hospital", Decimal("40"), "unit-percent", Q + "at-most", "原文未注明时间"),
    ("prog-guangdong-social-security-platform", Decimal("53"), "unit-item", Q + "exact", "目前"),
    ("prog-bay-area-social-security-connect", Decimal("333000"), "unit-person-time", Q + "nearly", "截至去年下半年"),
    ("prog-bay-area-social-security-connect", Decimal("1.2"), "unit-times", Q + "nearly", "截至去年下半年"),
    ("prog-bay-area-social-security-connect", Decimal("333000"), "unit-person-time", Q + "nearly", "截至去年底"),
    ("prog-bay-area-social-security-connect", Decimal("1.2"), "unit-times", Q + "nearly", "截至去年底"),
    ("prog-bay-area-social-security-connect", Decimal("1"), "unit-times", Q + "more-than", "截至今年9月初"),
    ("place-guangdong", Decimal("43"), "unit-enterprise", Q + "exact", "截至今年2月"),
    ("place-guangdong", Decimal("1307"), "unit-person", Q + "exact", "截至今年2月"),
    ("practice-hk-macao-doctors-short-term-practice", Decimal("262"), "unit-person", Q + "exact", "截至今年2月"),
    ("prog-hk-macao-lawyers-practice-pilot", Decimal("9"), "unit-city", Q + "exact", "原文未注明时间"),
    ("prog-hk-macao-lawyers-practice-pilot", Decimal("580"), "unit-person", Q + "more-than", "截至今年7月"),
    ("practice-gd-hk-macao-partnership-law-firms", Decimal("26"), "unit-enterprise", Q + "exact", "截至去年底"),
    ("practice-hk-law-firm-representative-offices", Decimal("25"), "unit-enterprise", Q + "exact", "截至去年底"),
    ("practice-hk-macao-professionals-in-mainland-gba", Decimal("4000"), "unit-person", Q + "about", "截至去年下半年"),
    ("prog-cross-boundary-wealth-management-connect", Decimal("34"), "unit-enterprise", Q + "exact", "今年8月"),
    ("prog-cross-boundary-wealth-management-connect", Decimal("14"), "unit-enterprise", Q + "exact", "今年8月"),
    ("prog-cross-boundary-wealth-management-connect", Decimal("167100"), "unit-person", Q + "exact", "截至今年8月末"),
    ("prog-cross-boundary-wealth-management-connect", Decimal("53400"), "unit-person", Q + "exact", "截至今年8月末"),
    ("prog-cross-boundary-wealth-management-connect", Decimal("113700"), "unit-person", Q + "exact", "截至今年8月末"),
    (
        "prog-cross-boundary-wealth-management-connect",
        Decimal("123550000000"),
        "unit-yuan",
        Q + "exact",
        "截至今年8月末",
    ),
}


def observations(real_graph) -> list[dict]:
    return real_graph.query(
        "SELECT ?obs ?value ?unit ?qualifier ?phrase WHERE { "
        + in_news004(
            "?obs a gba:Observation ; dcterms:source kg:src-004 ; gba:value ?value ; gba:unit ?unit ; "
            "gba:qualifier ?qualifier ; gba:asOfPhrase|gba:timeNote ?phrase ."
        )
        + ' FILTER(langMatches(lang(?phrase), "zh-Hant") || langMatches(lang(?phrase), "zh-Hans")) }'
    ).bindings()


def test_every_figure_is_an_observation(real_graph):
    got = set()
    for row in observations(real_graph):
        abouts = {short(r[0]) for r in real_graph.query(f"SELECT ?a WHERE {{ <{row['obs']}> gba:about ?a }}").rows}
        value = Decimal(str(row["value"])).normalize()
        for about in abouts:
            got.add((about, value, short(row["unit"]), short(row["qualifier"]), str(row["phrase"])))
    wanted = {(a, v.normalize(), u, q, p) for a, v, u, q, p in OBSERVATIONS}
    assert wanted <= got
    # no observation beyond those read from the text
    assert {(v, u, q, p) for _, v, u, q, p in got} == {(v, u, q, p) for _, v, u, q, p in wanted}


def test_observation_count_and_no_resolved_dates(real_graph):
    rows = real_graph.query(
        "SELECT ?obs WHERE { " + in_news004("?obs a gba:Observation ; dcterms:source kg:src-004 .") + " }"
    ).rows
    assert len({r[0] for r in rows}) == 35
    # 今年 / 去年 cannot be resolved: no observation of this source carries gba:asOf or gba:period
    assert not real_graph.query(
        "ASK { ?obs dcterms:source kg:src-004 ; a gba:Observation . { ?obs gba:asOf ?d } UNION { ?obs gba:period ?d } }"
    ).boolean


def test_wealth_management_connect_figures(real_graph):
    rows = real_graph.query(
        "SELECT ?m ?value WHERE { "
        + in_news004(
            "?obs gba:about kg:prog-cross-boundary-wealth-management-connect ; gba:measure ?m ; gba:value ?value ."
        )
        + " }"
    ).rows
    assert {(short(m), Decimal(str(v))) for m, v in rows} == {
        ("measure-wmc-reporting-banks", Decimal("34")),
        ("measure-wmc-reporting-securities-firms", Decimal("14")),
        ("measure-wmc-individual-investors", Decimal("167100")),
        ("measure-wmc-hk-macao-investors", Decimal("53400")),
        ("measure-wmc-mainland-investors", Decimal("113700")),
        ("measure-wmc-remittance-amount", Decimal("123550000000")),
    }


def test_disagreeing_social_security_figures_are_all_kept(real_graph):
    rows = real_graph.query(
        "SELECT ?value ?qualifier ?phrase WHERE { "
        + in_news004(
            "?obs gba:measure kg:measure-insured-growth-since-policy ; gba:value ?value ; "
            "gba:qualifier ?qualifier ; gba:asOfPhrase|gba:timeNote ?phrase ."
        )
        + " }"
    ).rows
    assert {(Decimal(str(v)), short(q), str(p)) for v, q, p in rows} == {
        (Decimal("1.2"), "qualifier-nearly", "截至去年底"),
        (Decimal("1.0"), "qualifier-more-than", "截至今年9月初"),
    }


# ---------------------------------------------------------------- labels and quotes


def test_every_node_of_this_file_has_three_labels(real_graph):
    rows = real_graph.query(
        "SELECT DISTINCT ?node WHERE { "
        + in_news004("?node dcterms:source kg:src-004 .")
        + " ?node a ?type FILTER(?type != gba:Observation && ?type != gba:Evidence && isIRI(?node)) "
        "FILTER NOT EXISTS { ?node a gba:SourceDocument } FILTER NOT EXISTS { ?node a gba:Publication } "
        "FILTER NOT EXISTS { ?node a gba:Person FILTER(?node = kg:person-fang-junming) } "
        'FILTER(NOT EXISTS { ?node rdfs:label ?h FILTER(langMatches(lang(?h), "zh-Hans")) } '
        '|| NOT EXISTS { ?node rdfs:label ?t FILTER(langMatches(lang(?t), "zh-Hant")) } '
        '|| NOT EXISTS { ?node rdfs:label ?e FILTER(langMatches(lang(?e), "en")) }) }'
    ).rows
    assert rows == []


def test_quotes_are_copied_from_the_traditional_text(real_graph):
    from pathlib import Path

    from kg.quotes import check_quote

    sources = Path(__file__).resolve().parent.parent.parent / "shared" / "sources"
    rows = real_graph.query(
        "SELECT ?q WHERE { " + in_news004("?n gba:quote ?q ; dcterms:source kg:src-004 .") + " }"
    ).rows
    quotes = {str(r[0]) for r in rows}
    assert len(quotes) > 60
    assert {q for q in quotes if check_quote(sources, "004_4c70cfe1b7049578.txt", q)} == set()
    assert all(len(q) <= 80 for q in quotes)


def test_offshore_social_security_measures(real_graph):
    """以「深港e站通」5G跨境聯辦、港幣跨境繳費等舉措為典型 ... 完成「一表申報」: parts of 社保「離岸辦」."""
    where = in_news004("?node dcterms:isPartOf kg:prog-offshore-social-security-services .")
    assert labels(real_graph, where, "zh-Hant") == {"深港e站通", "港幣跨境繳費", "一表申報"}
    alt = {
        str(r[0])
        for r in real_graph.query(
            "SELECT ?l WHERE { " + in_news004("kg:prog-shenzhen-hk-e-station-connect skos:altLabel ?l .") + " }"
        ).rows
    }
    assert "「深港e站通」5G跨境聯辦" in alt


def test_doctor_qualifications_figure_is_about_doctors(real_graph):
    rows = real_graph.query(
        "SELECT ?a WHERE { " + in_news004("kg:obs-004-mainland-doctor-qualifications gba:about ?a .") + " }"
    ).rows
    assert {short(r[0]) for r in rows} == {"practice-hk-macao-doctors-cross-border-practice", "place-guangdong"}


def test_lawyers_pilot_has_no_qualification_name_as_alt_label(real_graph):
    # 大灣區律師執業資格 is the qualification the lawyers obtain, not a name of the pilot
    assert not real_graph.query(
        'ASK { kg:prog-hk-macao-lawyers-practice-pilot skos:altLabel ?l FILTER(CONTAINS(STR(?l), "律师执业资格") '
        '|| CONTAINS(STR(?l), "律師執業資格")) }'
    ).boolean
