"""A long document laid out from the top in slices of a few milliseconds, by us rather than by Qt.

Qt lays a new text out in the background in steps that double up to 200,000 characters — one such step
held the window 70-190 ms — and stops doing so at the first change to the document (a character typed,
a paragraph highlighted): it then moves the paragraphs it has not laid out yet with no height and calls
the layout done, so they stay blank until something else lays each out. The pacer keeps going where Qt
stops: every PACE_MS it marks the next SLICE characters as changed (the document's signals held, so
the editor, the highlighter and the undo history see nothing), which makes Qt lay out exactly those.
A slice costs what its characters take (~1 µs each) plus Qt moving every paragraph below it (~40 ms
at 50,000 paragraphs, nothing near the end). Where Qt's own layout has run ahead of the slices, they go on
from where it stopped.

Without it, the last 20 paragraphs of a 100-paragraph report opened from its file were never laid out:
the writer could not scroll to them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from . import turns

#: Time between slices and characters laid out in one (~15 ms of Qt's work).
PACE_MS = 15
SLICE = 16_000
#: Paragraphs a slice passes over at most when Qt has laid them out ahead of it (~2 µs each).
SKIP_AT_MOST = 2000


def laid_out(block: QTextBlock) -> bool:
    layout = block.layout()
    return layout is not None and layout.lineCount() > 0


class LayoutPacer(QObject):
    """Lays its document out slice by slice from the top until every paragraph is laid out."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.document = document
        self.reached = QTextCursor(document)  # where the slices have got to (moves with the writer's edits)
        self._last_start = -1
        self.timer = QTimer(self, interval=PACE_MS)
        self.timer.timeout.connect(self.pace)
        document.documentLayout().documentSizeChanged.connect(self.wake)
        self.wake()

    def wake(self, *_size) -> None:
        """Start again when Qt has laid out the start of the text anew (shown, resized, a new width)."""
        if self.timer.isActive() or not laid_out(self.document.firstBlock()):
            return
        frontier = self.frontier()
        if frontier is not None:
            self.reached.setPosition(frontier.position())
            self.timer.start()

    def frontier(self) -> QTextBlock | None:
        """The first paragraph Qt has not laid out (found by halving: the layout runs from the top), or
        None when the last one is laid out."""
        document = self.document
        count = document.blockCount()
        if laid_out(document.lastBlock()):
            return None
        low, high = 0, count - 1
        while low < high:
            middle = (low + high) // 2
            if laid_out(document.findBlockByNumber(middle)):
                low = middle + 1
            else:
                high = middle
        return document.findBlockByNumber(low)

    def pace(self) -> None:
        """Lay out the next slice; stop once the slices have reached the end and nothing is left."""
        turns.run_in_turn(self._pace)  # (when another slice just ran, the timer comes back)

    def _pace(self) -> None:
        frontier = self.frontier()
        start = self.reached.block()
        if frontier is not None and frontier.blockNumber() < start.blockNumber():
            start = frontier  # laid out anew behind the slices (the page width changed)
        elif frontier is None and self.reached.atEnd():
            self.timer.stop()
            return
        if frontier is not None and frontier.blockNumber() == start.blockNumber() == self._last_start:
            self.timer.stop()  # Qt lays nothing out there (past the greatest height it can place: 2²³ px)
            return
        skipped = 0  # Qt laid out ahead of the slices: that is not laid out twice
        while start.isValid() and laid_out(start) and start != frontier and skipped < SKIP_AT_MOST:
            start, skipped = start.next(), skipped + 1
        if not start.isValid() or skipped == SKIP_AT_MOST:
            self.reached.setPosition(start.position() if start.isValid() else self.document.characterCount() - 1)
            return  # the next slice goes on from there
        self._last_start = start.blockNumber()
        self.lay_out(start.position(), start.position() + SLICE)

    def reach(self, position: int) -> bool:
        """Lay out everything up to `position` now (the writer jumped there), as Qt would; False when it was
        laid out already."""
        start = self.reached.block()
        if not (self.timer.isActive() and position > start.position()):
            return False
        self.lay_out(start.position(), position + 1)
        return True

    def lay_out(self, start: int, end: int) -> None:
        end = min(end, self.document.characterCount() - 1)
        held = self.document.blockSignals(True)
        try:
            self.document.markContentsDirty(start, max(end - start, 1))
        finally:
            self.document.blockSignals(held)
        self.reached.setPosition(max(end, start))
