"""`kg ingest --accept DRAFT`: the reviewed draft, without its marks, becomes
triples/batch-N.ttl, but only if `kg validate` passes on the project with it.

Nothing in triples/ changes until the end: the new file is validated in a
temporary copy of the project (its own index), then linked into triples/ in one
atomic step that also refuses to replace a file that appeared meanwhile. An
interrupted or refused accept leaves triples/ as it was."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.errors import DataFileError, KgError
from kg.ingest.errors import IngestError
from kg.ingest.marking import draft_batch, open_notes, unmark
from kg.ingest.turtle import serialise
from kg.namespaces import GBA, curie
from kg.paths import Project, open_project
from kg.store import Progress
from kg.validate import Problem, validate


@dataclass
class AcceptResult:
    """What accepting a draft did, or why it refused."""

    draft: Path
    target: Path
    accepted: bool = False
    problems: list[Problem] = field(default_factory=list)
    statements: int = 0
    reminders: list[str] = field(default_factory=list)


def read_draft(path: Path) -> Graph:
    """The draft's triples; DataFileError with line (and column) when it does not parse."""
    graph = Graph()
    try:
        graph.parse(str(path), format="turtle")
    except FileNotFoundError:
        raise IngestError(path, "no such draft") from None
    except SyntaxError as exc:  # rdflib's BadSyntax: `lines` counts the lines before the error
        lines = getattr(exc, "lines", None)
        why = getattr(exc, "_why", None) or str(exc).splitlines()[0]
        raise DataFileError(
            path, f"the draft is not valid Turtle ({why})", lines + 1 if lines is not None else None
        ) from None
    except (OSError, ValueError) as exc:
        raise DataFileError(path, f"cannot read the draft: {exc}") from None
    return graph


def accept_draft(
    project: Project, draft_path: Path | str, sources_dir: Path | None = None, progress: Progress | None = None
) -> AcceptResult:
    """Move a reviewed draft into triples/batch-N.ttl if the merged project validates;
    otherwise return the problems and change nothing."""
    path = Path(draft_path)
    graph = read_draft(path)
    batch = draft_batch(graph)
    if batch is None:
        raise IngestError(path, "not a kg ingest draft (no draft marking: gba:draftedBy, prov:generated)")
    target = project.triples_dir / f"batch-{batch}.ttl"
    result = AcceptResult(path, target)
    if target.exists():
        raise KgError(f"{target}: exists; accepting never replaces curated triples (remove it or change the batch)")
    notes = open_notes(graph)
    if notes:
        result.problems = [Problem("review", curie(str(s)), note) for s, note in notes]
        return result
    clean = unmark(graph, batch)
    sources = sources_dir or project.sources_dir
    _check_sources(clean, sources, path)
    text = serialise(clean, _header(batch, clean, path))
    result.problems = _validate_with(project, target.name, text, sources, progress)
    if result.problems:
        return result
    _install(target, text)
    result.accepted, result.statements = True, len(clean)
    result.reminders = sorted({curie(str(s)) for s in clean.subjects() if "-draft-" in str(s)})
    _retire(path)
    return result


def _check_sources(graph: Graph, sources: Path, draft: Path) -> None:
    """Every source document the draft defines must be in the sources folder (its quotes are checked there)."""
    for file_name in sorted({str(o) for o in graph.objects(None, GBA.fileName)}):
        if not (sources / file_name).is_file():
            raise IngestError(
                draft,
                f"its source {file_name} is not in {sources}: put it there first "
                "(kg validate checks every quote against it)",
            )


def _header(batch: int, graph: Graph, draft: Path) -> str:
    files = sorted({str(o) for o in graph.objects(None, GBA.fileName)})
    cases = len(set(graph.subjects(GBA.caseNumber, None)))
    source = f" from {', '.join(files)}" if files else ""
    return (
        f"# Batch {batch} of the typical cases ({cases} cases): each case, its reporting agencies, instruments,\n"
        f"# places, dates and figures as observations, drafted by `kg ingest`{source} and reviewed by a\n"
        f"# curator ({draft.name}). Every quote is an exact substring of the source text once whitespace and\n"
        "# the marks * and # are removed. English labels tagged en-t-zh are the curators' translations.\n"
    )


def _validate_with(project: Project, name: str, text: str, sources: Path, progress: Progress | None) -> list[Problem]:
    """The problems `kg validate` finds in a temporary copy of the project with the new file added."""
    with tempfile.TemporaryDirectory(prefix="kg-accept-") as tmp:
        root = Path(tmp)
        shutil.copytree(project.ontology_dir, root / "ontology")
        shutil.copytree(project.triples_dir, root / "triples")
        (root / "triples" / name).write_text(text, encoding="utf-8")
        copy = open_project(root=root, sources_dir=sources, index_dir=root / ".kg-index")
        report = validate(copy, progress=progress)
    return [_relocated(p, root, project.root) for p in report.problems]


def _relocated(problem: Problem, temp_root: Path, real_root: Path) -> Problem:
    """A problem that names the temporary copy names the real project instead."""
    return Problem(problem.kind, problem.where.replace(str(temp_root), str(real_root)), problem.message)


def _install(target: Path, text: str) -> None:
    """Create `target` with `text` in one step: a temporary file beside it (not *.ttl, so
    no command ever reads it), flushed, then hard-linked into place; never over a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise KgError(f"{target}: appeared while accepting; nothing was written") from None
        except OSError:
            if target.exists():
                raise KgError(f"{target}: appeared while accepting; nothing was written") from None
            os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _retire(draft: Path) -> None:
    """Rename the accepted draft (batch-N.ttl.accepted) so it is not accepted twice by mistake."""
    with contextlib.suppress(OSError):
        draft.rename(draft.with_name(draft.name + ".accepted"))
