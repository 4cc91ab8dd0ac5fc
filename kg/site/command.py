"""The `kg site` command (under construction)."""

from __future__ import annotations

import click

from kg.clikit import fail_cleanly
from kg.errors import KgError


@click.command()
@fail_cleanly
def site() -> None:
    """Not built yet."""
    raise KgError("kg site is not built yet")
