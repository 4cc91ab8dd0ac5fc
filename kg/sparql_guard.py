"""What a read-only query may not do, found in its text before it runs.

Refused: SPARQL Update (INSERT, DELETE, LOAD, CLEAR …), SERVICE (the engine would
call another server), and FROM / FROM NAMED naming a graph that is not loaded here
(rdflib would fetch a file or web address). The text is tokenised, so keywords
inside strings, IRIs, comments, variables and prefixed names do not count.

The tokeniser reads the text as Oxigraph does wherever that matters for a refusal:
comments end at CR as well as LF, IRIs may hold \\u escapes, and a keyword glued to
what follows (`SERVICE:x`, `SERVICEa:x`, `trueSERVICE`) is still the keyword, as
Oxigraph's parser takes it. An IRI holding an apostrophe is refused: `?a<'x>'…`
reads as an IRI or as a comparison with a string, and the two readings see
different keywords. The tokeniser takes time linear in the length of the text.

Also refused: queries that would crash or stall the engine before any time limit
applies. Oxigraph parses and plans recursively and on the calling thread's stack:
thousands of nested groups or parentheses, or a few thousand chained operators or
group elements, overflow the stack and end the process (the server with it); a
single group of a few hundred triple patterns takes the planner minutes. No query
a person writes comes near the limits below.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Iterator

from kg.errors import QueryRefused, QuerySyntaxError
from kg.prefixes import PREFIXES

_SURROGATE = re.compile(r"[\ud800-\udfff]")
"""What undecodable bytes become in a str (Python's surrogateescape): no query text holds them."""
_NAME_START = r"A-Za-z\u00c0-\U0010ffff"
_NAME_CHAR = r"\w.\u00b7-\U0010ffff-"
_LOCAL = r"(?:[\w.:%\u00b7-\U0010ffff-]|\\.)*"
_TOKENS = re.compile(
    rf"""
    (?P<comment>\#[^\n\r]*)
  | (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{{4}}|\\U[0-9A-Fa-f]{{8}})*>)
  | (?P<var>[?$][\w\u00b7-\U0010ffff]+)
  | (?P<lang>@[A-Za-z][A-Za-z0-9-]*)
  | (?P<name>[{_NAME_START}][{_NAME_CHAR}]*(?::{_LOCAL})?)
  | (?P<pname>:{_LOCAL})
  | (?P<word>_\w*)
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.X | re.S,
)
_IN_NAME = re.compile(r"(?P<word>[A-Za-z_]\w*)|(?P<space>\s+)|(?P<other>.)", re.S)
"""A run of name characters without a colon: the words and single characters in it."""
_LONG_STRING = {q: re.compile(rf"{q * 3}(?:[^{q}\\]|\\.|{q}(?!{q * 2}))*", re.S) for q in "'\""}
_SHORT_STRING = {q: re.compile(rf"{q}(?:[^{q}\\\n\r]|\\.)*", re.S) for q in "'\""}
"""Strings up to (not including) their closing quotes; a scan that ends anywhere else failed."""

UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
GLUED_WORDS = ("SERVICE", "FROM")
"""Keywords Oxigraph finds at the start of any name (it reads `SERVICEa:x` as SERVICE a:x)."""

MAX_DEPTH = 32
"""Brackets nested in one another (and chained unary operators): Oxigraph needs about
8 KB of stack per level; 512 KB thread stacks end near 60 levels, 8 MB ones near 900."""
MAX_ELEMENTS = 2000
"""Keywords and operators in the query (outside VALUES data): about 5,000 chained
BINDs, MINUS groups or SELECT expressions overflow an 8 MB stack."""
MAX_PATTERNS = 100
"""Triple patterns, about: the planner takes about 1 s for 100 in one group on an
empty store, 6 s for 150 and minutes for 400, before a time limit can stop it."""
_OPEN, _CLOSE = "([{", ")]}"
_UNARY = frozenset("!+-^")
_OPERATORS = frozenset("([{.;+-*/=<>!&|^")
_SEPARATORS = frozenset(".;,")


def tokens(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) for each token that carries meaning (no spaces or comments).

    Kinds: comment and space (never yielded), string, iri, var, lang, pname (with its
    colon), word (letters, digits and underscores starting with a letter or
    underscore) and other (any other single character)."""
    failed: dict[tuple[str, bool], int] = {}
    """Where the last failed scan for a string (quote, long?) ended: an opening quote
    of that kind before there fails the same way (the scans are deterministic)."""
    pos, end = 0, len(text)
    while pos < end:
        char = text[pos]
        if char in "'\"":
            string_end = _string_at(text, pos, char, failed)
            if string_end:
                yield "string", text[pos:string_end]
                pos = string_end
                continue
        match = _TOKENS.match(text, pos)
        assert match is not None  # `other` matches any character
        kind, value = match.lastgroup or "other", match.group()
        pos = match.end()
        if kind == "name":
            if ":" in value:
                yield "pname", value
            else:
                yield from _name_parts(value)
        elif kind not in ("space", "comment"):
            yield kind, value


def _string_at(text: str, pos: int, quote: str, failed: dict[tuple[str, bool], int]) -> int:
    """The end of the string literal starting at `pos`, or 0 if none does."""
    for long in (True, False):
        if long and not text.startswith(quote * 3, pos):
            continue
        if pos < failed.get((quote, long), -1):
            continue
        scan = (_LONG_STRING if long else _SHORT_STRING)[quote].match(text, pos)
        assert scan is not None
        close = quote * 3 if long else quote
        if text.startswith(close, scan.end()):
            return scan.end() + len(close)
        failed[(quote, long)] = scan.end()
    return 0


def _name_parts(run: str) -> Iterator[tuple[str, str]]:
    for match in _IN_NAME.finditer(run):
        if match.lastgroup != "space":
            yield match.lastgroup or "other", match.group()


def check_query(text: str, graphs: Collection[str] | None = None, dataset: Iterable[str] = ()) -> None:
    """Raise QueryRefused if the query updates, calls out, names a graph not in `graphs`
    (None: any FROM is refused) in its text or in `dataset` (the protocol's
    default-graph-uri and named-graph-uri), or is too deep or too large to parse and plan safely.

    The verdict on a text depends only on the text and the graphs, so it is kept for
    the last few hundred short texts: a query run again is not tokenised again."""
    for iri in dataset:
        check_graph(iri, graphs)
    loaded = None if graphs is None else frozenset(graphs)
    refusal = _remembered_verdict(text, loaded) if len(text) <= REMEMBERED_TEXT else _verdict(text, loaded)
    if refusal is not None:
        raise _fresh(refusal)


REMEMBERED_TEXT = 16_384
"""Texts up to this length have their verdict remembered (at most 512 of them)."""


def _verdict(text: str, graphs: frozenset[str] | None) -> QueryRefused | QuerySyntaxError | None:
    """The refusal check_query would raise, or None."""
    try:
        _check(text, graphs)
    except (QueryRefused, QuerySyntaxError) as refusal:
        return _fresh(refusal)
    return None


def _fresh(refusal: QueryRefused | QuerySyntaxError) -> QueryRefused | QuerySyntaxError:
    """A new exception equal to `refusal`, with no traceback or context: a remembered
    verdict is never raised itself (threads raising one instance link its __context__
    into cycles, and it would keep the frames of its first raise alive)."""
    fresh = type(refusal).__new__(type(refusal), *refusal.args)
    fresh.__dict__.update(refusal.__dict__)
    return fresh


_remembered_verdict = functools.lru_cache(maxsize=512)(_verdict)


def _check(text: str, graphs: frozenset[str] | None) -> None:
    check_text(text)
    prefixes = dict(PREFIXES)
    toks = list(tokens(text))
    for i, (kind, value) in enumerate(toks):
        if kind == "iri" and "'" in value:
            raise QueryRefused(
                f"the IRI {_short(value)} holds an apostrophe, which could also read as a comparison with a string: "
                "write it as %27 (or put spaces around < and > when comparing)"
            )
        if kind not in ("word", "pname"):
            continue
        word = value.upper() if kind == "word" else value.partition(":")[0].upper()
        glued = next((w for w in GLUED_WORDS if w in word and (kind == "pname" or w != word)), None)
        if glued:
            raise QueryRefused(f"“{_short(value)}” holds the keyword {glued}: put a space after {glued}")
        if kind != "word":
            continue
        if word in UPDATE_WORDS:
            raise QueryRefused(f"{word} is SPARQL Update; this graph is read-only")
        if word == "SERVICE":
            raise QueryRefused("SERVICE would call another server; queries here run on this graph only")
        if word == "PREFIX" and i + 2 < len(toks) and toks[i + 2][0] == "iri":
            prefixes[toks[i + 1][1].rstrip(":")] = toks[i + 2][1][1:-1]
        if word == "FROM":
            check_graph(_graph_named(toks, i + 1, prefixes), graphs)
    check_size(toks)


def check_text(text: str) -> None:
    """A QuerySyntaxError for text that is not Unicode (bytes that were not UTF-8, kept as surrogates)."""
    bad = _SURROGATE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise QuerySyntaxError("the query text is not valid UTF-8", line, column)


def check_size(toks: list[tuple[str, str]]) -> None:
    """Refuse a query nested deeper than MAX_DEPTH, with more than MAX_ELEMENTS keywords
    and operators, or with more than about MAX_PATTERNS triple patterns."""
    stack: list[str] = []
    """Each open bracket: `{`, `[`, `(` of an expression, `c` (a collection or a path in a
    pattern), `v` (the data of a VALUES block), `<` (a quoted triple, `<<`)."""
    depth_seen = unary = elements = patterns = 0
    previous: tuple[str, str] = ("other", "{")
    after_values = False
    clause = False
    """In a projection, GROUP BY, ORDER BY or HAVING (of a subquery), whose parentheses hold expressions."""
    for kind, value in toks:
        in_values = "v" in stack
        pattern_level = bool(stack) and stack[-1] in "{[c"
        if kind == "word":
            elements += not in_values
            upper = value.upper()
            after_values = after_values or upper == "VALUES"
            clause = upper in ("SELECT", "BY", "HAVING") or (clause and upper != "WHERE")
        elif kind == "other":
            if value in _OPERATORS and not in_values:
                elements += 1
            if value in _OPEN:
                clause = clause and value != "{"
                if value == "{" and after_values:
                    stack.append("v")
                    after_values = False
                elif value == "(" and pattern_level and not clause and _starts_collection(previous):
                    stack.append("c")
                else:
                    stack.append(value)
                if not in_values:
                    patterns += value in "{[" and pattern_level
            elif value in _CLOSE:
                clause = clause and value != "}"
                if stack:
                    stack.pop()
            elif value in "<>" and previous == ("other", value):
                if value == "<":
                    stack.append("<")
                elif stack and stack[-1] == "<":
                    stack.pop()
                previous = ("other", "")  # `<<<` is one `<<` and a `<`
                continue
            elif not in_values and pattern_level and (value in _SEPARATORS or value == "/"):
                patterns += 1
        elif stack and stack[-1] == "c":
            patterns += 1  # a term of a collection
        unary = unary + 1 if kind == "other" and value in _UNARY else 0
        depth_seen = max(depth_seen, len(stack) + unary)
        if depth_seen > MAX_DEPTH:
            raise QueryRefused(f"the query nests more than {MAX_DEPTH} levels deep; write it flatter")
        previous = (kind, value)
    if elements > MAX_ELEMENTS:
        raise QueryRefused(f"the query has {elements} keywords and operators (at most {MAX_ELEMENTS}); split it")
    if patterns > MAX_PATTERNS:
        raise QueryRefused(
            f"the query has about {patterns} triple patterns (at most {MAX_PATTERNS}; planning that many takes "
            "the engine minutes); split it"
        )


def _starts_collection(previous: tuple[str, str]) -> bool:
    """Whether a `(` inside a group pattern opens a collection or a path (not an expression):
    it follows a term or punctuation, not a keyword or function name."""
    kind, value = previous
    if kind == "word":
        return value == "a"
    return kind != "other" or value in "{}[(),;./|^!"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
