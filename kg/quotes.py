"""Evidence quotes: each must be a substring of its source document once both are
normalised as ../shared/sources/README.md says (whitespace and the marks * and #
removed)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import NotFoundError

_IGNORED = re.compile(r"[\s*#]+")


def normalise(text: str) -> str:
    """Remove every whitespace character and the Markdown marks `*` and `#`."""
    return _IGNORED.sub("", text)


@lru_cache(maxsize=32)
def _normalised_source(path: Path, mtime_ns: int) -> str:
    return normalise(path.read_text(encoding="utf-8"))


def source_text(sources_dir: Path, file_name: str) -> str:
    """The normalised text of one source document."""
    path = sources_dir / file_name
    try:
        return _normalised_source(path, path.stat().st_mtime_ns)
    except FileNotFoundError:
        raise NotFoundError(f"{path}: source document not found (point --sources at the sources folder)") from None


@dataclass(frozen=True)
class QuoteProblem:
    node: str
    file_name: str
    quote: str
    reason: str


def check_quote(sources_dir: Path, file_name: str, quote: str) -> str | None:
    """Why the quote does not stand in the source, or None when it does."""
    wanted = normalise(quote)
    if not wanted:
        return "the quote is empty"
    if wanted not in source_text(sources_dir, file_name):
        return "not found in the source text"
    return None
