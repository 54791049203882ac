"""The 版头和版记 dialog: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人; 抄送, 印发机关, 印发日期."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from phrasebank.document.masthead import Masthead

from .dialogs import ok_cancel

#: (field, label, hint) in the order of GB/T 9704 §7.2 and §7.4.
BANNER = (
    ("copy_number", "份号", "6 位阿拉伯数字，如 000001（涉密公文）"),
    ("secrecy", "密级和保密期限", ""),
    ("urgency", "紧急程度", ""),
    ("issuer", "发文机关标志", "如：中共云岭市委办公室文件"),
    ("doc_number", "发文字号", "如：云办发〔2026〕12号"),
    ("signers", "签发人", "上行文填写，多人用空格分开"),
)
IMPRINT = (
    ("copy_to", "抄送机关", "如：市委各部委，市人大常委会办公室。"),
    ("printer", "印发机关", "如：中共云岭市委办公室"),
    ("print_date", "印发日期", "如：2026年7月16日"),
)
CHOICES = {"secrecy": ["", "秘密", "秘密★1年", "机密", "机密★5年", "绝密"], "urgency": ["", "加急", "特急"]}


class MastheadDialog(QDialog):
    """Fill in the 版头 and 版记; empty fields are left out of the document."""

    def __init__(self, masthead: Masthead, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("版头和版记")
        self.setMinimumWidth(560)
        self.inputs: dict[str, QLineEdit | QComboBox | QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        for title, rows in (("版头（GB/T 9704—2012 第 7.2 条）", BANNER), ("版记（第 7.4 条）", IMPRINT)):
            box = QGroupBox(title)
            form = QFormLayout(box)
            for name, label, hint in rows:
                value = getattr(masthead, name)
                if name in CHOICES:
                    field = QComboBox()
                    field.setEditable(True)
                    field.addItems(CHOICES[name])
                    field.setCurrentText(value)
                else:
                    field = QLineEdit(value)
                    field.setPlaceholderText(hint)
                form.addRow(label, field)
                self.inputs[name] = field
            layout.addWidget(box)
        other = QPlainTextEdit(masthead.distribution)
        other.setPlaceholderText("版记中的其他要素，每行一项，如：报：省委办公厅。")
        other.setMaximumHeight(70)
        self.inputs["distribution"] = other
        layout.addWidget(QLabel("版记中的其他要素（报/送/发）："))
        layout.addWidget(other)
        note = QLabel("涉密公文不得在普通计算机上起草和保存。版记排在最后一页的底部；纯文本文件中写在正文前后。")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        """A 发文字号 with a slip is named before the dialog closes (the fix offered where it is certain)."""
        from phrasebank.check.docnumber import number_problem

        field = self.inputs["doc_number"]
        assert isinstance(field, QLineEdit)
        problem, fix = number_problem(field.text())
        if problem:
            buttons = [f"改为 {fix}", "返回修改", "仍然使用"] if fix else ["返回修改", "仍然使用"]
            ask = getattr(self.parent(), "ask", None)
            choice = ask("发文字号", f"“{field.text().strip()}”：{problem}。", buttons) if ask else "仍然使用"
            if fix and choice == buttons[0]:
                field.setText(fix)
            elif choice != "仍然使用":
                field.setFocus()
                return
        super().accept()

    def masthead(self) -> Masthead:
        values = {}
        for f in fields(Masthead):
            widget = self.inputs[f.name]
            if isinstance(widget, QComboBox):
                values[f.name] = widget.currentText().strip()
            elif isinstance(widget, QPlainTextEdit):
                values[f.name] = "\n".join(line.strip() for line in widget.toPlainText().splitlines() if line.strip())
            else:
                values[f.name] = widget.text().strip()
        return Masthead(**values)
