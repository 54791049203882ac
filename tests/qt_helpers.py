"""Drive the editor as a writer does: Chinese through input-method commits, keys as key events.

QTest types ASCII only (``qtbot.keyClicks`` with Chinese aborts the process), so Chinese arrives the
way an input method delivers it: a QInputMethodEvent with a commit string.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication


def commit(qtbot, editor, text: str) -> None:
    """Type Chinese as an input method does: one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)
    qtbot.wait(5)


def key(qtbot, editor, key: Qt.Key, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QApplication.sendEvent(editor, QKeyEvent(QKeyEvent.Type.KeyPress, key, modifiers, text))
    qtbot.wait(5)


def enter(qtbot, editor) -> None:
    key(qtbot, editor, Qt.Key.Key_Return, "\r")


def headings(window) -> list[str]:
    """The outline dock's heading rows as the writer reads them (without the ⚠ mark and the note)."""
    return [
        item.text(0).removeprefix("⚠ ").split("  ")[0]
        for item in window.outline.items()
        if item.data(0, Qt.ItemDataRole.UserRole + 1)
    ]
