"""Issue 12, data files: real triples files with faults injected (truncated, broken
escapes, wrong prefixes, invalid IRIs, bad language tags, wrong datatypes, duplicated
subjects, deep nesting, garbage, other encodings, binary, 50 MB) make `kg validate`,
`kg stats` and `kg query NAME` succeed or fail cleanly: exit 2 (1 for validate's data
problems), one line on stderr, a syntax error as `path:line[:column]: message` naming
the broken file; never a traceback, never a hang. Every case works on a temporary
project made by tests/conftest.py's make_project; the generators live in
benchmarks/robustness.py."""

from __future__ import annotations

import pytest
from hypothesis import given

from benchmarks.robustness import (
    COMPANION,
    MUTATORS,
    Mutation,
    big_turtle,
    check_data_file,
    clean_exit_problems,
    hypothesis_settings,
    mutated_files,
    project_args,
    run_cli,
    run_subprocess,
    seed_texts,
)
from tests.conftest import make_project

EXAMPLES_PER_KIND = 2
"""Generated files per kind of fault (14 kinds): 28 cases, about 25 s here."""


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """One project for the module: each case rewrites its broken file (the index keeps
    up, file by file, as it would for someone editing the triples)."""
    return make_project(tmp_path_factory.mktemp("robust-data"), {COMPANION: seed_texts()[COMPANION]})


def _only(project, name: str, data: bytes):
    """The project's triples: the intact companion file and `name` holding `data`."""
    for stale in project.triples_dir.glob("*.ttl"):
        if stale.name != COMPANION:
            stale.unlink()
    path = project.triples_dir / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", sorted(MUTATORS))
def test_mutated_data_files_fail_cleanly(project, kind):
    @hypothesis_settings(EXAMPLES_PER_KIND)
    @given(mutation=mutated_files(kinds=(kind,)))
    def case(mutation: Mutation) -> None:
        problems, _ = check_data_file(project, mutation)
        assert not problems, f"{mutation!r}: {problems}"

    case()


@pytest.mark.parametrize("encoding", ["gbk", "big5", "utf-16", "utf-32"])
def test_wrong_encoding_names_the_file_and_line(project, encoding):
    text = seed_texts()["places.ttl"]
    problems, codes = check_data_file(
        project, Mutation("encoding", "places.ttl", text.encode(encoding, errors="replace"))
    )
    assert not problems
    assert codes == {"stats": 2, "query": 2, "validate": 2}


def test_ill_typed_literals_are_data_problems(project):
    text = seed_texts()["places.ttl"] + (
        '\nkg:place-x rdfs:label "abc"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        'kg:place-y gba:issuedDate "2024-13-45"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
    )
    problems, codes = check_data_file(project, Mutation("wrong-datatype", "places.ttl", text.encode()))
    assert not problems and codes["validate"] == 1
    out = run_cli(["validate", *project_args(project), "--sources", str(project.sources_dir)])
    assert "rdfs:label has “abc”, which is not a valid xsd:integer [ill-typed-literal]" in out.stdout
    assert "gba:issuedDate has “2024-13-45”, which is not a valid xsd:date [ill-typed-literal]" in out.stdout


def test_an_iri_with_an_apostrophe_gets_its_label(project):
    """A valid IRI the query guard would refuse in query text: the label column writes it escaped."""
    text = seed_texts()["places.ttl"] + (
        "\nkg:place-x rdfs:seeAlso <http://example.org/it's> .\n<http://example.org/it's> rdfs:label \"it is\"@en .\n"
    )
    _only(project, "places.ttl", text.encode())
    query = "SELECT ?o WHERE { kg:place-x rdfs:seeAlso ?o }"
    out = run_cli(["query", "--sparql", query, "--format", "csv", *project_args(project)])
    assert out.exit_code == 0, out.stderr
    assert out.stdout.splitlines() == ["o,o_label", "http://example.org/it's,it is"]


def test_a_fixed_file_gives_back_every_triple(project):
    """Faults lose nothing: after broken versions of a file, the intact one gives the same counts."""
    text = seed_texts()["places.ttl"]
    _only(project, "places.ttl", text.encode())
    before = run_cli(["stats", *project_args(project), "--format", "csv"])
    for broken in (
        text + "\nkg:place-x rdfs:label",
        text.encode("utf-16"),
        b"\x00\xff" * 100,
        text.replace("@prefix kg:", "@prefix k:"),
    ):
        _only(project, "places.ttl", broken if isinstance(broken, bytes) else broken.encode())
        assert run_cli(["stats", *project_args(project)]).exit_code == 2
    _only(project, "places.ttl", text.encode())
    after = run_cli(["stats", *project_args(project), "--format", "csv"])
    assert after.exit_code == 0 and after.stdout == before.stdout


# ------------------------------------------------------------------ real processes, big and binary files


def _subprocess_problems(project, path, commands=(["stats"], ["query", "entities-by-class"])) -> list[str]:
    problems = []
    for command in commands:
        out = run_subprocess([*command, *project_args(project)], timeout=180)
        found = clean_exit_problems(out, (2,))
        line = out.stderr.strip()
        if not line.startswith(f"error: {path}:"):
            found.append(f"stderr does not name {path}: {line[:200]!r}")
        problems += [f"kg {command[0]}: {p}" for p in found]
    return problems


def test_50_mb_file_with_an_error_on_its_last_line(project):
    data = big_turtle(50, "\nkg:broken kg:p .\n")
    path = _only(project, "big.ttl", data)
    assert not _subprocess_problems(project, path, commands=(["stats"],))
    last = data.count(b"\n")
    validate = run_subprocess(["validate", *project_args(project), "--no-quotes"], timeout=180)
    assert validate.exit_code == 2 and validate.stdout.startswith(f"syntax: {path}:{last}:")
    assert validate.stderr.strip().startswith(f"error: {path}:{last}:")
    assert len(validate.stderr.strip().splitlines()) == 1
    path.unlink()


@pytest.mark.parametrize(
    "name, data",
    [
        ("binary.ttl", b"\x00\xff\xfe\x89PNG" * (8 * 2**20)),
        ("gbk.ttl", (seed_texts()["places.ttl"] * 20).encode("gbk")),
        ("utf16.ttl", seed_texts()["agencies.ttl"].encode("utf-16")),
    ],
    ids=["binary-50MB", "gbk", "utf-16"],
)
def test_binary_and_wrongly_encoded_files_in_a_real_process(project, name, data):
    path = _only(project, name, data)
    assert not _subprocess_problems(project, path)
    path.unlink()


def test_a_token_over_16_mb_is_a_clean_error(project):
    data = big_turtle(0, '\nkg:case-x rdfs:label "' + "x" * (17 * 2**20) + '" .\n')
    path = _only(project, "huge-literal.ttl", data)
    try:
        out = run_subprocess(["stats", *project_args(project)], timeout=180)
        assert not clean_exit_problems(out, (2,)), out.stderr[-500:]
    finally:
        path.unlink()


def test_validate_names_the_file_and_line_on_stderr(project):
    seed = seed_texts()["places.ttl"]
    path = _only(project, "places.ttl", seed[: seed.index("kg:place-china") + 30].encode())  # cut mid-statement
    out = run_cli(["validate", *project_args(project), "--no-quotes"])
    assert out.exit_code == 2
    assert out.stderr.startswith(f"error: {path}:")
