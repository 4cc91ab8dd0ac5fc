"""The `kg site` command: a thin shell over kg.site.build.build_site."""

from __future__ import annotations

from pathlib import Path

import click

from kg.clikit import fail_cleanly, project_from, project_options


@click.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to build the site in (replaced as a whole on each build).",
)
@click.option("--force", is_flag=True, help="Replace the folder even if it is not a site built by kg site.")
@click.option(
    "--lang",
    type=click.Choice(["en", "zh-Hans", "zh-Hant"]),
    default="en",
    show_default=True,
    help="Language of names in links, titles and views (every page shows all three).",
)
@project_options
@fail_cleanly
def site(output: Path, force: bool, lang: str, root: Path | None, index_dir: Path | None, backend: str) -> None:
    """Build a static site that works offline: a page per entity, the index with search,
    the ontology reference and the dataset card. Open index.html in that folder with any browser."""
    import time

    from kg.progress import load_progress
    from kg.site.build import build_site
    from kg.site.output import check_target
    from kg.store import open_graph

    started = time.perf_counter()
    check_target(output, force)
    graph = open_graph(project_from(root, index_dir), backend=backend)
    with load_progress(doing="building") as progress:
        report = build_site(graph, output, lang=lang, force=force, progress=progress)
    click.echo(
        f"wrote {output}: {report.pages} pages ({report.entity_pages} entities, {report.views} with a view), "
        f"{report.files} files, {report.bytes / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s; "
        f"open {output / 'index.html'}"
    )
