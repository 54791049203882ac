"""A trail when something goes wrong: a rotating log in the data folder, and a hook for errors nobody
caught that writes them down, saves every open window's draft and tells the writer where the log is."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from phrasebank.paths import data_dir

LOG = logging.getLogger("gongwen_desk")
#: The log file's size before it rotates, and how many old ones are kept.
LOG_BYTES, LOG_BACKUPS = 1_000_000, 5


def log_path() -> Path:
    return data_dir() / "logs" / "gongwen-desk.log"


def start_log() -> Path | None:
    """Write the log to the data folder (rotating); None when the folder cannot be written."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    return path


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
