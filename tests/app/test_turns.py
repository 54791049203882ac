"""The window's slices of work take turns: the event loop goes round between any two of them.

When the layout pacer's and the highlighter's slices fell due together, Qt ran them back to back before it
painted or read a key (150-200 ms at 25,000 paragraphs).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from itertools import pairwise

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, QTimer

from app import turns
from app.highlighter import ReportHighlighter
from app.layout_pace import LayoutPacer
from app.workers import run_in_background


@pytest.fixture(autouse=True)
def no_gap_pending(qtbot):
    """Each test starts with no slice's gap still running from the one before."""
    qtbot.waitUntil(turns.my_turn)


def test_the_pacer_and_the_highlighter_never_run_back_to_back(qtbot, window, gov_files, monkeypatch):
    ran: list[tuple[float, float, str]] = []

    def timed(cls, name: str) -> None:
        work = getattr(cls, name)

        def run(self, *args):
            started = time.perf_counter()
            try:
                return work(self, *args)
            finally:
                ran.append((started, time.perf_counter(), name))

        monkeypatch.setattr(cls, name, run)

    timed(LayoutPacer, "_pace")
    timed(ReportHighlighter, "_highlight_slice")
    lines = gov_files[0].read_text(encoding="utf-8").splitlines()
    window._load("\n".join(lines * 30), None)  # some 4,000 paragraphs: both go on in slices for a while
    editor = window.editor

    def both_ran_and_done() -> bool:
        done = editor.highlighter._lazy is None and editor._pacer is not None and not editor._pacer.timer.isActive()
        return {"_pace", "_highlight_slice"} <= {name for *_, name in ran} and (done or len(ran) > 40)

    qtbot.waitUntil(both_ran_and_done, timeout=20_000)
    assert len(ran) >= 3
    ran.sort()
    gaps = [later[0] - earlier[1] for earlier, later in pairwise(ran)]
    assert min(gaps) * 1000 >= turns.GAP_MS - 0.5


class _Posted(QObject):
    """Runs the work handed to it as a posted event — as Qt queues a repaint or a queued call."""

    def __init__(self) -> None:
        super().__init__()
        self.work: list[Callable[[], None]] = []

    def post(self, work: Callable[[], None]) -> None:
        self.work.append(work)
        QCoreApplication.postEvent(self, QEvent(QEvent.Type.User))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.User:
            self.work.pop(0)()
            return True
        return super().event(event)


def _busy(ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass


def test_a_repaint_after_a_slice_does_not_stand_in_for_the_gap(qtbot):
    """Qt handles what was posted (the repaint a slice causes, a queued call) before it fires timers: a
    slice queued behind a repaint as long as the gap ran at once, and a timer due meanwhile — like the
    writer's key — waited for both slices (two slices of 40 ms and a repaint: 100 ms at 50,000 paragraphs)."""
    ticks: list[float] = []
    ticker = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    posted = _Posted()
    first_end: list[float] = []
    second_start: list[float] = []

    def second() -> None:
        turns.run_in_turn(lambda: second_start.append(time.perf_counter()), posted, second)

    def first() -> None:
        turns.run_in_turn(lambda: _busy(20))
        first_end.append(time.perf_counter())
        posted.post(lambda: _busy(turns.GAP_MS + 4))  # the repaint
        posted.post(second)

    ticker.start()
    qtbot.wait(5)
    posted.post(first)
    qtbot.waitUntil(lambda: bool(second_start))
    ticker.stop()
    assert second_start[0] - first_end[0] >= turns.GAP_MS / 1000
    assert any(first_end[0] < tick < second_start[0] for tick in ticks)


def test_a_background_result_takes_its_turn_like_a_slice(qtbot):
    """An outline worked out in the background is shown on the GUI thread (40 ms at 50,000 paragraphs): a
    slice falling due just after it waits for the gap."""
    posted = _Posted()
    shown_end: list[float] = []
    second_start: list[float] = []

    def second() -> None:
        turns.run_in_turn(lambda: second_start.append(time.perf_counter()), posted, second)

    def show(_result: object) -> None:
        _busy(20)
        shown_end.append(time.perf_counter())
        posted.post(second)

    run_in_background(lambda: None, show, lambda _error: None)
    qtbot.waitUntil(lambda: bool(second_start))
    assert second_start[0] - shown_end[0] >= turns.GAP_MS / 1000


class _Slices(QObject):
    """Two kinds of slice of 10 ms: one that comes back at once (as the highlighter's lazy pass does), one
    driven by a timer (as the layout pacer is)."""

    def __init__(self) -> None:
        super().__init__()
        self.ran: list[str] = []
        self.going = True
        self.timer = QTimer(self, interval=15)
        self.timer.timeout.connect(lambda: turns.run_in_turn(self.timed))

    def eager(self) -> None:
        self.ran.append("eager")
        _busy(10)

    def timed(self) -> None:
        self.ran.append("timed")
        _busy(10)

    def go_on(self) -> None:
        if self.going and turns.run_in_turn(self.eager, self, self.go_on):
            QTimer.singleShot(0, self, self.go_on)


def test_a_slice_that_comes_back_at_once_leaves_turns_to_one_on_a_timer(qtbot):
    """With the highlighter coming back as soon as its gap had passed, the pacer's timer found the gap taken
    nearly every time: two slices laid out in five seconds, and Qt's own layout ran on in steps of 350 ms."""
    slices = _Slices()
    slices.timer.start()
    slices.go_on()
    qtbot.wait(800)
    slices.timer.stop()
    slices.going = False
    assert slices.ran.count("timed") >= slices.ran.count("eager") // 2 > 5


def test_background_work_gives_way_while_a_slice_runs(qtbot):
    """Python switches between threads every few milliseconds: a background pass (checking a long report)
    took half of every slice's time, and a 40 ms slice held the window 80-130 ms."""
    pieces: list[float] = []
    stop = threading.Event()

    def background() -> None:
        while not stop.is_set():
            turns.give_way()
            pieces.append(time.perf_counter())
            _busy(0.2)

    thread = threading.Thread(target=background)
    thread.start()
    span: list[float] = []
    try:
        qtbot.wait(20)

        def slice_of_work() -> None:
            span.append(time.perf_counter())
            _busy(50)
            span.append(time.perf_counter())

        assert turns.run_in_turn(slice_of_work)
    finally:
        stop.set()
        thread.join()
    assert any(t < span[0] for t in pieces)  # it was running
    settled = span[0] + sys.getswitchinterval() + 0.002  # a piece under way when the slice began may end
    assert not [t for t in pieces if settled < t < span[1]]


def test_giving_way_on_the_gui_thread_never_waits_for_its_own_slice(qtbot):
    """A short report's outline and counts are worked out on the GUI thread, inside a slice: giving way
    there would wait for the slice it is part of."""
    took: list[float] = []

    def slice_of_work() -> None:
        started = time.perf_counter()
        turns.give_way()
        assert list(turns.giving_way(range(200))) == list(range(200))
        took.append(time.perf_counter() - started)

    assert turns.run_in_turn(slice_of_work)
    assert took[0] < turns.GIVE_WAY_AT_MOST_S / 4


def _giving_way_in_background(qtbot, stop: threading.Event, pieces: list[float]) -> None:
    """A background pass (as the window starts them) that gives way before every small piece of its work."""

    def background() -> None:
        while not stop.is_set():
            turns.give_way()
            pieces.append(time.perf_counter())
            _busy(0.2)

    run_in_background(background, lambda _: None, lambda _: None)
    qtbot.waitUntil(lambda: len(pieces) > 10)


def test_background_work_gives_way_while_qt_is_in_a_long_step_of_its_own(qtbot):
    """Qt lays out and paints a long report in steps of its own (not slices), calling into Python as it
    goes; each call waited for Python's lock beside background work, and a 60 ms step took 120."""
    pieces: list[float] = []
    stop = threading.Event()
    span: list[float] = []

    def qts_own_step() -> None:  # no slice: the event loop runs it as it runs Qt's layout timer
        span.append(time.perf_counter())
        _busy(60)
        span.append(time.perf_counter())

    try:
        _giving_way_in_background(qtbot, stop, pieces)
        QTimer.singleShot(0, qts_own_step)
        qtbot.waitUntil(lambda: len(span) == 2)
    finally:
        stop.set()
        QThreadPool.globalInstance().waitForDone()
    noticed = span[0] + turns.BUSY_S + turns.PULSE_MS / 1000 + sys.getswitchinterval() + 0.002
    assert [t for t in pieces if t < span[0]]
    assert not [t for t in pieces if noticed < t < span[1]]


def test_background_work_waits_no_longer_than_a_stuck_gui_thread(qtbot):
    """The GUI thread waiting for the background work itself (a save that must land before the window closes)
    does not beat: the work goes on once the beat is STUCK_S late."""
    pieces: list[float] = []
    stop = threading.Event()
    _giving_way_in_background(qtbot, stop, pieces)
    started = time.perf_counter()
    while time.perf_counter() - started < 3 * turns.STUCK_S:  # the GUI thread holds on, not in Qt's loop
        time.sleep(0.005)
    stop.set()
    QThreadPool.globalInstance().waitForDone()
    assert [t for t in pieces if t > started + 2 * turns.STUCK_S]


def test_work_only_the_window_wants_waits_while_the_writer_types_and_a_save_does_not(qtbot):
    """A burst of commits keeps Python's lock for the window: learning the report, the check and the outline
    go on once the writer stops for INPUT_QUIET_S; work that must finish (a save) does not wait for that."""
    passed: dict[str, float] = {}

    def work(name: str) -> Callable[[], None]:
        def run() -> None:
            turns.give_way()
            passed[name] = time.perf_counter()

        return run

    def burst() -> float:  # a commit every 10 ms for 120 ms (under GIVE_WAY_AT_MOST_S); the last one's time
        last = time.perf_counter()
        for _ in range(12):
            turns.writer_at_work()
            last = time.perf_counter()
            qtbot.wait(10)
        return last

    turns.writer_at_work()
    run_in_background(work("learning"), lambda _: None, lambda _: None, droppable=True)
    last = burst()
    qtbot.waitUntil(lambda: "learning" in passed)
    assert passed["learning"] >= last + turns.INPUT_QUIET_S * 0.9  # only once the writer had stopped

    turns.writer_at_work()
    run_in_background(work("save"), lambda _: None, lambda _: None)
    last = burst()
    qtbot.waitUntil(lambda: "save" in passed)
    assert passed["save"] < last  # while the writer was still typing
