"""Every paragraph of an opened report is laid out, so the writer can scroll to it and see it.

Qt stops laying a new text out at the first change to the document (the highlighter's first formats);
the paragraphs it had not reached stayed at no height: the last 20 of a 100-paragraph report could not
be scrolled to, nor seen after Ctrl+End.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from qt_helpers import commit

from app.layout_pace import LayoutPacer, laid_out


def _every_paragraph_placed(editor) -> bool:
    """Each paragraph laid out and below the one before it, the scroll range reaching the last one."""
    document = editor.document()
    layout = document.documentLayout()
    block, bottom = document.firstBlock(), -1.0
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if not laid_out(block) or rect.top() < bottom - 0.5:
            return False
        bottom = rect.bottom()
        block = block.next()
    return bottom <= layout.documentSize().height() + 0.5 and bottom > editor.viewport().height()


def test_a_long_report_opened_from_its_file_is_laid_out_to_its_last_paragraph(qtbot, window, gov_files, tmp_path):
    path = tmp_path / "报告.txt"
    text = "\n".join(gov_files[0].read_text(encoding="utf-8").splitlines() * 2)  # some 250 paragraphs
    path.write_text(text, encoding="utf-8")
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.path == path)
    assert window.editor.document().blockCount() > 150
    qtbot.waitUntil(lambda: _every_paragraph_placed(window.editor), timeout=10_000)
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.ensureCursorVisible()
    assert editor.viewport().rect().contains(editor.cursorRect().center())
    assert editor.verticalScrollBar().value() > 0


def test_typing_while_the_text_is_laid_out_does_not_stop_the_layout(qtbot, window):
    paragraph = "推进重点项目建设，强化要素保障，确保按期完成。" * 3
    window.editor.set_text("\n".join(f"第{n}项工作：{paragraph}" for n in range(3000)))
    commit(qtbot, window.editor, "一")  # at the top, at once: Qt gives up its own layout here
    qtbot.waitUntil(lambda: _every_paragraph_placed(window.editor), timeout=20_000)


def test_a_jump_below_what_is_laid_out_shows_the_paragraph_jumped_to(qtbot, window):
    editor = window.editor
    editor.set_text("\n".join(f"第{n}段，" + "坚持稳中求进工作总基调，" * 8 for n in range(20_000)))
    commit(qtbot, editor, "一")  # Qt gives up its own layout
    last = editor.document().lastBlock()
    assert not laid_out(last)
    editor.setTextCursor(QTextCursor(last))
    assert laid_out(last)
    assert editor.viewport().rect().contains(editor.cursorRect().center())


def test_the_slices_do_not_lay_out_again_what_qt_laid_out_ahead_of_them(qtbot, window, monkeypatch):
    """Qt's own layout can run ahead of the slices (by 1,300 paragraphs at 25,000): a slice started where the
    last one stopped laid out text already laid out again, 60-120 ms a slice, and fell further behind."""
    editor = window.editor
    editor.set_text("\n".join(f"第{n}段，" + "坚持稳中求进工作总基调，" * 8 for n in range(20_000)))
    document = editor.document()
    qtbot.waitUntil(lambda: laid_out(document.findBlockByNumber(1000)), timeout=20_000)
    started_laid_out: list[bool] = []
    lay_out = LayoutPacer.lay_out

    def recorded(self, start: int, end: int) -> None:
        started_laid_out.append(laid_out(document.findBlock(start)))
        lay_out(self, start, end)

    monkeypatch.setattr(LayoutPacer, "lay_out", recorded)
    pacer = editor._pacer
    assert pacer is not None
    pacer.reached.setPosition(0)  # the slices behind what Qt laid out
    for _ in range(100):  # (a slice that finds SKIP_AT_MOST paragraphs laid out ahead goes on from there next time)
        if started_laid_out:
            break
        pacer._pace()
    assert started_laid_out[:1] == [False]


def test_typing_in_a_laid_out_report_leaves_the_view_where_it_is(qtbot, window, corpus_files):
    """A paragraph being edited has no lines until Qt lays it out again; taken for a jump below what is laid
    out, each keystroke in a long paragraph scrolled the view away and back, and each scroll redrew the
    whole editor."""
    editor = window.editor
    window.resize(1280, 820)
    text = "\n".join(path.read_text(encoding="utf-8") for path in corpus_files)
    editor.set_text(text)
    qtbot.waitUntil(lambda: _every_paragraph_placed(editor), timeout=20_000)
    cursor = editor.textCursor()
    cursor.setPosition(len(text) // 2)
    editor.setTextCursor(cursor)
    words = ("加强", "基层", "治理", "能力", "建设", "，")
    for word in words * 40:  # the paragraph grows past the screen's height, typed at its last line
        commit(qtbot, editor, word)
    scrolled: list[int] = []
    editor.verticalScrollBar().valueChanged.connect(scrolled.append)
    for word in words:
        commit(qtbot, editor, word)
    assert scrolled == []
