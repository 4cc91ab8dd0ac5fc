"""Answers in the SPARQL 1.1 result formats (JSON, XML, CSV, TSV) and RDF formats
(Turtle, N-Triples, JSON-LD), chosen from the client's Accept header."""

from __future__ import annotations

import csv
import io
from xml.sax.saxutils import escape, quoteattr

from kg.formats import parts, to_json
from kg.store import QueryResult

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "json-ld",
}
DEFAULT_SOLUTIONS = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"


def serialize(result: QueryResult, media_type: str) -> bytes:
    """The answer in `media_type` (one of SOLUTION_TYPES for SELECT/ASK, GRAPH_TYPES for graphs)."""
    if result.kind == "graph":
        return result.graph.serialize(format=GRAPH_TYPES[media_type], encoding="utf-8")  # type: ignore[union-attr]
    kind = SOLUTION_TYPES[media_type]
    text = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}[kind](result)
    return text.encode("utf-8")


def to_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables) + "</head>")
    out.append("<results>")
    for row in result.terms():
        cells = "".join(_xml_binding(v, t) for v, t in zip(result.variables, row, strict=False) if t is not None)
        out.append(f"<result>{cells}</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _xml_binding(variable: str, term: object) -> str:
    p = parts(term)
    if p.kind == "uri":
        inner = f"<uri>{escape(p.value)}</uri>"
    elif p.kind == "bnode":
        inner = f"<bnode>{escape(p.value)}</bnode>"
    elif p.language:
        inner = f"<literal xml:lang={quoteattr(p.language)}>{escape(p.value)}</literal>"
    elif p.datatype:
        inner = f"<literal datatype={quoteattr(p.datatype)}>{escape(p.value)}</literal>"
    else:
        inner = f"<literal>{escape(p.value)}</literal>"
    return f"<binding name={quoteattr(variable)}>{inner}</binding>"


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: plain values (IRIs in full, literals by their text, blank nodes as _:x)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.terms():
        writer.writerow([_plain(t) for t in row])
    return buffer.getvalue()


def _plain(term: object) -> str:
    p = parts(term)
    if p is None:
        return ""
    return f"_:{p.value}" if p.kind == "bnode" else p.value


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: a header of ?variables, then terms in Turtle/N-Triples form."""
    if result.kind == "ask":
        return f"?boolean\n{'true' if result.boolean else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_ntriples(t) for t in row) for row in result.terms()]
    return "\n".join(lines) + "\n"


def _ntriples(term: object) -> str:
    p = parts(term)
    if p is None:
        return ""
    if p.kind == "uri":
        return f"<{p.value}>"
    if p.kind == "bnode":
        return f"_:{p.value}"
    text = (
        p.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    if p.language:
        return f'"{text}"@{p.language}'
    return f'"{text}"^^<{p.datatype}>' if p.datatype else f'"{text}"'
