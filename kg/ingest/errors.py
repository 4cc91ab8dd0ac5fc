"""Why a document cannot be drafted: one line naming the file, the line and the case."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError


class IngestError(KgError):
    """A case-list document that cannot be read or drafted (exit code 2, no draft written)."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, case: str | None = None):
        self.path = Path(path)
        self.line = line
        self.case = case
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.path) + (f":{self.line}" if self.line is not None else "")
        case = f" {self.case}:" if self.case else ""
        return f"{where}:{case} {self.message}"
