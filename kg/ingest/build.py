"""From drafted cases to triples: IRIs for new nodes (once per batch), the case,
agency, instrument, observation and measure nodes, evidence quotes, and the marks
that make every statement a draft tied to its source."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.ingest.marking import DRAFTED_BY, NOTE_PREFIX, activity_iri, draft_graph_iri
from kg.ingest.match import AMBIGUOUS, MATCHED, NEW, Matcher
from kg.ingest.model import CaseDraft, Draft, EntityRef, FigureItem
from kg.ingest.numerals import to_numeral
from kg.ingest.vocab import load
from kg.labels import script_key
from kg.namespaces import GBA, KG, curie
from kg.prefixes import PREFIXES

NO_TIME = "原文未注明时间"


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    return _t2s().convert(text)


def zh_labels(name: str) -> list[Literal]:
    """A name as a zh-Hans label, plus the zh-Hant form when the text wrote it in traditional script."""
    hans = simplified(name)
    labels = [Literal(hans, lang="zh-Hans")]
    if hans != name:
        labels.append(Literal(name, lang="zh-Hant"))
    return labels


def decimal_literal(value: Decimal) -> Literal:
    text = format(value.normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


# ---------------------------------------------------------------- IRIs


class _Minter:
    """New IRIs of a batch, one per distinct name (script-blind) and kind."""

    def __init__(self, batch: int, matcher: Matcher):
        self.batch = batch
        self.matcher = matcher
        self.by_name: dict[tuple[str, str], URIRef] = {}
        self.counts: dict[str, int] = {}

    def node(self, kind: str, name: str) -> tuple[URIRef, bool]:
        """The IRI for a new named node; True when minted now (first mention)."""
        key = (kind, script_key(name))
        if key in self.by_name:
            return self.by_name[key], False
        while True:
            self.counts[kind] = self.counts.get(kind, 0) + 1
            iri = KG[f"{kind}-draft-b{self.batch}-{self.counts[kind]}"]
            if not self.matcher.exists(iri):
                break
        self.by_name[key] = iri
        return iri, True


def assign_nodes(draft: Draft, matcher: Matcher) -> None:
    """Give every case, name and figure the node the draft uses for it."""
    minter = _Minter(draft.batch, matcher)
    measures: dict[str, tuple[URIRef, str]] = {}
    for case in draft.cases:
        case.node = KG[f"case-b{draft.batch}-{case.number:02d}"]
        for ref in case.entities():
            if ref.status == MATCHED:
                ref.node = ref.match.node
            elif ref.status == NEW and ref.kind in ("agency", "instrument"):
                _new_entity(draft, ref, minter, matcher)
        for index, figure in enumerate(case.figures, start=1):
            figure.node = KG[f"obs-b{draft.batch}-{case.number:02d}-{index}"]
            _measure(draft, case, index, figure, measures, matcher)


def _new_entity(draft: Draft, ref: EntityRef, minter: _Minter, matcher: Matcher) -> None:
    if ref.kind == "agency":
        government = ref.name.endswith(tuple(load("names")["government_suffixes"]))
        ref.cls = "GovernmentAgency" if government else "Organisation"
        kind = "agency" if government else "org"
        if not government:
            ref.notes.append("drafted as gba:Organisation (its name does not end like a government body's)")
    else:
        kind = "inst"
        if ref.cls is None:
            ref.notes.append("kind of instrument not clear from its name: drafted as gba:PolicyInstrument")
    ref.node, first = minter.node(kind, ref.name)
    if first:
        draft.new_nodes[ref.node] = f"{ref.kind} {ref.name}"


def _measure(draft: Draft, case: CaseDraft, index: int, figure: FigureItem, measures: dict, matcher: Matcher) -> None:
    """One measure per distinct label and unit: an existing gba:Measure of that name, or a new one."""
    existing = matcher.match(figure.measure_label, "measure")
    if existing.status == MATCHED:
        figure.measure, figure.measure_is_new = existing.node, False
        return
    key = script_key(figure.measure_label)
    if key in measures and measures[key][1] != figure.unit:
        figure.measure_label = f"{figure.measure_label}（{_unit_name(matcher, figure.unit)}）"
        key = script_key(figure.measure_label)
    if key in measures:
        figure.measure, figure.measure_is_new = measures[key][0], False
        return
    figure.measure = KG[f"measure-b{draft.batch}-{case.number:02d}-{index}"]
    measures[key] = (figure.measure, figure.unit)
    draft.new_nodes[figure.measure] = f"measure {figure.measure_label}"


def _unit_name(matcher: Matcher, unit: str) -> str:
    return matcher.index.name(KG[f"unit-{unit}"], "zh-Hans").split("（")[0]


# ---------------------------------------------------------------- triples


def build_graph(draft: Draft, matcher: Matcher) -> Graph:
    """The draft's triples, every subject marked gba:draftedBy the ingest activity."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    _source_and_batch(graph, draft)
    for case in draft.cases:
        _case(graph, draft, case, matcher)
    _mark(graph, draft)
    return graph


def _evidence(graph: Graph, subject: URIRef, draft: Draft, quote: str | None, supports: URIRef | None) -> None:
    if not quote:
        return
    for existing in graph.objects(subject, GBA.evidence):
        if (existing, GBA.quote, Literal(quote)) in graph and graph.value(existing, GBA.supports) == supports:
            return
    node = BNode()
    graph.add((subject, GBA.evidence, node))
    graph.add((node, RDF.type, GBA.Evidence))
    graph.add((node, DCTERMS.source, draft.source_node))
    graph.add((node, GBA.quote, Literal(quote)))
    if supports is not None:
        graph.add((node, GBA.supports, supports))


def _source_and_batch(graph: Graph, draft: Draft) -> None:
    src = draft.source_node
    if draft.source_is_new:
        graph.add((src, RDF.type, GBA.SourceDocument))
        for label in zh_labels(draft.title or draft.source.path.stem):
            graph.add((src, RDFS.label, label))
        graph.add((src, GBA.fileName, Literal(draft.source.file_name)))
        graph.add((src, DCTERMS.source, src))
    batch = draft.batch_node
    graph.add((batch, DCTERMS.source, src))
    if draft.batch_is_new:
        graph.add((batch, RDF.type, GBA.Batch))
        graph.add((batch, RDFS.label, Literal(f"典型案例（第{to_numeral(draft.batch)}批）", lang="zh-Hans")))
        graph.add((batch, GBA.batchNumber, Literal(draft.batch, datatype=XSD.integer)))


def _case(graph: Graph, draft: Draft, case: CaseDraft, matcher: Matcher) -> None:
    node, src = case.node, draft.source_node
    graph.add((node, RDF.type, GBA.TypicalCase))
    for label in zh_labels(case.title):
        graph.add((node, RDFS.label, label))
    graph.add((node, GBA.inBatch, draft.batch_node))
    graph.add((node, GBA.caseNumber, Literal(case.number, datatype=XSD.integer)))
    graph.add((node, DCTERMS.source, src))
    _evidence(graph, node, draft, case.title_quote, RDFS.label)
    _evidence(graph, node, draft, case.agency_quote, GBA.reportedBy)
    for ref in case.agencies:
        _link(graph, draft, case, ref, GBA.reportedBy, matcher, quote=False)
    for ref in case.instruments + case.programmes:
        _link(graph, draft, case, ref, GBA.describes, matcher)
    for ref in case.places:
        _link(graph, draft, case, ref, DCTERMS.spatial, matcher)
    _dates(graph, draft, case)
    for figure in case.figures:
        _observation(graph, draft, case, figure, matcher)


def _link(
    graph: Graph, draft: Draft, case: CaseDraft, ref: EntityRef, prop: URIRef, matcher: Matcher, quote: bool = True
) -> None:
    """The case's link to a named node (existing or new); an ambiguous name becomes a note instead."""
    if ref.status == AMBIGUOUS:
        if ref.kind in ("agency", "instrument"):
            options = " or ".join(matcher.name(c) for c in ref.match.candidates)
            note = (
                f"{NOTE_PREFIX} ambiguous {ref.kind} “{ref.name}”: {options}. Link the right one with "
                f"{curie(str(prop))} and delete this note."
            )
            graph.add((case.node, SKOS.editorialNote, Literal(note, lang="en")))
        return
    if ref.node is None:
        return
    graph.add((case.node, prop, ref.node))
    graph.add((ref.node, DCTERMS.source, draft.source_node))
    if quote:
        _evidence(graph, case.node, draft, ref.quote, prop)
    if ref.status == NEW:
        _new_node(graph, draft, ref, matcher)


def _new_node(graph: Graph, draft: Draft, ref: EntityRef, matcher: Matcher) -> None:
    if (ref.node, RDF.type, None) in graph:
        return
    graph.add((ref.node, RDF.type, GBA[ref.cls] if ref.cls else GBA.PolicyInstrument))
    for label in zh_labels(ref.name):
        graph.add((ref.node, RDFS.label, label))
    for alias in ref.aliases:
        for label in zh_labels(alias):
            graph.add((ref.node, SKOS.altLabel, label))
    _evidence(graph, ref.node, draft, ref.quote, RDFS.label)
    if ref.cls == "GovernmentAgency":
        place = _jurisdiction(ref.name, matcher)
        if place is not None:
            graph.add((ref.node, GBA.jurisdiction, place))
            ref.notes.append(f"gba:jurisdiction guessed from the name: {matcher.name(place)}")
        else:
            ref.notes.append("needs gba:jurisdiction (no place in its name)")


def _jurisdiction(name: str, matcher: Matcher) -> URIRef | None:
    """The place a new agency's name starts with (广州市…), or the one its prefix implies (省… → 广东省)."""
    found = matcher.scan(name, "place", load("names")["place_min_length"])
    if found and found[0].start == 0 and len(found[0].nodes) == 1:
        return found[0].nodes[0]
    for prefix, place in load("names")["jurisdiction_prefixes"].items():
        if name.startswith(prefix):
            match = matcher.match(place, "place")
            if match.status == MATCHED:
                return match.node
    return None


def _dates(graph: Graph, draft: Draft, case: CaseDraft) -> None:
    by_name = {script_key(ref.name): ref for ref in case.instruments}
    for item in case.dates:
        target = case.node
        if item.instrument:
            ref = by_name.get(script_key(item.instrument))
            if ref is not None and ref.node is not None:
                target = ref.node
        if target == case.node and item.prop in load("dates")["instrument_properties"]:
            item.notes.append(f"gba:{item.prop} drafted on the case: move it to what it dates")
        elif target == case.node:
            item.notes.append(f"gba:{item.prop} drafted on the case: move it to the programme it dates")
        prop = GBA[item.prop]
        graph.add((target, prop, Literal(item.lexical, datatype=XSD[item.datatype])))
        _evidence(graph, target, draft, item.quote, prop)


def _observation(graph: Graph, draft: Draft, case: CaseDraft, figure: FigureItem, matcher: Matcher) -> None:
    obs, src = figure.node, draft.source_node
    graph.add((obs, RDF.type, GBA.Observation))
    graph.add((obs, GBA.about, case.node))
    graph.add((obs, GBA.measure, figure.measure))
    graph.add((obs, GBA.value, decimal_literal(figure.value)))
    unit = KG[f"unit-{figure.unit}"]
    if not matcher.of_kind(unit, "unit"):
        figure.notes.append(f"{curie(str(unit))} is not a unit of the graph")
    graph.add((obs, GBA.unit, unit))
    graph.add((obs, GBA.qualifier, KG[f"qualifier-{figure.qualifier}"]))
    _time(graph, obs, figure)
    graph.add((obs, GBA.quote, Literal(figure.quote)))
    graph.add((obs, DCTERMS.source, src))
    if figure.measure_is_new and (figure.measure, RDF.type, None) not in graph:
        graph.add((figure.measure, RDF.type, GBA.Measure))
        for label in zh_labels(figure.measure_label):
            graph.add((figure.measure, RDFS.label, label))
    graph.add((figure.measure, DCTERMS.source, src))


def _time(graph: Graph, obs: URIRef, figure: FigureItem) -> None:
    time = figure.time
    if time is None:
        graph.add((obs, GBA.timeNote, Literal(NO_TIME, lang="zh-Hans")))
    elif time.kind == "phrase":
        graph.add((obs, GBA.asOfPhrase, zh_labels(time.value)[-1]))
    else:
        prop = GBA.asOf if time.kind == "asOf" else GBA.period
        graph.add((obs, prop, Literal(time.value, datatype=XSD[time.datatype])))


def _mark(graph: Graph, draft: Draft) -> None:
    """The ingest activity, the draft graph it generated, and gba:draftedBy on every subject."""
    activity, bundle = activity_iri(draft.batch), draft_graph_iri(draft.batch)
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    graph.add((activity, RDF.type, PROV.Activity))
    label = f"kg ingest: draft of batch {draft.batch} from {draft.source.file_name}, awaiting a curator's review"
    graph.add((activity, RDFS.label, Literal(label, lang="en")))
    graph.add((activity, PROV.used, draft.source_node))
    graph.add((activity, PROV.generated, bundle))
    graph.add((activity, RDFS.comment, Literal(f"source text SHA-256 {draft.source.digest}")))
    graph.add((bundle, RDF.type, PROV.Bundle))
    graph.add((bundle, PROV.wasGeneratedBy, activity))
    graph.add((bundle, RDFS.label, Literal(f"draft of batch {draft.batch} (kg ingest)", lang="en")))
    for subject in subjects:
        graph.add((subject, DRAFTED_BY, activity))
