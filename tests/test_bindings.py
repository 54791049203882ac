"""The Qt bindings in use keep Python's reference counts right (PySide6 6.12.0 on Python 3.11 did not)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QTextCharFormat


def test_void_methods_do_not_drop_references_to_none(qapp):
    fmt, colour = QTextCharFormat(), QColor("red")
    before = sys.getrefcount(None)
    for _ in range(2000):
        fmt.setBackground(colour)
        fmt.merge(QTextCharFormat())
    assert sys.getrefcount(None) >= before - 50  # a leaking binding loses 4000 here and aborts Python later
