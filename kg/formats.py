"""Result tables in each output format: an aligned text table (CJK-width aware),
CSV, TSV, SPARQL 1.1 results JSON and Markdown. Each function returns a string."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import NamedTuple

import pyoxigraph as ox
from wcwidth import wcswidth

from kg.langtags import canonical_lang
from kg.prefixes import curie
from kg.store import QueryResult

FORMATS = ("table", "csv", "tsv", "json", "md")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Parts(NamedTuple):
    """A term of either library, taken apart: kind (uri, bnode, literal), value, language, datatype."""

    kind: str
    value: str
    language: str | None = None
    datatype: str | None = None


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def parts(term: object) -> Parts | None:
    """Oxigraph's terms and rdflib's alike (rdflib is imported only if its terms are given)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Parts("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Parts("bnode", term.value)
    if isinstance(term, ox.Literal):
        language = canonical_lang(term.language) if term.language else None
        datatype = None if language or term.datatype.value == XSD_STRING else term.datatype.value
        return Parts("literal", term.value, language, datatype)
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return Parts("uri", str(term))
    if isinstance(term, BNode):
        return Parts("bnode", str(term))
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype and str(term.datatype) != XSD_STRING else None
        return Parts("literal", str(term), term.language, datatype)
    raise TypeError(f"not an RDF term: {term!r}")


def cell_text(term: object) -> str:
    """A term as one line of text: IRIs as CURIEs, literals as their lexical form."""
    p = parts(term)
    if p is None:
        return ""
    if p.kind == "uri":
        return curie(p.value)
    if p.kind == "bnode":
        return f"_:{p.value}"
    return " ".join(p.value.split())


def _width(text: str) -> int:
    width = wcswidth(text)
    return width if width >= 0 else len(text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def to_table(result: QueryResult) -> str:
    if result.kind == "ask":
        return "yes" if result.boolean else "no"
    header = result.variables
    rows = [[cell_text(t) for t in row] for row in result.terms()]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(header, widths, strict=False)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=False)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _safe_cell(text: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula: quote it."""
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _delimited(result: QueryResult, dialect: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect=dialect, lineterminator="\n")
    if result.kind == "ask":
        writer.writerow(["answer"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.terms():
        writer.writerow([_safe_cell(cell_text(t)) for t in row])
    return buffer.getvalue()


def to_csv(result: QueryResult) -> str:
    return _delimited(result, "excel")


def to_tsv(result: QueryResult) -> str:
    return _delimited(result, "excel-tab")


def _json_term(term: object) -> dict[str, str]:
    p = parts(term)
    out = {"type": p.kind, "value": p.value}
    if p.language:
        out["xml:lang"] = p.language
    elif p.datatype:
        out["datatype"] = p.datatype
    return out


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, ensure_ascii=False, indent=1)
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=False) if t is not None}
        for row in result.terms()
    ]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def to_markdown(result: QueryResult) -> str:
    if result.kind == "ask":
        return "yes" if result.boolean else "no"
    lines = ["| " + " | ".join(result.variables) + " |", "|" + "---|" * len(result.variables)]
    for row in result.terms():
        lines.append("| " + " | ".join(_md_cell(cell_text(t)) for t in row) + " |")
    return "\n".join(lines)


RENDERERS: dict[str, Callable[[QueryResult], str]] = {
    "table": to_table,
    "csv": to_csv,
    "tsv": to_tsv,
    "json": to_json,
    "md": to_markdown,
}


def render(result: QueryResult, fmt: str = "table") -> str:
    """A SELECT or ASK result in one of FORMATS."""
    return RENDERERS[fmt](result)
