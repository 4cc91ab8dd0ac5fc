"""A selection written for other tools: RDF (Turtle, N-Triples, TriG, N-Quads,
JSON-LD), graphs (GraphML, GEXF) and tables (nodes.csv and edges.csv). Each
function returns the bytes or text to write; only the CLI writes files."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.plugins.serializers.turtle import TurtleSerializer

from kg.errors import KgError
from kg.formats import _safe_cell, csv_writer
from kg.labels import LabelIndex
from kg.langtags import lang_matches
from kg.namespaces import GRAPHS, PREFIXES, curie
from kg.paths import PACKAGE_DIR
from kg.select import Selection, data_graph_names
from kg.store import KnowledgeGraph
from kg.terms import to_oxigraph, to_rdflib

if TYPE_CHECKING:
    import networkx as nx

RDF_FORMATS = {"turtle": "ttl", "nt": "nt", "trig": "trig", "nquads": "nq", "jsonld": "jsonld"}
GRAPH_FORMATS = {"graphml": "graphml", "gexf": "gexf"}
TABLE_FORMATS = {"csv": ""}
FORMATS = (*RDF_FORMATS, *GRAPH_FORMATS, *TABLE_FORMATS)
CONTEXT_FILE = PACKAGE_DIR / "context.jsonld"
LABEL_COLUMNS = (("label_zh_Hans", "zh-Hans"), ("label_zh_Hant", "zh-Hant"), ("label_en", "en"))


@dataclass(frozen=True)
class ExportOptions:
    ontology: bool = False
    """Add the ontology's statements about the classes and properties the selection uses."""
    boundary: bool = False
    """Add labels and types of nodes the selection links to but did not select."""


# ---------------------------------------------------------------- what is exported


def enrich(graph: KnowledgeGraph, selection: Selection, options: ExportOptions) -> Selection:
    """The selection plus, as asked, boundary labels and types and the ontology terms used."""
    if not (options.ontology or options.boundary):
        return selection
    extra: list[tuple] = []
    if options.boundary:
        outside = {o for o in selection.graph.objects() if isinstance(o, URIRef) and o not in selection.nodes}
        extra += _statements(graph, outside, (RDF.type, RDFS.label, SKOS.altLabel), data_graph_names(graph))
    if options.ontology:
        used = {p for p in selection.graph.predicates()} | set(selection.graph.objects(None, RDF.type))
        ontology = [g for g in graph.named_graphs() if str(g) == str(GRAPHS["ontology/gba"])]
        extra += _statements(graph, used, None, ontology)
    sub = Graph()
    for prefix, ns in PREFIXES.items():
        sub.bind(prefix, ns)
    for triple in selection.graph:
        sub.add(triple)
    for s, p, o, _ in extra:
        sub.add((s, p, o))
    return Selection(
        nodes=selection.nodes,
        graph=sub,
        scope=selection.scope,
        quads=sorted(set(selection.quads) | set(extra), key=lambda q: tuple(str(t) for t in q)),
    )


def _statements(graph: KnowledgeGraph, subjects, predicates, graphs) -> list[tuple]:
    allowed = {to_oxigraph(g) for g in graphs}
    out = []
    for subject in sorted(subjects, key=str):
        for quad in graph._store.quads_for_pattern(to_oxigraph(subject), None, None, None):
            if quad.graph_name not in allowed or isinstance(quad.object, type(None)):
                continue
            predicate = URIRef(quad.predicate.value)
            obj = to_rdflib(quad.object)
            if (predicates is None or predicate in predicates) and not isinstance(obj, BNode):
                out.append((subject, predicate, obj, URIRef(quad.graph_name.value)))
    return out


# ---------------------------------------------------------------- RDF


def _bound(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


def to_rdf(selection: Selection, fmt: str) -> str:
    """Turtle and N-Triples sorted with canonical blank-node names (same input, same
    bytes); TriG and N-Quads keep each statement's source file as its named graph;
    JSON-LD compacted with the package's context."""
    if fmt in ("trig", "nquads"):
        return _dataset(selection).serialize(format=fmt)
    canonical = _bound(Graph())
    for triple in to_canonical_graph(selection.graph):
        canonical.add(triple)
    if fmt == "nt":  # one statement per LF-ended line (a literal may hold U+2028 or U+0085: not a line end)
        return "".join(sorted(line + "\n" for line in canonical.serialize(format="nt").split("\n") if line))
    if fmt == "jsonld":
        context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
        return canonical.serialize(format="json-ld", context=context, auto_compact=True, indent=1)
    stream = io.BytesIO()
    try:
        SortedTurtleSerializer(canonical).serialize(stream, encoding="utf-8")
    except RecursionError:
        raise KgError("blank nodes nested too deep to write as Turtle; export as --format nt") from None
    return stream.getvalue().decode("utf-8")


class SortedTurtleSerializer(TurtleSerializer):
    """rdflib's Turtle with subjects in IRI order (rdflib orders them by reference
    count), so that exports diff line by line."""

    def orderSubjects(self) -> list:
        subjects = sorted(self._subjects, key=lambda s: (isinstance(s, BNode), str(s)))
        for subject in subjects:
            self._topLevels[subject] = True
        return subjects


def _dataset(selection: Selection) -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    ds.bind("graph", str(GRAPHS))
    for s, p, o, g in selection.quads:
        target = ds.graph(g) if g is not None else ds.default_graph
        target.add((s, p, o))
    return ds


# ---------------------------------------------------------------- property graphs


def node_table(selection: Selection, index: LabelIndex) -> dict[URIRef, dict[str, str]]:
    """One row of attributes per node: labels per language, types, sources, literal values.
    Lists are joined with ` | `; missing values are left out, never None."""
    nodes = set(selection.nodes) | {o for o in selection.graph.objects() if isinstance(o, URIRef)}
    nodes = {n for n in nodes if n in selection.nodes or n in index.classes or n in index.main}
    table: dict[URIRef, dict[str, str]] = {}
    for node in sorted(nodes, key=str):
        row = {"iri": str(node), "curie": curie(str(node))}
        for column, lang in LABEL_COLUMNS:
            labels = [str(lbl) for lbl in index.main.get(node, []) if lang_matches(lbl.language, lang)]
            if labels:
                row[column] = " | ".join(labels)
        classes = index.classes.get(node, ())
        if classes:
            row["type"] = curie(classes[0]) if len(classes) == 1 else " | ".join(curie(c) for c in classes)
        sources = sorted(curie(str(o)) for o in selection.graph.objects(node, _SOURCE))
        if sources:
            row["source"] = " | ".join(sources)
        row["selected"] = "true" if node in selection.nodes else "false"
        for p, o in sorted(selection.graph.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
            if isinstance(o, Literal) and p not in (RDFS.label,):
                key = curie(str(p)).replace(":", "_")
                row[key] = f"{row[key]} | {o}" if key in row else str(o)
        table[node] = row
    return table


_SOURCE = URIRef("http://purl.org/dc/terms/source")


def edge_rows(selection: Selection, table: dict[URIRef, dict[str, str]], index: LabelIndex) -> list[dict[str, str]]:
    """IRI-to-IRI statements between nodes of the table (rdf:type and sources left to node attributes)."""
    rows = []
    for s, p, o in sorted(selection.graph, key=lambda t: tuple(str(x) for x in t)):
        if isinstance(o, URIRef) and s in table and o in table and p not in (RDF.type, _SOURCE):
            rows.append({"source": str(s), "target": str(o), "predicate": curie(str(p)), "label": index.name(p, "en")})
    return rows


def to_networkx(graph: KnowledgeGraph, selection: Selection) -> nx.MultiDiGraph:
    import networkx as nx

    index = graph.label_index()
    table = node_table(selection, index)
    g = nx.MultiDiGraph()
    for node, attrs in table.items():
        g.add_node(str(node), **{k: v for k, v in attrs.items() if k != "iri"})
    for row in edge_rows(selection, table, index):
        g.add_edge(row["source"], row["target"], key=row["predicate"], predicate=row["predicate"], label=row["label"])
    return g


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold at all, not even as character references."""


def _xml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with each character XML cannot hold (a control character in a label)
    replaced by U+FFFD, so that GraphML and GEXF files always parse."""
    for _, attrs in g.nodes(data=True):
        attrs.update({k: _NOT_XML.sub("\ufffd", v) for k, v in attrs.items() if isinstance(v, str)})
    for _, _, attrs in g.edges(data=True):
        attrs.update({k: _NOT_XML.sub("\ufffd", v) for k, v in attrs.items() if isinstance(v, str)})
    return g


def to_graphml(graph: KnowledgeGraph, selection: Selection) -> bytes:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(_xml_safe(to_networkx(graph, selection)), buffer, encoding="utf-8")
    return buffer.getvalue()


def to_gexf(graph: KnowledgeGraph, selection: Selection) -> bytes:
    import networkx as nx

    g = _xml_safe(to_networkx(graph, selection))
    for _, attrs in g.nodes(data=True):
        attrs["label"] = attrs.get("label_en") or attrs.get("label_zh_Hans") or attrs["curie"]
    buffer = io.BytesIO()
    nx.write_gexf(g, buffer, encoding="utf-8")
    return buffer.getvalue()


# ---------------------------------------------------------------- tables


def to_csv_tables(graph: KnowledgeGraph, selection: Selection) -> dict[str, str]:
    """`nodes.csv` and `edges.csv` with Neo4j import headers (`id:ID`, `:LABEL`,
    `:START_ID`, `:END_ID`, `:TYPE`), readable by spreadsheets; no cell starts a formula."""
    index = graph.label_index()
    table = node_table(selection, index)
    node_columns = [
        "id:ID",
        "curie",
        "label_zh_Hans",
        "label_zh_Hant",
        "label_en",
        ":LABEL",
        "type",
        "source",
        "selected",
    ]
    nodes = io.StringIO()
    write = csv_writer(nodes)
    write(node_columns)
    for node, row in table.items():
        neo_labels = ";".join(c.split(":", 1)[1] for c in row.get("type", "").split(" | ") if ":" in c)
        values = [
            str(node),
            row["curie"],
            row.get("label_zh_Hans", ""),
            row.get("label_zh_Hant", ""),
            row.get("label_en", ""),
            neo_labels,
            row.get("type", ""),
            row.get("source", ""),
            row["selected"],
        ]
        write([_safe_cell(v) for v in values])
    edges = io.StringIO()
    write = csv_writer(edges)
    write([":START_ID", ":END_ID", ":TYPE", "predicate", "label"])
    for row in edge_rows(selection, table, index):
        rel_type = row["predicate"].replace(":", "_")
        write([_safe_cell(v) for v in (row["source"], row["target"], rel_type, row["predicate"], row["label"])])
    return {"nodes.csv": nodes.getvalue(), "edges.csv": edges.getvalue()}


def export(
    graph: KnowledgeGraph, selection: Selection, fmt: str, options: ExportOptions | None = None
) -> dict[str, str | bytes]:
    """The files of an export, by name suffix: `{"": data}` for one-file formats,
    `{"nodes.csv": …, "edges.csv": …}` for csv."""
    chosen = enrich(graph, selection, options or ExportOptions())
    if fmt in RDF_FORMATS:
        return {"": to_rdf(chosen, fmt)}
    if fmt == "graphml":
        return {"": to_graphml(graph, chosen)}
    if fmt == "gexf":
        return {"": to_gexf(graph, chosen)}
    if fmt == "csv":
        return to_csv_tables(graph, chosen)
    raise ValueError(f"unknown export format {fmt!r}")
