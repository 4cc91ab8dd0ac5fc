"""SPARQL kept as `.rq` files with a small header of `#+ key: value` lines.

    #+ summary: one line on what the query returns
    #+ question: the question it answers, in plain words
    #+ param: place = a place, by label or IRI

A header line may repeat (`param`); every other key is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import DataFileError, NotFoundError

_HEADER = re.compile(r"^#\+\s*(?P<key>[a-z_]+)\s*:\s*(?P<value>.*?)\s*$")


@dataclass(frozen=True)
class Param:
    name: str
    description: str


@dataclass(frozen=True)
class QueryFile:
    name: str
    path: Path
    text: str
    summary: str = ""
    question: str = ""
    params: tuple[Param, ...] = field(default_factory=tuple)


def parse_header(text: str) -> dict[str, list[str]]:
    """The `#+ key: value` lines at the top of a query (before its first other line)."""
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _HEADER.match(line)
        if not match:
            if line.lstrip().startswith("#"):
                continue
            break
        header.setdefault(match["key"], []).append(match["value"])
    return header


def _param(spec: str) -> Param:
    name, _, description = spec.partition("=")
    return Param(name=name.strip(), description=description.strip())


def load_query_file(path: Path) -> QueryFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NotFoundError(f"{path}: cannot read query file ({exc.strerror or exc})") from None
    text = decode_utf8(path, data)
    header = parse_header(text)
    return QueryFile(
        name=path.stem,
        path=path,
        text=text,
        summary=" ".join(header.get("summary", [])),
        question=" ".join(header.get("question", [])),
        params=tuple(_param(p) for p in header.get("param", [])),
    )


def decode_utf8(path: Path, data: bytes) -> str:
    """The text of a file that must be UTF-8; else a DataFileError at the first bad byte's line and column."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        raise DataFileError(path, f"not UTF-8 text (byte 0x{data[exc.start]:02x})", line, column) from None


def load_query_dir(directory: Path, pattern: str = "*.rq") -> list[QueryFile]:
    """Every query file of a folder, sorted by name."""
    return [load_query_file(p) for p in sorted(directory.glob(pattern))]
