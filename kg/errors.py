"""Errors a user can act on. The CLI prints them as one line and exits with the code given."""

from __future__ import annotations

import re
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


class QuerySyntaxError(KgError):
    """A SPARQL query that does not parse; says the line and column where known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        self.line, self.column = line, column
        where = f" at line {line}, column {column}" if line is not None else ""
        super().__init__(f"SPARQL syntax error{where}: {message}")

    @classmethod
    def from_oxigraph(cls, text: str) -> QuerySyntaxError:
        match = re.match(r"error at (\d+):(\d+): (.*)", text, re.S)
        if not match:
            return cls(_first_line(text))
        message = match[3]
        if "Prefix not found" in message:
            message = "unknown prefix"
        return cls(_first_line(message), int(match[1]), int(match[2]))

    @classmethod
    def from_rdflib(cls, exc: Exception) -> QuerySyntaxError:
        line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
        message = getattr(exc, "msg", None) or str(exc)
        return cls(_first_line(str(message)), line, column)


def _first_line(text: str, limit: int = 160) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "invalid query"
    return line if len(line) <= limit else line[: limit - 1] + "…"


class QueryRefused(KgError):
    """A query this read-only graph will not run: an update, a call to another server, a graph not ours."""


class QueryTimeout(KgError):
    """A query that ran past its time limit (and was stopped)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"the query ran past its time limit of {seconds:g} s and was stopped")
