"""The suggestion popup as a writer meets it: after typing only, whole words, keys that behave."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from qt_helpers import commit, enter, key, type_at_end


def start(window, text: str = "") -> None:
    """A blank report holding `text`, the cursor at its end."""
    window._load(text, None)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)


def settle(qtbot) -> None:
    """Let queued refreshes run (the popup is shown on the next event-loop turn)."""
    qtbot.wait(30)


def test_typing_offers_suggestions_and_tab_accepts(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n")
    commit(qtbot, editor, "党史")
    qtbot.waitUntil(editor.popup.isVisible)
    first = editor.popup.current().completion
    assert first == "学习教育" and editor.popup.count() <= 5
    key(qtbot, editor, Qt.Key.Key_Tab)
    assert editor.paragraphs()[-1] == "党史学习教育"
    editor.undo()
    assert editor.paragraphs()[-1] == "党史"  # the accepted completion is one undoable edit


def test_typing_jiaqiang_never_offers_a_completion_starting_hua(qtbot, window):
    editor = window.editor
    editor.bank.threshold = 0.0  # even the least likely completion may not split the word
    try:
        start(window, "一、主要做法\n")
        commit(qtbot, editor, "加强")
        settle(qtbot)
        assert not any(s.completion.startswith("化") for s in editor.popup.suggestions if editor.popup.isVisible())
        assert all(not s.completion.startswith("化") for s in editor.bank.suggest("加强", memory=editor.memory))
    finally:
        editor.bank.threshold = type(editor.bank)([]).threshold


def test_an_unlikely_continuation_opens_no_popup(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n")
    commit(qtbot, editor, "加强")
    settle(qtbot)
    assert not editor.popup.isVisible()


def test_enter_breaks_the_line_unless_the_writer_chose_a_row(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n")
    commit(qtbot, editor, "习近平新时代")
    qtbot.waitUntil(editor.popup.isVisible)
    enter(qtbot, editor)
    assert editor.paragraphs()[-2:] == ["习近平新时代", ""]
    commit(qtbot, editor, "习近平新时代")
    qtbot.waitUntil(editor.popup.isVisible)
    key(qtbot, editor, Qt.Key.Key_Down)
    chosen = editor.popup.current().completion
    enter(qtbot, editor)
    assert editor.paragraphs()[-1] == "习近平新时代" + chosen


def test_alt_digit_picks_and_escape_dismisses(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n")
    commit(qtbot, editor, "学习习近平新时代")
    qtbot.waitUntil(editor.popup.isVisible)
    second = editor.popup.suggestions[1].completion
    key(qtbot, editor, Qt.Key.Key_2, "", Qt.KeyboardModifier.AltModifier)
    assert editor.paragraphs()[-1] == "学习习近平新时代" + second
    commit(qtbot, editor, "，推动党史")
    qtbot.waitUntil(editor.popup.isVisible)
    key(qtbot, editor, Qt.Key.Key_Escape)
    assert not editor.popup.isVisible()
    key(qtbot, editor, Qt.Key.Key_unknown, "。")
    assert editor.paragraphs()[-1].endswith("推动党史。")  # keys after Esc reach the text


def test_no_popup_while_the_input_method_composes(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n")
    commit(qtbot, editor, "党史")
    qtbot.waitUntil(editor.popup.isVisible)
    QApplication.sendEvent(editor, QInputMethodEvent("xuexi", []))
    settle(qtbot)
    assert not editor.popup.isVisible()


def test_no_popup_after_apply_fix(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n推动党史学习教育,加强党史")
    window.checks.run()
    comma = next(f for f in window.checks.findings if f.found == ",")
    editor.apply_fix(comma)
    settle(qtbot)
    assert "教育，加强" in editor.paragraphs()[-1] and not editor.popup.isVisible()


def test_no_popup_after_replace_all(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n推动历史学习，推动历史")
    window.find_dialog.find_text.setText("历史")
    window.find_dialog.replace_text.setText("党史")
    assert window.find_dialog.replace_all() == 2
    settle(qtbot)
    assert not editor.popup.isVisible()


def test_no_popup_after_renumbering(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n推动党史学习教育。\n三、党史")
    assert window.editor.renumber() == 1
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    settle(qtbot)
    assert editor.paragraphs()[-1] == "二、党史" and not editor.popup.isVisible()


def test_no_popup_after_a_dock_insertion_undo_or_redo(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n")
    editor.insert_phrase("推动党史")
    settle(qtbot)
    assert not editor.popup.isVisible()
    commit(qtbot, editor, "学习")
    editor.undo()
    settle(qtbot)
    assert editor.paragraphs()[-1] == "推动党史" and not editor.popup.isVisible()
    editor.redo()
    editor.undo()
    settle(qtbot)
    assert not editor.popup.isVisible()


def test_no_popup_after_pasting_a_passage_but_after_a_short_paste(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n")
    passage = QMimeData()
    passage.setText("加强组织领导。推动党史")
    editor.insertFromMimeData(passage)
    settle(qtbot)
    assert not editor.popup.isVisible()
    word = QMimeData()
    word.setText("，推动党史")
    editor.insertFromMimeData(word)
    qtbot.waitUntil(editor.popup.isVisible)


def test_no_popup_after_opening_a_file(qtbot, window, tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text("关于党史学习教育的报告\n一、主要做法\n推动党史", encoding="utf-8")
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.editor.paragraphs()[-1] == "推动党史")
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    settle(qtbot)
    assert not window.editor.popup.isVisible()


def test_each_finished_clause_is_learned_for_later_suggestions(qtbot, window):
    window._load("一、主要做法\n", None)  # first edit of a loaded text: Qt reports charsAdded past the end
    editor = window.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    for _ in range(2):
        commit(qtbot, editor, "依托青年干部夜校开展培训，")
    qtbot.waitUntil(lambda: editor.memory.count("依托青年干部夜校") == 2)
    commit(qtbot, editor, "继续依托")
    qtbot.waitUntil(editor.popup.isVisible)
    assert any(s.completion.startswith("青年干部夜校") for s in editor.popup.suggestions)


def test_a_phrase_from_my_library_is_offered_once_begun(qtbot, window):
    editor = window.editor
    window.phrases.add_phrase(
        {"text": "坚持以学促干、以干促学", "kind": "collocation", "sections": (), "tags": (), "note": ""}
    )
    start(window, "一、主要做法\n")
    commit(qtbot, editor, "我们坚持")
    qtbot.waitUntil(editor.popup.isVisible)
    assert editor.popup.current().completion == "以学促干、以干促学"


def test_a_clause_the_writer_undoes_is_forgotten(qtbot, window):
    """持续神话… typed and undone: the memory no longer holds it, so it is never offered again."""
    type_at_end(qtbot, window, "一、主要做法\n", "持续神话理论武装", "。")
    editor = window.editor
    qtbot.waitUntil(lambda: editor.memory.count("神话理论") == 1)
    while "神话" in editor.toPlainText():
        editor.undo()
    assert editor.memory.count("神话理论") == 0


def test_going_on_after_text_already_there_learns_only_what_is_typed(qtbot, window):
    """The paragraph the writer goes on with was learned with the document: the clause mark typed after
    it learns the typed words only. Counting the old text again would make one sighting two, and two
    sightings open the popup."""
    window._load("一、主要做法\n我们坚持问题导向推动整改落实", None)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.memory.count("推动整改") == 1)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    for piece in ("，", "取得", "实效", "。"):
        commit(qtbot, editor, piece)
    qtbot.waitUntil(lambda: editor.memory.count("取得实效") == 1)
    assert editor.memory.count("推动整改") == 1


def test_a_slip_corrected_inside_a_clause_still_learns_the_whole_clause(qtbot, window):
    type_at_end(qtbot, window, "一、主要做法\n", "持续", "深花")
    key(qtbot, window.editor, Qt.Key.Key_Backspace)
    for piece in ("化", "改革", "。"):
        commit(qtbot, window.editor, piece)
    qtbot.waitUntil(lambda: window.editor.memory.count("持续深化改革") == 1)


def test_a_request_is_offered_its_closing_and_tab_inserts_it(qtbot, window):
    editor = window.editor
    start(window, "关于申请安全生产专项资金的请示\n市财政局：\n为保障全市安全生产工作，现申请专项资金。\n")
    commit(qtbot, editor, "特此")
    settle(qtbot)
    shown = editor.popup.suggestions if editor.popup.isVisible() else []
    assert "报告。" not in [s.completion for s in shown]  # a report's closing ends no 请示
    for _ in "特此":
        key(qtbot, editor, Qt.Key.Key_Backspace)
    commit(qtbot, editor, "妥否")
    qtbot.waitUntil(editor.popup.isVisible)
    assert editor.popup.current().completion == "，请批示。"
    key(qtbot, editor, Qt.Key.Key_Tab)
    assert editor.paragraphs()[-1] == "妥否，请批示。"


def test_the_list_stands_under_the_cursor_without_repainting_the_text_and_leaves_when_the_window_moves(
    qtbot, window
):
    editor = window.editor
    start(window, "一、主要做法\n")
    commit(qtbot, editor, "党史")
    qtbot.waitUntil(editor.popup.isVisible)
    popup, viewport = editor.popup, editor.viewport()
    below = viewport.mapToGlobal(editor.cursorRect().bottomLeft())
    corner = popup.mapToGlobal(QPoint(0, 0))
    assert corner.y() == below.y() + 4 and abs(corner.x() - below.x()) <= 1
    assert popup not in (QApplication.focusWidget(), QApplication.activeWindow())  # the writer types on
    painted = []

    class Paints(QObject):
        def eventFilter(self, watched, event) -> bool:
            painted.extend([event.type()] if event.type() == QEvent.Type.Paint else [])
            return False

    spy = Paints()
    viewport.installEventFilter(spy)
    popup.hide()
    popup.show_at(popup.suggestions[:1], editor.cursorRect().translated(40, 0))
    settle(qtbot)
    viewport.removeEventFilter(spy)
    assert popup.isVisible() and painted == []  # hiding, moving and showing the list repaint no text
    window.move(window.pos() + QPoint(30, 20))
    qtbot.waitUntil(lambda: not popup.isVisible())


def test_the_typed_word_is_drawn_before_the_popup_is_asked_for(qtbot, window, monkeypatch):
    """Asking the bank waits for Qt to draw the committed text: in a long report drawing and asking were one block
    of up to 21 ms (bench/large_documents.py)."""
    editor = window.editor
    start(window, "一、主要做法\n")
    settle(qtbot)
    order: list[str] = []
    suggest = editor.bank.suggest

    def asked(*args, **kwargs):
        order.append("asked")
        return suggest(*args, **kwargs)

    class Paints(QObject):
        def eventFilter(self, watched, event) -> bool:
            order.extend(["drawn"] if event.type() == QEvent.Type.Paint else [])
            return False

    monkeypatch.setattr(editor.bank, "suggest", asked)
    spy = Paints()
    editor.viewport().installEventFilter(spy)
    commit(qtbot, editor, "党史")
    qtbot.waitUntil(editor.popup.isVisible)
    editor.viewport().removeEventFilter(spy)
    assert order[:2] == ["drawn", "asked"]


def test_a_key_pressed_before_the_popup_was_asked_for_meets_the_list_for_the_text_as_it_is(qtbot, window):
    editor = window.editor
    start(window, "一、主要做法\n")
    commit(qtbot, editor, "党史")
    qtbot.waitUntil(editor.popup.isVisible)
    assert editor.popup.current().completion == "学习教育"
    event = QInputMethodEvent()
    event.setCommitString("学习")
    QApplication.sendEvent(editor, event)
    QApplication.sendPostedEvents()  # what the commit posted, not the timers: the popup is not asked for yet
    assert editor.popup_pending() and editor.popup.current().completion == "学习教育"
    offered = [s.completion for s in editor.bank.suggest("党史学习", memory=editor.memory, genre=editor.genre())]
    key(qtbot, editor, Qt.Key.Key_Tab)
    assert editor.paragraphs()[-1] == "党史学习" + offered[0]  # not 党史学习学习教育
