"""The outline dock: title, headings by level and run-in heads, each with its section badge."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QPushButton,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from phrasebank.structure.numbering import NumberingIssue, Slip, numbering_issues, slot_counts
from phrasebank.structure.outline import NodeKind, OutlineNode, Structure

from . import turns
from .workers import run_in_background

#: From this many paragraphs on, the outline is worked out off the GUI thread (a tenth of a second and more).
OUTLINE_APART_FROM = 3000
#: An outline of up to this many entries is shown at once; a longer one is added BUILD_SLICE_MS at a time.
BUILD_AT_ONCE = 300
BUILD_SLICE_MS = 15

INDEX_ROLE = Qt.ItemDataRole.UserRole
HEADING_ROLE = Qt.ItemDataRole.UserRole + 1

SECTION_COLOURS = {
    "opening": "#6b7280",
    "overview": "#2563eb",
    "measures": "#059669",
    "highlights": "#d97706",
    "problems": "#9f1239",  # a dark rose: numbering errors alone are marked (orange, with ⚠)
    "next_steps": "#7c3aed",
    "closing": "#6b7280",
}


class OutlineTree(QTreeWidget):
    """Tree whose drops move a heading's whole section in the document, not just the tree item."""

    moveRequested = Signal(int, int)  # heading paragraph, paragraph to stand before

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        # every row is one line (words cut at 40 characters): Qt then measures one row, not each of the
        # thousands a long report has each time the tree is laid out (81 ms at 25,000 paragraphs)
        self.setUniformRowHeights(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.paragraph_count = 0

    def dropEvent(self, event) -> None:
        source = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        event.ignore()  # the document is the truth: the tree is rebuilt from it
        if source is None or not source.data(0, HEADING_ROLE):
            return
        if target is None:
            before = self.paragraph_count
        else:
            rect = self.visualItemRect(target)
            below = event.position().toPoint().y() > rect.center().y()
            before = target.data(0, INDEX_ROLE) + (1 if below and not target.childCount() else 0)
        self.moveRequested.emit(source.data(0, INDEX_ROLE), before)


class OutlineDock(QDockWidget):
    """Shows the outline; click jumps, drag moves a section, “重新编号” renumbers."""

    jumpRequested = Signal(int)
    renumberRequested = Signal()
    placed = Signal()  # the editor's provisional sections were replaced by the ones the outline shows

    def __init__(self, parent=None) -> None:
        super().__init__("大纲", parent)
        self.setObjectName("outlineDock")
        self.tree = OutlineTree()
        self.tree.itemClicked.connect(lambda item: self.jumpRequested.emit(item.data(0, INDEX_ROLE)))
        self.tree.itemActivated.connect(lambda item: self.jumpRequested.emit(item.data(0, INDEX_ROLE)))
        self.renumber_button = QPushButton("重新编号")
        self.renumber_button.setToolTip("把一、二、三和（一）（二）等序号按顺序重新编排")
        self.renumber_button.clicked.connect(self.renumberRequested)
        bar = QToolBar()
        bar.addWidget(self.renumber_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.tree)
        self.setWidget(body)
        self._pending: Structure | None = None
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._rebuild)
        self.gaps: list[int] = []
        self.slots: dict[int, int] = {}  # first-level heading index -> unfilled slots in its section
        self._shape: list[tuple] | None = None  # what the tree shows, to skip rebuilding an unchanged outline
        self._asked = 0  # outlines asked for; only the newest is shown
        self.typing_in: Callable[[], int | None] = lambda: None  # the paragraph being typed (the editor's)
        self._held_back: int | None = None  # that paragraph, a heading by its words, left out while typed
        self._made: list[QTreeWidgetItem] = []  # the tree's items in outline order
        self._building: _Building | None = None  # a long outline being added slice by slice
        self._build_scheduled = False

    def paragraph_left(self, index: int) -> None:
        """The writer left a paragraph held out of the outline while it was typed: shown as what it is now."""
        if index == self._held_back and self._pending is not None:
            self.show_structure(self._pending)

    def show_structure(self, structure: Structure, at_once: bool = False) -> None:
        """Rebuild the tree from the structure (coalesced while the writer types)."""
        self._pending = structure
        if at_once:
            self._timer.stop()  # what was pending is this rebuild
            self._rebuild()
        else:
            self._timer.start()

    def _rebuild(self) -> None:
        structure = self._pending
        if structure is None:
            return
        self._asked += 1
        if len(structure.paragraphs) < OUTLINE_APART_FROM and not structure.provisional:
            self._show(_worked_out(self._asked, structure))
            return
        asked, copy = self._asked, structure.snapshot()  # the editor goes on changing its own structure
        run_in_background(lambda: _worked_out(asked, copy), self._show, lambda _: None, droppable=True)

    def _show(self, worked_out: WorkedOut) -> None:
        asked, placed, nodes, issues, slots = worked_out
        if asked != self._asked:
            return  # the text changed meanwhile: a newer outline is on its way
        paragraph_count = len(placed.paragraphs)
        if self._pending is not None and self._pending.adopt(placed):
            self.placed.emit()  # worked out off the GUI thread: the editor's sections are this outline's
        # A line being typed is no heading yet: 下一步 (naming a section, no numbering) becomes a sentence at its
        # comma; listed, it came and went with each word and rebuilt the tree each time.
        typing = self.typing_in()
        held = [n for n in nodes if n.index == typing and n.kind is NodeKind.HEADING and not n.number]
        nodes = [n for n in nodes if n not in held]
        self._held_back = typing if held else None
        self.slots = slots
        self.gaps = sorted(issues)
        self.tree.paragraph_count = paragraph_count
        shape = [
            (n.kind, n.level, n.number, n.text, n.section, issues.get(n.index), self.slots.get(n.index)) for n in nodes
        ]
        if shape == self._shape:  # typing in body text: the same outline, at most shifted
            for item, node in zip(self._made, nodes, strict=False):  # (a long one may still be coming)
                item.setData(0, INDEX_ROLE, node.index)
            if self._building is not None:
                self._building.nodes = nodes  # the items still to come, where they stand now
            return
        if self._building is None and _same_tree(shape, self._shape):  # a head's words typed: those items only
            for item, node, now, before in zip(self._made, nodes, shape, self._shape or [], strict=True):
                item.setData(0, INDEX_ROLE, node.index)
                if now != before:
                    self._describe(item, node, issues.get(node.index))
            self._shape = shape
            return
        self._shape, self._made = shape, []
        self.tree.invisibleRootItem().takeChildren()  # far quicker than clear() on a long outline
        self._building = _Building(nodes, issues)
        self._build_some()

    def _build_some(self) -> None:
        """Add the outline's items: a short outline at once, a long one (thousands of headings in a very
        long report) for at most BUILD_SLICE_MS at a time, going on at the next turn of the event loop."""
        building = self._building
        if building is None:
            return
        clock = QElapsedTimer()
        clock.start()
        at_once = len(building.nodes) <= BUILD_AT_ONCE
        tops: list[QTreeWidgetItem] = []
        self.tree.setUpdatesEnabled(False)
        try:
            first = building.next
            while building.next < len(building.nodes):
                if building.next > first and not at_once and clock.elapsed() >= BUILD_SLICE_MS:
                    break  # (at least one item each time)
                node = building.nodes[building.next]
                building.next += 1
                item = self._item(node, building.issues.get(node.index))
                self._made.append(item)
                parents = building.parents
                while parents and parents[-1][0] >= node.level:
                    parents.pop()
                if parents:
                    parents[-1][1].addChild(item)
                else:
                    tops.append(item)
                parents.append((node.level, item))
            self.tree.addTopLevelItems(tops)
            self.tree.expandAll()
        finally:
            self.tree.setUpdatesEnabled(True)
        if building.next < len(building.nodes):
            if not self._build_scheduled:
                self._build_scheduled = True
                QTimer.singleShot(0, self, self._go_on_building)
        else:
            self._building = None

    def _go_on_building(self) -> None:
        self._build_scheduled = False
        if not turns.run_in_turn(self._build_some, self, self._go_on_building):
            self._build_scheduled = True  # another slice just ran: this one comes back

    def _item(self, node: OutlineNode, issue) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(0, HEADING_ROLE, node.kind is NodeKind.HEADING)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind is NodeKind.HEADING:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        item.setFlags(flags)
        if node.kind is NodeKind.TITLE or node.level == 1:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        self._describe(item, node, issue)
        return item

    def _describe(self, item: QTreeWidgetItem, node: OutlineNode, issue) -> None:
        """An item's words, colours and tips: what changes as the writer types a heading."""
        text = f"{node.number}{node.text}"
        if len(text) > 40:
            text = text[:39] + "…"
        if node.section:
            text += f"  〔{node.section.label}〕"
        if self.slots.get(node.index):
            text += f"  {self.slots[node.index]} 处待填"
        problem = ""
        if issue is not None:
            problem = f"{'重复' if issue.kind is Slip.REPEAT else '缺号'}，应为第{issue.expected}项"
            text = f"⚠ {text}"
        item.setText(0, text)
        item.setData(0, INDEX_ROLE, node.index)
        item.setData(0, Qt.ItemDataRole.BackgroundRole, QBrush(QColor("#fff1d6")) if issue is not None else None)
        colour = "#b45309" if issue is not None else SECTION_COLOURS[node.section.value] if node.section else None
        item.setData(0, Qt.ItemDataRole.ForegroundRole, QBrush(QColor(colour)) if colour else None)
        item.setToolTip(0, f"⚠ {problem}\n{node.number}{node.text}" if problem else node.text)
        item.setStatusTip(0, problem)

    def items(self) -> list[QTreeWidgetItem]:
        """Every item in display order (for tests and keyboard navigation)."""
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            out.append(item)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return out


@dataclass
class _Building:
    """A long outline being added to the tree: its nodes, their numbering slips, the next node to add
    and the open headings (level, item) the next one may go under."""

    nodes: list[OutlineNode]
    issues: dict[int, NumberingIssue]
    next: int = 0
    parents: list[tuple[int, QTreeWidgetItem]] = field(default_factory=list)


WorkedOut = tuple[int, Structure, list[OutlineNode], dict[int, NumberingIssue], dict[int, int]]


def _worked_out(asked: int, structure: Structure) -> WorkedOut:
    """What the outline shows of a structure: its nodes, numbering slips and unfilled slots per chapter."""
    nodes = structure.outline()
    turns.give_way()  # (off the GUI thread: a long report's window slices first)
    issues = {issue.index: issue for issue in numbering_issues(structure)}
    turns.give_way()
    return asked, structure, nodes, issues, slot_counts(structure)


def _same_tree(shape: list[tuple], before: list[tuple] | None) -> bool:
    """Whether two outlines have the same entries of the same kinds and levels (only words differ)."""
    if before is None or len(shape) != len(before):
        return False
    return all(a[:2] == b[:2] for a, b in zip(shape, before, strict=True))
