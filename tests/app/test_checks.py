"""The 检查 dock: findings listed, underlined and fixed; ignoring once or always, and taking it back."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from qt_helpers import commit, enter


def test_check_dock_lists_underlines_and_fixes(qtbot, window):
    window.new_from_template("空白报告")
    editor = window.editor
    commit(qtbot, editor, "一、主要做法")
    enter(qtbot, editor)
    commit(qtbot, editor, "坚持把学习习近平时代中国特色社会主义思想作为首要任务,推动落实。")
    window.checks.run()
    found = {(f.kind.value, f.found, f.fix) for f in window.checks.findings}
    assert ("规范表述", "习近平时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想") in found
    assert ("标点", ",", "，") in found
    assert editor.overlays.marks[1]  # wavy underlines on the second paragraph
    underlined = {s.cursor.selectedText() for s in editor.extraSelections()}
    assert "习近平时代中国特色社会主义思想" in underlined
    row = next(
        i
        for i in range(window.checks.list.count())
        if window.checks.list.item(i).data(Qt.ItemDataRole.UserRole).kind.value == "规范表述"
    )
    item = window.checks.list.item(row)
    rect = window.checks.list.visualItemRect(item)
    qtbot.mouseClick(window.checks.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.textCursor().selectedText() == "习近平时代中国特色社会主义思想"  # click jumps
    window.checks.apply_selected()
    assert "学习习近平新时代中国特色社会主义思想作为" in editor.paragraphs()[1]
    editor.undo()
    assert "学习习近平时代中国特色社会主义思想作为" in editor.paragraphs()[1]


def ignore_the_comma_always(qtbot, window) -> None:
    """A report whose one slip is a half-width comma, checked, and that finding ignored always."""
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "增强政治意识,强化责任。")
    window.checks.run()
    window.checks.list.setCurrentRow(0)
    window.checks.ignore_always()


def test_ignore_always_is_remembered(qtbot, window, data_dir):
    ignore_the_comma_always(qtbot, window)
    assert window.checks.findings == []
    assert "标点\t," in (data_dir / "ignored.tsv").read_text(encoding="utf-8")


def test_a_large_report_is_checked_in_the_background(qtbot, window, gov_files):
    text = "\n".join(p.read_text(encoding="utf-8") for p in gov_files[:3])
    window._load(text, None)
    window.checks.run()
    assert window.checks._busy  # the first pass went to a worker; the window stays responsive
    qtbot.waitUntil(lambda: not window.checks._busy and "检查" in window.checks.windowTitle(), timeout=20000)
    qtbot.waitUntil(lambda: bool(window.checks.findings))
    assert len(window.checks.checker._cache) >= len(set(window.editor.paragraphs())) - 1


def test_ignoring_is_taken_back_with_the_undo_button(qtbot, window, data_dir):
    assert not window.checks.undo_button.isEnabled()
    ignore_the_comma_always(qtbot, window)
    assert window.checks.findings == [] and window.checks.undo_button.isEnabled()
    qtbot.mouseClick(window.checks.undo_button, Qt.MouseButton.LeftButton)
    assert [f.found for f in window.checks.findings] == [","]
    assert (data_dir / "ignored.tsv").read_text(encoding="utf-8") == ""
    assert not window.checks.undo_button.isEnabled()


def test_an_always_ignored_finding_is_checked_again_from_the_lists_dialog(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.checks import ListsDialog

    ignore_the_comma_always(qtbot, window)
    assert window.checks.findings == []

    def restore() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ListsDialog) and w.isVisible())
        assert dialog.always.item(0).text() == "〔标点〕,"
        dialog.always.setCurrentRow(0)
        dialog.restore_selected()
        assert dialog.always.count() == 0
        dialog.reject()  # restoring counts even when the lists are not saved

    QTimer.singleShot(0, restore)
    window.checks.edit_lists()
    assert [f.found for f in window.checks.findings] == [","]


def test_f7_brings_the_check_dock_in_front_of_the_phrases(qtbot, window):
    from PySide6.QtGui import QAction

    window.show()
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "增强政治意识,强化责任。")
    window.phrases.raise_()
    qtbot.waitUntil(lambda: not window.phrases.visibleRegion().isEmpty())
    assert window.checks.visibleRegion().isEmpty()  # behind the 短语 tab
    action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "F7")
    action.trigger()
    qtbot.waitUntil(lambda: not window.checks.visibleRegion().isEmpty())
    assert window.phrases.visibleRegion().isEmpty() and window.checks.findings


def test_long_messages_wrap_in_the_dock_instead_of_scrolling_sideways(qtbot, window):
    window.show()
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "坚持把学习习近平时代中国特色社会主义思想作为首要任务。")
    window.check_now()
    qtbot.waitUntil(lambda: window.checks.list.count() > 0)
    window.checks.resize(260, 400)
    qtbot.wait(50)
    assert not window.checks.list.horizontalScrollBar().isVisible()
    rect = window.checks.list.visualItemRect(window.checks.list.item(0))
    assert rect.height() > window.checks.list.fontMetrics().height() * 1.5  # the message runs on a second line


def test_the_check_dock_finishes_on_a_document_of_25000_distinct_paragraphs(qtbot, window):
    """Past 20,000 paragraphs the checker's cache was cleared mid-pass and the dock started over, forever."""
    window._load("\n".join(f"第{n}项工作有序推进,按期完成。" for n in range(25_000)), None)
    passes = []
    real_adopt = window.checks._adopt
    window.checks._adopt = lambda worker: (passes.append(1), real_adopt(worker))  # counts, then adopts
    window.checks.run()
    qtbot.waitUntil(lambda: bool(passes) and not window.checks._busy, timeout=120_000)
    qtbot.wait(1500)  # a second background pass would have started by now
    assert len(passes) == 1 and not window.checks._busy
    assert len(window.checks.findings) >= 25_000  # every half-width comma found


def test_a_writer_turns_a_family_off_from_the_menu_and_on_again(qtbot, window):
    from PySide6.QtWidgets import QApplication, QMenu

    window.show()
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "增强政治意识,强化责任，落实到为。")
    window.check_now()
    qtbot.waitUntil(lambda: window.checks.list.count() >= 2)
    row = next(i for i in range(window.checks.list.count()) if "〔标点〕" in window.checks.list.item(i).text())
    window.checks.list.setCurrentRow(row)

    def choose(text: str) -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        next(a for a in menu.actions() if a.text().startswith(text)).trigger()
        menu.close()

    QTimer.singleShot(100, lambda: choose("不再检查“标点”"))
    window.checks._menu(window.checks.list.visualItemRect(window.checks.list.item(row)).center())
    assert not any(f.kind.value == "标点" for f in window.checks.findings)
    assert any(f.kind.value == "易混词" for f in window.checks.findings)
    assert "未检查：标点" in window.checks.summary.text()
    again = type(window.checks)(window.editor, window)  # remembered for the next start
    assert "标点" in again.families_off
    QTimer.singleShot(100, lambda: choose("恢复全部检查类别"))
    window.checks._menu(window.checks.list.visualItemRect(window.checks.list.item(0)).center())
    assert any(f.kind.value == "标点" for f in window.checks.findings)


def test_an_input_method_slip_in_a_set_phrase_is_listed_and_fixed_from_the_dock(qtbot, window):
    """Typed as an input method commits it (a word at a time), 不流死角 is listed with its set phrase; 应用修改
    puts 不留死角 in its place."""
    from PySide6.QtWidgets import QPushButton

    window.new_from_template("空白报告")
    editor = window.editor
    for word in ("确保", "检查", "不", "流", "死角", "、", "不走过场", "。"):
        commit(qtbot, editor, word)
    window.checks.run()
    found = [(f.kind.value, f.found, f.fix) for f in window.checks.findings]
    assert ("易混词", "不流死角", "不留死角") in found
    row = next(i for i, f in enumerate(window.checks.findings) if f.found == "不流死角")
    window.checks.list.setCurrentRow(row)
    apply = next(b for b in window.checks.findChildren(QPushButton) if b.text() == "应用修改")
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    assert "确保检查不留死角、不走过场。" in editor.paragraphs()
    window.checks.run()
    assert all(f.found != "不流死角" for f in window.checks.findings)


def test_a_long_report_is_checked_apart_every_time_and_what_is_typed_meanwhile_is_checked(qtbot, window):
    """From CHECK_APART_FROM paragraphs on no check runs on the GUI thread (its document-wide checks would
    hold a keystroke); a pass asked for while one runs is run once that one lands."""
    from qt_helpers import enter, type_at_end

    from app.checks import CHECK_APART_FROM

    lines = ["关于全年工作情况的报告"] + [f"第{n}项工作有序推进，重点任务扎实落实。" for n in range(CHECK_APART_FROM)]
    type_at_end(qtbot, window, "\n".join(lines))
    checks = window.checks
    checks.run()
    assert checks._busy
    enter(qtbot, window.editor)
    commit(qtbot, window.editor, "坚持学习习近平时代中国特色社会主义思想。")  # typed while the pass runs
    checks.run()
    qtbot.waitUntil(lambda: any(f.found == "习近平时代中国特色社会主义思想" for f in checks.findings), timeout=60_000)
    commit(qtbot, window.editor, "增强政治意识,强化责任。")
    checks.run()
    assert checks._busy  # the cache knows every other paragraph, yet the pass still runs apart
    qtbot.waitUntil(lambda: any(f.found == "," for f in checks.findings), timeout=60_000)
    assert not checks._busy


def test_typing_that_changes_no_finding_leaves_the_list_as_it_is(qtbot, window):
    """A long report's findings are listed once; a clean sentence typed after them does not rebuild the
    list (hundreds of rows rebuilt at every pause held the keystrokes of a long report)."""
    from qt_helpers import enter, type_at_end

    type_at_end(qtbot, window, "关于工作的报告\n坚持学习习近平时代中国特色社会主义思想。")
    window.checks.run(wait=True)
    first = window.checks.list.item(0)
    first.setData(Qt.ItemDataRole.UserRole + 7, "listed before")
    enter(qtbot, window.editor)
    commit(qtbot, window.editor, "推动各项工作落实。")
    window.checks.run(wait=True)
    assert window.checks.list.item(0).data(Qt.ItemDataRole.UserRole + 7) == "listed before"
    commit(qtbot, window.editor, "增强政治意识,强化责任。")  # a new finding: listed
    window.checks.run(wait=True)
    assert window.checks.list.count() == 2


def test_findings_of_every_kind_never_squeeze_the_editor(qtbot, window):
    """The summary names each kind found with its count on one line: with many kinds it widened the dock
    to 891 px and left the editor 225 px of a 1400 px window."""
    from phrasebank.check import Finding, FindingKind

    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    width = window.editor.viewport().width()
    findings = [Finding(n, 0, 1, kind, "示例", "示") for n, kind in enumerate(FindingKind)]
    window.checks._show(findings)
    qtbot.wait(100)
    assert len({f.kind for f in window.checks.findings}) == len(FindingKind) > 8
    assert window.editor.viewport().width() >= width - 20


def test_a_long_reports_first_check_builds_its_checker_off_the_gui_thread(qtbot, window):
    """Opened before the checker was built (right after start), a long report's pass builds one beside the
    window: building it on the GUI thread held the window 0.1 s at its first check."""
    from qt_helpers import type_at_end

    from app.checks import CHECK_APART_FROM

    lines = ["关于全年工作情况的报告"] + [f"第{n}项工作有序推进，重点任务扎实落实。" for n in range(CHECK_APART_FROM)]
    lines.append("坚持学习习近平时代中国特色社会主义思想。")
    type_at_end(qtbot, window, "\n".join(lines))
    checks = window.checks
    checks._checker, checks._apart = None, None
    checks.run()
    qtbot.waitUntil(lambda: any(f.found == "习近平时代中国特色社会主义思想" for f in checks.findings), timeout=60_000)
    assert checks._checker is None and checks._apart is not None
