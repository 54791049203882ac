"""The inline suggestion list: a small window of its own over the editor's viewport that never takes the focus.

It is a window (a tool tip's, as the list of an input method is) rather than a child of the viewport: showing,
moving or hiding a child makes the viewport repaint the text beneath it, which in a long report was the longest
pause while typing (bench/large_documents.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from phrasebank.phrase import Suggestion

#: What the window under the list does that leaves the list standing in the wrong place or over another window.
_LEAVING = (
    QEvent.Type.Move,
    QEvent.Type.Resize,
    QEvent.Type.Hide,
    QEvent.Type.WindowDeactivate,
    QEvent.Type.WindowStateChange,
)


class SuggestionPopup(QListWidget):
    """Up to five completions; the editor forwards Tab/Enter/Esc/arrows/Alt+digits to it."""

    accepted = Signal(object)  # Suggestion

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._watched: QWidget | None = None  # the window it stands over: moving or leaving it hides the list
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(
            "QListWidget { border: 1px solid #9aa7b8; background: #fbfcfe; font-size: 11pt; }"
            "QListWidget::item { padding: 2px 6px; }"
            "QListWidget::item:selected { background: #d7e6fb; color: black; }"
        )
        self.itemClicked.connect(lambda item: self.accepted.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.suggestions: list[Suggestion] = []
        self.chosen_by_writer = False  # the writer moved through the list with the arrow keys
        self.hide()

    def show_at(self, suggestions: list[Suggestion], cursor_rect: QRect) -> None:
        self.suggestions = suggestions
        self.chosen_by_writer = False
        self.clear()
        for n, suggestion in enumerate(suggestions, start=1):
            where = "、".join(s.label for s in suggestion.sections[:2])
            item = QListWidgetItem(f"{n}  {suggestion.completion}    {suggestion.kind.label} {where}".rstrip())
            item.setData(Qt.ItemDataRole.UserRole, suggestion)
            item.setToolTip(suggestion.phrase)
            self.addItem(item)
        self.setCurrentRow(0)
        width = min(max(self.sizeHintForColumn(0) + 16, 220), 560)
        height = self.sizeHintForRow(0) * len(suggestions) + 6
        parent = self.parentWidget()
        viewport = parent.rect() if parent is not None else self.rect()
        x = min(cursor_rect.left(), max(viewport.width() - width, 0))
        y = cursor_rect.bottom() + 4
        if y + height > viewport.height():
            y = max(cursor_rect.top() - height - 4, 0)
        corner = parent.mapToGlobal(QPoint(x, y)) if parent is not None else QPoint(x, y)
        self.setGeometry(corner.x(), corner.y(), width, height)
        self._watch(parent.window() if parent is not None else None)
        self.show()
        self.raise_()

    def _watch(self, window: QWidget | None) -> None:
        if window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            self._watched = window
            if window is not None:
                window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _LEAVING and self.isVisible():
            self.hide()
        return False

    def move_selection(self, step: int) -> None:
        if self.count():
            self.setCurrentRow((self.currentRow() + step) % self.count())
            self.chosen_by_writer = True

    def current(self) -> Suggestion | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def pick(self, number: int) -> Suggestion | None:
        return self.suggestions[number - 1] if 0 < number <= len(self.suggestions) else None
