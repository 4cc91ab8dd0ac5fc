"""Synthetic graphs shaped like the curated one, at any size, for benchmarks.

Same classes and properties, the same label languages (zh-Hans, zh-Hant on some,
en-t-zh), the same fan-out: batches of cases reported by agencies, programmes
with qualified associations, dates and places nested three deep, instruments that
enable programmes, observations with measure, unit, qualifier, as-of date, source
and quote, and evidence nodes. About 40 triples per case, all told.

    python -m benchmarks.synthetic --triples 100000 --out /tmp/synthetic
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRIPLES_PER_CASE = 45
PREFIXES = """@prefix gba: <https://w3id.org/gba-kg/ontology#> .
@prefix kg: <https://w3id.org/gba-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <https://schema.org/> .
"""
DOMAINS = ["transport", "customs", "health", "finance", "data", "education", "legal-services", "talent"]
FLOWS = ["people", "goods", "capital", "data"]
UNITS = ["person", "person-time", "enterprise", "item", "yuan", "vehicle-trip"]
QUALIFIERS = ["exact", "more-than", "nearly", "about"]
ROLES = ["lead", "operator", "partner", "supporter", "pilot-unit"]


def _case(i: int, n_agencies: int, n_places: int, rng: random.Random) -> str:
    batch = i // 500 + 1
    agency = rng.randrange(n_agencies)
    partner = rng.randrange(n_agencies)
    place = rng.randrange(n_places)
    year = 2019 + i % 7
    month = 1 + i % 12
    return f"""
kg:case-s{i} a gba:TypicalCase ; rdfs:label "案例{i}：规则衔接举措"@zh-Hans , "Case {i}: a rule-alignment measure"@en-t-zh ;
    gba:inBatch kg:batch-s{batch} ; gba:caseNumber {i % 500 + 1} ; gba:reportedBy kg:agency-s{agency} ;
    gba:describes kg:prog-s{i} , kg:inst-s{i} ; dcterms:spatial kg:place-s{place} ;
    gba:domain kg:domain-{DOMAINS[i % len(DOMAINS)]} ; gba:flow kg:flow-{FLOWS[i % len(FLOWS)]} ;
    gba:evidence [ a gba:Evidence ; dcterms:source kg:src-s ; gba:quote "报送单位{agency}" ] ;
    dcterms:source kg:src-s .
kg:prog-s{i} a gba:Programme ; rdfs:label "举措{i}"@zh-Hans , "舉措{i}"@zh-Hant , "programme {i}"@en-t-zh ;
    gba:launchDate "{year}-{month:02d}-01"^^xsd:date ; dcterms:spatial kg:place-s{place} ;
    gba:involves kg:agency-s{agency} , kg:agency-s{partner} ;
    prov:qualifiedAssociation [ a prov:Association ; prov:agent kg:agency-s{partner} ; prov:hadRole kg:role-{ROLES[i % len(ROLES)]} ] ;
    gba:domain kg:domain-{DOMAINS[i % len(DOMAINS)]} ; dcterms:source kg:src-s .
kg:inst-s{i} a gba:Guideline ; rdfs:label "指引{i}"@zh-Hans , "guideline {i}"@en-t-zh ;
    gba:issuedBy kg:agency-s{agency} ; gba:issuedDate "{year}-{month:02d}"^^xsd:gYearMonth ; gba:enables kg:prog-s{i} ;
    dcterms:source kg:src-s .
kg:obs-s{i} a gba:Observation ; gba:about kg:prog-s{i} ; gba:measure kg:measure-s{i % 50} ;
    gba:value {rng.randrange(1, 2_000_000)}.0 ; gba:unit kg:unit-{UNITS[i % len(UNITS)]} ;
    gba:qualifier kg:qualifier-{QUALIFIERS[i % len(QUALIFIERS)]} ; gba:asOf "{year}-12"^^xsd:gYearMonth ;
    gba:quote "累计{i}" ; dcterms:source kg:src-s .
"""


def _registry(n_agencies: int, n_places: int, n_batches: int) -> str:
    parts = [
        'kg:src-s a gba:SourceDocument ; rdfs:label "合成来源"@zh-Hans , "synthetic source"@en ; '
        'gba:fileName "synthetic.txt" ; dcterms:source kg:src-s .'
    ]
    for b in range(1, n_batches + 1):
        parts.append(
            f'kg:batch-s{b} a gba:Batch ; rdfs:label "第{b}批"@zh-Hans , "batch {b}"@en-t-zh ; '
            f"gba:batchNumber {b} ; dcterms:source kg:src-s ."
        )
    parts.append('kg:place-s0 a gba:Region ; rdfs:label "区域"@zh-Hans , "region"@en-t-zh ; dcterms:source kg:src-s .')
    for sar, zh, en in (("hong-kong", "香港", "Hong Kong"), ("macao", "澳门", "Macao")):
        parts.append(
            f'kg:place-{sar} a gba:SpecialAdministrativeRegion ; rdfs:label "{zh}"@zh-Hans , "{en}"@en-t-zh ; '
            "gba:within kg:place-s0 ; dcterms:source kg:src-s ."
        )
    for p in range(1, n_places):
        parent, kind = (p - 1) // 8, "CooperationZone" if p % 9 == 4 else "City"
        parts.append(
            f'kg:place-s{p} a gba:{kind} ; rdfs:label "地点{p}"@zh-Hans , "place {p}"@en-t-zh ; '
            f"gba:within kg:place-s{parent} ; dcterms:source kg:src-s ."
        )
    parts += [_agency(a, n_places) for a in range(n_agencies)]
    for m in range(50):
        parts.append(f'kg:measure-s{m} a gba:Measure ; rdfs:label "指标{m}"@zh-Hans , "measure {m}"@en-t-zh .')
    return "\n".join(parts) + "\n"


def _agency(a: int, n_places: int) -> str:
    """An agency; one in ten sits in Hong Kong and one in ten in Macao, each paired
    with a mainland counterpart; one in five has a person speaking for it."""
    sar = {7: "hong-kong", 8: "macao"}.get(a % 10)
    where = f"kg:place-{sar}" if sar else f"kg:place-s{a % n_places}"
    counterpart = f"gba:counterpart kg:agency-s{a - 7} ; " if sar and a >= 7 else ""
    text = (
        f'kg:agency-s{a} a gba:GovernmentAgency ; rdfs:label "机构{a}"@zh-Hans , "agency {a}"@en-t-zh ; '
        f"gba:jurisdiction {where} ; {counterpart}dcterms:source kg:src-s ."
    )
    if a % 5 == 0:
        text += (
            f'\nkg:person-s{a} a gba:Person ; rdfs:label "人物{a}"@zh-Hans , "person {a}"@en-t-zh ; '
            f'schema:jobTitle "负责人"@zh-Hans ; schema:affiliation kg:agency-s{a} ; dcterms:source kg:src-s .'
        )
    return text


def generate(triples: int, out: Path, seed: int = 7, files: int = 8) -> Path:
    """A project folder (ontology, vocabularies, synthetic triples split in `files`
    files) with about `triples` triples; returns its root."""
    cases = max(1, triples // TRIPLES_PER_CASE)
    n_agencies, n_places = max(10, cases // 20), max(10, cases // 50)
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "triples").mkdir(parents=True)
    shutil.copytree(REPO / "ontology", out / "ontology")
    shutil.copy(REPO / "triples" / "vocabularies.ttl", out / "triples" / "vocabularies.ttl")
    (out / "triples" / "synthetic-registry.ttl").write_text(
        "# Synthetic registry: source, batches, places, agencies, measures.\n"
        + PREFIXES
        + _registry(n_agencies, n_places, cases // 500 + 1),
        encoding="utf-8",
    )
    per_file = -(-cases // files)
    for f in range(files):
        body = "".join(_case(i, n_agencies, n_places, rng) for i in range(f * per_file, min(cases, (f + 1) * per_file)))
        (out / "triples" / f"synthetic-{f}.ttl").write_text(
            f"# Synthetic cases, part {f}.\n" + PREFIXES + body, encoding="utf-8"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    root = generate(args.triples, args.out)
    print(f"wrote a synthetic project of about {args.triples} triples to {root}")


if __name__ == "__main__":
    main()
