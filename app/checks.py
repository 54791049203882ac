"""The 检查 dock: findings of the proofreading checker; click jumps, one click fixes, ignore once or always."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from phrasebank.check import USER_AVOID, USER_FORMULATIONS, Checker, Finding, FindingKind, unfilled_placeholders
from phrasebank.paths import data_dir

from .dialogs import ok_cancel
from .workers import run_in_background

FINDING_ROLE = Qt.ItemDataRole.UserRole
#: More unchecked paragraphs than this are checked off the GUI thread first.
BACKGROUND_FROM = 40
#: At most this many findings are listed and underlined (the summary counts all of them).
MAX_LISTED = 500
IGNORED_FILE = "ignored.tsv"


class CheckDock(QDockWidget):
    """Runs the checker shortly after the writer pauses and lists what it finds."""

    jumpRequested = Signal(int, int, int)  # paragraph, column, length
    fixRequested = Signal(object)  # Finding
    findingsChanged = Signal(object)  # list[Finding]

    def __init__(self, editor, parent=None) -> None:
        super().__init__("检查", parent)
        self.setObjectName("checkDock")
        self.editor = editor
        self.checker = Checker.default()
        self.findings: list[Finding] = []
        self._busy = False
        self.ignored_once: set[tuple[int, int, str]] = set()
        self.ignored_always = self._load_ignored()
        self.list = QListWidget()
        self.list.itemClicked.connect(self._jump)
        self.list.itemActivated.connect(self._jump)
        self.summary = QLabel("")
        buttons = QHBoxLayout()
        for text, slot in (
            ("应用修改", self.apply_selected),
            ("忽略一次", self.ignore_once),
            ("总是忽略", self.ignore_always),
            ("词表…", self.edit_lists),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._timer = QTimer(self, singleShot=True, interval=600)
        self._timer.timeout.connect(self.run)
        editor.structureChanged.connect(self._timer.start)

    def run(self, wait: bool = False) -> None:
        """Check the document (paragraphs unchanged since the last run come from the cache).

        When many paragraphs are new (a file just opened), a separate checker does the first pass in
        the background and hands its cache over, so the window never freezes.
        """
        paragraphs = self.editor.paragraphs()
        uncached = sum(1 for text in paragraphs if text not in self.checker._cache)
        if uncached > BACKGROUND_FROM and not wait:
            if not self._busy:
                self._busy = True
                worker = Checker(self.checker.formulations, self.checker.avoid)

                def first_pass() -> Checker:
                    worker.check(paragraphs)  # fills the worker's cache; a clean report has no findings
                    return worker

                run_in_background(first_pass, self._adopt, self._failed)
            return
        self._show(self.checker.check(paragraphs))

    def _adopt(self, worker) -> None:
        self._busy = False
        self.checker._cache.update(worker._cache)
        self.run()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.summary.setText(f"检查未完成：{error}")

    def _show(self, findings: list[Finding]) -> None:
        self.findings = [f for f in findings if not self._ignored(f)]
        self.findings.sort(key=lambda f: (f.kind is FindingKind.PLACEHOLDER, f.paragraph, f.column))  # slips first
        shown = self.findings[:MAX_LISTED]  # a huge document's thousands of findings would freeze the window
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        for f in shown:
            fix = f" → {f.fix}" if f.fix else (" → 删除" if f.fix == "" else "")
            item = QListWidgetItem(f"第{f.paragraph + 1}段 〔{f.kind.value}〕{f.message}{fix}")
            item.setData(FINDING_ROLE, f)
            self.list.addItem(item)
        self.list.setUpdatesEnabled(True)
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.kind.value] = counts.get(f.kind.value, 0) + 1
        more = f"（列出前 {MAX_LISTED} 处）" if len(self.findings) > MAX_LISTED else ""
        self.summary.setText("；".join(f"{k} {n} 处" for k, n in counts.items()) + more or "没有发现问题")
        self.setWindowTitle(f"检查（{len(self.findings)}）" if self.findings else "检查")
        self.findingsChanged.emit(shown)

    def placeholders(self, paragraphs: list[str] | None = None) -> list[Finding]:
        """Unfilled placeholders the writer has not chosen to ignore (no full check: saving never waits)."""
        texts = self.editor.paragraphs() if paragraphs is None else paragraphs
        return [f for f in unfilled_placeholders(texts) if not self._ignored(f)]

    def _selected(self) -> Finding | None:
        item = self.list.currentItem()
        return item.data(FINDING_ROLE) if item else None

    def _jump(self, item: QListWidgetItem) -> None:
        f = item.data(FINDING_ROLE)
        self.jumpRequested.emit(f.paragraph, f.column, f.length)

    def apply_selected(self) -> None:
        finding = self._selected()
        if finding is not None and finding.fix is not None:
            self.fixRequested.emit(finding)
            self.run()

    def _ignored(self, f: Finding) -> bool:
        return (
            f.paragraph,
            f.column,
            f.found,
        ) in self.ignored_once or f"{f.kind.value}\t{f.found}" in self.ignored_always

    def ignore_once(self) -> None:
        finding = self._selected()
        if finding is not None:
            self.ignored_once.add((finding.paragraph, finding.column, finding.found))
            self.run()

    def ignore_always(self) -> None:
        finding = self._selected()
        if finding is None:
            return
        self.ignored_always.add(f"{finding.kind.value}\t{finding.found}")
        path = data_dir() / IGNORED_FILE
        path.write_text("\n".join(sorted(self.ignored_always)) + "\n", encoding="utf-8")
        self.run()

    @staticmethod
    def _load_ignored() -> set[str]:
        path = data_dir() / IGNORED_FILE
        return set(path.read_text(encoding="utf-8").splitlines()) - {""} if path.exists() else set()

    def edit_lists(self) -> None:
        dialog = ListsDialog(self)
        if dialog.exec():
            dialog.save()
            self.checker = Checker.default()
            self.run()


class ListsDialog(QDialog):
    """The writer's own formulations and words to avoid, merged with the built-in list."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("我的词表")
        self.paths = {"formulations": data_dir() / USER_FORMULATIONS, "avoid": data_dir() / USER_AVOID}
        self.formulations = QPlainTextEdit(self._read(self.paths["formulations"]))
        self.formulations.setPlaceholderText("每行一条：规范表述<Tab>出处或理由")
        self.avoid = QPlainTextEdit(self._read(self.paths["avoid"]))
        self.avoid.setPlaceholderText("每行一条：词语<Tab>禁用或慎用<Tab>建议")
        tabs = QTabWidget()
        tabs.addTab(self.formulations, "规范表述")
        tabs.addTab(self.avoid, "禁用/慎用词")
        buttons = ok_cancel(self, "保存")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @staticmethod
    def _read(path: Path) -> str:
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def save(self) -> None:
        for key, widget in (("formulations", self.formulations), ("avoid", self.avoid)):
            self.paths[key].write_text(widget.toPlainText().strip() + "\n", encoding="utf-8")
