"""Result tables in each output format: an aligned text table (CJK-width aware),
CSV, TSV, SPARQL 1.1 results JSON and Markdown. Each function returns a string."""

from __future__ import annotations

import csv
import io
import json
import re
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


def cell_value(term: object) -> str:
    """A term as text, exactly: IRIs as CURIEs, literals as their lexical form (newlines and all)."""
    p = parts(term)
    if p is None:
        return ""
    if p.kind == "uri":
        return curie(p.value)
    if p.kind == "bnode":
        return f"_:{p.value}"
    return p.value


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    """A control character as its Unicode control picture (ESC is ␛), C1 controls as �:
    a label never moves the cursor or recolours the terminal it is printed to."""
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    """Text with control characters shown as symbols, for lines printed to a terminal."""
    return _CONTROL.sub(_visible, text)


def cell_text(term: object) -> str:
    """A term as one line of text: IRIs as CURIEs, literals as their lexical form with
    runs of whitespace (newlines too) as one space and control characters made visible."""
    return _CONTROL.sub(_visible, " ".join(cell_value(term).split()))


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
    if text.startswith(_FORMULA_START) and not is_number(text):
        return "'" + text
    return text


def is_number(text: str) -> bool:
    """Whether a cell's text reads as a number (a leading sign is then not a formula)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_writer(buffer: io.StringIO, dialect: str = "excel") -> Callable[[list[str]], None]:
    """A row writer for CSV (or TSV) with LF line ends whose cells read back exactly:
    the csv module quotes a cell holding LF but not one holding only CR (which readers
    take as a line end), so a row with a CR has every cell quoted."""
    minimal = csv.writer(buffer, dialect=dialect, lineterminator="\n")
    quoted = csv.writer(buffer, dialect=dialect, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def write(row: list[str]) -> None:
        (quoted if any("\r" in cell for cell in row) else minimal).writerow(row)

    return write


def _delimited(result: QueryResult, dialect: str) -> str:
    buffer = io.StringIO()
    write = csv_writer(buffer, dialect)
    if result.kind == "ask":
        write(["answer"])
        write(["true" if result.boolean else "false"])
        return buffer.getvalue()
    write(result.variables)
    for row in result.terms():
        write([_safe_cell(cell_value(t)) for t in row])
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


_MD_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {c: "\\" + c for c in "\\|`*_~[]"}
_MD_SPECIAL = re.compile("[" + re.escape("".join(_MD_ESCAPES)) + "]")


def _md_cell(text: str) -> str:
    """A table cell whose text shows as itself: no HTML, entity, link, image, emphasis or
    code span, and no | ending the cell early."""
    return _MD_SPECIAL.sub(lambda m: _MD_ESCAPES[m.group()], text)


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
