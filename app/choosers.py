"""The file and folder choosers the window opens: Qt's own, with sizes in KB and MB while one is open."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from .translations import sizes_in_kb


def open_file(parent: QWidget, title: str, folder: str, kinds: str) -> str:
    """The file the writer chose, "" when they cancelled."""
    with sizes_in_kb():
        return QFileDialog.getOpenFileName(parent, title, folder, kinds)[0]


def save_file(parent: QWidget, title: str, suggested: str, kinds: str) -> str:
    """Where the writer chose to save, "" when they cancelled."""
    with sizes_in_kb():
        return QFileDialog.getSaveFileName(parent, title, suggested, kinds)[0]


def folder(parent: QWidget, title: str, start: str = "") -> str:
    """The folder the writer chose, "" when they cancelled."""
    with sizes_in_kb():
        return QFileDialog.getExistingDirectory(parent, title, start)
