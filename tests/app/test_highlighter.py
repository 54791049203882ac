"""The highlighter's looks merged piece by piece, as Qt would merge them character by character."""

from __future__ import annotations

import random

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from app.highlighter import _merged


def looks(fmt: QTextCharFormat | None) -> tuple:
    if fmt is None:
        return (None,)
    return (fmt.fontWeight(), fmt.fontItalic(), fmt.underlineStyle(), fmt.background().color().name())


def test_pieces_carry_what_merging_character_by_character_gives(qapp):
    bold, italic = QTextCharFormat(), QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    italic.setFontItalic(True)
    wavy, slot = QTextCharFormat(), QTextCharFormat()
    wavy.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    slot.setBackground(QColor("#fff1a8"))
    rng = random.Random(3)
    for _ in range(200):
        length = rng.randrange(1, 60)
        spans = [(rng.randrange(-2, length), rng.randrange(0, length + 3)) for _ in range(rng.randrange(0, 5))]
        base = [(s, e, rng.choice([bold, italic])) for s, e in spans]
        starts = rng.sample(range(length), min(length, 6))
        over = [(s, s + rng.randrange(1, 8), rng.choice([wavy, slot])) for s in starts]
        expected: list[QTextCharFormat | None] = []
        for column in range(length):  # the old way: the last base covering it, every overlay merged on
            fmt = None
            for s, e, f in base:
                if s <= column < e:
                    fmt = QTextCharFormat(f)
            for s, e, f in over:
                if s <= column < e:
                    fmt = fmt if fmt is not None else QTextCharFormat()
                    fmt.merge(f)
            expected.append(fmt)
        got: list[QTextCharFormat | None] = [None] * length
        for start, end, fmt in _merged(length, base, over):
            for column in range(start, end):
                got[column] = fmt
        assert [looks(f) for f in got] == [looks(f) for f in expected]


def test_paragraphs_qt_has_not_laid_out_get_their_formats_without_being_laid_out_again(qtbot):
    """The lazy pass used to wait for Qt's layout and then highlight each paragraph as Qt does, which lays the
    document out again from there (40 ms at 50,000 paragraphs, one paragraph per slice); it now gives a paragraph
    not laid out yet its formats ahead, and Qt lays it out with them when it gets there."""
    from PySide6.QtWidgets import QTextEdit

    from app.highlighter import ReportHighlighter

    body = "正文的一段话，说明有关情况。"
    lines = [body] * 30000
    lines[1500], lines[1501], lines[20000] = "关于督导工作的报告", "一、总体情况", "二、存在问题"
    editor = QTextEdit()
    qtbot.addWidget(editor)
    highlighter = ReportHighlighter(editor.document(), lambda number: number == 1500)
    editor.setPlainText("\n".join(lines))
    highlighter.rehighlight_lazily()  # not shown yet: Qt lays nothing out
    qtbot.waitUntil(lambda: highlighter._lazy is None, timeout=5000)
    document = editor.document()
    far = [document.findBlockByNumber(number) for number in (1499, 1500, 1501, 20000)]
    assert [block.layout().lineCount() for block in far] == [0, 0, 0, 0]  # not laid out by the highlighter
    editor.resize(600, 400)
    editor.show()
    layout = document.documentLayout()
    heights = [layout.blockBoundingRect(block).height() for block in far]  # Qt lays them out now
    assert heights[1] > 1.3 * heights[0]  # the title's size
    weights = [{r.format.fontWeight() for r in block.layout().formats()} for block in far]
    assert weights[0] == set() and weights[2] == weights[3] == {QFont.Weight.Bold}


def test_a_slice_never_starts_redrawing_a_laid_out_paragraph_it_cannot_finish_in_time(qtbot):
    """Highlighting a laid-out paragraph makes Qt lay out again everything below it (26-60 ms at the end of 50,000
    paragraphs): a slice that had used 29 of its 30 ms started another and held the window 60-70 ms."""
    from PySide6.QtWidgets import QTextEdit

    from app.highlighter import SLICE_MS, ReportHighlighter

    editor = QTextEdit()
    qtbot.addWidget(editor)
    highlighter = ReportHighlighter(editor.document(), lambda number: False)
    editor.setPlainText("\n".join(f"第{n}段正文，有一处要划线。" for n in range(20)))
    editor.resize(600, 800)
    editor.show()
    qtbot.waitExposed(editor)
    document = editor.document()
    assert all(document.findBlockByNumber(n).layout().lineCount() > 0 for n in range(3))  # laid out
    highlighter._relayout_ms = 2 * SLICE_MS  # as such paragraphs cost lately at 50,000 paragraphs
    highlighter._marked.update(range(3))  # as the first screenful of a long report is
    highlighter._highlight_slice()
    assert len(highlighter._marked) == 2  # one paragraph redrawn; the others wait for the next slices
    qtbot.waitUntil(lambda: not highlighter._marked)  # and they come


def test_a_long_report_opened_from_its_file_is_shown_formatted_with_nothing_left_to_highlight(qtbot, window, tmp_path):
    """Highlighted once laid out, each paragraph with a look of its own (a heading, a run-in head, an XX slot) made
    Qt lay out again every paragraph below it (85 ms a paragraph at the top of 50,000), one a slice for minutes
    after opening: they now get their formats while the document is made, the title by the report's structure."""
    from PySide6.QtGui import QFont

    from app.highlighter import SCREEN_AT_ONCE_UP_TO

    lines = ["关于2026年工作的报告", "一、总体情况"]
    lines += [f"第{n}项工作有序推进，重点任务扎实落实。" for n in range(SCREEN_AT_ONCE_UP_TO)]
    lines[2000], lines[2500] = "一是加强学习。推动落实。", "在XX方面取得新进展。"
    path = tmp_path / "长报告.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.path == path)
    highlighter = window.editor.highlighter
    assert highlighter._marked == set() and highlighter._lazy is None  # no paragraph left to highlight

    def weights(number: int) -> set:
        block = window.editor.document().findBlockByNumber(number)
        return {r.format.fontWeight() for r in block.layout().formats()}

    assert weights(0) == weights(1) == weights(2000) == {QFont.Weight.Bold}  # title, heading, run-in head
    assert len(window.editor.document().findBlockByNumber(2500).layout().formats()) == 1  # the XX slot
    assert weights(3) == set()


def test_a_long_word_files_emphasis_is_shown_at_once_with_nothing_left_to_highlight(qtbot, window, tmp_path):
    """A Word file's bold and colour were given to the highlighter only once the file was shown, and the lazy pass
    highlighted every paragraph Qt had laid out already (each one laying out again all below it); now they are
    given with the other formats while the document is made."""
    from docx import Document
    from docx.shared import RGBColor
    from PySide6.QtGui import QColor, QFont

    from app.highlighter import SCREEN_AT_ONCE_UP_TO

    source = Document()
    source.add_paragraph("关于2026年工作的报告")
    for n in range(SCREEN_AT_ONCE_UP_TO):
        source.add_paragraph(f"第{n}项工作有序推进。")
    far = source.paragraphs[2500]
    far.add_run("重点任务扎实落实").bold = True
    far.add_run("。")
    source.paragraphs[2600].add_run("红色提示").font.color.rgb = RGBColor(0xC0, 0, 0)
    source.paragraphs[2600].add_run("。")
    path = tmp_path / "长强调.docx"
    source.save(str(path))
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.path == path)
    highlighter = window.editor.highlighter
    assert highlighter._marked == set() and highlighter._lazy is None  # no paragraph left to highlight
    document = window.editor.document()
    far_block = document.findBlockByNumber(2500)
    bold = [r for r in far_block.layout().formats() if r.format.fontWeight() == QFont.Weight.Bold]
    assert [far_block.text()[r.start : r.start + r.length] for r in bold] == ["重点任务扎实落实"]
    [red] = document.findBlockByNumber(2600).layout().formats()
    assert red.format.foreground().color() == QColor("#c00000")
    assert not document.findBlockByNumber(3).layout().formats()


def test_a_text_put_in_the_editor_whole_is_formatted_before_qt_lays_it_out(qtbot, window):
    """A template, a recovered draft or a whole pasted report of some hundred paragraphs was highlighted lazily,
    each paragraph making Qt lay out again all below it (slices of 30-210 ms while the writer typed)."""
    from PySide6.QtGui import QFont

    lines = ["关于2026年工作情况的报告", "一、总体情况"] + [f"第{n}项工作有序推进。" for n in range(700)]
    lines[400] = "二、存在问题"
    window._load("\n".join(lines), None)
    highlighter = window.editor.highlighter
    assert highlighter._marked == set() and highlighter._lazy is None

    def weights(number: int) -> set:
        return {r.format.fontWeight() for r in window.editor.document().findBlockByNumber(number).layout().formats()}

    assert weights(0) == weights(1) == weights(400) == {QFont.Weight.Bold} and weights(2) == set()
