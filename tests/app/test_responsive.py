"""Garbage collected by the GUI thread between keystrokes, never in the middle of the writer's typing."""

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


def test_the_collector_frees_cycles_on_the_gui_thread_and_waits_for_a_pause_to_collect_everything(qtbot):
    app = QApplication.instance()
    collector = Collector(app, tick_ms=20, idle_ms=300)
    collector.full_every_ms = 0
    try:
        assert not gc.isenabled()  # no thread collects on its own any more
        young = garbage_cycle()
        qtbot.waitUntil(lambda: young() is None, timeout=2000)
        field = QLineEdit()
        qtbot.addWidget(field)
        field.show()
        before = collector.full_collections
        for _ in range(25):  # the writer types: 25 keys 40 ms apart, a second in all
            qtbot.keyClick(field, Qt.Key.Key_A)
            qtbot.wait(40)
        assert collector.full_collections == before  # never while keys come
        qtbot.waitUntil(lambda: collector.full_collections > before, timeout=3000)  # once they stop
        assert gc.get_freeze_count() > 0  # what survived is skipped by the next full collections …
        Collector.document_replaced()
        assert gc.get_freeze_count() == 0  # … until the report is replaced
    finally:
        collector.stop()
    assert gc.isenabled()
