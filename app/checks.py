"""The 检查 dock: findings of the proofreading checker; click jumps, one click fixes, ignore once or always."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from phrasebank.errors import PhrasebankError
from phrasebank.paths import data_dir
from phrasebank.structure.outline import Paragraph

if TYPE_CHECKING:  # (the checker's modules load once there is something to check, not with the window)
    from phrasebank.check.checker import Checker
    from phrasebank.check.findings import Finding
    from phrasebank.check.ignoring import IgnoreList

from . import turns
from .dialogs import dock_page, ok_cancel
from .workers import run_in_background

FINDING_ROLE = Qt.ItemDataRole.UserRole
#: More unchecked paragraphs than this are checked off the GUI thread first.
BACKGROUND_FROM = 40
#: From this many paragraphs on (about 50,000 characters), every check runs off the GUI thread: the document-wide
#: checks of a 100,000-character report take 15–20 ms, more than a keystroke may.
CHECK_APART_FROM = 400
#: At most this many findings are listed and underlined (the summary counts all of them).
MAX_LISTED = 500


def _worker(model: Checker | None) -> Checker:
    """A checker for the passes off the GUI thread, with the lists of the window's (built here, off the GUI
    thread, when the window has none yet); it gives way to the window's slices between paragraphs."""
    from phrasebank.check.checker import Checker

    worker = Checker(model.formulations, model.avoid) if model is not None else Checker.default()
    worker.pause = turns.give_way
    return worker


class CheckDock(QDockWidget):
    """Runs the checker shortly after the writer pauses and lists what it finds."""

    jumpRequested = Signal(int, int, int)  # paragraph, column, length
    fixRequested = Signal(object)  # Finding
    findingsChanged = Signal(object)  # list[Finding]
    message = Signal(str)

    def __init__(self, editor, parent=None) -> None:
        super().__init__("检查", parent)
        self.setObjectName("checkDock")
        self.editor = editor
        self._checker: Checker | None = None  # built on first use (`checker`) or handed over (`adopt_checker`)
        self.findings: list[Finding] = []
        self._listed: tuple | None = None  # what the list and its summary show
        self._busy = False
        self._apart: Checker | None = None  # the checker of the passes off the GUI thread
        self._lists = 0  # changes of the writer's lists: a pass begun before one is run again
        self.settings = QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
        self.families_off: set[str] = set(str(self.settings.value("check/families_off", "")).split("|")) - {""}
        self.list = QListWidget()
        self.list.setWordWrap(True)  # a long message wraps in the dock's width, no sideways scrolling
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemClicked.connect(self._jump)
        self.list.itemActivated.connect(self._jump)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)  # many kinds of findings: the line wraps, the dock never squeezes the text
        buttons = QHBoxLayout()
        self.undo_button = QPushButton("撤销忽略")
        self.undo_button.setEnabled(False)
        for button, slot in (
            (QPushButton("应用修改"), self.apply_selected),
            (QPushButton("忽略一次"), self.ignore_once),
            (QPushButton("总是忽略"), self.ignore_always),
            (self.undo_button, self.undo_ignore),
            (QPushButton("词表…"), self.edit_lists),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.setWidget(dock_page(self.summary, self.list, buttons))
        self._timer = QTimer(self, singleShot=True, interval=600)
        self._timer.timeout.connect(self.run)
        editor.structureChanged.connect(self._timer.start)

    @cached_property
    def ignored(self) -> IgnoreList:
        """What the writer chose to ignore, read at the first check."""
        from phrasebank.check.ignoring import IgnoreList

        return IgnoreList(data_dir())

    @property
    def checker(self) -> Checker:
        """The checker of the shipped and the writer's lists (the window builds one in the background after
        start, `adopt_checker`; asked before that, it is built here)."""
        if self._checker is None:
            from phrasebank.check.checker import Checker

            self._checker = Checker.default()
        return self._checker

    def adopt_checker(self, checker: Checker) -> None:
        """A checker built off the GUI thread: used unless one was built here meanwhile."""
        if self._checker is None:
            self._checker = checker

    def run(self, wait: bool = False, adopted: bool = False) -> None:
        """Check the document (paragraphs unchanged since the last run come from the cache).

        When many paragraphs are new (a file just opened), a separate checker does the first pass in
        the background and hands its cache over, so the window never freezes. A long report (from
        CHECK_APART_FROM paragraphs) is checked off the GUI thread every time.
        """
        held = self.editor.held()
        apart = len(held) >= CHECK_APART_FROM
        if apart and not wait:
            self._check_apart(held)
            return
        paragraphs = [p.text for p in held]
        if wait:
            self._show(self.checker.check(paragraphs))
            return
        cached = self._checker._cache if self._checker is not None else {}
        if adopted or sum(1 for text in paragraphs if text not in cached) <= BACKGROUND_FROM:
            self._show(self.checker.check(paragraphs))
            return
        self._check_apart(held)

    def _check_apart(self, held: list[Paragraph]) -> None:
        if self._busy:
            return  # what is typed meanwhile is checked when this pass lands
        self._busy = True
        worker, model, lists = self._apart, self._checker, self._lists  # (a worker is used by one pass at a time)

        def checked() -> tuple[Checker, int, list[Paragraph], list[Finding]]:
            used = worker or _worker(model)
            return used, lists, held, used.check([p.text for p in held])

        run_in_background(checked, self._adopt, self._failed, droppable=True)

    def _adopt(self, result: tuple[Checker, int, list[Paragraph], list[Finding]]) -> None:
        worker, lists, held, findings = result
        self._busy = False
        if lists != self._lists:
            self.run()  # the writer's lists changed meanwhile: checked again with them
            return
        self._apart = worker
        if len(held) >= CHECK_APART_FROM:
            if not self.editor.unchanged_since(held):
                self.run()  # typed meanwhile: the newest text is checked in turn
            else:
                self._show(findings)
        else:
            self.checker._cache.update(worker._cache)
            self.run(adopted=True)  # what is still new was typed meanwhile: checked here, no second pass

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.summary.setText(f"检查未完成：{error}")

    def _menu(self, position) -> None:
        """Right-click: turn the selected finding's family off, or every family back on."""
        menu = QMenu(self)
        finding = self._selected()
        if finding is not None:
            menu.addAction(f"不再检查“{finding.kind.value}”", lambda: self.set_family(finding.kind.value, False))
        if self.families_off:
            menu.addAction("恢复全部检查类别", lambda: [self.set_family(k, True) for k in list(self.families_off)])
        if not menu.isEmpty():
            menu.exec(self.list.viewport().mapToGlobal(position))
        menu.deleteLater()

    def set_family(self, family: str, on: bool) -> None:
        """Turn a family of findings (规范表述, 标点 …) on or off for this writer; remembered."""
        (self.families_off.discard if on else self.families_off.add)(family)
        self.settings.setValue("check/families_off", "|".join(sorted(self.families_off)))
        self.run()

    def _show(self, findings: list[Finding]) -> None:
        from phrasebank.check.findings import FindingKind

        if self.families_off:
            findings = [f for f in findings if f.kind.value not in self.families_off]
        self.findings = self.ignored.kept(findings)
        self.findings.sort(key=lambda f: (f.kind is FindingKind.PLACEHOLDER, f.paragraph, f.column))  # slips first
        shown = self.findings[:MAX_LISTED]  # a huge document's thousands of findings would freeze the window
        listed = (len(self.findings), sorted(self.families_off), shown)
        if listed == self._listed:
            return  # typing that changed no finding: the list, its summary and the underlines stay
        self._listed = listed
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
        off = f"（未检查：{'、'.join(sorted(self.families_off))}，右键可恢复）" if self.families_off else ""
        self.summary.setText(("；".join(f"{k} {n} 处" for k, n in counts.items()) + more or "没有发现问题") + off)
        self.setWindowTitle(f"检查（{len(self.findings)}）" if self.findings else "检查")
        self.findingsChanged.emit(shown)

    def not_ignored(self, findings: list[Finding]) -> list[Finding]:
        """The findings the writer has not chosen to ignore."""
        return self.ignored.kept(findings)

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

    def ignore_once(self) -> None:
        finding = self._selected()
        if finding is not None:
            self.ignored.ignore_once(finding)
            self._ignores_changed()

    def ignore_always(self) -> None:
        finding = self._selected()
        if finding is not None:
            self._guard(lambda: self.ignored.ignore_always(finding))

    def undo_ignore(self) -> None:
        """Take back the newest "ignore once" or "always ignore"."""
        self._guard(self.ignored.undo)

    def _guard(self, change) -> None:
        try:
            change()
        except PhrasebankError as exc:
            self.message.emit(str(exc))
        self._ignores_changed()

    def _ignores_changed(self) -> None:
        self.undo_button.setEnabled(self.ignored.can_undo)
        self.run()

    def edit_lists(self) -> None:
        dialog = ListsDialog(self.ignored, self)
        if dialog.exec():
            try:
                dialog.save()
            except PhrasebankError as exc:
                self.message.emit(str(exc))
            from phrasebank.check.checker import Checker

            self._checker, self._apart = Checker.default(), None
            self._lists += 1
        self._ignores_changed()  # entries restored in the dialog count even when it is cancelled


class ListsDialog(QDialog):
    """The writer's own formulations and words to avoid (merged with the built-in list), and the
    findings they chose to ignore always, each of which can be checked again."""

    def __init__(self, ignored: IgnoreList, parent=None) -> None:
        from phrasebank.check.ignoring import read_user_list

        super().__init__(parent)
        self.setWindowTitle("我的词表")
        self.ignored = ignored
        self.formulations = QPlainTextEdit(read_user_list(data_dir(), "formulations"))
        self.formulations.setPlaceholderText("每行一条：规范表述<Tab>出处或理由")
        self.avoid = QPlainTextEdit(read_user_list(data_dir(), "avoid"))
        self.avoid.setPlaceholderText("每行一条：词语<Tab>禁用或慎用<Tab>建议")
        self.always = QListWidget()
        restore = QPushButton("恢复检查选中项")
        restore.clicked.connect(self.restore_selected)
        ignored_page = QWidget()
        ignored_layout = QVBoxLayout(ignored_page)
        ignored_layout.addWidget(self.always)
        ignored_layout.addWidget(restore)
        self._fill_always()
        tabs = QTabWidget()
        tabs.addTab(self.formulations, "规范表述")
        tabs.addTab(self.avoid, "禁用/慎用词")
        tabs.addTab(ignored_page, "总是忽略")
        buttons = ok_cancel(self, "保存")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _fill_always(self) -> None:
        from phrasebank.check.ignoring import split_always_key

        self.always.clear()
        for key in sorted(self.ignored.always):
            family, found = split_always_key(key)
            item = QListWidgetItem(f"〔{family}〕{found}")
            item.setData(FINDING_ROLE, key)
            self.always.addItem(item)

    def restore_selected(self) -> None:
        item = self.always.currentItem()
        if item is not None:
            try:
                self.ignored.restore(item.data(FINDING_ROLE))
            except PhrasebankError as exc:
                QMessageBox.warning(self, "我的词表", str(exc))
            self._fill_always()

    def save(self) -> None:
        from phrasebank.check.ignoring import save_user_list

        save_user_list(data_dir(), "formulations", self.formulations.toPlainText())
        save_user_list(data_dir(), "avoid", self.avoid.toPlainText())
