"""What is drawn over the report's text without changing it: the checker's wavy underlines and a reviewer's
open changes, as Qt's extra selections.

A change to a paragraph's own formats makes Qt lay the document out again from there and move every paragraph
below it (85 ms at the top of 50,000 paragraphs on these machines), and a first check of a long report underlines
thousands of paragraphs. Selections are only painted: setting them lays nothing out, and they move with the
text as the writer edits until the next check replaces them.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from . import turns

#: The checker's underline: wavy, red.
UNDERLINE = QTextCharFormat()
UNDERLINE.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
UNDERLINE.setUnderlineColor(QColor("#d92d20"))
#: Underlines handed to Qt at a time: Qt works out where each is drawn as it is given (80 µs an underline at the
#: top of 50,000 paragraphs), so the 500 a first check lists go in slices between events.
AT_A_TIME = 100


class Overlays:
    """The editor's extra selections, from two owners: the checker (by paragraph and column) and the 审阅 dock."""

    def __init__(self, editor: QTextEdit) -> None:
        self.editor = editor
        self.marks: dict[int, list[tuple[int, int]]] = {}  # paragraph -> (column, length) underlined
        self.review: list[QTextEdit.ExtraSelection] = []
        self._underlines: list[QTextEdit.ExtraSelection] = []
        self._given = 0  # underlines given to Qt so far
        self._generation = 0  # a newer set of underlines stops the slices of an older one

    def underline(self, marks: dict[int, list[tuple[int, int]]]) -> None:
        """Underline the checker's findings: paragraph number -> (column, length)."""
        self.marks = marks
        document = self.editor.document()
        self._underlines = []
        # Inside an edit block (that edits nothing) a cursor placed does not work out its x on the screen: that
        # shapes the line, 38 µs a cursor, 38 ms for the 500 findings listed.
        batch = QTextCursor(document)
        batch.beginEditBlock()
        for number in sorted(marks):
            block = document.findBlockByNumber(number)
            if not block.isValid():
                continue
            for column, length in marks[number]:
                start = block.position() + max(min(column, block.length() - 1), 0)
                end = block.position() + max(min(column + length, block.length() - 1), 0)
                if end <= start:
                    continue
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor, selection.format = cursor, UNDERLINE  # pyright: ignore[reportAttributeAccessIssue]
                self._underlines.append(selection)
        batch.endEditBlock()
        self._given = min(self._given, len(self._underlines))  # as many as before at once (Qt redraws what moved)
        self._generation += 1
        self._give_more(self._generation)

    def show_review(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Show the reviewer's open changes (the 审阅 dock's marks)."""
        self.review = selections
        self._show()

    def forget(self) -> None:
        """The document was replaced: nothing of the old one is drawn over the new one."""
        self.marks, self.review, self._underlines, self._given = {}, [], [], 0
        self._generation += 1
        self._show()

    def _give_more(self, generation: int) -> None:
        """The next AT_A_TIME underlines, then the rest a slice at a time (the first at once: a short report's)."""
        if generation != self._generation:
            return
        self._given = min(self._given + AT_A_TIME, len(self._underlines))
        self._show()
        if self._given < len(self._underlines):
            QTimer.singleShot(0, self.editor, lambda: self._next_slice(generation))

    def _next_slice(self, generation: int) -> None:
        again = lambda: self._next_slice(generation)  # noqa: E731
        turns.run_in_turn(lambda: self._give_more(generation), self.editor, again, kind=Overlays)

    def _show(self) -> None:
        self.editor.setExtraSelections(self.review + self._underlines[: self._given])
