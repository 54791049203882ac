"""The phrase dock as a writer meets it: the engine's list for the section, search over everything."""

from __future__ import annotations

from PySide6.QtCore import Qt
from qt_helpers import commit, enter, headings

from phrasebank.kinds import PhraseKind, SectionType


def listed(window) -> list[str]:
    return [e.text for e in window.phrases.entries()]


def type_into_problems(qtbot, window) -> None:
    window.new_from_template("空白报告")
    for line in ("一、主要做法", "加强组织领导，狠抓工作落实。", "二、存在的问题"):
        commit(qtbot, window.editor, line)
        enter(qtbot, window.editor)
    qtbot.waitUntil(lambda: window.phrases.cursor_section is SectionType.PROBLEMS)


def test_the_dock_lists_exactly_what_the_engine_decides(qtbot, window, corpus_bank):
    type_into_problems(qtbot, window)
    assert listed(window) == [p.text for p in corpus_bank.for_section(SectionType.PROBLEMS)]
    assert listed(window)[0] == "XX有差距"
    assert window.phrases.windowTitle() == "短语 — 存在问题"


def test_a_chosen_kind_shows_that_kind_in_the_engine_order(qtbot, window, corpus_bank):
    type_into_problems(qtbot, window)
    box = window.phrases.kind_box
    box.setCurrentIndex(box.findData(PhraseKind.COLLOCATION))
    expected = [p.text for p in corpus_bank.for_section(SectionType.PROBLEMS, PhraseKind.COLLOCATION)]
    assert listed(window) == expected and "学用结合不够紧密" in expected


def test_a_series_inserts_whole_as_one_edit(qtbot, window):
    window.new_from_template("空白报告")
    window.phrases.search.setText("真抓的实劲")
    qtbot.waitUntil(lambda: bool(window.phrases.entries()))
    group = window.phrases.tree.topLevelItem(0)
    window.phrases.tree.itemActivated.emit(group.child(0), 0)
    text = window.editor.toPlainText()
    assert "真抓的实劲、敢抓的狠劲、善抓的巧劲、常抓的韧劲" in text
    window.editor.undo()
    assert "真抓的实劲" not in window.editor.toPlainText()


def test_search_finds_a_new_library_phrase_by_initials_in_any_section(qtbot, window):
    type_into_problems(qtbot, window)
    window.library.add("压实主体责任", PhraseKind.COLLOCATION, [SectionType.MEASURES])
    window.phrases.search.setText("ysztzr")
    qtbot.waitUntil(lambda: "压实主体责任" in listed(window))
    assert listed(window)[0] == "压实主体责任"
    assert window.phrases.tree.topLevelItem(0).text(0).startswith("我的短语")
    assert "全部部分" in window.phrases.windowTitle()


def test_the_writers_own_phrases_for_the_section_come_first(qtbot, window):
    window.library.add("整改责任压得不实", PhraseKind.COLLOCATION, [SectionType.PROBLEMS])
    window.library.add("压实主体责任", PhraseKind.COLLOCATION, [SectionType.MEASURES])
    type_into_problems(qtbot, window)
    window.phrases.refresh()
    assert listed(window)[0] == "整改责任压得不实"
    assert "压实主体责任" not in listed(window)


def test_typing_a_problems_heading_switches_the_phrase_panel(qtbot, window):
    window.new_from_template("空白报告")
    editor = window.editor
    for line in ("一、主要做法", "加强组织领导，狠抓工作落实。", "二、存在的问题"):
        commit(qtbot, editor, line)
        enter(qtbot, editor)
    qtbot.waitUntil(lambda: window.phrases.cursor_section is SectionType.PROBLEMS)
    entries = window.phrases.entries()
    assert entries and all(SectionType.PROBLEMS in e.sections for e in entries)
    assert "存在问题" in window.section_label.text()
    qtbot.waitUntil(lambda: headings(window) == ["一、主要做法", "二、存在的问题"])


def test_a_phrase_dragged_from_the_panel_carries_its_text(qtbot, window):
    window.phrases.search.setText("往深里走")
    qtbot.waitUntil(lambda: bool(window.phrases.entries()))
    group = window.phrases.tree.topLevelItem(0)
    data = window.phrases.tree.mimeData([group.child(0)])
    assert data.text() == group.child(0).data(0, Qt.ItemDataRole.UserRole).text
    window.new_from_template("空白报告")
    window.editor.insertFromMimeData(data)  # what a drop into the editor does
    assert window.editor.paragraphs() == [data.text()]


def test_a_hidden_builtin_comes_back_with_undo_and_from_the_hidden_list(qtbot, window):
    window.phrases.section_box.setCurrentIndex(window.phrases.section_box.findData(None))  # 全部部分
    first = listed(window)[0]
    window.phrases.hide_builtin(first)
    assert first not in listed(window) and window.phrases.undo_hide_button.isEnabled()
    qtbot.mouseClick(window.phrases.undo_hide_button, Qt.MouseButton.LeftButton)
    assert first in listed(window) and not window.phrases.undo_hide_button.isEnabled()
    window.phrases.hide_builtin(first)
    window.phrases.origin_box.setCurrentIndex(window.phrases.origin_box.findData("hidden"))
    assert listed(window) == [first]
    window.library.hide_builtin(first, hidden=False)  # what 恢复显示此内置短语 does
    window.phrases.refresh()
    assert listed(window) == []


def test_editing_my_phrase_from_the_panel_changes_it_and_the_suggestions(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.dialogs import PhraseDialog

    window.phrases.add_phrase({"text": "坚持以学促干", "kind": "collocation", "sections": (), "tags": (), "note": ""})
    entry = window.library.find("坚持以学促干")

    def change() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PhraseDialog) and w.isVisible())
        dialog.text.setPlainText("坚持以学促干、以干促学")
        dialog.accept()

    QTimer.singleShot(0, change)
    window.phrases.edit_phrase(entry)
    assert [e.text for e in window.library.personal()] == ["坚持以学促干、以干促学"]
    assert "坚持以学促干、以干促学" in listed(window)
    assert window.editor.personal.texts == ["坚持以学促干、以干促学"]  # the suggestion source follows


def test_the_collection_follows_a_pasted_government_report(qtbot, corpus_bank, answers):
    """空白报告, then a 政府工作报告 pasted in: its collection comes at once, without reopening."""
    from PySide6.QtCore import QMimeData

    from app.window import MainWindow
    from phrasebank.mining.corpora import Collection

    window = MainWindow(ask=answers)
    qtbot.addWidget(window)
    for collection in Collection:  # both banks ready (no mining in a test); which one is used is the point
        window._banks[collection] = corpus_bank
    window.new_from_template("空白报告")
    qtbot.waitUntil(lambda: window.collection is Collection.SUPERVISION)
    window.editor.selectAll()
    page = QMimeData()
    page.setText("2026年政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n")
    window.editor.insertFromMimeData(page)
    qtbot.waitUntil(lambda: window.collection is Collection.GOVERNMENT, timeout=3000)
    window.editor.document().setModified(False)


def closings(window) -> list[str]:
    window.phrases.section_box.setCurrentIndex(window.phrases.section_box.findData(SectionType.CLOSING))
    return [e.text for e in window.phrases.entries() if e.kind is PhraseKind.CLOSING]


def test_a_requests_dock_offers_its_own_closings_first_and_no_reports(qtbot, window):
    window.new_from_template("空白报告")
    for line in ("关于申请安全生产专项资金的请示", "市财政局：", "为保障全市安全生产工作，现申请专项资金。"):
        commit(qtbot, window.editor, line)
        enter(qtbot, window.editor)
    qtbot.waitUntil(lambda: window.phrases.genre == "请示")  # read from the title as the counts are
    listed = closings(window)
    assert listed[:2] == ["妥否，请批示。", "以上请示当否，请批示。"]
    assert "特此报告。" not in listed and "特此通知。" not in listed


def test_an_opened_letter_brings_its_closings_at_once(qtbot, window, tmp_path):
    letter = tmp_path / "复函.txt"
    letter.write_text("关于商请支持应急演练的复函\n市消防救援支队：\n来函收悉。\n", encoding="utf-8")
    window.open_path(letter)
    qtbot.waitUntil(lambda: window.editor.paragraphs()[:1] == ["关于商请支持应急演练的复函"])
    assert closings(window)[:3] == ["妥否，请函复。", "专此函达。", "特此函告。"]
    window._load("在全市安全生产工作会议上的讲话\n同志们：\n", None)  # no 文种 named: every 文种's, as listed
    assert {"特此报告。", "妥否，请批示。", "妥否，请函复。"} <= set(closings(window))
