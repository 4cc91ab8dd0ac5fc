"""The `kg ingest` command: thin over kg.ingest.draft and kg.ingest.accept."""

from __future__ import annotations

from pathlib import Path

import click

from kg.clikit import fail_cleanly, project_from, project_options
from kg.errors import EXIT_DATA


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--batch", type=click.IntRange(min=1), help="The batch the document is (its cases become case-bN-NN).")
@click.option(
    "--accept",
    "accept",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Accept a reviewed draft into triples/batch-N.ttl (only if kg validate passes with it).",
)
@click.option(
    "--drafts",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for drafts and review reports (default ROOT/drafts).",
)
@click.option("--force", is_flag=True, help="Overwrite an earlier draft of the same batch.")
@click.option(
    "--sources", type=click.Path(path_type=Path), help="Folder of the source documents (default ../shared/sources)."
)
@project_options
@fail_cleanly
def ingest(file, batch, accept, drafts, force, sources, root, index_dir, backend) -> None:
    """Draft triples from a case-list document, or accept a reviewed draft.

    kg ingest FILE --batch N reads FILE (text or Markdown as printed, .docx or PDF) and
    writes drafts/batch-N.ttl, every statement marked as a draft, and
    drafts/batch-N.review.md (per case: matched, new, uncertain). Nothing in
    triples/ changes.

    kg ingest --accept drafts/batch-N.ttl writes triples/batch-N.ttl from the
    reviewed draft (marks removed) if kg validate passes on the project with it;
    otherwise it lists the problems, exits 1 and changes nothing.
    """
    if accept is not None:
        if file is not None or batch is not None:
            raise click.UsageError("--accept takes only the draft; give FILE --batch N to draft instead")
        _accept(accept, project_from(root, index_dir, sources))
        return
    if file is None or batch is None:
        raise click.UsageError("give FILE and --batch N to draft, or --accept DRAFT")
    _draft(file, batch, drafts, force, project_from(root, index_dir, sources), backend)


def _draft(file: Path, batch: int, drafts: Path | None, force: bool, project, backend: str) -> None:
    from kg.ingest.draft import default_drafts_dir, ingest_document, write_draft
    from kg.ingest.errors import IngestError
    from kg.ingest.report import case_review
    from kg.progress import load_progress
    from kg.store import open_graph

    if not file.is_file():
        raise IngestError(file, "no such file")
    with load_progress() as progress:
        graph = open_graph(project, backend=backend, progress=progress)
    draft = ingest_document(file, graph, batch)
    files = write_draft(draft, drafts or default_drafts_dir(project.root), force=force)
    counts = [0, 0, 0]
    for case in draft.cases:
        for i, items in enumerate(case_review(case)):
            counts[i] += len(items)
    for warning in draft.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"wrote {files.turtle} ({len(draft.graph)} statements) and {files.report}: {len(draft.cases)} cases; "
        f"matched {counts[0]}, new {counts[1]}, uncertain {counts[2]}"
    )
    if files.text is not None:
        click.echo(f"wrote {files.text}: the text the quotes stand in; put it in {project.sources_dir}")


def _accept(draft: Path, project) -> None:
    from kg.ingest.accept import accept_draft
    from kg.progress import load_progress

    with load_progress() as progress:
        result = accept_draft(project, draft, progress=progress)
    if not result.accepted:
        for problem in result.problems:
            click.echo(str(problem))
        click.echo(
            f"refused: {len(result.problems)} problem(s) with {draft} merged into the project; "
            f"{project.triples_dir} is unchanged",
            err=True,
        )
        raise SystemExit(EXIT_DATA)
    click.echo(f"accepted {draft}: wrote {result.target} ({result.statements} statements); kg validate passes")
    if result.reminders:
        click.echo(f"note: {len(result.reminders)} IRI(s) still carry -draft-: {', '.join(result.reminders[:5])}")
