"""Writing output files safely: never over an existing file unless asked, and
through a temporary file renamed into place, so a failure leaves nothing half written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import KgError


class OutputError(KgError):
    """An output file that cannot or may not be written."""


def check_writable(path: Path, force: bool = False) -> None:
    """Refuse early: an existing file without `force`, a folder, or a missing parent folder."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    if path.exists() and not force:
        raise OutputError(f"{path}: exists; use --force to overwrite it")
    if not path.parent.is_dir():
        raise OutputError(f"{path.parent}: no such folder")


def write_atomic(path: Path, data: str | bytes, force: bool = False) -> Path:
    """Write `data` (text is written as UTF-8) to `path` via a temporary file in the same folder."""
    check_writable(path, force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc}); nothing was written") from None
    return path
