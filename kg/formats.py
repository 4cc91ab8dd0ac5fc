"""Result tables in each output format: an aligned text table (CJK-width aware),
CSV, TSV, SPARQL 1.1 results JSON and Markdown. Each function returns a string."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from wcwidth import wcswidth

from kg.namespaces import curie
from kg.store import QueryResult

FORMATS = ("table", "csv", "tsv", "json", "md")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(term: Node | None) -> str:
    """A term as one line of text: IRIs as CURIEs, literals as their lexical form."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return curie(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split())


def _width(text: str) -> int:
    width = wcswidth(text)
    return width if width >= 0 else len(text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def to_table(result: QueryResult) -> str:
    if result.kind == "ask":
        return "yes" if result.boolean else "no"
    header = result.variables
    rows = [[cell_text(t) for t in row] for row in result.rows]
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
    for row in result.rows:
        writer.writerow([_safe_cell(cell_text(t)) for t in row])
    return buffer.getvalue()


def to_csv(result: QueryResult) -> str:
    return _delimited(result, "excel")


def to_tsv(result: QueryResult) -> str:
    return _delimited(result, "excel-tab")


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, ensure_ascii=False, indent=1)
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=False) if t is not None} for row in result.rows
    ]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def to_markdown(result: QueryResult) -> str:
    if result.kind == "ask":
        return "yes" if result.boolean else "no"
    lines = ["| " + " | ".join(result.variables) + " |", "|" + "---|" * len(result.variables)]
    for row in result.rows:
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
