"""Run slow work (mining, opening a large file) off the GUI thread and hand the result back to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to the GUI thread as a message, never lost
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


_alive: set[_Relay] = set()


def run_in_background(
    work: Callable[[], object], done: Callable[[object], None], failed: Callable[[Exception], None], wait: bool = False
) -> None:
    """Run `work` in the thread pool; `done`/`failed` run on the GUI thread (queued signals)."""
    relay = _Relay()
    _alive.add(relay)
    relay.done.connect(done)
    relay.failed.connect(failed)
    relay.done.connect(lambda _: _alive.discard(relay))
    relay.failed.connect(lambda _: _alive.discard(relay))
    QThreadPool.globalInstance().start(_Task(work, relay))
    if wait:
        QThreadPool.globalInstance().waitForDone()
