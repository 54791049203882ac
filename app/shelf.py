"""我的报告库 in the window: the writer's report folders, learned in the background and kept up to date,
their phrases in the dock (first) and their completions in the popup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from phrasebank.mining.shelf import Shelf
from phrasebank.suggest.bank import PhraseBank

from . import choosers
from .workers import run_in_background

#: A change in a watched folder is learned after this pause (a copy of many files is one change).
SETTLE_MS = 3000
#: From this many of the writer's reports on, the dock lists only what recurs in two of them.
RECURRING_FROM = 2


class ShelfKeeper(QObject):
    """Loads the bank of 我的报告库, mines it again when reports change, hands it to the window."""

    bankReady = Signal(object)  # PhraseBank | None
    progress = Signal(str)
    failed = Signal(object)  # Exception

    def __init__(self, shelf: Shelf | None = None, parent=None) -> None:
        super().__init__(parent)
        self.shelf = shelf or Shelf()
        self.bank: PhraseBank | None = None
        self.busy = False
        self._again = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _: self._settle.start())
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(lambda: self.refresh(only_if_stale=True))

    def start(self, wait: bool = False) -> None:
        """Load what was learned; learn again if reports changed since (both off the GUI thread)."""
        self._watch()
        if not self.shelf.folders():
            return

        def load() -> tuple[PhraseBank | None, bool]:
            return self.shelf.load(), self.shelf.is_stale()

        def loaded(result: tuple[PhraseBank | None, bool]) -> None:
            bank, stale = result
            self.bank = bank
            self.bankReady.emit(bank)
            if stale:
                self.refresh(wait=wait)

        run_in_background(load, loaded, self.failed.emit, wait=wait)

    def refresh(self, wait: bool = False, only_if_stale: bool = False) -> None:
        """Mine the reports again in the background (one pass at a time; a change meanwhile runs another)."""
        if self.busy:
            self._again = True
            return
        if only_if_stale and not self.shelf.is_stale():
            return
        self.busy = True

        def report(done: int, total: int, name: str) -> None:
            said = f"正在学习 {done + 1}/{total} {name}" if name else "正在整理短语……"
            self.progress.emit(f"我的报告库：{said}")

        def done(bank: PhraseBank | None) -> None:
            self.busy = False
            self.bank = bank
            self._watch()
            self.bankReady.emit(bank)
            if self._again:
                self._again = False
                self.refresh(only_if_stale=True)

        def failed(error: Exception) -> None:
            self.busy = False
            self.failed.emit(error)

        run_in_background(lambda progress: self.shelf.rebuild(progress), done, failed, wait=wait, progress=report)

    def _watch(self) -> None:
        folders = [str(f) for f in self.shelf.folders() if f.is_dir()]
        for sub in folders[:]:
            folders += [str(p) for p in Path(sub).rglob("*") if p.is_dir()]
        stale = set(self.watcher.directories()) - set(folders)
        if stale:
            self.watcher.removePaths(sorted(stale))
        new = [f for f in folders if f not in self.watcher.directories()]
        if new:
            self.watcher.addPaths(new)


class ShelfDialog(QDialog):
    """The folders of 我的报告库 and the reports learned from them: add a folder, leave a report out."""

    def __init__(self, keeper: ShelfKeeper, parent=None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.setWindowTitle("我的报告库")
        intro = QLabel(
            "把本单位以往的报告所在的文件夹加进来（DOCX、TXT），编辑器会在后台学习其中的常用表述，"
            "在短语栏里排在最前，并用于输入联想。文件夹里的报告有增删改时会自动重新学习。"
        )
        intro.setWordWrap(True)
        self.folders = QListWidget()
        self.reports = QListWidget()
        self.reports.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.status = QLabel("")
        row = QHBoxLayout()
        for label, slot in (
            ("添加文件夹…", self.choose_folder),
            ("移除文件夹", self.remove_folder),
            ("不再学习所选报告", self.leave_out),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            row.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel("文件夹"))
        layout.addWidget(self.folders)
        layout.addWidget(QLabel("已学习的报告"))
        layout.addWidget(self.reports, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(buttons)
        keeper.bankReady.connect(lambda _: self.show_shelf())
        keeper.progress.connect(self.status.setText)
        self.resize(640, 520)
        self.show_shelf()

    def show_shelf(self) -> None:
        shelf = self.keeper.shelf
        self.folders.clear()
        self.folders.addItems([str(f) for f in shelf.folders()])
        self.reports.clear()
        for report in shelf.learned():
            item = QListWidgetItem(report.name)
            item.setToolTip(str(report))
            item.setData(256, str(report))
            self.reports.addItem(item)
        bank = self.keeper.bank
        if self.keeper.busy:
            self.status.setText("正在学习……")
        elif bank is not None:
            self.status.setText(f"已从 {bank.reports} 篇报告学到 {len(bank.phrases)} 条短语")
        else:
            self.status.setText("还没有学习任何报告")

    def choose_folder(self) -> None:
        folder = choosers.folder(self, "选择存放本单位报告的文件夹")
        if folder:
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path, wait: bool = False) -> None:
        self.keeper.shelf.add_folder(folder)
        self.show_shelf()
        self.keeper.refresh(wait=wait)

    def remove_folder(self, wait: bool = False) -> None:
        row = self.folders.currentItem()
        if row is not None:
            self.keeper.shelf.remove_folder(Path(row.text()))
            self.keeper.refresh(wait=wait)

    def leave_out(self, wait: bool = False) -> None:
        chosen = [Path(item.data(256)) for item in self.reports.selectedItems()]
        for report in chosen:
            self.keeper.shelf.leave_out(report)
        if chosen:
            self.keeper.refresh(wait=wait)
