"""Full garbage collections run by the GUI thread when the writer pauses, never in the middle of typing."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.responsive import Collector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def garbage_cycle() -> weakref.ref:
    """Two objects that point at each other and at nothing else: only the cyclic collector frees them."""
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_young_cycles_are_freed_and_a_full_collection_waits_for_a_pause(qtbot):
    app = QApplication.instance()
    collector = Collector(app, tick_ms=20, idle_ms=300)
    collector.full_every_ms = 0
    try:
        assert gc.get_threshold()[2] >= 10**6  # no thread runs a full collection on its own any more
        young = garbage_cycle()
        qtbot.waitUntil(lambda: young() is None, timeout=2000)  # young ones are still Python's
        field, elsewhere = QLineEdit(), QLineEdit()
        for widget in (field, elsewhere):
            qtbot.addWidget(widget)
            widget.show()
        collector.watch(field)  # where the writer writes; Qt's other events never run Python
        before = collector.full_collections
        for _ in range(25):  # the writer types: 25 keys 40 ms apart, a second in all
            qtbot.keyClick(field, Qt.Key.Key_A)
            qtbot.wait(40)
        assert collector.full_collections == before  # never while keys come
        qtbot.waitUntil(lambda: collector.full_collections > before, timeout=3000)  # once they stop
        assert gc.get_freeze_count() > 0  # what survived is skipped by the next full collections …
        collector._since_full.restart()
        collector.full_every_ms, before = 500, collector.full_collections
        for _ in range(25):  # keys elsewhere (a dock's search field) do not hold the collection back
            qtbot.keyClick(elsewhere, Qt.Key.Key_A)
            qtbot.wait(40)
        assert collector.full_collections > before
        Collector.document_replaced()
        assert gc.get_freeze_count() == 0  # … until the report is replaced
    finally:
        collector.stop()
    assert gc.get_threshold()[2] < 10**6
