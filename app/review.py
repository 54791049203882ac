"""The 审阅 dock: a reviewer's tracked changes and comments, shown in the text and accepted or rejected
one by one or all at once; those still open when the report is saved go back into the DOCX.

Each open change keeps a QTextCursor over its text, so it follows the writer's edits around it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextEdit,
)

from phrasebank.document.review import Change, ChangeKind

from .dialogs import dock_page

INSERTED_COLOR = QColor("#1f5fbf")
DELETED_COLOR = QColor("#f4c7c3")
COMMENT_COLOR = QColor("#fff1a8")
FORMATTED_COLOR = QColor("#d6e9ff")


class _Open:
    """An open change: what it was, and a cursor over where it stands now."""

    def __init__(self, change: Change, cursor: QTextCursor) -> None:
        self.change, self.cursor = change, cursor

    def located(self) -> tuple[int, Change]:
        """(paragraph number, the change in offsets of that paragraph's text now)."""
        block = self.cursor.document().findBlock(self.cursor.selectionStart())
        start = self.cursor.selectionStart() - block.position()
        end = min(self.cursor.selectionEnd() - block.position(), block.length() - 1)
        kind = self.change.kind
        return block.blockNumber(), Change(
            kind,
            start,
            start if kind is ChangeKind.DELETED else end,
            self.change.text,
            self.change.author,
            self.change.date,
        )


class ReviewDock(QDockWidget):
    """Lists the open changes; 接受/拒绝 act on the selected one, 全部接受/全部拒绝 on all."""

    message = Signal(str)
    #: A format change rejected: (paragraph number, the change where it stands); the window restores the
    #: emphasis the text had before (`review.former_emphasis`).
    formatRejected = Signal(int, object)

    def __init__(self, editor, parent=None) -> None:
        super().__init__("审阅", parent)
        self.setObjectName("reviewDock")
        self.editor = editor
        self.open: list[_Open] = []
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._jump)
        self.list.itemActivated.connect(self._jump)
        buttons = QHBoxLayout()
        for label, slot in (
            ("接受", self.accept_selected),
            ("拒绝", self.reject_selected),
            ("全部接受", self.accept_all),
            ("全部拒绝", self.reject_all),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.setWidget(dock_page(self.summary, self.list, buttons))
        editor.document().contentsChanged.connect(self._refresh_marks)
        editor.documentReplaced.connect(lambda: editor.document().contentsChanged.connect(self._refresh_marks))

    # ---- the changes of a file ---------------------------------------------------------------

    def show_changes(self, changes: dict[int, tuple[Change, ...]]) -> None:
        """Take the open changes of a just-opened report (paragraph number -> its changes)."""
        document = self.editor.document()
        self.open = []
        for number in sorted(changes):
            block = document.findBlockByNumber(number)
            if not block.isValid():
                continue
            for change in changes[number]:
                cursor = QTextCursor(document)
                cursor.setPosition(block.position() + min(change.start, block.length() - 1))
                cursor.setPosition(
                    block.position() + min(change.end, block.length() - 1), QTextCursor.MoveMode.KeepAnchor
                )
                self.open.append(_Open(change, cursor))
        self._relist()

    def changes(self) -> dict[int, tuple[Change, ...]]:
        """The changes still open, by paragraph number, where they stand now."""
        found: dict[int, list[Change]] = {}
        for item in self.open:
            number, change = item.located()
            found.setdefault(number, []).append(change)
        return {number: tuple(sorted(changes, key=lambda c: (c.start, c.end))) for number, changes in found.items()}

    # ---- accept and reject -------------------------------------------------------------------

    def accept_selected(self) -> None:
        self._resolve(self._selected(), accept=True)

    def reject_selected(self) -> None:
        self._resolve(self._selected(), accept=False)

    def accept_all(self) -> None:
        self._resolve(list(self.open), accept=True)

    def reject_all(self) -> None:
        self._resolve(list(self.open), accept=False)

    def _selected(self) -> list[_Open]:
        row = self.list.currentRow()
        return [self.open[row]] if 0 <= row < len(self.open) else []

    def _resolve(self, items: list[_Open], accept: bool) -> None:
        """Accepting keeps the text as shown; rejecting takes an insertion out, puts a deletion back (one
        undoable edit) or gives words their former emphasis. A comment is removed either way."""
        if not items:
            return
        edit = QTextCursor(self.editor.document())
        edit.beginEditBlock()
        for item in items:
            self.open.remove(item)
            if accept or item.change.kind is ChangeKind.COMMENT:
                continue
            if item.change.kind is ChangeKind.INSERTED:
                item.cursor.removeSelectedText()
            elif item.change.kind is ChangeKind.FORMATTED:
                self.formatRejected.emit(*item.located())
            else:
                item.cursor.clearSelection()
                item.cursor.insertText(item.change.text)
        edit.endEditBlock()
        done = "接受" if accept else "拒绝"
        self.message.emit(f"已{done} {len(items)} 处修订或批注，还有 {len(self.open)} 处")
        self._relist()

    # ---- drawing -----------------------------------------------------------------------------

    def _relist(self) -> None:
        self.list.clear()
        for item in self.open:
            number, change = item.located()
            text = self.editor.document().findBlockByNumber(number).text()
            row = QListWidgetItem(f"第{number + 1}段　{change.describe(text)}")
            row.setToolTip(change.date[:10] if change.date else "")
            self.list.addItem(row)
        kinds = [item.change.kind for item in self.open]
        revisions = sum(1 for kind in kinds if kind is not ChangeKind.COMMENT)
        comments = len(kinds) - revisions
        self.summary.setText(
            f"{revisions} 处修订、{comments} 条批注未处理；保存为 DOCX 时照原样留给审阅人"
            if self.open
            else "没有未处理的修订和批注"
        )
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        """Insertions underlined in blue; a deletion's place, restyled words and a comment's text shaded."""
        if not self.open and not self.editor.overlays.review:
            return
        selections = []
        for item in self.open:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            cursor = QTextCursor(item.cursor)
            if item.change.kind is ChangeKind.INSERTED:
                fmt.setForeground(INSERTED_COLOR)
                fmt.setFontUnderline(True)
            elif item.change.kind is ChangeKind.DELETED:  # the character before the place, shaded red
                fmt.setBackground(DELETED_COLOR)
                if not cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor):
                    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
            elif item.change.kind is ChangeKind.FORMATTED:
                fmt.setBackground(FORMATTED_COLOR)
            else:
                fmt.setBackground(COMMENT_COLOR)
            selection.format, selection.cursor = fmt, cursor  # pyright: ignore[reportAttributeAccessIssue]
            selections.append(selection)
        self.editor.overlays.show_review(selections)

    def _jump(self, row: QListWidgetItem) -> None:
        index = self.list.row(row)
        if 0 <= index < len(self.open):
            cursor = QTextCursor(self.open[index].cursor)
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
            self.editor.setFocus()
