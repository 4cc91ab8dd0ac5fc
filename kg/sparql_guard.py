"""What a read-only query may not do, found in its text before it runs.

Refused: SPARQL Update (INSERT, DELETE, LOAD, CLEAR …), SERVICE (the engine would
call another server), and FROM / FROM NAMED naming a graph that is not loaded here
(rdflib would fetch a file or web address). The text is tokenised, so keywords
inside strings, IRIs, comments, variables and prefixed names do not count."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from kg.errors import QueryRefused
from kg.prefixes import PREFIXES

_TOKENS = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7-\U0010ffff]+)
  | (?P<lang>@[A-Za-z][A-Za-z0-9-]*)
  | (?P<pname>(?:[A-Za-z\u00c0-\U0010ffff][\w.\u00b7-\U0010ffff-]*)?:(?:[\w.:%\u00b7-\U0010ffff-]|\\.)*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.X | re.S,
)
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


def tokens(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) for each token that carries meaning (no spaces or comments)."""
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield kind, match.group()


def check_query(text: str, graphs: Collection[str] | None = None) -> None:
    """Raise QueryRefused if the query updates, calls out, or names a graph not in `graphs`
    (None: any FROM is refused)."""
    prefixes = dict(PREFIXES)
    toks = list(tokens(text))
    for i, (kind, value) in enumerate(toks):
        if kind != "word":
            continue
        word = value.upper()
        if word in UPDATE_WORDS:
            raise QueryRefused(f"{word} is SPARQL Update; this graph is read-only")
        if word == "SERVICE":
            raise QueryRefused("SERVICE would call another server; queries here run on this graph only")
        if word == "PREFIX" and i + 2 < len(toks) and toks[i + 2][0] == "iri":
            prefixes[toks[i + 1][1].rstrip(":")] = toks[i + 2][1][1:-1]
        if word == "FROM":
            check_graph(_graph_named(toks, i + 1, prefixes), graphs)


def _graph_named(toks: list[tuple[str, str]], i: int, prefixes: dict[str, str]) -> str:
    if i < len(toks) and toks[i][0] == "word" and toks[i][1].upper() == "NAMED":
        i += 1
    if i >= len(toks):
        raise QueryRefused("FROM without a graph")
    kind, value = toks[i]
    if kind == "iri":
        return value[1:-1]
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    raise QueryRefused(f"FROM {value}: not a graph name")


def check_graph(iri: str, graphs: Collection[str] | None) -> None:
    """Refuse a dataset graph (FROM, FROM NAMED, default-graph-uri, named-graph-uri) not loaded here."""
    if graphs is None or iri not in graphs:
        raise QueryRefused(f"graph <{iri}> is not one of this graph's named graphs")
