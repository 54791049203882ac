"""The inline suggestion list: a child of the editor's viewport that never takes the focus."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from phrasebank.phrase import Suggestion


class SuggestionPopup(QListWidget):
    """Up to five completions; the editor forwards Tab/Enter/Esc/arrows/Alt+digits to it."""

    accepted = Signal(object)  # Suggestion

    def __init__(self, parent) -> None:
        super().__init__(parent)
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
        self.setGeometry(x, y, width, height)
        self.show()
        self.raise_()

    def move_selection(self, step: int) -> None:
        if self.count():
            self.setCurrentRow((self.currentRow() + step) % self.count())
            self.chosen_by_writer = True

    def current(self) -> Suggestion | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def pick(self, number: int) -> Suggestion | None:
        return self.suggestions[number - 1] if 0 < number <= len(self.suggestions) else None
