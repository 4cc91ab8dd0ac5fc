"""Validation of the graph: Turtle syntax, SHACL shapes, the `*-violation.rq`
quality checks, and evidence quotes against the source documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from kg.errors import DataFileError, DataFilesError, KgError
from kg.labels import display_name
from kg.namespaces import SH, curie
from kg.paths import CHECKS_DIR, Project
from kg.queryfile import QueryFile, load_query_dir
from kg.quotes import check_quote
from kg.store import KnowledgeGraph, Progress, graph_iri, open_graph


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, in plain words."""

    kind: str  # syntax | shacl | check | quote
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.where}: {self.message}"


@dataclass
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unreadable(self) -> bool:
        """True when some file could not be parsed (nothing else could be checked)."""
        return any(p.kind == "syntax" for p in self.problems)


def describe_node(graph: Graph, node: Node) -> str:
    """`label (curie)` for an IRI; for a blank node, what holds it (`evidence of X`),
    however deep it is nested (the middle of a long chain left out) or if it holds itself."""
    path: list[str] = []
    seen: set[Node] = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        holder = next(iter(graph.subject_predicates(node)), None)
        if holder is None:
            break
        node, predicate = holder
        path.append(curie(str(predicate)))
    if len(path) > 6:
        path = [*path[:3], f"… ({len(path) - 5} more)", *path[-2:]]
    if isinstance(node, BNode):
        where = "a blank node"
    else:
        name, short = display_name(graph, node, "zh-Hans"), curie(str(node))
        where = short if name == short else f"{name} ({short})"
    return " of ".join([*path, where])


# ---------------------------------------------------------------- SHACL


def shacl_problems(kg: KnowledgeGraph) -> list[Problem]:
    from pyshacl import validate as shacl_validate

    data = kg.union()
    shapes_iri = graph_iri(kg.project, kg.project.ontology_dir / "shapes.ttl")
    shapes = kg.named_graph(shapes_iri)
    if len(shapes) == 0:
        raise KgError(f"{kg.project.ontology_dir / 'shapes.ttl'}: no SHACL shapes found")
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=True)
    if conforms:
        return []
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage) or results.value(result, SH.sourceConstraintComponent)
        prop = display_name(data, path) if isinstance(path, URIRef) else "node"
        problems.append(Problem("shacl", describe_node(data, focus), f"{prop}: {message}"))
    return sorted(set(problems), key=str)


# ---------------------------------------------------------------- quality checks


def check_files(checks_dir: Path = CHECKS_DIR) -> list[QueryFile]:
    return load_query_dir(checks_dir, "*-violation.rq")


def check_problems(kg: KnowledgeGraph, checks: list[QueryFile] | None = None) -> list[Problem]:
    """Rows of every `*-violation.rq` query; each row is a problem."""
    problems = []
    data = kg.union()
    for check in checks if checks is not None else check_files():
        result = kg.query(check.text)
        for row in result.bindings():
            node = row.get("node")
            where = describe_node(data, node) if node is not None else check.name
            problems.append(Problem("check", where, f"{row.get('detail', check.summary)} [{check.name}]"))
    return problems


def script_duplicate_problems(kg: KnowledgeGraph) -> list[Problem]:
    """Two nodes of one class whose names match once simplified and traditional
    script are folded together (港澳藥械通 = 港澳药械通): one entity minted twice.
    The SPARQL duplicate check cannot see this; OpenCC can."""
    from kg.labels import script_key

    index = kg.label_index()
    seen: dict[tuple[str, str], URIRef] = {}
    problems = []
    for node in sorted(index.nodes(), key=str):
        classes = [c for c in index.classes.get(node, ()) if c != str(SKOS.Concept)]
        for label in index.labels(node):
            for cls in classes:
                key = (cls, script_key(str(label)))
                other = seen.setdefault(key, node)
                if other != node:
                    message = f"shares the name “{label}” (script-blind) with {curie(str(other))}"
                    message += " [script-blind-duplicate]"
                    problems.append(Problem("check", describe_node(kg.union(), node), message))
    return sorted(set(problems), key=str)


def ill_typed_problems(kg: KnowledgeGraph) -> list[Problem]:
    """Literals whose text is not a value of their datatype ("abc"^^xsd:integer,
    "2024-13-45"^^xsd:date): they sort, compare and filter as nothing."""
    data = kg.union()
    problems = []
    for subject, predicate, obj in data:
        if isinstance(obj, Literal) and obj.ill_typed:
            message = f"{curie(str(predicate))} has “{obj}”, which is not a valid {curie(str(obj.datatype))}"
            problems.append(Problem("check", describe_node(data, subject), message + " [ill-typed-literal]"))
    return sorted(set(problems), key=str)


# ---------------------------------------------------------------- quotes


def quote_problems(kg: KnowledgeGraph, sources_dir: Path) -> tuple[list[Problem], int]:
    """Every gba:quote, and every gba:asOfPhrase (the source's own time phrase),
    checked against the text of the source its node cites."""
    if not sources_dir.is_dir():
        raise KgError(f"{sources_dir}: sources folder not found (use --sources DIR)")
    rows = kg.query(
        "SELECT DISTINCT ?node ?quote ?file WHERE { ?node gba:quote|gba:asOfPhrase ?quote ; dcterms:source ?src . "
        "?src gba:fileName ?file }"
    ).bindings()
    data = kg.union()
    problems = []
    for row in rows:
        reason = check_quote(sources_dir, str(row["file"]), str(row["quote"]))
        if reason:
            where = describe_node(data, row["node"])
            problems.append(Problem("quote", where, f"{reason} ({row['file']}): «{row['quote']}»"))
    unsourced = kg.query(
        "SELECT ?node ?quote WHERE { ?node gba:quote ?quote FILTER NOT EXISTS "
        "{ ?node dcterms:source/gba:fileName ?file } }"
    ).bindings()
    for row in unsourced:
        where = describe_node(data, row["node"])
        problems.append(Problem("quote", where, f"quote cites no source document with a file name: «{row['quote']}»"))
    return sorted(problems, key=str), len(rows)


# ---------------------------------------------------------------- all together


def validate(
    project: Project,
    sources_dir: Path | None = None,
    backend: str = "oxigraph",
    shacl: bool = True,
    quotes: bool = True,
    progress: Progress | None = None,
) -> ValidationReport:
    """Run every check. Syntax errors stop the run (nothing else can be checked)."""
    report = ValidationReport()
    try:
        kg = open_graph(project, backend=backend, progress=progress)
    except DataFilesError as exc:
        report.problems = [Problem("syntax", _where(e), e.message) for e in exc.errors]
        return report
    report.checked["files"] = len(project.data_files())
    report.checked["triples"] = len(kg)
    if shacl:
        report.problems += shacl_problems(kg)
    checks = check_files()
    report.checked["quality checks"] = len(checks)
    report.problems += check_problems(kg, checks)
    report.problems += script_duplicate_problems(kg)
    report.problems += ill_typed_problems(kg)
    if quotes:
        found, count = quote_problems(kg, sources_dir or project.sources_dir)
        report.problems += found
        report.checked["quotes"] = count
    return report


def _where(error: DataFileError) -> str:
    """`file:line:column` of a syntax error, as much of it as is known."""
    parts = [str(error.path)] + [str(n) for n in (error.line, error.column) if n is not None]
    return ":".join(parts)
