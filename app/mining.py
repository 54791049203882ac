"""Mining the writer's own old reports: off the GUI thread with progress, then every phrase reviewed."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog

from .workers import run_in_background


def mine_reports(window, folder: Path, wait: bool = False) -> None:
    """Mine a folder off the GUI thread with a progress dialog, then offer the results for review."""
    from phrasebank.mining import review  # the miner (numpy) loads when the writer first mines, not at start

    dialog = QProgressDialog("正在读取报告……", "取消", 0, 0, window)
    dialog.setWindowTitle("挖掘短语")
    dialog.setMinimumDuration(0)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    stop = threading.Event()
    dialog.canceled.connect(stop.set)
    dialog.canceled.connect(lambda: window.statusBar().showMessage("正在取消挖掘……", 8000))
    dialog.show()

    def progress(done: int, total: int, name: str) -> None:
        if stop.is_set():
            return
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(f"正在读取 {done + 1}/{total}：{name}" if name else "正在挖掘短语……")

    def work(report) -> list:
        def checked(done: int, total: int, name: str) -> None:
            if stop.is_set():  # stops at the next report; a mine already past reading is dropped when done
                raise MiningCancelled
            report(done, total, name)

        return review.mined_phrases([folder], progress=checked)  # no library access off the GUI thread

    def finished(phrases) -> None:
        dialog.canceled.disconnect()  # closing a progress dialog emits canceled
        dialog.close()
        if stop.is_set():
            window.statusBar().showMessage("已取消挖掘，短语库未改动", 8000)
            return
        fresh = [c for c in review.against_library(window.library, phrases) if c.duplicate is None]
        if not fresh:
            window.ask("挖掘短语", "没有发现新的短语（挖掘出的短语都已在短语库中）。", ["确定"])
            return
        added = review.accept(window.library, window.review(fresh))
        window.statusBar().showMessage(f"已加入 {added} 条短语", 8000)
        window.library_changed()

    def failed(error: Exception) -> None:
        dialog.canceled.disconnect()
        dialog.close()
        if isinstance(error, MiningCancelled) or stop.is_set():
            window.statusBar().showMessage("已取消挖掘，短语库未改动", 8000)
            return
        window.show_error(error)

    run_in_background(work, finished, failed, wait=wait, progress=progress)


class MiningCancelled(Exception):
    """The writer pressed 取消 while reports were being mined."""
