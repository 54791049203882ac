"""Mining the writer's own old reports: off the GUI thread with progress, then every phrase reviewed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog

from .workers import run_in_background


def mine_reports(window, folder: Path, wait: bool = False) -> None:
    """Mine a folder off the GUI thread with a progress dialog, then offer the results for review."""
    from phrasebank.mining import review  # the miner (numpy) loads when the writer first mines, not at start

    dialog = QProgressDialog("正在读取报告……", "", 0, 0, window)
    dialog.setWindowTitle("挖掘短语")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()

    def progress(done: int, total: int, name: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(f"正在读取 {done + 1}/{total}：{name}" if name else "正在挖掘短语……")

    def finished(phrases) -> None:
        dialog.close()
        fresh = [c for c in review.against_library(window.library, phrases) if c.duplicate is None]
        if not fresh:
            window.ask("挖掘短语", "没有发现新的短语（挖掘出的短语都已在短语库中）。", ["确定"])
            return
        added = review.accept(window.library, window.review(fresh))
        window.statusBar().showMessage(f"已加入 {added} 条短语", 8000)
        window.library_changed()

    def failed(error: Exception) -> None:
        dialog.close()
        window.show_error(error)

    run_in_background(
        lambda report: review.mined_phrases([folder], progress=report),  # no library access off the GUI thread
        finished,
        failed,
        wait=wait,
        progress=progress,
    )
