"""The persistent index under concurrent use and faults: processes killed in the
middle of an update, several processes at once while a file changes, readers that
outlive an update, and a disk that fills up. The data stays intact and every
command either answers correctly or says what happened in one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg.store import Index, open_graph
from tests.conftest import make_project

CASE = """@prefix gba: <https://w3id.org/gba-kg/ontology#> .
@prefix kg: <https://w3id.org/gba-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def cases(n: int, word: str = "案例") -> str:
    """A triples file of n labelled nodes (enough for a load to take a moment)."""
    lines = [CASE] + [f'kg:x-{i} rdfs:label "{word}{i}"@zh-Hans , "case {i}"@en .' for i in range(n)]
    return "\n".join(lines) + "\n"


def count(project, word: str) -> int:
    query = f'SELECT (COUNT(*) AS ?n) WHERE {{ ?s rdfs:label ?l FILTER(STRSTARTS(?l, "{word}")) }}'
    rows = open_graph(project).query(query)
    return int(rows.rows[0][0])


def generations(project) -> list[str]:
    return sorted(p.name for p in project.index_dir.glob("store*"))


def run_python(code: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


KILL_AFTER_FIRST_FILE = """
import os, signal, sys
from kg.paths import open_project
from kg.store import open_graph
project = open_project(root=sys.argv[1], index_dir=sys.argv[2])
def progress(rel, done, total):
    if done == 1:
        os.kill(os.getpid(), signal.SIGKILL)
open_graph(project, progress=progress)
"""


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, {"a.ttl": cases(3000, "甲"), "b.ttl": cases(3000, "乙")})


def test_killed_first_build_is_repaired_by_the_next_run(project):
    killed = run_python(KILL_AFTER_FIRST_FILE, str(project.root), str(project.index_dir))
    assert killed.returncode == -signal.SIGKILL
    assert count(project, "甲") == 3000 and count(project, "乙") == 3000
    assert len(generations(project)) == 1  # the debris of the killed build is gone


def test_killed_update_leaves_the_old_index(project):
    assert count(project, "甲") == 3000
    before = generations(project)
    original = (project.root / "triples" / "a.ttl").read_text(encoding="utf-8")
    (project.root / "triples" / "a.ttl").write_text(cases(10, "甲"), encoding="utf-8")
    killed = run_python(KILL_AFTER_FIRST_FILE, str(project.root), str(project.index_dir))
    assert killed.returncode == -signal.SIGKILL
    assert Index(project).read_manifest()["store"] == before[0]  # still the old generation
    (project.root / "triples" / "a.ttl").write_text(original, encoding="utf-8")  # the curator undoes the edit
    assert count(project, "甲") == 3000  # the old index, whole, answers
    assert generations(project) == before


def test_a_reader_keeps_its_generation_through_an_update(project):
    reader = open_graph(project)
    assert len(reader) > 0
    first = generations(project)
    (project.root / "triples" / "b.ttl").write_text(cases(5, "乙"), encoding="utf-8")
    assert count(project, "乙") == 5  # a new generation, made while the reader holds the old one
    assert set(first) < set(generations(project))
    old = reader.query('SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?l FILTER(STRSTARTS(?l, "乙")) }')
    assert int(old.rows[0][0]) == 3000  # the reader still sees the graph it opened
    del reader, old
    import gc

    gc.collect()
    (project.root / "triples" / "b.ttl").write_text(cases(7, "乙"), encoding="utf-8")
    assert count(project, "乙") == 7
    assert len(generations(project)) <= 2  # the old one was collected once nobody read it


QUERY_LOOP = """
import sys
from kg.paths import open_project
from kg.store import open_graph
project = open_project(root=sys.argv[1], index_dir=sys.argv[2])
seen = set()
for _ in range(8):
    g = open_graph(project)
    n = g.query('SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?l FILTER(STRSTARTS(?l, "甲")) }').rows[0][0]
    seen.add(int(n))
print(sorted(seen))
"""


def test_processes_at_once_while_a_file_changes(project):
    count(project, "甲")
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", QUERY_LOOP, str(project.root), str(project.index_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    path = project.root / "triples" / "a.ttl"
    for size in (3000, 100, 2000, 100, 3000):
        tmp = path.with_suffix(".tmp")
        tmp.write_text(cases(size, "甲"), encoding="utf-8")
        os.replace(tmp, path)  # an editor's atomic save
        count(project, "甲")
    for process in readers:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert set(eval(out)) <= {3000, 100, 2000}  # each answer is one whole version of the file
    assert count(project, "甲") == 3000
    assert len(generations(project)) <= 2


FILL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from kg.cli import main
main(sys.argv[2:])
"""


def test_a_full_disk_during_an_update_keeps_the_old_index(project):
    assert count(project, "甲") == 3000
    before = generations(project)
    (project.root / "triples" / "a.ttl").write_text(cases(20000, "甲"), encoding="utf-8")
    full = run_python(FILL_DISK, "200000", "stats", "--root", str(project.root), "--index", str(project.index_dir))
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr
    assert len(full.stderr.strip().splitlines()) == 1 and "cannot update the index" in full.stderr
    assert generations(project) == before  # nothing half written is left
    assert count(project, "甲") == 20000  # with room again, the next run brings it up to date


@pytest.mark.parametrize("command", ["view", "export"])
def test_a_full_disk_while_writing_output_leaves_no_file(project, tmp_path, command):
    count(project, "甲")
    target = tmp_path / "out" / ("view.html" if command == "view" else "graph.ttl")
    target.parent.mkdir()
    args = [command, "--root", str(project.root), "--index", str(project.index_dir), "-o", str(target)]
    args += ["--format", "turtle"] if command == "export" else []
    full = run_python(FILL_DISK, "20000", *args)
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr and len(full.stderr.strip().splitlines()) == 1
    assert list(target.parent.iterdir()) == []  # no half-written file, no temporary left behind


def test_unwritable_output_folder_is_one_line(project, tmp_path):
    count(project, "甲")
    target = Path("/proc/kg-cannot-write-here/out.ttl")
    run = run_python(
        "import sys\nfrom kg.cli import main\nmain(sys.argv[1:])",
        "export", "--root", str(project.root), "--index", str(project.index_dir), "--format", "turtle",
        "-o", str(target),
    )  # fmt: skip
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
