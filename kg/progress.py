"""A progress bar for long index loads and site builds, on a terminal only (rich); silent otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from kg.store import Progress


@contextmanager
def load_progress(enabled: bool | None = None, doing: str = "indexing") -> Iterator[Progress | None]:
    """A callback for `open_graph(progress=…)` (or `build_site`, with doing="building")
    drawing a bar on stderr when it is a terminal; None (no output at all) when it is not."""
    if not (sys.stderr.isatty() if enabled is None else enabled):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn(doing + " {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def advance(path: str, done: int, total: int) -> None:
            bar.update(task, description=path, completed=done, total=total)

        yield advance
