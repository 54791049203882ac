"""Run slow work (mining, opening a large file) off the GUI thread and hand the result back to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from phrasebank.errors import PhrasebankError

from . import turns
from .trail import LOG

T = TypeVar("T")


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)
    dropped = Signal()


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay, droppable: bool) -> None:
        super().__init__()
        self.work, self.relay, self.droppable = work, relay, droppable

    def run(self) -> None:
        turns.mark_droppable(self.droppable)
        try:
            result = self.work()
        except turns.Dropped:  # its window closed: nobody wants the result
            self._hand_over(self.relay.dropped)
        except PhrasebankError as exc:  # a cause the writer is told (a full disk): no traceback in the log
            LOG.info("后台任务未完成：%s", exc)
            self._hand_over(self.relay.failed, exc)
        except Exception as exc:  # handed to the GUI thread as a message, never lost
            LOG.warning("后台任务出错", exc_info=exc)
            self._hand_over(self.relay.failed, exc)
        else:
            self._hand_over(self.relay.done, result)

    @staticmethod
    def _hand_over(signal, *value: object) -> None:
        try:
            signal.emit(*value)
        except RuntimeError:  # the window that asked closed meanwhile: nobody is left to receive it
            LOG.info("后台任务完成时，发起它的窗口已关闭")


_alive: set[_Relay] = set()


def run_in_background(
    work: Callable[..., T],
    done: Callable[[T], None],
    failed: Callable[[Exception], None],
    wait: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    droppable: bool = False,
) -> None:
    """Run `work` in the thread pool; `done`/`failed`/`progress` run on the GUI thread (queued signals).

    With `progress`, `work` is called with a report function (done, total, name) to call as it goes.
    `droppable` work (a load or a pass whose result only the window shows) stops at its next
    `turns.give_way` once the window closes, and neither `done` nor `failed` is called; other work
    (a save, a draft) finishes.
    """
    relay = _Relay()
    _alive.add(relay)
    relay.done.connect(lambda _: turns.starting())  # the result is handed over as a slice of the GUI thread's
    relay.done.connect(done)  # (connected as given: Qt drops the call when `done`'s window is gone)
    relay.done.connect(lambda _: turns.ended())
    relay.failed.connect(failed)
    relay.done.connect(lambda _: _finished(relay))
    relay.failed.connect(lambda _: _finished(relay))
    relay.dropped.connect(lambda: _finished(relay))
    task = work
    if progress is not None:
        relay.progress.connect(progress)
        task = lambda: work(relay.progress.emit)  # noqa: E731
    turns.background_started()
    QThreadPool.globalInstance().start(_Task(task, relay, droppable))
    if wait:
        QThreadPool.globalInstance().waitForDone()


def _finished(relay: _Relay) -> None:
    if relay in _alive:
        _alive.discard(relay)
        turns.background_ended()
