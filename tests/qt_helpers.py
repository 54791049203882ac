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


def type_at_end(qtbot, window, text: str, *commits: str) -> None:
    """Load `text` and put the cursor after it, then type each commit there as an input method does."""
    window._load(text, None)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    for piece in commits:
        commit(qtbot, window.editor, piece)


def drag_heading(window, heading: str, onto: str) -> None:
    """Drop the outline row of `heading` on the row of `onto`, as a mouse drag ends."""
    from PySide6.QtCore import QMimeData, QPoint
    from PySide6.QtGui import QDropEvent

    tree = window.outline.tree
    items = {item.text(0).split("  ")[0]: item for item in window.outline.items()}
    tree.setCurrentItem(items[heading])
    target = tree.visualItemRect(items[onto]).topLeft() + QPoint(5, 2)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    tree.dropEvent(QDropEvent(target, Qt.DropAction.MoveAction, QMimeData(), buttons, modifiers))


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
