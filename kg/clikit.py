"""What every `kg` command shares: clean failure, the project options, the project."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.errors import KgError, QueryTimeout

BACKEND_CHOICE = click.Choice(["oxigraph", "oxigraph-memory", "memory"])


def fail_cleanly(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a KgError into one line on stderr and its exit code; never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except QueryTimeout as exc:
            click.echo(f"error: {exc}", err=True)
            sys.stdout.flush()
            os._exit(exc.exit_code)  # the query still runs in a thread: end the process, and the work with it
        except KgError as exc:
            click.echo(f"error: {exc}", err=True)
            raise SystemExit(exc.exit_code) from None
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            raise SystemExit(130) from None

    return wrapper


def project_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--root, --index and --backend, shared by every command that opens the graph."""
    command = click.option(
        "--backend",
        type=BACKEND_CHOICE,
        default="oxigraph",
        show_default=True,
        help="oxigraph: the on-disk index; oxigraph-memory: loaded into memory (faster queries, slower start); "
        "memory: rdflib's memory store.",
    )(command)
    command = click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Index folder (default ROOT/.kg-index, or $KG_INDEX).",
    )(command)
    command = click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder holding ontology/ and triples/ (default: found from here, or $KG_ROOT).",
    )(command)
    return command


def project_from(root: Path | None, index_dir: Path | None, sources: Path | None = None):
    from kg.paths import open_project

    return open_project(root=root, index_dir=index_dir, sources_dir=sources)


def endpoint_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--endpoint URL: run against a SPARQL 1.1 endpoint instead of the embedded store."""
    return click.option(
        "--endpoint",
        metavar="URL",
        envvar="KG_ENDPOINT",
        help="A SPARQL 1.1 query endpoint to ask instead of the embedded store (or $KG_ENDPOINT).",
    )(command)


def open_for(root: Path | None, index_dir: Path | None, backend: str, endpoint: str | None = None):
    """The graph a command works on: the embedded store, or the endpoint when one is given."""
    if endpoint:
        from kg.remote import open_remote

        return open_remote(endpoint)
    from kg.store import open_graph

    return open_graph(project_from(root, index_dir), backend=backend)
