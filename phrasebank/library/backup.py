"""Backups of the personal library and recovery from a damaged database file.

A damaged file is never deleted: it is renamed aside under a dated name, and the newest backup
that passes SQLite's integrity check takes its place. Only damage counts as damage: a file that
cannot be read because the disk is full, the folder is read-only or another program holds a lock
is left exactly where it is.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from datetime import datetime
from enum import Enum
from pathlib import Path

from phrasebank.atomic import STALE_SECONDS
from phrasebank.paths import read_only_uri

#: How many backups are kept (daily ones and those taken after imports).
KEEP_BACKUPS = 14
#: SQLite result codes that mean the file itself is damaged (not that it cannot be reached).
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


class Health(Enum):
    OK = "ok"
    DAMAGED = "damaged"
    UNREADABLE = "unreadable"  # an I/O problem: full disk, read-only, locked, no permission


def check(path: Path, table: str = "phrases") -> tuple[Health, str]:
    """Whether the file is a healthy database holding `table`, damaged, or out of reach (with why)."""
    try:
        db = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                return Health.DAMAGED, str(result)
            if db.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0] != 1:
                return Health.DAMAGED, f"缺少 {table} 表"
            return Health.OK, ""
        finally:
            db.close()
    except UnicodeDecodeError as exc:  # quick_check quoting damaged names
        return Health.DAMAGED, str(exc)
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) in _DAMAGE_CODES:
            return Health.DAMAGED, str(exc)
        return Health.UNREADABLE, str(exc)
    except sqlite3.Error as exc:
        return Health.UNREADABLE, str(exc)


def is_damage(exc: sqlite3.Error) -> bool:
    """True when an SQLite error says the file is damaged (not that it cannot be reached)."""
    return getattr(exc, "sqlite_errorcode", None) in _DAMAGE_CODES


def is_healthy(path: Path, table: str = "phrases") -> bool:
    return check(path, table)[0] is Health.OK


def set_aside(path: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm) to a dated name beside it; return the new path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
        n += 1
    os.replace(path, target)
    for extra in ("-wal", "-shm"):
        side = Path(f"{path}{extra}")
        if side.exists():
            os.replace(side, Path(f"{target}{extra}"))
    return target


def backups(folder: Path, stem: str) -> list[Path]:
    """Backups of a database, newest first."""
    return sorted(folder.glob(f"{stem}-*.db"), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_good_backup(folder: Path, stem: str) -> Path | None:
    return next((path for path in backups(folder, stem) if is_healthy(path)), None)


def count_rows(path: Path, table: str = "phrases") -> int:
    """How many rows a (healthy) backup's table holds."""
    db = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        db.close()


def made_at(backup: Path) -> str:
    """When a backup was taken, as the writer reads it (from the file's time)."""
    return datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


def restore(backup: Path, path: Path, mode: int | None = None) -> None:
    """Copy a backup into place atomically, with the permission bits the library had (`mode`), or what a
    new file gets under the umask."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".restore", dir=path.parent)
    os.close(handle)
    try:
        shutil.copyfile(backup, temp)
        if mode is None:
            mask = os.umask(0o022)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def take_backup(db: sqlite3.Connection, folder: Path, stem: str, label: str = "", keep: int = KEEP_BACKUPS) -> Path:
    """Copy the database to a new backup (today's date, plus `label` if given); keep the newest `keep`."""
    folder.mkdir(parents=True, exist_ok=True)
    _sweep(folder)
    suffix = f"-{label}" if label else ""
    target = folder / f"{stem}-{datetime.now():%Y-%m-%d}{suffix}.db"
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        out = sqlite3.connect(temp)
        try:
            db.backup(out)
        finally:
            out.close()
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    for old in backups(folder, stem)[keep:]:
        old.unlink(missing_ok=True)
    return target


def _sweep(folder: Path) -> None:
    """Remove what a killed backup left behind: temporary copies older than an hour (a newer one may be
    another window's backup under way)."""
    cutoff = time.time() - STALE_SECONDS
    for leftover in [*folder.glob(".*.tmp"), *folder.glob(".*.restore")]:
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            continue


def daily_backup(db: sqlite3.Connection, folder: Path, stem: str, keep: int = KEEP_BACKUPS) -> Path | None:
    """Today's backup, unless there is one already."""
    if (folder / f"{stem}-{datetime.now():%Y-%m-%d}.db").exists():
        return None
    return take_backup(db, folder, stem, keep=keep)
