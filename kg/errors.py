"""Errors a user can act on. The CLI prints them as one line and exits with the code given."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_DATA = 1
"""The data has problems (validation failed)."""
EXIT_USAGE = 2
"""Bad usage, or input that could not be read."""


class KgError(Exception):
    """An error with a one-line message for the user and an exit code."""

    exit_code = EXIT_USAGE


class DataFileError(KgError):
    """A data file that cannot be read or parsed; names the file, line and column."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, column: int | None = None):
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class DataFilesError(KgError):
    """Several unreadable data files at once; the message names the first and counts the rest."""

    def __init__(self, errors: list[DataFileError]):
        self.errors = errors
        more = f" (and {len(errors) - 1} more file errors)" if len(errors) > 1 else ""
        super().__init__(f"{errors[0]}{more}")


class NotFoundError(KgError):
    """A file, folder, query or entity that does not exist."""
