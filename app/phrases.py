"""The phrase dock: built-in and personal phrases for the section at the cursor, grouped by kind."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.library.entry import Entry
from phrasebank.library.store import OWN_SOURCE, Library, LibraryError
from phrasebank.suggest import frames
from phrasebank.suggest.dock import KIND_ORDER

from .dialogs import PhraseDialog

ENTRY_ROLE = Qt.ItemDataRole.UserRole
FOLLOW = "follow"
HIDDEN = "hidden"
SEARCH_LIMIT = 300


class PhraseTree(QTreeWidget):
    """Phrase list whose drags carry the phrase as plain text, so it can be dropped into the editor."""

    def mimeData(self, items):
        data = QMimeData()
        entries = [item.data(0, ENTRY_ROLE) for item in items if item.data(0, ENTRY_ROLE) is not None]
        data.setText("".join(entry.text for entry in entries))
        return data


def _text(entry: Entry) -> str:
    return entry.text


class PhraseDock(QDockWidget):
    """Search (text, pinyin, initials) and filters over the library; double-click or Enter inserts."""

    insertRequested = Signal(str)
    message = Signal(str)
    failed = Signal(object)  # an error the writer must read (LibraryError)
    libraryChanged = Signal()  # the writer changed the library from the panel's menu

    def __init__(self, library: Library, parent=None) -> None:
        super().__init__("短语", parent)
        self.setObjectName("phraseDock")
        self.library = library
        self.cursor_section: SectionType | None = None
        self.genre = ""  # the 文种 the document's title names
        self.search = QLineEdit(placeholderText="搜索：文字、全拼或首字母（如 yxcg）")
        self.search.setClearButtonEnabled(True)
        self.section_box = QComboBox()
        self.section_box.addItem("跟随光标所在部分", FOLLOW)
        self.section_box.addItem("全部部分", None)
        for section in SectionType:
            self.section_box.addItem(section.label, section)
        self.kind_box = QComboBox()
        self.kind_box.addItem("全部种类", None)
        for kind in PhraseKind:
            if kind is not PhraseKind.NGRAM:
                self.kind_box.addItem(kind.label, kind)
        self.origin_box = QComboBox()
        origins = (("内置和个人", None), ("内置", "builtin"), ("我的短语", "personal"), ("已隐藏的内置", HIDDEN))
        for label, origin in origins:
            self.origin_box.addItem(label, origin)
        self.favourites = QCheckBox("只看收藏")
        self.last_hidden: str | None = None
        self.undo_hide_button = QPushButton("撤销隐藏")
        self.undo_hide_button.setEnabled(False)
        self.undo_hide_button.clicked.connect(self.undo_hide)
        self.tree = PhraseTree()
        self.tree.setHeaderHidden(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.itemActivated.connect(self._activated)
        self.tree.setDragEnabled(True)
        filters = QHBoxLayout()
        for widget in (self.section_box, self.kind_box, self.origin_box):
            filters.addWidget(widget)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        options = QHBoxLayout()
        options.addWidget(self.favourites)
        options.addStretch()
        options.addWidget(self.undo_hide_button)
        layout.addLayout(options)
        layout.addWidget(self.tree)
        self.setWidget(body)
        self.search.textChanged.connect(self.refresh)
        for box in (self.section_box, self.kind_box, self.origin_box):
            box.currentIndexChanged.connect(self.refresh)
        self.favourites.toggled.connect(self.refresh)
        self.search.returnPressed.connect(self._insert_first)

    def follow_section(self, section: SectionType | None) -> None:
        """The cursor moved into another section: show its phrases (when following the cursor)."""
        self.cursor_section = section
        if self.section_box.currentData() == FOLLOW:
            self.refresh()

    def follow_genre(self, genre: str) -> None:
        """The title names another 文种 (or none): its set openings and closings first, another 文种's left out."""
        if genre != self.genre:
            self.genre = genre
            self.refresh()

    def shown_section(self) -> SectionType | None:
        data = self.section_box.currentData()  # Qt hands enum data back as plain strings
        if data == FOLLOW:
            return self.cursor_section
        return SectionType(data) if data else None

    def shown_kind(self) -> PhraseKind | None:
        data = self.kind_box.currentData()
        return PhraseKind(data) if data else None

    def refresh(self) -> None:
        """List the section's phrases as the engine orders them; a search looks in every section."""
        section = self.shown_section()
        query = self.search.text().strip()
        favourite = True if self.favourites.isChecked() else None
        origin = self.origin_box.currentData()
        if origin == HIDDEN:
            entries = [e for e in self.library.hidden_builtins() if query in e.text]
        elif query:
            entries = self.library.search(
                query, kind=self.shown_kind(), favourite=favourite, origin=origin, limit=SEARCH_LIMIT
            )
        else:
            entries = self.library.for_section(section, kind=self.shown_kind(), favourite=favourite, origin=origin)
        entries = frames.fitted([e for e in entries if e.kind is not PhraseKind.NGRAM], self.genre, _text)
        self.tree.clear()
        groups = [("我的短语", [e for e in entries if not e.builtin])]  # the writer's own first
        groups += [(k.label, [e for e in entries if e.builtin and e.kind is k]) for k in KIND_ORDER]
        for label, members in groups:
            if not members:
                continue
            group = QTreeWidgetItem([f"{label}（{len(members)}）"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for entry in members:
                mark = "★ " if entry.favourite else ""
                own = entry.source.startswith(OWN_SOURCE)  # learned from 我的报告库
                kind_mark = "  · 本单位" if own else "" if entry.builtin else f"  · {entry.kind.label}"
                item = QTreeWidgetItem([f"{mark}{entry.text}{kind_mark}"])
                item.setData(0, ENTRY_ROLE, entry)
                where = "常用于：" + "、".join(s.label for s in entry.sections) if entry.sections else "各部分通用"
                origin_note = f"\n来自我的报告库：{entry.source.removeprefix(OWN_SOURCE)}" if own else ""
                item.setToolTip(0, where + origin_note + (f"\n{entry.note}" if entry.note else ""))
                group.addChild(item)
        self.tree.expandAll()
        if query:
            self.setWindowTitle(f"短语 — 搜索“{query}”（全部部分，{len(entries)} 条）")
        else:
            self.setWindowTitle(f"短语 — {section.label}" if section else "短语 — 全部部分")

    def entries(self) -> list[Entry]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is not None:
                out.extend(child.data(0, ENTRY_ROLE) for j in range(group.childCount()) if (child := group.child(j)))
        return out

    def _activated(self, item: QTreeWidgetItem) -> None:
        entry = item.data(0, ENTRY_ROLE)
        if entry is not None:
            self.insertRequested.emit(entry.text)

    def _insert_first(self) -> None:
        entries = self.entries()
        if entries:
            self.insertRequested.emit(entries[0].text)

    def _menu(self, position) -> None:
        item = self.tree.itemAt(position)
        entry: Entry | None = item.data(0, ENTRY_ROLE) if item else None
        if entry is None:
            return
        menu = QMenu(self)
        menu.addAction("插入", lambda: self.insertRequested.emit(entry.text))
        menu.addAction("复制", lambda: QGuiApplication.clipboard().setText(entry.text))
        menu.addSeparator()
        if entry.builtin and self.origin_box.currentData() == HIDDEN:
            shown_again = lambda: self.library.hide_builtin(entry.text, False)  # noqa: E731
            menu.addAction("恢复显示此内置短语", lambda: self._guard(shown_again))
        elif entry.builtin:
            menu.addAction("加入我的短语库", lambda: self._guard(lambda: self.library.copy_builtin(entry.text)))
            menu.addAction("隐藏此内置短语", lambda: self.hide_builtin(entry.text))
        elif entry.id is not None:
            phrase_id = entry.id
            favourite = QAction("取消收藏" if entry.favourite else "收藏", menu)
            favourite.triggered.connect(
                lambda: self._guard(lambda: self.library.set_favourite(phrase_id, not entry.favourite))
            )
            menu.addAction(favourite)
            menu.addAction("编辑…", lambda: self.edit_phrase(entry))
            menu.addAction("删除", lambda: self._guard(lambda: self.library.remove(phrase_id)))
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def new_phrase(self, text: str, section: SectionType | None) -> None:
        """Ask for a new personal phrase (the dialog filled with `text` and `section`), then add it."""
        dialog = PhraseDialog(self, text, sections=(section,) if section else ())
        if dialog.exec():
            self.add_phrase(dialog.values())

    def add_phrase(self, values: dict) -> None:
        """Add a phrase as the phrase dialog's values give it."""
        try:
            entry = self.library.add(
                values["text"], values["kind"], values["sections"], values["tags"], values["note"], source="选区"
            )
        except LibraryError as exc:
            self.failed.emit(exc)
            return
        self.message.emit(f"已加入我的短语库：{entry.text}")
        self.refresh()
        self.libraryChanged.emit()

    def edit_phrase(self, entry: Entry) -> None:
        dialog = PhraseDialog(
            self, entry.text, entry.kind, tuple(entry.sections), tuple(entry.tags), entry.note, title="编辑短语"
        )
        if dialog.exec() and entry.id is not None:
            phrase_id = entry.id
            self._guard(lambda: self.library.edit(phrase_id, **dialog.values()), loud=True)

    def hide_builtin(self, text: str) -> None:
        """Hide a built-in phrase; 撤销隐藏 (or 已隐藏的内置 → 恢复显示) shows it again."""
        if self._guard(lambda: self.library.hide_builtin(text)):
            self.last_hidden = text
            self.undo_hide_button.setEnabled(True)
            self.message.emit(f"已隐藏“{text}”：点“撤销隐藏”或在“已隐藏的内置”中恢复")

    def undo_hide(self) -> None:
        if self.last_hidden is not None:
            text, self.last_hidden = self.last_hidden, None
            self.undo_hide_button.setEnabled(False)
            self._guard(lambda: self.library.hide_builtin(text, False))

    def _guard(self, action, loud: bool = False) -> bool:
        """Make a library change; when it fails, say why (in a message box when `loud`, else in the
        status bar). The panel and the editor's own-phrase source follow either way."""
        try:
            action()
        except LibraryError as exc:
            if loud:
                self.failed.emit(exc)
            else:
                self.message.emit(str(exc))
            return False
        finally:
            self.refresh()
            self.libraryChanged.emit()
        return True
