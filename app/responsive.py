"""Keep the GUI thread answering while Python work runs beside it: Python's lock handed back quickly, and
full garbage collections run by the GUI thread when the writer pauses instead of by whichever thread happens
to allocate (one over a long report's million objects holds the lock 0.2–0.6 s); what survives one is
frozen, so that the next ones look only at what is new."""

from __future__ import annotations

import gc
import sys

import shiboken6
from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from . import turns

#: How long a thread running Python keeps Python's lock while another waits for it (Python's default 5 ms).
#: The GUI thread re-takes the lock after each call into Qt, so beside background work a default interval
#: costs it up to 5 ms a call: highlighting a paragraph, a few dozen calls, took a tenth of a second.
SWITCH_INTERVAL_S = 0.0005
#: Python collects the young generations itself, a few hundred objects at a time; the oldest one, which
#: holds a long report's million objects, only when this many young collections have passed — never, in effect.
NEVER = 1_000_000
#: How often the collector looks whether a full collection is due.
TICK_MS = 1000
#: A full collection waits for the writer to pause this long, and runs at most this often: the first one
#: after a long report is opened looks at all its objects (0.3 s at 25,000 paragraphs), later ones only at
#: what is new since (the survivors are frozen).
IDLE_MS = 3000
FULL_EVERY_MS = 600_000
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.InputMethod,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
}


class Collector(QObject):
    """Full collections taken from Python (which runs them in whichever thread allocates) and run on the GUI
    thread once the writer has paused IDLE_MS, at most every FULL_EVERY_MS; young ones stay Python's."""

    def __init__(self, app: QApplication, tick_ms: int = TICK_MS, idle_ms: int = IDLE_MS) -> None:
        """The writer's input is watched only where they write (`watch`): a filter on the whole application
        would run Python for every event Qt sends, each waiting for Python's lock beside background work
        (expanding a 43-entry outline sent enough events to hold the window 0.14 s)."""
        super().__init__(app)
        self.app = app
        self.idle_ms, self.full_every_ms = idle_ms, FULL_EVERY_MS
        self._since_input, self._since_full = QElapsedTimer(), QElapsedTimer()
        self._since_input.start()
        self._since_full.start()
        self.full_collections = 0
        self._thresholds = gc.get_threshold()
        gc.set_threshold(self._thresholds[0], self._thresholds[1], NEVER)
        self._watched: list[QObject] = []
        self._timer = QTimer(self, interval=tick_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def watch(self, *widgets: QObject) -> None:
        """Count keys, input-method commits, clicks and the wheel in these widgets as the writer at work."""
        for widget in widgets:
            widget.installEventFilter(self)
            self._watched.append(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._since_input.restart()
            turns.writer_at_work()  # background passes wait for a pause
        return False

    def _tick(self) -> None:
        if self._since_full.elapsed() >= self.full_every_ms and self._since_input.elapsed() >= self.idle_ms:
            gc.collect()
            gc.freeze()  # what survived is the open report: later full collections skip it
            self.full_collections += 1
            self._since_full.restart()

    @staticmethod
    def document_replaced() -> None:
        """A report was closed or replaced: its objects are looked at again by the next full collection
        (an object frozen while alive and caught in a cycle once dead is freed then)."""
        gc.unfreeze()

    def stop(self) -> None:
        """Hand collection back to Python."""
        self._timer.stop()
        for widget in self._watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._watched.clear()
        gc.unfreeze()
        gc.set_threshold(*self._thresholds)


_collector: Collector | None = None


def keep_responsive(app: QApplication) -> Collector:
    """Call once at start, on the GUI thread."""
    global _collector
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    _collector = Collector(app)
    return _collector


def watch_input(*widgets: QObject) -> None:
    """Where the writer types and clicks (the editor, its viewport): full collections wait for pauses there.
    Nothing to do where `keep_responsive` was not called (tests)."""
    if _collector is not None:
        _collector.watch(*widgets)
