"""The `kg` command: one click group, thin commands over library functions.

Exit codes: 0 fine, 1 the data has problems, 2 bad usage or unreadable input.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.clikit import endpoint_option, fail_cleanly, open_for, project_from, project_options
from kg.errors import EXIT_DATA, EXIT_USAGE, KgError


@click.group()
@click.version_option(package_name="gba-kg")
def main() -> None:
    """The Greater Bay Area rule-alignment knowledge graph."""


@main.command()
@project_options
@click.option(
    "--sources", type=click.Path(path_type=Path), help="Folder of the source documents (default ../shared/sources)."
)
@click.option("--no-shacl", is_flag=True, help="Skip the SHACL shapes.")
@click.option("--no-quotes", is_flag=True, help="Skip checking evidence quotes against the sources.")
@fail_cleanly
def validate(root, index_dir, backend, sources, no_shacl, no_quotes) -> None:
    """Check syntax, shapes, quality checks and evidence quotes. Exit 1 on problems."""
    from kg.progress import load_progress
    from kg.validate import validate as run_validation

    project = project_from(root, index_dir, sources)
    with load_progress() as progress:
        report = run_validation(project, backend=backend, shacl=not no_shacl, quotes=not no_quotes, progress=progress)
    for problem in report.problems:
        click.echo(str(problem))
    if report.unreadable:
        first, rest = report.problems[0], len(report.problems) - 1
        more = f" (and {rest} more file(s) that could not be read)" if rest else ""
        click.echo(f"error: {first.where}: {first.message}{more}", err=True)
        raise SystemExit(EXIT_USAGE)
    checked = ", ".join(f"{n} {what}" for what, n in report.checked.items())
    if report.problems:
        click.echo(f"{len(report.problems)} problem(s); checked {checked}", err=True)
        raise SystemExit(EXIT_DATA)
    click.echo(f"valid: checked {checked}")


@main.command()
@project_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "md"]), default="table", show_default=True
)
@fail_cleanly
def stats(root, index_dir, backend, fmt) -> None:
    """Triples per file, entities by class and by source, label coverage by language."""
    from kg.formats import render
    from kg.progress import load_progress
    from kg.stats import stats as compute_stats
    from kg.stats import summary_line
    from kg.store import open_graph

    with load_progress() as progress:
        kg = open_graph(project_from(root, index_dir), backend=backend, progress=progress)
    click.echo(summary_line(kg))
    for name, table in compute_stats(kg).items():
        click.echo(f"\n# {name}")
        click.echo(render(table, fmt).rstrip("\n"))


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{pair!r}: write NAME=VALUE", param_hint="--param")
        params[name.strip()] = value
    return params


LANG_CHOICE = click.Choice(["en", "zh-Hans", "zh-Hant"])
FORMAT_CHOICE = click.Choice(["table", "csv", "tsv", "json", "md"])


@main.command()
@click.argument("name", required=False)
@click.option("--sparql", help="Run this SPARQL text instead of a named query or file.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Bind a parameter (repeatable).")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True)
@click.option("--lang", type=LANG_CHOICE, default="en", show_default=True, help="Language of the label columns.")
@click.option("--no-labels", is_flag=True, help="Do not add a label column after each IRI column.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with their questions.")
@click.option(
    "--timeout",
    type=click.FloatRange(0),
    default=120,
    show_default=True,
    help="Seconds before the query is stopped (0: none).",
)
@project_options
@endpoint_option
@fail_cleanly
def query(
    name, sparql, params, fmt, lang, no_labels, list_queries, timeout, root, index_dir, backend, endpoint
) -> None:
    """Run a named query (see --list), a .rq file, or --sparql TEXT.

    Prefixes of the ontology (gba:, kg:, rdfs:, skos:, dcterms:, prov:, org:,
    schema:, xsd:) are declared for you. Parameters are bound as values, never
    pasted into the query: kg query located-in --param place=横琴
    """
    from kg.query import find_query, named_queries, run_named

    if list_queries:
        for q in named_queries().values():
            params_text = f"  [{', '.join(p.name for p in q.params)}]" if q.params else ""
            click.echo(f"{q.name}{params_text}\n    {q.question or q.summary}")
        return
    if bool(name) == bool(sparql):
        raise click.UsageError("give a query NAME or FILE.rq, or --sparql TEXT (one of them)")
    from kg.formats import render
    from kg.queryfile import QueryFile
    from kg.timelimit import within

    qfile = find_query(name) if name else QueryFile(name="--sparql", path=Path("-"), text=sparql)
    graph = open_for(root, index_dir, backend, endpoint)
    result = within(timeout, lambda: run_named(graph, qfile, _parse_params(params), lang=None if no_labels else lang))
    if result.kind == "graph":
        click.echo(result.graph.serialize(format="turtle"))
        return
    click.echo(render(result, fmt).rstrip("\n"), color=True)  # data: keep every character of a label


@main.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--lang", type=LANG_CHOICE, default="en", show_default=True)
@project_options
@fail_cleanly
def search(text, limit, lang, root, index_dir, backend) -> None:
    """Find entities by any label, in simplified or traditional script, any case."""
    from kg.formats import visible
    from kg.namespaces import curie
    from kg.store import open_graph

    graph = open_graph(project_from(root, index_dir), backend=backend)
    index = graph.label_index()
    hits = index.search(text, limit=limit)
    if not hits:
        click.echo(f"no entity matches {text!r}", err=True)
        raise SystemExit(EXIT_DATA)
    for hit in hits:
        classes = ", ".join(curie(c) for c in hit.classes)
        name = index.name(hit.node, lang)
        matched = f"  (matched “{hit.label}”)" if hit.label != name else ""
        click.echo(visible(f"{hit.score:.2f}  {curie(str(hit.node))}  {name}  [{classes}]{matched}"))


@main.command()
@click.argument("entity")
@click.option("--lang", type=LANG_CHOICE, default="en", show_default=True)
@project_options
@fail_cleanly
def describe(entity, lang, root, index_dir, backend) -> None:
    """Every statement about ENTITY (IRI, CURIE or label), grouped, with sources."""
    from kg.describe import describe as describe_entity
    from kg.describe_text import describe_lines
    from kg.formats import visible
    from kg.store import open_graph

    graph = open_graph(project_from(root, index_dir), backend=backend)
    description = describe_entity(graph, entity)
    for line in describe_lines(description, graph.label_index(), lang):
        click.echo(visible(line))


def scope_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The subgraph selection shared by `kg view` and `kg export`."""
    options = [
        click.option(
            "--query",
            "construct",
            type=click.Path(dir_okay=False, path_type=Path),
            help="A CONSTRUCT query file: its graph is the selection.",
        ),
        click.option("--source", help="Only what a source document states: 002, a file name, a CURIE or a label."),
        click.option("--place", help="Only what is located in a place or in places inside it (横琴, 珠海 …)."),
        click.option("--type", "types", help="Only entities of these classes, comma-separated (TypicalCase,agency …)."),
        click.option(
            "--hops", type=click.IntRange(0, 10), default=1, show_default=True, help="Links to follow from --focus."
        ),
        click.option("--focus", help="Start from this entity (IRI, CURIE or label) and its neighbours."),
    ]
    for option in options:
        command = option(command)
    return command


def _scope(focus, hops, types, place, source, construct):
    from kg.select import Scope

    type_list = tuple(t.strip() for t in types.split(",") if t.strip()) if types else ()
    return Scope(focus=focus, hops=hops, types=type_list, place=place, source=source, query=construct)


@main.command()
@scope_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("gba-view.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--lang", type=LANG_CHOICE, default="en", show_default=True, help="Language of node and edge labels.")
@click.option("--size-by", type=click.Choice(["degree", "figures", "none"]), default="degree", show_default=True)
@click.option(
    "--layout",
    type=click.Choice(["auto", "physics", "static"]),
    default="auto",
    show_default=True,
    help="physics: vis-network settles the graph; static: positions computed ahead (large graphs).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@project_options
@endpoint_option
@fail_cleanly
def view(
    focus,
    hops,
    types,
    place,
    source,
    construct,
    output,
    force,
    lang,
    size_by,
    layout,
    open_browser,
    root,
    index_dir,
    backend,
    endpoint,
) -> None:
    """Write an offline HTML view of a subgraph (the whole graph by default)."""
    from kg.files import check_writable, write_atomic
    from kg.select import select
    from kg.views import to_html, view_network

    check_writable(output, force)
    scope = _scope(focus, hops, types, place, source, construct)
    graph = open_for(root, index_dir, backend, endpoint)
    selection = select(graph, scope)
    if not selection.nodes:
        raise KgError(f"the selection is empty ({scope.describe()}): nothing to draw")
    static = {"auto": None, "physics": False, "static": True}[layout]
    net = view_network(graph, selection, lang=lang, size_by=size_by, static_layout=static)
    title = (
        "GBA rule-alignment graph"
        if not focus
        else f"{graph.label_index().name(graph.label_index().resolve(focus), lang)}"
    )
    write_atomic(output, to_html(net, graph, title, scope.describe(), lang), force=force)
    click.echo(f"wrote {output}: {len(net.nodes)} nodes, {len(net.edges)} links ({scope.describe()})")
    if open_browser:
        import webbrowser

        if not webbrowser.open(output.resolve().as_uri()):
            click.echo("no browser to open it in; open the file yourself", err=True)


@main.command()
@scope_options
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["turtle", "nt", "trig", "nquads", "jsonld", "graphml", "gexf", "csv"]),
    help="RDF (turtle, nt, trig, nquads, jsonld), graphs (graphml, gexf) or tables (csv: nodes.csv + edges.csv).",
)
@click.option("-o", "--output", required=True, help="The file to write (a folder for csv); - for standard output.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option("--with-ontology", is_flag=True, help="Add the ontology's statements about the terms used.")
@click.option("--with-boundary", is_flag=True, help="Add labels and types of linked nodes outside the selection.")
@project_options
@endpoint_option
@fail_cleanly
def export(
    focus,
    hops,
    types,
    place,
    source,
    construct,
    fmt,
    output,
    force,
    with_ontology,
    with_boundary,
    root,
    index_dir,
    backend,
    endpoint,
) -> None:
    """Export a subgraph (the whole graph by default) for other tools."""
    from kg.export import ExportOptions
    from kg.export import export as run_export
    from kg.files import check_writable, write_atomic
    from kg.select import select

    targets = _export_targets(fmt, output)
    for target in targets.values():
        if target is not None:
            check_writable(target, force)
    scope = _scope(focus, hops, types, place, source, construct)
    graph = open_for(root, index_dir, backend, endpoint)
    selection = select(graph, scope)
    if not selection.nodes or len(selection.graph) == 0:
        raise KgError(f"the selection is empty ({scope.describe()}): nothing to export")
    files = run_export(graph, selection, fmt, ExportOptions(ontology=with_ontology, boundary=with_boundary))
    for suffix, data in files.items():
        target = targets[suffix]
        if target is None:
            click.echo(data.decode("utf-8") if isinstance(data, bytes) else data, nl=False, color=True)
        else:
            write_atomic(target, data, force=force)
    if any(t is not None for t in targets.values()):
        where = ", ".join(str(t) for t in targets.values())
        click.echo(
            f"wrote {where}: {len(selection.nodes)} nodes, {len(selection.graph)} triples ({scope.describe()})",
            err=output == "-",
        )


def _export_targets(fmt: str, output: str) -> dict[str, Path | None]:
    """Where each file of the export goes: None means standard output."""
    if fmt == "csv":
        if output == "-":
            raise click.UsageError("csv writes two files (nodes.csv, edges.csv): give a folder with -o")
        folder = Path(output)
        if folder.exists() and not folder.is_dir():
            raise click.UsageError(f"{folder}: csv needs a folder")
        folder.mkdir(parents=True, exist_ok=True)
        return {"nodes.csv": folder / "nodes.csv", "edges.csv": folder / "edges.csv"}
    return {"": None if output == "-" else Path(output)}


def _register() -> None:
    """Commands that live in their own packages (their heavy imports stay inside them)."""
    from kg.ingest.command import ingest
    from kg.publish_command import publish
    from kg.serve.command import serve
    from kg.site.command import site

    for command in (ingest, publish, serve, site):
        main.add_command(command)


_register()

if __name__ == "__main__":
    main()
