"""Saving a long report in a child process (reading and writing themselves are `phrasebank.document.report`).

The save belongs to the window that asked for it: the child stops as soon as that process is gone
(killed, crashed), and it never replaces a file that changed on disk after the save began — a newer
save by another window is never overwritten by an old text.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from phrasebank import atomic
from phrasebank.atomic import FileStamp, file_stamp
from phrasebank.errors import PhrasebankError

if TYPE_CHECKING:
    from phrasebank.document.layout import Layout
    from phrasebank.document.report import Report

#: How often the child looks whether the window's process still lives.
WATCH_SECONDS = 0.1
#: Paragraphs written to the child's file in one call.
LINES_AT_A_TIME = 1000
#: How much lower the child runs than the window (a save of 50,000 paragraphs keeps a core busy 8 s).
CHILD_NICENESS = 10


class SaveRefused(PhrasebankError):
    """The file changed on disk while the report was being written; it was left as it is."""


def save_report_apart(report: Report, path: Path, layout: Layout, author: str = "") -> FileStamp | None:
    """`save_report` in a child process, for long reports: building and serialising a large DOCX holds
    Python's lock for long stretches, which would freeze the window even from a worker thread.

    Returns the stamp of the file as written (the window deletes its draft only when the file on disk
    still carries it)."""
    import concurrent.futures  # with multiprocessing, 18 ms of the start if imported with the window
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="gongwen-save-") as folder:
        lines = Path(folder) / "paragraphs.txt"
        write_lines(report.paragraphs, lines)
        job = (replace(report, paragraphs=[]), lines, path, layout, author, os.getpid(), file_stamp(path))
        with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            problem, written = pool.submit(_save_or_say_why, *job).result()
    if problem:
        raise PhrasebankError(problem)
    return written


def write_lines(paragraphs: list[str], target: Path) -> None:
    """The paragraphs handed to the child through a file, a thousand at a time: pickled with the report in
    one call, 50,000 of them held Python's lock 45 ms beside the window."""
    with target.open("w", encoding="utf-8", newline="") as out:
        for start in range(0, len(paragraphs), LINES_AT_A_TIME):
            out.write(("\n" if start else "") + "\n".join(paragraphs[start : start + LINES_AT_A_TIME]))
        out.write("\n" if paragraphs else "")  # an empty list leaves the file empty


def read_lines(source: Path) -> list[str]:
    """The paragraphs `write_lines` wrote, as they were (a carriage return inside one stays)."""
    with source.open(encoding="utf-8", newline="") as text:
        return text.read().split("\n")[:-1]


def _save_or_say_why(
    report: Report, lines: Path, path: Path, layout: Layout, author: str, parent: int, before: FileStamp | None
) -> tuple[str, FileStamp | None]:
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    report = replace(report, paragraphs=read_lines(lines))
    os.nice(CHILD_NICENESS)  # the window's thread keeps its share of a busy machine

    def guard(target: Path) -> None:
        if os.getppid() != parent:
            os._exit(1)  # the window is gone: its save goes with it
        if file_stamp(target) != before:
            raise SaveRefused(f"{target.name} 在保存期间被其他程序或窗口改写，没有覆盖它。请重新打开或另存为。")

    atomic.replace_guard = guard
    from phrasebank.document.report import save_report

    try:
        save_report(report, path, layout, author)
    except (PhrasebankError, OSError) as exc:
        return str(exc), None
    return "", file_stamp(path)


def _exit_when_orphaned(parent: int) -> None:
    """End this process when the one that started it has gone (its parent id changes on POSIX)."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
