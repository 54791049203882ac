"""Atomic file writes: the work goes to a temporary file beside the target, which then replaces it.

A file on disk is therefore always whole — the old version or the new one — whatever fails midway
(full disk, a crash, an exception while writing).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary path)`, then move the result over `path`; clean up on any failure."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    os.close(handle)
    try:
        write(Path(temp))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write bytes atomically, flushed to disk before the swap."""

    def write(temp: Path) -> None:
        with temp.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())

    write_atomic(path, write)
