"""Where the project's data lives: ontology, triples, sources and the index."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import NotFoundError

PACKAGE_DIR = Path(__file__).resolve().parent
QUERIES_DIR = PACKAGE_DIR / "queries"
CHECKS_DIR = PACKAGE_DIR / "checks"


@dataclass(frozen=True)
class Project:
    """A checkout of the graph: `ontology/` and `triples/` under one root."""

    root: Path
    sources_dir: Path
    index_dir: Path

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def triples_dir(self) -> Path:
        return self.root / "triples"

    def data_files(self) -> list[Path]:
        """Every Turtle file of the graph, ontology first, in a stable order."""
        ontology = sorted(self.ontology_dir.glob("*.ttl"))
        triples = sorted(self.triples_dir.rglob("*.ttl"))
        return ontology + triples

    def relative(self, path: Path) -> str:
        """A data file's path relative to the root, with forward slashes."""
        return path.resolve().relative_to(self.root).as_posix()


def _is_root(path: Path) -> bool:
    return (path / "ontology").is_dir() and (path / "triples").is_dir()


def find_root(start: Path | None = None) -> Path:
    """The project root: $KG_ROOT, else the first folder up from `start` (or the
    working directory) holding `ontology/` and `triples/`, else the checkout this
    package was installed from."""
    env = os.environ.get("KG_ROOT")
    if env:
        root = Path(env).resolve()
        if not _is_root(root):
            raise NotFoundError(f"KG_ROOT={env}: no ontology/ and triples/ folders there")
        return root
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if _is_root(candidate):
            return candidate
    if _is_root(PACKAGE_DIR.parent):
        return PACKAGE_DIR.parent
    raise NotFoundError(f"no graph found: no ontology/ and triples/ folders in {here} or above (set KG_ROOT)")


def open_project(
    root: Path | str | None = None,
    sources_dir: Path | str | None = None,
    index_dir: Path | str | None = None,
) -> Project:
    """The project at `root` (found as `find_root` says when None). The sources
    default to `../shared/sources` beside the checkout ($KG_SOURCES overrides);
    the index to `.kg-index/` in the root ($KG_INDEX overrides)."""
    base = Path(root).resolve() if root else find_root()
    if not _is_root(base):
        raise NotFoundError(f"{base}: no ontology/ and triples/ folders there")
    sources = sources_dir or os.environ.get("KG_SOURCES") or base.parent / "shared" / "sources"
    index = index_dir or os.environ.get("KG_INDEX") or base / ".kg-index"
    return Project(root=base, sources_dir=Path(sources).resolve(), index_dir=Path(index).resolve())
