"""`kg ingest FILE --batch N` as library functions: read and cut the document, draft
each case, build the draft graph; write it (with its review report) under drafts/;
load a draft beside the graph as its own named graph."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.files import check_writable, write_atomic
from kg.ingest.build import assign_nodes, build_graph
from kg.ingest.errors import IngestError
from kg.ingest.extract import extract_case
from kg.ingest.marking import draft_graph_iri
from kg.ingest.match import Matcher
from kg.ingest.model import Draft
from kg.ingest.numerals import parse_numeral, to_numeral
from kg.ingest.reader import read_document
from kg.ingest.report import review_report
from kg.ingest.segment import document_title, segment
from kg.ingest.text import Quoter
from kg.ingest.turtle import serialise
from kg.namespaces import KG, curie

if TYPE_CHECKING:
    from rdflib import Dataset, URIRef

    from kg.store import KnowledgeGraph

DRAFTS_DIR = "drafts"
_SOURCE_ID = re.compile(r"^([0-9]+)")
_BATCH_IN_TITLE = re.compile(r"第([一二三四五六七八九十百零两0-9]+)批")


@dataclass(frozen=True)
class DraftFiles:
    """What write_draft wrote."""

    turtle: Path
    report: Path
    text: Path | None = None


def ingest_document(path: Path | str, graph: KnowledgeGraph, batch: int) -> Draft:
    """Draft batch `batch` from a case-list document, matching names against `graph`.
    Raises IngestError (file, line, case) when the document cannot be drafted."""
    if batch < 1:
        raise KgError(f"--batch must be a positive number, not {batch}")
    doc = read_document(Path(path))
    cut = segment(doc)
    matcher = Matcher.from_graph(graph)
    quoter = Quoter(doc.text)
    cases = [extract_case(block, quoter, matcher) for block in cut.cases]
    title = document_title(cut.preamble)
    source_node, source_is_new = _source_node(doc.file_name, matcher)
    batches = matcher.lookup("batch", str(batch))
    draft = Draft(
        source=doc,
        batch=batch,
        cases=cases,
        source_node=source_node,
        source_is_new=source_is_new,
        batch_node=batches[0] if batches else KG[f"batch-{batch}"],
        batch_is_new=not batches,
        title=title,
    )
    draft.warnings.extend(_warnings(draft, matcher))
    assign_nodes(draft, matcher)
    draft.graph = build_graph(draft, matcher)
    return draft


def _source_node(file_name: str, matcher: Matcher) -> tuple[URIRef, bool]:
    """The source document of that file name in the graph, or a new kg:src-… (from the file's number)."""
    known = matcher.lookup("source", file_name)
    if known:
        return known[0], False
    match = _SOURCE_ID.match(file_name)
    stem = match.group(1) if match else re.sub(r"[^a-z0-9]+", "-", Path(file_name).stem.lower()).strip("-") or "new"
    candidate, suffix = KG[f"src-{stem}"], 1
    while matcher.exists(candidate):
        suffix += 1
        candidate = KG[f"src-{stem}-{suffix}"]
    return candidate, True


def _warnings(draft: Draft, matcher: Matcher) -> list[str]:
    warnings = []
    existing = matcher.lookup("case", str(draft.batch))
    if existing:
        warnings.append(
            f"the graph already has {len(existing)} case(s) in batch {draft.batch}; the draft uses the "
            f"same case IRIs (case-b{draft.batch}-NN) and triples/batch-{draft.batch}.ttl may exist"
        )
    if draft.title:
        stated = _BATCH_IN_TITLE.search(draft.title)
        number = parse_numeral(stated.group(1)) if stated else None
        if number is not None and number != draft.batch:
            warnings.append(
                f"the document calls itself batch {number} (第{to_numeral(number)}批), "
                f"not {draft.batch} as --batch says"
            )
    return warnings


def draft_turtle(draft: Draft) -> str:
    """The draft as Turtle text, with a header that says what it is."""
    header = (
        f"# DRAFT of batch {draft.batch}, written by `kg ingest` from {draft.source.file_name}: not curated yet.\n"
        "# Every subject carries gba:draftedBy the ingest activity below; review each statement, delete what is\n"
        "# wrong, complete what is missing (English labels, gba:domain, jurisdictions), resolve every\n"
        "# `[kg ingest]` note, then run `kg ingest --accept` on this file (see docs/ingest.md and the report).\n"
        f"# Source: {draft.source.file_name} ({curie(str(draft.source_node))}); its quotes are exact substrings of it\n"
        "# once whitespace and the marks * and # are removed.\n"
    )
    return serialise(draft.graph, header, extra_prefixes={"draft": f"{draft_graph_iri(draft.batch)}#"})


def write_draft(draft: Draft, folder: Path, force: bool = False) -> DraftFiles:
    """Write the draft Turtle, its review report and (for .docx/PDF) the text its quotes
    stand in, under `folder`; nothing is written unless every file may be."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    turtle = folder / f"{draft.name}.ttl"
    report = folder / f"{draft.name}.review.md"
    text = folder / draft.source.file_name if draft.source.kind != "text" else None
    for target in (turtle, report, text):
        if target is not None:
            check_writable(target, force)
    if text is not None:
        write_atomic(text, draft.source.text, force=force)
    write_atomic(report, review_report(draft), force=force)
    write_atomic(turtle, draft_turtle(draft), force=force)
    return DraftFiles(turtle, report, text)


def draft_dataset(graph: KnowledgeGraph, draft_path: Path | str) -> Dataset:
    """The graph's named graphs plus the draft as its own named graph
    (https://w3id.org/gba-kg/graph/drafts/batch-N), for SPARQL over both."""
    from rdflib import Dataset, Graph

    from kg.errors import DataFileError
    from kg.ingest.marking import draft_batch

    parsed = Graph()
    try:
        parsed.parse(str(draft_path), format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise DataFileError(draft_path, f"cannot read the draft ({exc})") from None
    batch = draft_batch(parsed)
    if batch is None:
        raise IngestError(draft_path, "not a kg ingest draft (no draft marking)")
    dataset: Dataset = Dataset(default_union=True)
    for quad in graph.dataset().quads():
        dataset.add(quad)
    named = dataset.graph(draft_graph_iri(batch))
    for triple in parsed:
        named.add(triple)
    return dataset


def default_drafts_dir(root: Path) -> Path:
    return root / DRAFTS_DIR
