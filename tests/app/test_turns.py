"""The window's slices of work take turns: the event loop goes round between any two of them.

When the layout pacer's and the highlighter's slices fell due together, Qt ran them back to back before it
painted or read a key (150-200 ms at 25,000 paragraphs).
"""

from __future__ import annotations

import time
from itertools import pairwise

from app import turns
from app.highlighter import ReportHighlighter
from app.layout_pace import LayoutPacer


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
    qtbot.waitUntil(lambda: {"_pace", "_highlight_slice"} <= {name for *_, name in ran} and len(ran) > 40)
    ran.sort()
    gaps = [later[0] - earlier[1] for earlier, later in pairwise(ran)]
    assert min(gaps) * 1000 >= turns.GAP_MS - 0.5
