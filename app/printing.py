"""Print and print preview laid out as the saved DOCX prints: the same Layout, page by page.

A4, the layout's margins, 22 lines of 28 characters at the fixed line pitch, fonts per heading
level, the title broken at word boundaries — the blocks of `phrasebank.document.typeset.plan`, which the DOCX
writer draws too — and "— N —" below the text block (odd pages right, even pages left, one character in).
Lines end where LibreOffice ends them (`phrasebank.document.pages`), hanging marks included; tables are
drawn cell by cell with their rules, as the DOCX writes new ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrinter

from phrasebank.document.layout import Layout
from phrasebank.document.masthead import Masthead
from phrasebank.document.pages import AUTOSPACE, rule_room, set_lines, squeeze_pt
from phrasebank.document.tables import TABLE_SIZE
from phrasebank.document.typeset import CJK_LATIN_EDGE_RE, Align, Block, Rule, Span, plan
from phrasebank.structure.outline import Role
from phrasebank.structure.tables import cell_paragraphs, row_cells

from . import fonts

#: The space between Chinese and Latin letters or digits, drawn as a four-per-em space narrowed to
#: `pages.AUTOSPACE` (the width LibreOffice gives it).
AUTOSPACE_MARK = "\u2005"


def autospace(text: str) -> str:
    """`text` with the space Word and LibreOffice set between Chinese and Latin letters or digits."""
    return CJK_LATIN_EDGE_RE.sub(AUTOSPACE_MARK, text)


def configure(printer: QPrinter, layout: Layout) -> None:
    """A4 portrait with no printer margins of its own: the text block is placed by `paint`."""
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)


_ALIGN = {
    Align.JUSTIFY: Qt.AlignmentFlag.AlignJustify,
    Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
    Align.LEFT: Qt.AlignmentFlag.AlignLeft,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight,
}


class PrintLayout:
    """The report as a QTextDocument sized to the text block, in the printer's pixels."""

    def __init__(self, paragraphs: Sequence[str], layout: Layout, dpi: float, masthead: Masthead | None = None) -> None:
        self.layout, self.dpi = layout, dpi
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        # A page holds exactly `lines_per_page` lines; half a line of room keeps rounding from losing one.
        self.page_height = (layout.lines_per_page + 0.5) * self.pt(layout.line_pitch_pt)
        self.document.setPageSize(QSizeF(self.mm(layout.block_width_mm), self.page_height))
        self.cursor = QTextCursor(self.document)
        self._first = True
        self.rules: list[tuple[int, Rule | None, Rule | None]] = []  # block number, rule above, rule below
        #: Table rows: block number, height, cells (x, width, text).
        self.table_rows: list[tuple[int, float, list[tuple[float, float, QTextDocument]]]] = []
        self._fill(plan(paragraphs, layout, masthead))

    def mm(self, length: float) -> float:
        return length / 25.4 * self.dpi

    def pt(self, size: float) -> float:
        return size / 72 * self.dpi

    def page_count(self) -> int:
        return self.document.pageCount()

    def _char(self, span: Span) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if span.color:
            fmt.setForeground(QColor(f"#{span.color}"))
        font_name, size = span.font, span.size
        font = fonts.font(font_name, size, span.bold)
        if not span.latin_too:  # digits and letters in the Latin font, as the DOCX sets them
            latin = self.layout.latin_font
            font.setFamilies([latin, *fonts.STAND_INS.get(latin, []), *font.families()])
        font.setPixelSize(round(self.pt(size)))
        # Every character tightened by the DOCX's own squeeze (docDefaults w:spacing), from the
        # installed stand-in's advance: 28 characters of 3号 to the 156 mm line, as LibreOffice sets them.
        advance = QFontMetricsF(font).horizontalAdvance("中")
        target = self.pt(size - squeeze_pt(self.layout))
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, target - advance)
        fmt.setFont(font)
        return fmt

    def _fill(self, blocks: Sequence[Block]) -> None:
        """One text block per planned block: the same roles, fonts, indents and breaks as the DOCX."""
        for k, block in enumerate(blocks):
            if block.role == Role.TABLE:
                first = k == 0 or blocks[k - 1].role != Role.TABLE
                self._table_row(block, header=first, columns=_run_columns(blocks, k))
                continue
            fmt = QTextBlockFormat()
            pitch = block.line_pitch or self.layout.line_pitch_pt
            fmt.setLineHeight(self.pt(pitch), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            above, below = rule_room(block)  # a rule takes room as the DOCX's paragraph border does
            fmt.setTopMargin(self.pt(block.space_before + above))
            fmt.setBottomMargin(self.pt(below))
            fmt.setLeftMargin(self.pt(block.left))
            fmt.setRightMargin(self.pt(block.right))
            fmt.setTextIndent(self.pt(block.first_line))
            fmt.setAlignment(_ALIGN[block.align])
            if block.page_break:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            if block.right_tab is not None:  # Word measures from the margin, Qt from the block's indent
                tab = self.pt(block.right_tab - block.left)
                fmt.setTabPositions([QTextOption.Tab(tab, QTextOption.TabType.RightTab)])
            self._new_block(fmt)
            if block.rule_above or block.rule_below:
                self.rules.append((self.cursor.block().blockNumber(), block.rule_above, block.rule_below))
            breaks, hanging = self._breaks(block)  # lines end where LibreOffice ends them
            offset = 0
            for span in block.spans:
                char = self._char(span)
                if span.line_break:
                    self.cursor.insertText("\u2028", char)
                cuts = {b - offset for b in breaks if offset < b < offset + len(span.text)}
                cuts |= {h - offset for h in hanging if offset <= h < offset + len(span.text)}
                cuts |= {h + 1 - offset for h in hanging if offset <= h < offset + len(span.text)}
                start = 0
                for cut in sorted(cuts | {len(span.text)}):
                    piece = span.text[start:cut]
                    if start + offset in hanging:  # past the line's end, as Word and LibreOffice set it
                        self.cursor.insertText(piece, self._hanging(char, piece))
                    elif piece:
                        self._insert(autospace(piece), char, span.size)
                    if cut + offset in breaks:
                        self.cursor.insertText("\u2028", char)
                    start = cut
                offset += len(span.text)

    def _new_block(self, fmt: QTextBlockFormat) -> None:
        if self._first and fmt.topMargin() > 0:  # Qt drops the first block's top margin: an empty line instead
            spacer = QTextBlockFormat()
            spacer.setLineHeight(fmt.topMargin(), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            self.cursor.setBlockFormat(spacer)
            self._first = False
            fmt = QTextBlockFormat(fmt)
            fmt.setTopMargin(0)
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self._first = False
        else:
            self.cursor.insertBlock(fmt)

    def _table_row(self, block: Block, header: bool, columns: int) -> None:
        """A table row as the DOCX writes it: equal columns across the text block, the last cell spanning
        what is left, each cell's paragraphs in 4号 (the header row in 黑体), every cell ruled. The row is
        an empty block as tall as its tallest cell (so it never splits over a page); `paint` draws it."""
        column = self.mm(self.layout.block_width_mm) / columns
        pad = self.pt(CELL_PADDING_PT)
        cells: list[tuple[float, float, QTextDocument]] = []
        texts = row_cells(block.text)
        for k, text in enumerate(texts):
            span = columns - len(texts) + 1 if k == len(texts) - 1 else 1
            cells.append((k * column, span * column, self._cell(text, span * column - 2 * pad, header)))
        height = max(cell.size().height() for _, _, cell in cells) + self.pt(TABLE_RULE_PT)  # the rule's own
        fmt = QTextBlockFormat()
        fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        self._new_block(fmt)
        self.table_rows.append((self.cursor.block().blockNumber(), height, cells))

    def _cell(self, text: str, width: float, header: bool) -> QTextDocument:
        layout = self.layout
        cell = QTextDocument()
        cell.setDocumentMargin(0)
        cell.setTextWidth(width)
        font = layout.heading1_font if header else layout.body_font
        char = self._char(Span("", font, TABLE_SIZE))
        cursor = QTextCursor(cell)
        for k, paragraph in enumerate(cell_paragraphs(text)):
            fmt = QTextBlockFormat()
            fmt.setLineHeight(self.pt(TABLE_SIZE * 1.3), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            centred = header or len(paragraph) <= 8
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignJustify)
            if k:
                cursor.insertBlock(fmt)
            else:
                cursor.setBlockFormat(fmt)
            cursor.insertText(autospace(paragraph), char)
        return cell

    def _draw_tables(self, painter: QPainter, start: float, height: float) -> None:
        """The table rows of one page: each cell's text, vertically centred, and its four rules."""
        layout = self.document.documentLayout()
        pad = self.pt(CELL_PADDING_PT)
        pen = QPen(QColor("#000000"))
        pen.setWidthF(self.pt(TABLE_RULE_PT))
        for number, row, cells in self.table_rows:
            top = layout.blockBoundingRect(self.document.findBlockByNumber(number)).top()
            if not start <= top + row / 2 < start + height:
                continue
            y = top - start
            for x, width, cell in cells:
                painter.setPen(pen)
                painter.drawRect(QRectF(x, y, width, row))
                painter.save()
                painter.translate(x + pad, y + (row - cell.size().height()) / 2)
                cell.drawContents(painter)
                painter.restore()

    def _insert(self, text: str, char: QTextCharFormat, size: float) -> None:
        """Insert `text`, its autospaces exactly as wide as LibreOffice sets them."""
        for k, piece in enumerate(text.split(AUTOSPACE_MARK)):
            if k:
                space = QTextCharFormat(char)
                font = char.font()
                natural = QFontMetricsF(font).horizontalAdvance(AUTOSPACE_MARK) - font.letterSpacing()
                font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, self.pt(size * AUTOSPACE) - natural)
                space.setFont(font)
                self.cursor.insertText(AUTOSPACE_MARK, space)
            if piece:
                self.cursor.insertText(piece, char)

    @staticmethod
    def _hanging(char: QTextCharFormat, mark: str) -> QTextCharFormat:
        """A closing mark that takes no room on its line (it hangs past the edge)."""
        hanging = QTextCharFormat(char)
        font = char.font()
        advance = QFontMetricsF(font).horizontalAdvance(mark)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, font.letterSpacing() - advance)
        hanging.setFont(font)
        return hanging

    def _breaks(self, block: Block) -> tuple[set[int], set[int]]:
        """Offsets in a justified block's text where the DOCX's lines end, and of the closing marks that
        hang past a line's end (`pages.set_lines`): Qt cannot hang them as Word and LibreOffice do."""
        if block.align != Align.JUSTIFY or block.right_tab is not None or any(s.line_break for s in block.spans):
            return set(), set()
        lines, hanging = set_lines(block, self.layout)
        return {sum(len(line) for line in lines[: k + 1]) for k in range(len(lines) - 1)}, hanging

    def _draw_lines(self, painter: QPainter, start: float, height: float) -> None:
        """Draw the lines of one page, each once (a clip would hide, not drop, the next page's lines)."""
        for origin, line in _lines_between(self.document, start, height):
            line.draw(painter, QPointF(origin.x(), origin.y() - start))

    def _draw_rules(self, painter: QPainter, start: float, height: float) -> None:
        """The red 版头 rule and the 版记 rules of one page, across the text block as the DOCX draws them."""
        layout = self.document.documentLayout()
        for number, above, below in self.rules:
            block = self.document.findBlockByNumber(number)
            lines = block.layout()
            if lines.lineCount() == 0:
                continue
            top = layout.blockBoundingRect(block).top()  # the first line box's top (Qt sets text at its foot)
            fmt = block.blockFormat()
            fixed = fmt.lineHeightType() == QTextBlockFormat.LineHeightTypes.FixedHeight.value
            last = lines.lineAt(lines.lineCount() - 1)
            bottom = top + lines.lineCount() * fmt.lineHeight() if fixed else top + last.y() + last.height()
            for rule, y in (  # the rule's middle: its distance from the text, then half its width
                (above, top - self.pt(round(above.space) + above.width / 2) if above else 0.0),
                (below, bottom + self.pt(round(below.space) + below.width / 2) if below else 0.0),
            ):
                if rule is not None and start <= y < start + height:
                    pen = QPen(QColor(f"#{rule.color}"))
                    pen.setWidthF(self.pt(rule.width))
                    painter.setPen(pen)
                    painter.drawLine(QPointF(0, y - start), QPointF(self.mm(self.layout.block_width_mm), y - start))

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
                self._draw_rules(painter, page * height, height)
                self._draw_tables(painter, page * height, height)
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


#: Left and right padding inside a table cell, as the DOCX writes it (w:tblCellMar 85 twips).
CELL_PADDING_PT = 4.25
#: The width of a table's rules (w:sz 4: half a point); LibreOffice adds it to each row's height.
TABLE_RULE_PT = 0.5


def _run_columns(blocks: Sequence[Block], k: int) -> int:
    """The number of columns of the table whose row is `blocks[k]`: its widest row."""
    start = k
    while start > 0 and blocks[start - 1].role == Role.TABLE:
        start -= 1
    end = k
    while end < len(blocks) and blocks[end].role == Role.TABLE:
        end += 1
    return max(len(row_cells(b.text)) for b in blocks[start:end])


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


def print_report(paragraphs: Sequence[str], layout: Layout, printer: QPrinter, masthead: Masthead | None = None) -> int:
    """Lay the report out for `printer` and print it; return the number of pages."""
    configure(printer, layout)
    laid_out = PrintLayout(paragraphs, layout, printer.resolution(), masthead)
    laid_out.paint(printer)
    return laid_out.page_count()
