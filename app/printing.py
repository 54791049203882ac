"""Print and print preview laid out as the saved DOCX prints: the same Layout, page by page.

A4, the layout's margins, 22 lines of 28 characters at the fixed line pitch, fonts per heading
level, the title broken at word boundaries, a blank line after it, 落款 right-aligned four characters
in, and "— N —" below the text block (odd pages right, even pages left, one character in).
Word and LibreOffice let a closing mark hang past the line end; Qt cannot, so a line ending in one
may wrap a character earlier here and long reports can run about a page longer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from phrasebank.docx_export import split_head, title_lines
from phrasebank.layout import Layout, RunInStyle
from phrasebank.structure import Role, Structure

from . import fonts

_CJK_LATIN_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])(?=[\u4e00-\u9fff])")


def autospace(text: str) -> str:
    """A quarter-em between Chinese and Latin letters or digits, as Word and LibreOffice set them."""
    return _CJK_LATIN_RE.sub("\u2005", text)


def configure(printer: QPrinter, layout: Layout) -> None:
    """A4 portrait with no printer margins of its own: the text block is placed by `paint`."""
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)


class PrintLayout:
    """The report as a QTextDocument sized to the text block, in the printer's pixels."""

    def __init__(self, paragraphs: Sequence[str], layout: Layout, dpi: float) -> None:
        self.layout, self.dpi = layout, dpi
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        # A page holds exactly `lines_per_page` lines; half a line of room keeps rounding from losing one.
        self.page_height = (layout.lines_per_page + 0.5) * self.pt(layout.line_pitch_pt)
        self.document.setPageSize(QSizeF(self.mm(layout.block_width_mm), self.page_height))
        self.cursor = QTextCursor(self.document)
        self._first = True
        self._fill(list(paragraphs))

    def mm(self, length: float) -> float:
        return length / 25.4 * self.dpi

    def pt(self, size: float) -> float:
        return size / 72 * self.dpi

    def page_count(self) -> int:
        return self.document.pageCount()

    def _fill(self, paragraphs: list[str]) -> None:
        layout = self.layout
        structure = Structure.from_texts(paragraphs)
        roles = structure.roles
        for index, para in enumerate(structure.paragraphs):
            role, text = roles[index], para.text.strip()
            if role is Role.TITLE:
                per_line = int(layout.block_width_mm / 25.4 * 72 / layout.title_size)
                self._block(
                    "\u2028".join(title_lines(text, per_line)),
                    [(layout.title_font, layout.title_size)],
                    center=True,
                    indent=False,
                )
                self._block("", [], indent=False)
            elif role is Role.SUBTITLE:
                self._block(text, [], center=True, indent=False)
            elif role is Role.RECIPIENT:
                self._block(text, [], indent=False)
            elif role is Role.HEADING:
                head, rest = split_head(text)
                font = {1: layout.heading1_font, 2: layout.heading2_font}.get(para.level, layout.body_font)
                self._runs([(head, font, False), (rest, layout.body_font, False)])
            elif role in (Role.SIGNATURE, Role.DATE):
                if index == 0 or roles[index - 1] not in (Role.SIGNATURE, Role.DATE, Role.EMPTY):
                    self._block("", [], indent=False)
                self._block(text, [], right=True, indent=False)
            elif role is Role.EMPTY:
                self._block("", [], indent=False)
            elif para.number and layout.runin_style is not RunInStyle.PLAIN:
                head, rest = split_head(text)
                kai = layout.runin_style is RunInStyle.KAI
                self._runs(
                    [(head, layout.kai_font if kai else layout.body_font, not kai), (rest, layout.body_font, False)]
                )
            else:
                self._runs([(text, layout.body_font, False)])

    def _new_block(self, center: bool = False, right: bool = False, indent: bool = True) -> None:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(self.pt(self.layout.line_pitch_pt), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        fmt.setTopMargin(0)
        fmt.setBottomMargin(0)
        if indent:
            fmt.setTextIndent(self.pt(self.layout.body_size) * 2)
        if center:
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        elif right:
            fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
            fmt.setRightMargin(self.pt(self.layout.body_size) * 4)
        else:
            fmt.setAlignment(Qt.AlignmentFlag.AlignJustify)
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self._first = False
        else:
            self.cursor.insertBlock(fmt)

    def _char(self, font_name: str, size: float, bold: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        font = fonts.font(font_name, size, bold)
        font.setPixelSize(round(self.pt(size)))
        if size == self.layout.body_size:  # 28 glyphs of 16 pt fill the 156 mm line: condense as the DOCX does
            pitch = self.mm(self.layout.block_width_mm) / self.layout.chars_per_line
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, min(pitch - self.pt(size), 0.0))
        fmt.setFont(font)
        return fmt

    def _block(self, text: str, runs: list[tuple[str, float]], center=False, right=False, indent=True) -> None:
        self._new_block(center, right, indent)
        font, size = runs[0] if runs else (self.layout.body_font, self.layout.body_size)
        self.cursor.insertText(autospace(text), self._char(font, size))

    def _runs(self, runs: list[tuple[str, str, bool]]) -> None:
        self._new_block()
        for text, font, bold in runs:
            if text:
                self.cursor.insertText(autospace(text), self._char(font, self.layout.body_size, bold))

    def _draw_lines(self, painter: QPainter, start: float, height: float) -> None:
        """Draw the lines of one page, each once (a clip would hide, not drop, the next page's lines)."""
        for origin, line in _lines_between(self.document, start, height):
            line.draw(painter, QPointF(origin.x(), origin.y() - start))

    def paint(self, printer: QPrinter) -> None:
        """Draw every page: the text block at the margins and the page number below it."""
        layout = self.layout
        painter = QPainter(printer)
        try:
            width, height = self.mm(layout.block_width_mm), self.page_height
            block_bottom = self.mm(layout.margin_top + layout.block_height_mm)
            left, top = self.mm(layout.margin_left), self.mm(layout.margin_top)
            number_font = fonts.font(layout.page_number_font, layout.page_number_size)
            number_font.setPixelSize(round(self.pt(layout.page_number_size)))
            one_char = self.pt(layout.page_number_size)
            for page in range(self.page_count()):
                if page:
                    printer.newPage()
                painter.save()
                painter.translate(left, top)
                self._draw_lines(painter, page * height, height)
                painter.restore()
                painter.setFont(number_font)
                box = QRectF(
                    left + one_char,
                    block_bottom + self.mm(layout.page_number_gap),
                    width - 2 * one_char,
                    self.pt(layout.page_number_size) * 1.5,
                )
                side = Qt.AlignmentFlag.AlignRight if page % 2 == 0 else Qt.AlignmentFlag.AlignLeft
                painter.drawText(box, side | Qt.AlignmentFlag.AlignTop, f"— {page + 1} —")
        finally:
            painter.end()


def _lines_between(document: QTextDocument, start: float, length: float):
    """(block origin, line) for every laid-out line whose middle lies in [start, start + length).

    The middle, not the top: a line with a fixed height smaller than its font's starts above its slot.
    """
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        origin = layout.blockBoundingRect(block).topLeft()
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            if start <= origin.y() + line.y() + line.height() / 2 < start + length:
                yield origin, line
        block = block.next()


def print_report(paragraphs: Sequence[str], layout: Layout, printer: QPrinter) -> int:
    """Lay the report out for `printer` and print it; return the number of pages."""
    configure(printer, layout)
    laid_out = PrintLayout(paragraphs, layout, printer.resolution())
    laid_out.paint(printer)
    return laid_out.page_count()
