"""Slices of work the GUI thread does between events take turns with one another and with the writer.

The layout pacer, the highlighter's lazy pass, the outline's slices and the results of background work handed
over (`workers.run_in_background`) each stop after a few tens of milliseconds; but when they fall due together,
Qt runs them back to back before it reads a key: at 25,000 paragraphs that held the window 150-200 ms. After a
slice, the next one waits until a timer of GAP_MS has fired: Qt fires timers only after what was queued meanwhile
(the repaint the slice caused, the writer's keys and clicks), so a repaint of ten milliseconds cannot stand in for
the gap. A slice that finds it is not its turn comes back a little later; one turned away has the next turn before
the one that ran last (the highlighter, which comes back at once, would otherwise take every turn from the layout
pacer's timer).

Background work running Python beside a slice takes Python's lock from it every half millisecond, so a slice of
40 ms of work took 80-130: long background passes (checking, learning the report) `give_way` between small
pieces, waiting while a slice runs. Qt's own long steps (laying out and painting a long report) call into Python
too, and each call waited for the lock the same way: while background work is under way the GUI thread's `pulse`
beats every PULSE_MS, and a beat that is late says the GUI thread is busy — background work waits for the next.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer

#: The least time between the end of one slice and the start of another (milliseconds).
GAP_MS = 8
#: When a slice that found another just ended tries again.
RETRY_MS = GAP_MS + 2

T = TypeVar("T")

#: The longest background work waits for a slice to end (a slice that never ends holds it back no longer).
GIVE_WAY_AT_MOST_S = 0.2
#: How long a slice turned away keeps its claim on the next turn (it comes back within RETRY_MS, or the
#: pacer's interval).
CLAIM_MS = 50

#: While background work is under way the GUI thread notes every PULSE_MS that it is free; a note older than
#: BUSY_S says it is in a long step, and work that gives way waits for the next note — but no longer than until
#: the note is STUCK_S old (the GUI thread waits for something else: a save that must finish, a dialog).
PULSE_MS = 4
BUSY_S = 0.008
STUCK_S = 0.15

#: Work only the window wants (`workers.run_in_background(droppable=True)`: learning the report, the check, the
#: outline) waits at `give_way` until the writer has stopped for this long (a key, a commit, a click), but no
#: longer than GIVE_WAY_AT_MOST_S at a time: a burst of typing keeps Python's lock for the window.
INPUT_QUIET_S = 0.05

_gaps = 0  # slices ended whose gap timer has not fired yet
_input_at = float("-inf")  # when the writer last typed or clicked (`writer_at_work`)
_no_slice = threading.Event()  # clear while a slice runs
_no_slice.set()
_last: object = None  # the kind of slice that ran last
_turned_away: dict[object, float] = {}  # kinds of slice turned away -> when


def my_turn() -> bool:
    """Whether a slice may run now: the gap after every slice that ended has passed, timers included."""
    return _gaps == 0


def ended() -> None:
    """Note that a slice has just ended: the next waits for a timer of GAP_MS to fire."""
    global _gaps
    _no_slice.set()
    _gaps += 1
    QTimer.singleShot(GAP_MS, _gap_passed)


def _gap_passed() -> None:
    global _gaps
    _gaps = max(_gaps - 1, 0)


def run_in_turn(
    work: Callable[[], None],
    owner: QObject | None = None,
    again: Callable[[], None] | None = None,
    kind: object = None,
) -> bool:
    """Run a slice of work if it is its turn, and say so; otherwise call `again` (with `owner` as its
    context) a little later, when given. Slices of one `kind` (by default: `work`'s function) take turns
    with slices of other kinds."""
    global _last
    kind = kind if kind is not None else getattr(work, "__func__", work)
    now = time.perf_counter()
    for other, when in list(_turned_away.items()):
        if (now - when) * 1000 > CLAIM_MS:
            del _turned_away[other]
    if not my_turn() or (kind is _last and _turned_away.keys() - {kind}):
        _turned_away.setdefault(kind, now)
        if owner is not None and again is not None:
            QTimer.singleShot(RETRY_MS, owner, again)
        return False
    _turned_away.pop(kind, None)
    _last = kind
    _as_a_slice(work)
    return True


def _as_a_slice(work: Callable[[], None]) -> None:
    starting()
    try:
        work()
    finally:
        ended()


def starting() -> None:
    """Note that a slice starts: background work gives way until it has ended."""
    _no_slice.clear()


class _Pulse:
    """The GUI thread's beat while background work is under way."""

    def __init__(self) -> None:
        self.at = time.perf_counter()
        self.users = 0
        self.timer: QTimer | None = None

    def beat(self) -> None:
        self.at = time.perf_counter()

    def busy_for(self) -> float:
        """How long the GUI thread has not beaten, when it beats at all (else 0)."""
        return time.perf_counter() - self.at if self.users else 0.0


_pulse = _Pulse()


def background_started() -> None:
    """Background work was started (on the GUI thread): the pulse beats until it has ended."""
    if _pulse.timer is None:
        _pulse.timer = QTimer(interval=PULSE_MS)
        _pulse.timer.timeout.connect(_pulse.beat)
    _pulse.users += 1
    if _pulse.users == 1:
        _pulse.beat()
        _pulse.timer.start()


def background_ended() -> None:
    """Background work handed its result back (or failed)."""
    _pulse.users = max(_pulse.users - 1, 0)
    if not _pulse.users and _pulse.timer is not None:
        _pulse.timer.stop()


class Dropped(Exception):
    """Raised in droppable background work at its next `give_way` once the window that wants it closes."""


_dropping = threading.Event()  # set while a closing window waits for the background work left
_droppable = threading.local()  # .yes: the work on this thread may be dropped (`workers.run_in_background`)


def mark_droppable(yes: bool) -> None:
    """Say whether the background work about to run on this thread may be dropped when the window closes
    (loads and passes whose results only the window shows), or must finish (a save, a draft)."""
    _droppable.yes = yes


@contextlib.contextmanager
def dropping() -> Iterator[None]:
    """While the window closes: droppable background work stops at its next `give_way`."""
    _dropping.set()
    _no_slice.set()  # work waiting for a slice to end (the one closing the window, maybe) goes on to stop
    try:
        yield
    finally:
        _dropping.clear()


def writer_at_work() -> None:
    """Note a key, a commit or a click of the writer's (`responsive.Collector` calls it)."""
    global _input_at
    _input_at = time.perf_counter()


def give_way() -> None:
    """Called by background work between small pieces (a paragraph): waits while the GUI thread runs a slice
    or is in a long step of Qt's (on the GUI thread itself, where the same work runs for a short report, it
    does nothing). Droppable work waits too while the writer types (INPUT_QUIET_S), and stops here (`Dropped`)
    once its window closes."""
    if threading.current_thread() is threading.main_thread():
        return
    _drop_when_closing()
    _no_slice.wait(GIVE_WAY_AT_MOST_S)
    while BUSY_S < _pulse.busy_for() < STUCK_S:
        _drop_when_closing()
        time.sleep(0.001)
    if getattr(_droppable, "yes", False):
        quiet_by = time.perf_counter() + GIVE_WAY_AT_MOST_S
        while time.perf_counter() - _input_at < INPUT_QUIET_S and time.perf_counter() < quiet_by:
            _drop_when_closing()
            time.sleep(0.002)
    _drop_when_closing()


def _drop_when_closing() -> None:
    if _dropping.is_set() and getattr(_droppable, "yes", False):
        raise Dropped


def giving_way(items: Iterable[T], every: int = 50) -> Iterator[T]:
    """`items` one by one, giving way to the window's slices before every `every`th (background work that
    goes through a report's paragraphs)."""
    for index, item in enumerate(items):
        if index % every == 0:
            give_way()
        yield item
