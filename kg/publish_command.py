"""The `kg publish` command."""

from __future__ import annotations

import click

from kg.clikit import fail_cleanly, project_from, project_options


@click.command()
@click.option("--endpoint", required=True, metavar="URL", help="The Graph Store Protocol endpoint to upload to.")
@click.option("--sparql", metavar="URL", help="Its SPARQL query endpoint: drop stale graphs and count each back.")
@project_options
@fail_cleanly
def publish(endpoint, sparql, root, index_dir, backend) -> None:
    """Upload the graph to a SPARQL server, each file as its named graph (credentials:
    $KG_ENDPOINT_USER and $KG_ENDPOINT_PASSWORD)."""
    from kg.errors import KgError
    from kg.publish import publish as upload
    from kg.store import open_graph

    graph = open_graph(project_from(root, index_dir), backend=backend)
    published = upload(graph, endpoint, sparql)
    for item in published:
        counted = "" if item.counted is None else f" ({item.counted} there)"
        click.echo(f"{item.graph}: {item.triples} triples{counted}")
    wrong = [p for p in published if p.counted is not None and p.counted != p.triples]
    if wrong:
        raise KgError(f"{len(wrong)} graph(s) hold a different number of triples there than here")
    click.echo(f"published {len(published)} graphs, {sum(p.triples for p in published)} triples")
