"""Slices of work the GUI thread does between events take turns with one another.

The layout pacer, the highlighter's lazy pass and the outline's slices each stop after a few tens of
milliseconds; but when all three fall due together, Qt runs them back to back before it paints or reads
a key: at 25,000 paragraphs that held the window 150-200 ms. A slice runs only when no other slice has
ended in the last GAP_MS; otherwise it comes back a little later, and the event loop goes round between.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: The least time between the end of one slice and the start of another (milliseconds).
GAP_MS = 8
#: When a slice that found another just ended tries again.
RETRY_MS = GAP_MS + 2

_last_end = 0.0


def my_turn() -> bool:
    """Whether a slice may run now: no other slice has ended in the last GAP_MS."""
    return (time.perf_counter() - _last_end) * 1000 >= GAP_MS


def ended() -> None:
    """Note that a slice has just ended."""
    global _last_end
    _last_end = time.perf_counter()


def run_in_turn(
    work: Callable[[], None], owner: QObject | None = None, again: Callable[[], None] | None = None
) -> bool:
    """Run a slice of work if it is its turn, and say so; otherwise call `again` (with `owner` as its
    context) a little later, when given."""
    if not my_turn():
        if owner is not None and again is not None:
            QTimer.singleShot(RETRY_MS, owner, again)
        return False
    try:
        work()
    finally:
        ended()
    return True
