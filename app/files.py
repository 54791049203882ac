"""Saving a long report in a child process (reading and writing themselves are `phrasebank.document.report`)."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
from pathlib import Path

from phrasebank.document.layout import Layout
from phrasebank.document.report import Report, save_report
from phrasebank.errors import PhrasebankError


def save_report_apart(report: Report, path: Path, layout: Layout, author: str = "") -> None:
    """`save_report` in a child process, for long reports: building and serialising a large DOCX holds
    Python's lock for long stretches, which would freeze the window even from a worker thread."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        problem = pool.submit(_save_or_say_why, report, path, layout, author).result()
    if problem:
        raise PhrasebankError(problem)


def _save_or_say_why(report: Report, path: Path, layout: Layout, author: str) -> str:
    try:
        save_report(report, path, layout, author)
    except (PhrasebankError, OSError) as exc:
        return str(exc)
    return ""
