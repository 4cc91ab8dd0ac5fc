"""The `kg ingest` command (under construction)."""

from __future__ import annotations

import click

from kg.clikit import fail_cleanly
from kg.errors import KgError


@click.command()
@fail_cleanly
def ingest() -> None:
    """Not built yet."""
    raise KgError("kg ingest is not built yet")
