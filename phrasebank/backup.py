"""Rolling backups of the personal library and recovery from a damaged database file.

A damaged file is never deleted: it is renamed aside under a dated name, and the newest backup
that passes SQLite's integrity check takes its place.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

#: How many daily backups are kept.
KEEP_BACKUPS = 14


def is_healthy(path: Path, table: str = "phrases") -> bool:
    """True when the file is an SQLite database that passes quick_check and holds the table."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return False
            return db.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0] == 1
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False


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
    return sorted(folder.glob(f"{stem}-*.db"), reverse=True)


def newest_good_backup(folder: Path, stem: str) -> Path | None:
    return next((path for path in backups(folder, stem) if is_healthy(path)), None)


def restore(backup: Path, path: Path) -> None:
    """Copy a backup into place atomically."""
    temp = path.with_name(f".{path.name}.restore")
    shutil.copyfile(backup, temp)
    os.replace(temp, path)


def daily_backup(db: sqlite3.Connection, folder: Path, stem: str, keep: int = KEEP_BACKUPS) -> Path | None:
    """Write today's backup if there is none yet, and drop all but the newest `keep`."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stem}-{datetime.now():%Y-%m-%d}.db"
    if target.exists():
        return None
    temp = folder / f".{target.name}.tmp"
    out = sqlite3.connect(temp)
    try:
        db.backup(out)
    finally:
        out.close()
    os.replace(temp, target)
    for old in backups(folder, stem)[keep:]:
        old.unlink(missing_ok=True)
    return target
