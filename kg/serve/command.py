"""The `kg serve` command."""

from __future__ import annotations

import click

from kg.clikit import fail_cleanly, project_from, project_options


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True, help="Query processes.")
@click.option("--timeout", type=click.FloatRange(0.1), default=30, show_default=True, help="Seconds per query.")
@click.option("--max-rows", type=click.IntRange(1), default=10_000, show_default=True, help="Rows per answer.")
@click.option("--cors", metavar="ORIGIN", help="Allow browsers on ORIGIN (or *) to query; off by default.")
@project_options
@fail_cleanly
def serve(host, port, workers, timeout, max_rows, cors, root, index_dir, backend) -> None:
    """Serve the graph read-only: SPARQL 1.1 Protocol at /sparql, a query page at /."""
    from kg.serve.app import ServeOptions
    from kg.serve.server import Server, Settings

    options = ServeOptions(max_rows=max_rows, cors=cors)
    settings = Settings(host, port, workers, timeout, backend, options)
    server = Server(project_from(root, index_dir), settings)
    click.echo(f"serving {server.url} (SPARQL at {server.url}sparql); Ctrl-C to stop", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
