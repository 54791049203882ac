"""On-screen look of the report: heading levels, run-in heads, unfilled placeholders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from phrasebank.document.emphasis import Mark, looks
from phrasebank.structure.outline import Role, parse_paragraph
from phrasebank.structure.tables import CELL, CELL_BREAK
from phrasebank.text.chars import PLACEHOLDER_RE

from . import fonts, turns

#: The longest the highlighter works between two events (a long document is highlighted in slices).
SLICE_MS = 30
#: A document of up to this many paragraphs has its first screenful highlighted as it is put in place.
SCREEN_AT_ONCE_UP_TO = 3000
#: The paragraphs of a screenful (a tall window, short paragraphs).
SCREEN = 80


#: Word's highlight colours Qt does not know by name.
_WORD_HIGHLIGHTS = {"darkYellow": "#808000", "darkGray": "#808080", "lightGray": "#c0c0c0"}


def _format(family: str, size: float | None = None, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies([family, *fonts.STAND_INS.get(family, [])])
    if size:
        fmt.setFontPointSize(size)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class ReportHighlighter(QSyntaxHighlighter):
    """Formats each paragraph from its parse (cached per text); the title is the editor's to say."""

    def __init__(self, document: QTextDocument, is_title, is_editing=lambda _block: False) -> None:
        super().__init__(document)
        self._is_title = is_title
        self._is_editing = is_editing  # the paragraph at the cursor: a sentence may still be on its way
        self.base_size = 16.0
        self._placeholder = QTextCharFormat()
        self._placeholder.setBackground(QColor("#fff1a8"))
        self._placeholder.setForeground(QColor("#8a5a00"))
        self.emphasis: dict[str, tuple[Mark, ...]] = {}  # a Word file's paragraphs (stripped) -> their emphasis
        self._table_mark = QTextCharFormat()
        self._table_mark.setForeground(QColor("#9aa5b1"))
        self._lazy = None  # (next block, blocks done) while a lazy pass runs
        self._marked: set[int] = set()  # blocks to highlight first (the screenful of a just-opened report)
        self._slice_scheduled = False
        self._relayout_ms = 0.0  # what highlighting a laid-out paragraph costs lately (Qt lays out again below it)
        self._formats: dict[tuple[str, float, bool], QTextCharFormat] = {}
        self._ahead = False  # every paragraph was given its formats before any was laid out

    def highlightBlock(self, text: str) -> None:
        for start, end, fmt in self._spans(text, self.currentBlock().blockNumber()):
            self.setFormat(start, end - start, fmt)

    def _format_ahead(self, block: QTextBlock) -> None:
        """Give a paragraph Qt has not laid out yet its formats without telling Qt (as `rehighlightBlock`
        does, which makes Qt lay the document out again from there and move every paragraph below it: 40 ms
        at 50,000 paragraphs); Qt lays it out with them when it gets there."""
        spans = self._spans(block.text(), block.blockNumber())
        if spans or block.layout().formats():
            _set_formats(block, spans)

    def _spans(self, text: str, number: int) -> list[Span]:
        """The formats of paragraph `number` holding `text`."""
        para = parse_paragraph(text)
        size = self.base_size
        base: list[Span] = []  # the paragraph's own look (title, heading, run-in head, table marks)
        if self._is_title(number):
            base.append((0, len(text), self._format(fonts.TITLE, size * 1.375, bold=True)))
        elif para.role is Role.HEADING and (para.number or not self._is_editing(number)):
            # An unnumbered short line that names a section type reads as a heading — but not while it
            # is being typed: 我们要加强问题整改 is a sentence without its 。 yet.
            family, bold = {1: (fonts.HEI, True), 2: (fonts.KAI, False)}.get(para.level, (fonts.BODY, True))
            head_end = len(para.number) + len(para.head) + 1
            base.append((0, min(head_end, len(text)), self._format(family, size, bold)))
        elif para.role is Role.TABLE:  # a table row: its cell marks in grey
            base += [
                (column, column + 1, self._table_mark) for column, char in enumerate(text) if char in (CELL, CELL_BREAK)
            ]
        elif para.is_runin:
            head_end = text.find(para.head) + len(para.head) + 1 if para.head else len(para.number)
            base.append((0, min(head_end, len(text)), self._format(fonts.BODY, size, bold=True)))
        lead = len(text) - len(text.lstrip())
        # merged onto it, in this order: the Word file's bold, colour … (while the paragraph is unchanged),
        # x, X, XX (the slot mark), ×× … (the checker's underlines are drawn over the text: app/overlays.py)
        over: list[Span] = [
            (mark.start + lead, mark.end + lead, self._emphasis_format(mark))
            for mark in self.emphasis.get(text.strip(), ())
        ]
        over += [(match.start(), match.end(), self._placeholder) for match in PLACEHOLDER_RE.finditer(text)]
        return _merged(len(text), base, over)

    def _emphasis_format(self, mark: Mark) -> QTextCharFormat:
        fmt = QTextCharFormat()
        for name, value in looks(mark):
            if name == "b":
                fmt.setFontWeight(QFont.Weight.Bold)
            elif name == "i":
                fmt.setFontItalic(True)
            elif name == "strike":
                fmt.setFontStrikeOut(True)
            elif name == "u":
                fmt.setFontUnderline(True)
            elif name == "color":
                fmt.setForeground(QColor(f"#{value}"))
            elif name in ("highlight", "shd"):
                color = QColor(_WORD_HIGHLIGHTS.get(value, value.lower()) if name == "highlight" else f"#{value}")
                if color.isValid():
                    fmt.setBackground(color)
        return fmt

    def _format(self, family: str, size: float, bold: bool = False) -> QTextCharFormat:
        key = (family, size, bold)
        if key not in self._formats:
            self._formats[key] = _format(family, size, bold)
        return self._formats[key]

    def rehighlight_lazily(self, first: int = 0) -> None:
        """Highlight a just-opened document: the screenful at `first` at once (in a long one, first thing
        after it is shown: Qt lays out the first lines there), the rest in slices of at most SLICE_MS between
        events, so that a long report opens at once and typing never waits. Nothing is left to do in one whose
        formats were given ahead (`format_ahead`)."""
        document = self.document()
        ahead, self._ahead = self._ahead, False
        if ahead:
            return
        visible = range(first, min(first + SCREEN, document.blockCount()))
        if document.blockCount() < SCREEN_AT_ONCE_UP_TO:
            for number in visible:
                self.rehighlightBlock(document.findBlockByNumber(number))
        else:
            self._marked.update(visible)
        self._queue_from(document.begin(), done=set(visible))

    def format_ahead(self, texts: Sequence[str], is_title: Callable[[int], bool]) -> None:
        """Give each paragraph with a look of its own (title, headings, run-in heads, table rows, XX slots) its
        formats before Qt lays any out: a long report's document made off the GUI thread, `texts` its paragraphs.
        Highlighted once laid out, each made Qt lay out again every paragraph below it (85 ms a paragraph at the
        top of 50,000), one a slice. `is_title` says the title by the report's own structure; the cursor will
        stand in the first paragraph."""
        own = self._is_title, self._is_editing
        self._is_title, self._is_editing = is_title, lambda number: number == 0
        document = self.document()
        try:
            for number, text in enumerate(texts):
                spans = self._spans(text, number)
                if spans:
                    _set_formats(document.findBlockByNumber(number), spans)
        finally:
            self._is_title, self._is_editing = own
        self._ahead = True

    def _queue_from(self, block, done: set[int] | None = None) -> None:
        self._lazy = (block, done or set())
        if not self._slice_scheduled:
            self._slice_scheduled = True
            QTimer.singleShot(0, self, self._next_slice)

    def _next_slice(self) -> None:
        """Highlight queued blocks (marked ones first, then the lazy pass) for at most SLICE_MS: a paragraph Qt
        has not laid out yet is given its formats for when Qt gets there (a few microseconds), one laid out
        already is highlighted as Qt does it (Qt lays it out again)."""
        self._slice_scheduled = False
        if not turns.run_in_turn(self._highlight_slice, self, self._next_slice):
            self._slice_scheduled = True  # another slice just ran: this one comes back

    def _highlight_slice(self) -> None:
        clock = QElapsedTimer()
        clock.start()
        document = self.document()
        marked, self._marked = sorted(self._marked), set()
        for index, number in enumerate(marked):
            block = document.findBlockByNumber(number)
            if index and not self._fits(block, clock):
                self._marked.update(marked[index:])
                break
            if block.isValid():
                self._highlight(block)
        if self._lazy is not None:
            block, done = self._lazy
            first = not marked  # a slice always does one paragraph, however long it takes
            while block.isValid() and (first or self._fits(block, clock)):
                if block.blockNumber() not in done:
                    self._highlight(block)
                    first = False
                block = block.next()
            self._lazy = (block, done) if block.isValid() else None
        if self._marked or self._lazy is not None:
            self._slice_scheduled = True
            QTimer.singleShot(0, self, self._next_slice)

    def _fits(self, block: QTextBlock, clock: QElapsedTimer) -> bool:
        """Whether highlighting `block` still fits in this slice: one laid out costs what the last ones did
        (26-60 ms at the end of 50,000 paragraphs), so a slice never starts one it cannot finish in time."""
        laid_out = block.isValid() and block.layout().lineCount() > 0
        return clock.elapsed() + (self._relayout_ms if laid_out else 0) < SLICE_MS

    def _highlight(self, block: QTextBlock) -> None:
        if block.layout().lineCount() > 0:
            clock = QElapsedTimer()
            clock.start()
            self.rehighlightBlock(block)
            self._relayout_ms = max(clock.elapsed(), 0.8 * self._relayout_ms)  # a cheap one now and then says little
        else:
            self._format_ahead(block)


Span = tuple[int, int, QTextCharFormat]


def _set_formats(block: QTextBlock, spans: list[Span]) -> None:
    """A paragraph's formats, set on its layout without telling Qt (it lays the paragraph out with them)."""
    ranges = []
    for start, end, fmt in spans:
        piece = QTextLayout.FormatRange()
        piece.start, piece.length, piece.format = start, end - start, fmt
        ranges.append(piece)
    block.layout().setFormats(ranges)


def _merged(length: int, base: list[Span], over: list[Span]) -> list[Span]:
    """The formats to set, piece by piece: each piece the base format covering it with every overlay
    covering it merged on, in order. Worked out in Python (one sweep over the span edges) and set once per
    piece: a call into Qt per character made a long underline cost a tenth of a second beside background
    work, and a paragraph of hundreds of XX slots must not cost a pass over every span per piece."""
    if not over:
        return base
    spans = [(max(s, 0), min(e, length), f) for s, e, f in base + over]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for index, (s, e, _) in enumerate(spans):
        if s < e:
            starts.setdefault(s, []).append(index)
            ends.setdefault(e, []).append(index)
    active: set[int] = set()
    pieces: list[Span] = []
    cuts = sorted(starts.keys() | ends.keys())
    for start, end in pairwise(cuts):
        active.difference_update(ends.get(start, ()))
        active.update(starts.get(start, ()))
        if not active:
            continue
        covering = sorted(active)
        under = [k for k in covering if k < len(base)]
        fmt = QTextCharFormat(spans[under[-1]][2]) if under else QTextCharFormat()
        for k in covering:
            if k >= len(base):
                fmt.merge(spans[k][2])
        pieces.append((start, end, fmt))
    return pieces
