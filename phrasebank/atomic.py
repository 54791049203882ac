"""Atomic file writes: the work goes to a temporary file beside the target, which then replaces it.

A file on disk is therefore always whole — the old version or the new one — whatever fails midway
(full disk, a crash, an exception while writing). The replacement keeps what the writer's system
expects of the file: its permission bits (a new file follows the umask, not 0600), owner, group and
extended attributes, a symbolic link stays a link (the file it points to is replaced), a file with other
hard links is rewritten in place from the finished copy, and file and folder are flushed to disk.
Temporary files left by a crash (older than an hour) are swept on the next write beside them.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

#: A temporary file this old beside a target is a leftover of a crash.
STALE_SECONDS = 3600
_umask_lock = threading.Lock()

#: (device, inode, size, modification time in ns) of a file: equal stamps mean the same file, unchanged.
FileStamp = tuple[int, int, int, int]

#: Called with the target just before the finished temporary file replaces it; raising cancels the
#: replacement (the temporary file is removed). A process that saves for another one sets it
#: (`app/files.py`: the save dies with the window that asked for it, and never overwrites a newer file).
replace_guard: Callable[[Path], None] | None = None


def file_stamp(path: str | Path) -> FileStamp | None:
    """The stamp of the file at `path` (a link followed), or None when there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary path)`, then move the result over `path`; clean up on any failure."""
    path = _real_target(Path(path))
    directory = path.parent if str(path.parent) else Path(".")
    _sweep_stale(directory, path.name)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    os.close(handle)
    try:
        write(Path(temp))
        os.chmod(temp, _mode_for(path))
        _keep_attributes(path, Path(temp))
        _fsync(Path(temp))
        if replace_guard is not None:
            replace_guard(path)
        if _hard_linked(path):
            _write_in_place(Path(temp), path)
            return
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_directory(directory)


def write_buffered_atomic(path: str | Path, write: Callable[[io.BytesIO], None]) -> None:
    """Let `write` fill a buffer in memory, then write that atomically: a writer that leaves its file
    open after an error (python-docx's zip writer on a full disk) never meets the disk."""
    buffer = io.BytesIO()
    write(buffer)
    write_bytes_atomic(path, buffer.getvalue())


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write bytes atomically, flushed to disk before the swap."""

    def write(temp: Path) -> None:
        with temp.open("wb") as out:
            out.write(data)

    write_atomic(path, write)


def _real_target(path: Path) -> Path:
    """The file a symbolic link points to (so the link survives); the path itself otherwise."""
    return path.resolve() if path.is_symlink() else path


def _mode_for(path: Path) -> int:
    """The existing file's permission bits, or what a newly created file gets under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        with _umask_lock:
            mask = os.umask(0o022)
            os.umask(mask)
        return 0o666 & ~mask


def _keep_attributes(path: Path, temp: Path) -> None:
    """Give the new file the old one's owner, group and extended attributes (where this system allows)."""
    try:
        info = path.stat()
    except OSError:
        return
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # not ours to give away: the file keeps the writer's own
            os.chown(temp, info.st_uid, info.st_gid)
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(path)
        except OSError:
            return
        for name in names:
            try:
                os.setxattr(temp, name, os.getxattr(path, name))
            except OSError:
                continue


def _hard_linked(path: Path) -> bool:
    try:
        return path.stat().st_nlink > 1
    except OSError:
        return False


def _write_in_place(temp: Path, path: Path) -> None:
    """A file with other hard links is rewritten in place (a rename would cut them off) from the finished
    temporary copy, which is removed only once the file holds all of it: a crash midway leaves the new
    text whole in the temporary file."""
    data = temp.read_bytes()
    with path.open("r+b") as handle:
        handle.truncate(0)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    temp.unlink()


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sweep_stale(directory: Path, name: str) -> None:
    """Remove temporary files of this target that a crash left behind."""
    cutoff = time.time() - STALE_SECONDS
    try:
        leftovers = list(directory.glob(f".{name}.*.tmp"))
    except OSError:
        return
    for leftover in leftovers:
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass
