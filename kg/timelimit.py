"""Run a call with a time limit. Oxigraph releases the GIL while it evaluates, so
the caller can stop waiting; the work itself ends with the process (the CLI exits,
the server's worker process is killed)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from kg.errors import QueryTimeout

T = TypeVar("T")


def within(seconds: float | None, call: Callable[[], T]) -> T:
    """`call()`'s value or exception; QueryTimeout once `seconds` pass (None or 0: no limit)."""
    if not seconds:
        return call()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="kg-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise QueryTimeout(seconds)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
