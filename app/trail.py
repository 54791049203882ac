"""A trail when something goes wrong: a log in the data folder (rotated as the editor starts), and a hook
for errors nobody caught that writes them down, saves every open window's draft and tells the writer where
the log is."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from phrasebank.paths import data_dir

LOG = logging.getLogger("gongwen_desk")
#: The log file's size from which it rotates at the next start, and how many old ones are kept.
LOG_BYTES, LOG_BACKUPS = 1_000_000, 5


def log_path() -> Path:
    return data_dir() / "logs" / "gongwen-desk.log"


def start_log() -> Path | None:
    """Write the log to the data folder, rotating it first when it has grown past LOG_BYTES; None when the
    folder cannot be written. (A session writes a few lines: rotating at start is enough, and spares the
    start `logging.handlers`, which loads sockets and pickling: 14 ms.)"""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size >= LOG_BYTES:
            rotate(path)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    return path


def rotate(path: Path) -> None:
    """gongwen-desk.log → .log.1 → … → .log.{LOG_BACKUPS}, the oldest dropped."""
    for n in range(LOG_BACKUPS - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def install_hook(rescue: Callable[[str], None]) -> None:
    """Errors nobody caught, on the GUI thread or another: logged with their traceback, then
    `rescue(message)` saves the drafts and tells the writer (it must never raise)."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        LOG.error("未处理的错误", exc_info=(kind, error, trace))
        try:
            rescue(f"{kind.__name__}: {error}")
        except Exception:  # the rescue itself failed: the log has the first error already
            LOG.exception("保存草稿或提示时又出错")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
