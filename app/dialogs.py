"""Small dialogs: add or edit a phrase, find and replace, new report from a template."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.structure.templates import template_names, template_text


def dock_page(*parts: QWidget | QLayout) -> QWidget:
    """The body of a dock: its widgets and rows of buttons stacked with a small margin."""
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(4, 4, 4, 4)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return body


def ok_cancel(dialog: QDialog, ok: str = "确定") -> QDialogButtonBox:
    """The dialog's 确定/取消 buttons, wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PhraseDialog(QDialog):
    """Text, kind, section types, tags and note of a personal phrase."""

    def __init__(
        self,
        parent,
        text: str,
        kind: PhraseKind = PhraseKind.COLLOCATION,
        sections: tuple[SectionType, ...] = (),
        tags: tuple[str, ...] = (),
        note: str = "",
        title: str = "加入我的短语库",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(text)
        self.text.setFixedHeight(70)
        self.kind = QComboBox()
        for k in PhraseKind:
            if k is not PhraseKind.NGRAM:
                self.kind.addItem(k.label, k)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        boxes = QWidget()
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        self.section_boxes: dict[SectionType, QCheckBox] = {}
        for n, section in enumerate(SectionType):
            box = QCheckBox(section.label)
            box.setChecked(section in sections)
            grid.addWidget(box, n // 4, n % 4)
            self.section_boxes[section] = box
        self.tags = QLineEdit("；".join(tags), placeholderText="用分号分隔，如：主题教育；开头")
        self.note = QLineEdit(note)
        form = QFormLayout()
        form.addRow("短语", self.text)
        form.addRow("种类", self.kind)
        form.addRow("用于", boxes)
        form.addRow("标签", self.tags)
        form.addRow("备注", self.note)
        buttons = ok_cancel(self, "确定")
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Close only with something to save; otherwise say why here and keep the dialog open."""
        if not self.text.toPlainText().strip():
            self.problem.setText("请先填写短语内容。")
            self.text.setFocus()
            return
        super().accept()

    def values(self) -> dict:
        tags = [t.strip() for t in self.tags.text().replace(";", "；").split("；") if t.strip()]
        return {
            "text": self.text.toPlainText().strip(),
            "kind": PhraseKind(self.kind.currentData()),
            "sections": [s for s, box in self.section_boxes.items() if box.isChecked()],
            "tags": tags,
            "note": self.note.text().strip(),
        }


class FindReplaceDialog(QDialog):
    """Find (Ctrl+F) and replace (Ctrl+H) in the editor; not modal, so the writer keeps typing."""

    def __init__(self, editor, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("查找和替换")
        self.editor = editor
        self.find_text = QLineEdit()
        self.replace_text = QLineEdit()
        self.case = QCheckBox("区分大小写")
        self.status = QLabel("")
        find_next = QPushButton("查找下一个")
        replace_one = QPushButton("替换")
        replace_all = QPushButton("全部替换")
        find_next.clicked.connect(lambda: self.search(backward=False))
        replace_one.clicked.connect(self.replace)
        replace_all.clicked.connect(self.replace_all)
        self.find_text.returnPressed.connect(lambda: self.search(backward=False))
        form = QFormLayout()
        form.addRow("查找", self.find_text)
        form.addRow("替换为", self.replace_text)
        buttons = QHBoxLayout()
        for button in (find_next, replace_one, replace_all):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.case)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def search(self, backward: bool = False) -> bool:
        needle = self.find_text.text()
        if not needle:
            return False
        found = self.editor.find(needle, self._flags(backward))
        if not found:  # wrap around
            cursor = self.editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            self.editor.setTextCursor(cursor)
            found = self.editor.find(needle, self._flags(backward))
        self.status.setText("" if found else f"找不到“{needle}”")
        return found

    def replace(self) -> None:
        cursor = self.editor.textCursor()
        if cursor.hasSelection() and cursor.selectedText() == self.find_text.text():
            cursor.insertText(self.replace_text.text())
        self.search()

    def replace_all(self) -> int:
        needle, replacement = self.find_text.text(), self.replace_text.text()
        if not needle:
            return 0
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        count = 0
        while self.editor.find(needle, self._flags()):
            found = self.editor.textCursor()
            found.insertText(replacement)
            count += 1
        cursor.endEditBlock()
        self.status.setText(f"已替换 {count} 处")
        return count


class TemplateDialog(QDialog):
    """Choose a report type; its skeleton shows on the right."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("从模板新建")
        self.names = QListWidget()
        self.names.addItems(template_names())
        self.preview = QPlainTextEdit(readOnly=True)
        self.names.currentTextChanged.connect(lambda name: self.preview.setPlainText(template_text(name)))
        self.names.itemDoubleClicked.connect(lambda _: self.accept())
        self.names.setCurrentRow(0)
        buttons = ok_cancel(self, "新建")
        row = QHBoxLayout()
        row.addWidget(self.names, 1)
        row.addWidget(self.preview, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def chosen(self) -> str:
        item = self.names.currentItem()
        return item.text() if item else "空白报告"


class ReviewDialog(QDialog):
    """Phrases mined from the writer's own reports: tick to accept, double-click to edit first."""

    def __init__(self, candidates, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"审阅挖掘出的短语（{len(candidates)} 条）")
        self.candidates = candidates
        self.list = QListWidget()
        for candidate in candidates:
            phrase = candidate.phrase
            item = QListWidgetItem(phrase.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(Qt.CheckState.Unchecked)
            where = "、".join(s.label for s in phrase.sections)
            item.setToolTip(f"{phrase.kind.label}；{where}；出现 {phrase.count} 次；{phrase.source}")
            self.list.addItem(item)
        all_on, all_off = QPushButton("全选"), QPushButton("全不选")
        all_on.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        all_off.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        row = QHBoxLayout()
        row.addWidget(QLabel("勾选要加入的短语；双击可先修改文字。"), 1)
        row.addWidget(all_on)
        row.addWidget(all_off)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list)
        layout.addWidget(ok_cancel(self, "加入我的短语库"))
        self.resize(560, 520)

    def _check_all(self, state) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def accepted_items(self) -> list:
        """(candidate, text as edited) for every ticked row."""
        return [
            (self.candidates[i], self.list.item(i).text())
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
