"""Writing the site: everything into a temporary folder beside the target, then
swapped into place, so a failure leaves the old site (or nothing) and never half
a site. A folder that is not a site built here is replaced only with `force`,
and never the project itself, the working directory or a folder above them."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from kg.files import OutputError

MARKER = ".kg-site"
MARKER_TEXT = "This folder is a site built by `kg site`; the next `kg site -o` here replaces all of it.\n"


def is_site(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def check_target(out_dir: Path, force: bool = False, protected: Iterable[Path] = ()) -> None:
    """Refuse early: a file, a missing parent, a folder we may not replace."""
    target = out_dir.resolve()
    if target.exists() and not target.is_dir():
        raise OutputError(f"{out_dir}: is a file; give a folder for the site")
    if not target.parent.is_dir():
        raise OutputError(f"{out_dir.parent}: no such folder")
    for keep in [Path.cwd(), Path.home(), *protected]:
        keep = keep.resolve()
        if target == keep or target in keep.parents:
            raise OutputError(f"{out_dir}: holds {keep}; give a folder of its own for the site")
    if target.is_dir() and any(target.iterdir()) and not is_site(target) and not force:
        raise OutputError(f"{out_dir}: exists and is not a site built by kg site; use --force to replace it")


def write_site(files: Mapping[str, bytes], out_dir: Path, force: bool = False, protected: Iterable[Path] = ()) -> Path:
    """Write `files` (path from the root → bytes) as the folder `out_dir`, replacing what was there."""
    protected = list(protected)
    check_target(out_dir, force, protected)
    target = out_dir.resolve()
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write ({exc.strerror or exc})") from None
    try:
        _fill(staging, {**files, MARKER: MARKER_TEXT.encode("utf-8")})
        _swap(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{out_dir}: cannot write ({exc.strerror or exc}); nothing was changed") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out_dir


def _fill(folder: Path, files: Mapping[str, bytes]) -> None:
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)
    for relative, data in sorted(files.items()):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _swap(staging: Path, target: Path) -> None:
    """Put the new folder in place of the old one; the old one is removed after."""
    if not target.exists():
        os.replace(staging, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    os.rmdir(old)
    os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
