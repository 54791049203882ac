"""The editor as a writer of a Chinese office suite expects it: templates, redo, focus, Chinese menus,
saves that change nothing silently, a checker that settles."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from qt_helpers import commit, key, type_at_end

from app.dialogs import PhraseDialog, TemplateDialog
from app.translations import install_chinese
from phrasebank.structure.templates import template_names, template_text


def answer_modal(qtbot, act) -> None:
    """Run `act(dialog)` on the next modal dialog that opens."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, check)
            return
        act(dialog)

    QTimer.singleShot(0, check)


def menu_action(window, text: str):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text() == text:
                return action
    raise AssertionError(f"no menu action {text!r}")


@pytest.mark.parametrize("name", template_names())
def test_each_template_comes_from_the_chooser_via_ctrl_n_and_the_menu(qtbot, window, name):
    def pick(dialog: TemplateDialog) -> None:
        dialog.names.setCurrentItem(dialog.names.findItems(name, Qt.MatchFlag.MatchExactly)[0])
        dialog.accept()

    answer_modal(qtbot, pick)
    new = menu_action(window, "从模板新建…")
    assert QKeySequence(QKeySequence.StandardKey.New) in new.shortcuts()
    window._load("别的文字", None)
    new.trigger()  # what Ctrl+N and the menu both do
    assert window.editor.toPlainText() == "\n".join(template_text(name).splitlines())


def test_cancelling_the_chooser_keeps_unsaved_text(qtbot, window, answers):
    window._load("", None)
    commit(qtbot, window.editor, "还没保存的文字")
    answer_modal(qtbot, lambda dialog: dialog.reject())
    menu_action(window, "从模板新建…").trigger()
    assert window.editor.paragraphs() == ["还没保存的文字"] and answers.asked == []


def test_ctrl_y_redoes(qtbot, window):
    redo = menu_action(window, "重做")
    assert QKeySequence("Ctrl+Y") in redo.shortcuts() and QKeySequence("Ctrl+Shift+Z") in redo.shortcuts()
    window._load("", None)
    commit(qtbot, window.editor, "第一句。")
    window.editor.undo()
    assert window.editor.toPlainText() == ""
    redo.trigger()
    assert window.editor.toPlainText() == "第一句。"


def test_after_a_panel_insertion_the_keyboard_is_back_in_the_slot(qtbot, window):
    window._load("一、主要做法\n", None)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    window.phrases.tree.setFocus()
    window.phrases.insertRequested.emit("坚持把XX作为XX")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor)  # a real X server says so a moment later
    assert window.editor.textCursor().selectedText() == "XX"
    commit(qtbot, window.editor, "理论学习")
    assert window.editor.paragraphs()[-1] == "坚持把理论学习作为XX"


def test_tab_without_popup_or_slot_does_not_jump_to_a_far_placeholder(qtbot, window):
    window._load("关于XX的报告\n一、主要做法\n加强学习", None)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    key(qtbot, window.editor, Qt.Key.Key_Tab, "\t")
    assert window.editor.textCursor().selectedText() == ""
    assert window.editor.paragraphs()[0] == "关于XX的报告"
    key(qtbot, window.editor, Qt.Key.Key_F4)
    assert window.editor.textCursor().selectedText() == "XX"  # F4 finds the next placeholder


def test_f4_then_tab_moves_on_from_slot_to_slot_and_deletes_none(qtbot, window):
    """Ctrl+N → 督导情况报告 → F4 → F4 → Tab: the selected XX stays, Tab selects the next one."""
    window.new_from_template("督导情况报告")
    before = window.editor.toPlainText()
    key(qtbot, window.editor, Qt.Key.Key_F4)
    key(qtbot, window.editor, Qt.Key.Key_F4)
    second = window.editor.textCursor().selectionStart()
    key(qtbot, window.editor, Qt.Key.Key_Tab, "\t")
    assert window.editor.toPlainText() == before and "\t" not in window.editor.toPlainText()
    cursor = window.editor.textCursor()
    assert cursor.selectionStart() > second and cursor.selectedText() in ("X", "XX", "XXX", "x", "xx")


def test_qt_says_undo_as_our_menus_do_and_names_folders_in_chinese(qtbot, window):
    from PySide6.QtCore import QCoreApplication

    assert install_chinese(QApplication.instance())
    assert QCoreApplication.translate("QWidgetTextControl", "&Undo") == "撤销(&U)"  # Qt's file says 撤消
    assert QCoreApplication.translate("QFileSystemModel", "Folder") == "文件夹"  # Qt's file leaves it English
    menu = window.editor.createStandardContextMenu()
    texts = [a.text() for a in menu.actions()]
    assert any(t.startswith("撤销") for t in texts) and not any("撤消" in t for t in texts)
    menu.deleteLater()


def test_qt_menus_are_in_chinese_and_offer_adding_to_my_library(qtbot, window):
    assert install_chinese(QApplication.instance())
    window._load("以学促干", None)
    window.editor.selectAll()
    shown: list[list[str]] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            shown.append([a.text() for a in menu.actions()])
            menu.close()
        else:
            QTimer.singleShot(20, read_menu)

    QTimer.singleShot(0, read_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), window.editor.mapToGlobal(QPoint(10, 10)))
    window.editor.contextMenuEvent(event)
    texts = " ".join(shown[0])
    assert "复制" in texts and "粘贴" in texts and ("撤销" in texts or "撤消" in texts)
    assert "Copy" not in texts and "Paste" not in texts
    assert any(t.startswith("把选中文字加入我的短语库") for t in shown[0])


def test_help_menu_lists_the_shortcuts_as_bound(window, answers):
    menu_action(window, "快捷键").trigger()
    title, text = answers.asked[-1]
    assert title == "快捷键" and "重做：Ctrl+Y" in text and "F4" in text


def test_an_empty_phrase_dialog_stays_open_with_a_message(qtbot, window):
    dialog = PhraseDialog(window, "")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and "请先填写" in dialog.problem.text()
    dialog.text.setPlainText("以学促干")
    dialog.accept()
    assert not dialog.isVisible()


def test_a_gbk_text_is_saved_again_as_gbk_with_its_line_breaks(qtbot, window, tmp_path):
    path = tmp_path / "旧报告.txt"
    path.write_bytes("关于工作的报告\r\n一、主要做法\r\n".encode("gbk"))
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.path == path)
    window.editor.selectAll()
    commit(qtbot, window.editor, "关于工作的报告\n一、主要做法\n二、存在问题")
    assert window.save()
    assert path.read_bytes() == "关于工作的报告\r\n一、主要做法\r\n二、存在问题\r\n".encode("gbk")


@pytest.mark.skipif(os.name != "posix", reason="permission bits and symbolic links are POSIX notions")
def test_saving_keeps_the_file_mode_and_the_symlink(qtbot, window, tmp_path):
    real = tmp_path / "共享" / "报告.txt"
    real.parent.mkdir()
    real.write_text("旧文字\n", encoding="utf-8")
    real.chmod(0o664)
    link = tmp_path / "报告链接.txt"
    link.symlink_to(real)
    window.open_path(link, wait=True)
    qtbot.waitUntil(lambda: window.path == link)
    commit(qtbot, window.editor, "新")
    assert window.save()
    assert link.is_symlink() and stat.S_IMODE(real.stat().st_mode) == 0o664
    assert real.read_text(encoding="utf-8").startswith("新")
    fresh = tmp_path / "新报告.txt"
    old_mask = os.umask(0o002)
    try:
        window._write(fresh)
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o664  # follows the umask, not 0600


def test_the_background_check_settles_on_a_clean_report(qtbot, window, gov_files):
    clean = ["关于工作的报告", "一、主要做法"] + [f"第{n}段正文，内容完整。" for n in range(60)]
    window._load("\n".join(clean), None)
    runs = []
    original = window.checks._show
    window.checks._show = lambda findings: (runs.append(len(findings)), original(findings))
    window.checks.run()
    qtbot.waitUntil(lambda: bool(runs))
    qtbot.wait(800)  # the check after loading has run too
    settled = len(runs)
    qtbot.wait(1500)
    assert len(runs) == settled <= 2 and set(runs) == {0} and not window.checks._busy
    assert window.checks.summary.text() == "没有发现问题"


def test_pasted_web_text_loses_its_page_chrome(qtbot, window):
    from PySide6.QtCore import QMimeData

    window._load("", None)
    page = QMimeData()
    page.setText("下载\n打印\n全屏\n关于党史学习教育的报告\n根据市委统一部署，开展巡回指导。\n")
    window.editor.insertFromMimeData(page)
    assert window.editor.paragraphs()[0] == "关于党史学习教育的报告"
    assert "下载" not in window.editor.toPlainText()
    said = window.statusBar().currentMessage()
    assert "3 行网页杂项" in said and "“下载”" in said and "Ctrl+Z" in said
    window.editor.undo()  # the passage exactly as pasted
    assert window.editor.toPlainText().startswith("下载\n打印\n全屏\n关于党史学习教育的报告")


def test_a_pasted_notice_keeps_every_line(qtbot, window):
    """The writer's own text pasted from another document: nothing taken for web chrome."""
    from PySide6.QtCore import QMimeData

    window._load("", None)
    notice = "关于召开全市安全生产工作会议的通知\n时间：2026年7月16日上午9:00\n地点：市政府第一会议室\n"
    page = QMimeData()
    page.setText(notice)
    window.editor.insertFromMimeData(page)
    assert window.editor.toPlainText() == notice


def test_an_outline_jump_puts_the_heading_near_the_top(qtbot, window):
    body = "\n".join(["一、主要做法"] + ["正文段落，内容较长。" * 3] * 150 + ["二、存在的问题"] + ["差距。"] * 150)
    window._load(body, None)
    window.resize(1000, 700)
    qtbot.wait(50)
    window.editor.go_to_paragraph(151)
    qtbot.waitUntil(lambda: 0 <= window.editor.cursorRect().top() <= window.editor.viewport().height() // 3)


def test_the_current_section_stays_in_the_status_bar_during_messages(qtbot, window):
    window._load("一、存在的问题\n差距。", None)
    window.editor.go_to_paragraph(1)
    window.statusBar().showMessage("临时消息", 5000)
    assert window.section_label.isVisible() and "存在问题" in window.section_label.text()


def test_the_section_name_in_the_status_bar_keeps_its_width_between_sections(qtbot, window):
    """The section's name grew and shrank with each section the cursor entered (当前部分：— / 当前部分：存在问题),
    and each time the status bar and the window laid themselves out again between two keys."""
    window._load("关于工作情况的报告\n一、主要做法\n做法。\n二、存在的问题\n差距。\n特此报告。", None)
    window.show()
    qtbot.waitExposed(window)
    widths, texts = set(), set()
    for paragraph in (0, 2, 4, 5, 2, 0):
        window.editor.go_to_paragraph(paragraph)
        qtbot.wait(10)
        widths.add(window.section_label.width())
        texts.add(window.section_label.text())
    assert len(texts) >= 3 and len(widths) == 1


def test_closing_without_saving_leaves_no_draft_to_offer(qtbot, corpus_bank, answers, data_dir):
    from app.window import MainWindow

    first = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(first)
    first._load("", None)
    commit(qtbot, first.editor, "不要了的文字")
    answers.plan = ["不保存"]
    first.close()
    first.autosave()  # a deactivation after the close must not bring the text back
    second = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(second)
    assert not second.offer_draft()


def test_two_windows_keep_two_drafts_and_a_live_one_is_not_offered(qtbot, corpus_bank, answers, data_dir):
    from app.window import MainWindow

    windows = []
    for text in ("甲窗口的文字", "乙窗口的文字"):
        win = MainWindow(bank=corpus_bank, ask=answers)
        qtbot.addWidget(win)
        win._load("", None)
        commit(qtbot, win.editor, text)
        win.autosave()
        windows.append(win)
    drafts = sorted(p.name for p in (data_dir / "drafts").glob("*.json"))
    assert len(drafts) == 2
    third = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(third)
    assert not third.offer_draft()  # both owners are open: their drafts are theirs
    for win in windows:
        win.editor.document().setModified(False)


def test_a_damaged_draft_is_kept_aside_under_its_own_name(qtbot, corpus_bank, answers, data_dir):
    from app.window import MainWindow

    folder = data_dir / "drafts"
    folder.mkdir()
    (folder / "aaaa.json").write_text("{broken", encoding="utf-8")
    (folder / "bbbb.json").write_text("{also broken", encoding="utf-8")
    win = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(win)
    assert not win.offer_draft()
    kept = sorted(p.read_text(encoding="utf-8") for p in folder.glob("*.damaged-*"))
    assert kept == ["{also broken", "{broken"]


def test_a_long_report_saves_in_the_background_and_typing_meanwhile_keeps_it_unsaved(qtbot, window, tmp_path):
    from app.window import BACKGROUND_SAVE_FROM

    body = ["关于工作的报告", "一、主要做法"] + [f"第{n}段，推动工作落实。" for n in range(BACKGROUND_SAVE_FROM)]
    window._load("\n".join(body), None)
    commit(qtbot, window.editor, "改动")
    target = tmp_path / "长报告.docx"
    assert window._write(target) and window._saving == 1  # returned at once, written apart
    qtbot.waitUntil(lambda: window._saving == 0, timeout=60_000)
    assert target.stat().st_size > 0 and not window.editor.document().isModified()
    commit(qtbot, window.editor, "再改")
    window._write(target)
    commit(qtbot, window.editor, "保存时又写了一句")  # typed while the file is written
    qtbot.waitUntil(lambda: window._saving == 0, timeout=60_000)
    assert window.editor.document().isModified()  # what was typed meanwhile is not in the file
    from phrasebank.document.files import read_paragraphs

    assert any("再改" in p for p in read_paragraphs(target))


def test_a_long_reports_save_and_draft_read_its_paragraphs_giving_way_to_the_window(
    qtbot, window, monkeypatch, tmp_path
):
    """Reading 50,000 paragraphs on a worker holds Python's lock beside the window's slices unless it gives way."""
    import traceback

    from app import turns
    from app.window import BACKGROUND_SAVE_FROM

    readers: set[str] = set()  # the window's functions on the stack of a worker that gave way
    give_way = turns.give_way

    window_py = os.path.join("app", "window.py")

    def noted() -> None:
        readers.update(f.name for f in traceback.extract_stack() if f.filename.endswith(window_py))
        give_way()

    monkeypatch.setattr(turns, "give_way", noted)
    body = ["关于工作的报告", "一、主要做法"] + [f"第{n}段，推动工作落实。" for n in range(BACKGROUND_SAVE_FROM)]
    window._load("\n".join(body), None)
    commit(qtbot, window.editor, "改动")
    window.autosave(wait=False)
    qtbot.waitUntil(lambda: not window._drafting, timeout=60_000)
    window._write(tmp_path / "长报告.docx")
    qtbot.waitUntil(lambda: window._saving == 0, timeout=60_000)
    assert {"write", "lines_and_placeholders"} <= readers  # the draft's and the save's reading of the paragraphs


def test_the_page_width_view_wraps_at_28_characters_and_is_remembered(qtbot, window, corpus_bank, answers):
    from app.window import MainWindow

    window.resize(1600, 900)
    window._load("一" * 60, None)
    menu_action(window, "按版心宽度显示（每行 28 字）").trigger()
    qtbot.wait(20)
    layout = window.editor.document().firstBlock().layout()
    assert [layout.lineAt(i).textLength() for i in range(layout.lineCount())] == [28, 28, 4]
    again = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(again)
    assert again.editor.page_width_chars == 28


def test_the_page_width_view_never_cuts_lines_in_the_default_window(qtbot, window):
    """1280×820 with both docks: the 28-character column does not fit, so lines wrap at the edge."""
    window.resize(1280, 820)
    window._load("一" * 200, None)
    menu_action(window, "按版心宽度显示（每行 28 字）").trigger()
    qtbot.wait(50)
    editor = window.editor
    layout = editor.document().firstBlock().layout()
    widest = max(layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount()))
    assert widest <= editor.viewport().width() and not editor.horizontalScrollBar().isVisible()
    window.resize(1800, 900)  # room again: the column comes back
    qtbot.wait(50)
    layout = editor.document().firstBlock().layout()
    assert layout.lineAt(0).textLength() == 28
    menu_action(window, "按版心宽度显示（每行 28 字）").trigger()


def test_body_text_stands_in_with_a_song_face_and_kai_stays_kai(qtbot, window):
    from PySide6.QtGui import QFontDatabase, QFontInfo

    from app import fonts

    installed = set(QFontDatabase.families())
    body = QFontInfo(fonts.font(fonts.BODY, 16)).family()
    kai = QFontInfo(fonts.font(fonts.KAI, 16)).family()
    if "仿宋_GB2312" not in installed and "仿宋" not in installed and "FangSong" not in installed:
        assert "Kai" not in body and "楷" not in body, body  # a Song face, never 楷体 for body text
        assert body in fonts.STAND_INS[fonts.BODY]
    assert "Kai" in kai or "楷" in kai or kai in ("楷体_GB2312", "楷体", "KaiTi")


def test_a_sentence_being_typed_is_not_shown_bold_before_its_full_stop(qtbot, window):
    """我们要加强问题整改 (no 。 yet) names 问题 like a heading whose number was lost: not bold while typed."""
    type_at_end(qtbot, window, "关于工作的报告\n一、主要做法\n", "我们要加强问题整改")
    editor = window.editor
    block = editor.document().lastBlock()
    weights = {f.format.fontWeight() for f in block.layout().formats()}
    assert all(w < 700 for w in weights), weights
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    editor.setTextCursor(cursor)  # left as it stands: a short line naming 问题 is a heading after all
    qtbot.wait(20)
    assert any(f.format.fontWeight() >= 700 for f in block.layout().formats())


def test_the_open_dialog_shows_sizes_in_kb_not_kib(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QTreeView

    assert install_chinese(QApplication.instance())
    (tmp_path / "报告.txt").write_bytes(b"x" * 3000)
    monkeypatch.setattr(window, "_last_folder", lambda: str(tmp_path))
    shown: list[str] = []

    def read_sizes(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        view = next(v for v in dialog.findChildren(QTreeView) if v.objectName() == "treeView")
        model = view.model()
        qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1)
        size = model.index(0, 1, view.rootIndex())
        shown.append(view.itemDelegateForColumn(1).displayText(size.data(), view.locale()))
        dialog.reject()

    answer_modal(qtbot, read_sizes)
    menu_action(window, "打开…").trigger()  # Ctrl+O
    assert shown and shown[0].endswith("KB") and "KiB" not in shown[0]  # as the writer's office software says


def test_chinese_for_qt_runs_no_python_for_the_events_of_the_window(qtbot, window, monkeypatch):
    """A filter on the whole application would run Python for every event Qt sends: at start, for a few
    thousand, and PySide sets up some 120 classes to name the private objects among them (40 ms)."""
    from app import translations

    seen: list[int] = []
    filtering = translations._FileDialogSizes.eventFilter
    monkeypatch.setattr(
        translations._FileDialogSizes, "eventFilter", lambda self, *args: seen.append(1) or filtering(self, *args)
    )
    assert install_chinese(QApplication.instance())
    window.resize(900, 700)
    commit(qtbot, window.editor, "以学促干")
    qtbot.wait(20)
    assert seen == []


def test_text_typed_after_a_table_row_starts_its_own_paragraph(qtbot, window):
    from PySide6.QtGui import QTextCursor

    window._load("关于报送名单的通知\n│单位│联系人│", None)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    commit(qtbot, window.editor, "特此通知。")
    assert window.editor.paragraphs() == ["关于报送名单的通知", "│单位│联系人│", "特此通知。"]  # the row stays a row
    row = window.editor.document().findBlockByNumber(1)
    cursor = window.editor.textCursor()
    cursor.setPosition(row.position())
    window.editor.setTextCursor(cursor)
    commit(qtbot, window.editor, "名单如下：")  # before its opening │: a paragraph above it
    assert window.editor.paragraphs() == ["关于报送名单的通知", "名单如下：", "│单位│联系人│", "特此通知。"]


def test_a_document_made_apart_is_shown_with_its_structure_and_behaves_as_the_first(qtbot, window):
    """Opening a long report: its document is made on another thread and its structure placed from its
    blocks there; the window only puts them in place. The structure is kept as it is, its paragraphs the
    document's blocks (a no-break space stays one, a line separator stays in its block, \r ends one), and
    the new document is typed in, marked modified in the title, highlighted and undone as the first."""
    import threading

    import shiboken6

    from phrasebank.structure.outline import Structure

    preparer, made = window.editor.preparer(), []
    texts = ["关于工作的报告", "一、总体情况", "全年\xa0完成各项任务。", "二、下步打算", "继续推进。"]
    for text in ("\n".join(texts), "第一段\u2028续行\n第二段", "第一段\r\n第二段\r\n"):
        thread = threading.Thread(target=lambda text=text: made.append(preparer(text)))
        thread.start()
        thread.join()
        prepared = made.pop()
        assert prepared.document.thread() is window.thread()
        structure = Structure.from_texts(prepared.texts)
        kept = structure.paragraphs[1]
        window.editor.show_prepared(prepared, structure)
        assert window.editor.structure is structure and structure.paragraphs[1] is kept
        assert window.editor.block_texts() == blocks(window.editor)
        assert not window.isWindowModified()
        commit(qtbot, window.editor, "新")
        assert window.editor.block_texts() == blocks(window.editor)
        assert window.isWindowModified()  # the title's * follows the new document
        window.editor.undo()
        assert window.editor.block_texts() == blocks(window.editor) == prepared.texts
    replaced = window.editor.document()
    window.editor.show_prepared(preparer("\n".join(texts)))
    qtbot.waitUntil(lambda: bold_at(window.editor, 1, 0))  # 一、总体情况 in 黑体 bold: highlighted
    qtbot.waitUntil(lambda: not shiboken6.isValid(replaced))  # the document replaced is freed


def bold_at(editor, number: int, column: int) -> bool:
    block = editor.document().findBlockByNumber(number)
    return any(
        r.start <= column < r.start + r.length and r.format.fontWeight() >= 700 for r in block.layout().formats()
    )


def blocks(editor) -> list[str]:
    block, texts = editor.document().begin(), []
    while block.isValid():
        texts.append(block.text())
        block = block.next()
    return texts


def test_a_long_reports_draft_is_written_apart_and_never_outlives_a_discarding_close(qtbot, corpus_bank, answers):
    """The timer's draft of a long report is written off the GUI thread; one still being written when
    the writer closes without saving is not left behind to be offered again."""
    from PySide6.QtCore import QThreadPool

    from app.window import BACKGROUND_SAVE_FROM, MainWindow

    body = "\n".join(f"第{n}项工作有序推进，重点任务扎实落实。" for n in range(BACKGROUND_SAVE_FROM))
    first = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(first)
    first._load(body, None)
    commit(qtbot, first.editor, "刚写的一句。")
    first.autosave(wait=False)
    assert first._drafting  # handed to the background
    qtbot.waitUntil(lambda: not first._drafting, timeout=20_000)
    assert "刚写的一句。" in first.drafts.path.read_text(encoding="utf-8")
    commit(qtbot, first.editor, "不要了的文字")
    first.autosave(wait=False)
    answers.plan = ["不保存"]
    first.close()  # while that draft may still be on its way
    QThreadPool.globalInstance().waitForDone(20_000)
    qtbot.wait(50)
    second = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(second)
    assert not second.offer_draft()


def test_a_save_landing_while_a_draft_is_written_never_waits_for_it(qtbot, window, tmp_path):
    """A long report's draft holds the draft lock through its fsync: the save that lands meanwhile does not
    wait for it on the GUI thread. The stale draft goes once it is written; a newer one taken after the save
    stays."""
    import threading

    from PySide6.QtCore import QThreadPool

    window._load("关于工作的报告\n一是加强学习。", None)
    commit(qtbot, window.editor, "新写的一句。")
    window.autosave()
    assert window.drafts.path.exists()
    holding, release = threading.Event(), threading.Event()

    def draft_being_written() -> None:
        with window._draft_writing:
            holding.set()
            release.wait(10)

    writer = threading.Thread(target=draft_being_written)
    writer.start()
    holding.wait(5)
    assert window._write(tmp_path / "报告.docx")
    assert window._draft_writing.locked()  # the save landed while the draft was still being written
    assert not window.editor.document().isModified() and window.drafts.path.exists()
    commit(qtbot, window.editor, "保存后又写的一句。")
    release.set()
    writer.join()
    window.autosave()  # the newer draft, whether or not the stale one was deleted yet
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(20)
    assert "保存后又写的一句。" in window.drafts.path.read_text(encoding="utf-8")
    window._write(tmp_path / "报告.docx")
    qtbot.waitUntil(lambda: not window.drafts.path.exists(), timeout=10_000)


def test_the_checkers_underlines_lay_nothing_out_again_and_follow_the_text(qtbot, window):
    """A first check of a long report underlines thousands of paragraphs; as formats each made Qt lay out again
    every paragraph below (85 ms at the top of 50,000). Drawn over the text, they lay nothing out, they move
    with the writer's edits, and a new document starts without them."""
    from PySide6.QtGui import QTextCharFormat

    lines = [f"第{n}段正文，有一处要划线。" for n in range(200)]
    window._load("\n".join(lines), None)
    editor = window.editor
    document = editor.document()
    layout = document.documentLayout()
    layout.documentSize()  # every paragraph laid out
    relaid: list[object] = []
    layout.update.connect(lambda *rect: relaid.append(rect))
    editor.overlays.underline({n: [(0, 3)] for n in range(0, 200, 2)})
    qtbot.wait(300)  # (underlined as formats, they were redrawn in slices after this)
    assert relaid == []
    from PySide6.QtGui import QTextCursor

    def underlined() -> list[str]:
        wavy = QTextCharFormat.UnderlineStyle.WaveUnderline
        return [s.cursor.selectedText() for s in editor.extraSelections() if s.format.underlineStyle() == wavy]

    assert len(underlined()) == 100 and underlined()[1] == "第2段"
    QTextCursor(document.findBlockByNumber(2)).insertText("前")  # typed before the finding: it keeps its words
    assert underlined()[1] == "第2段" and document.findBlockByNumber(2).text().startswith("前第2段")
    editor.overlays.underline({})  # the writer fixed everything
    many = {n: [(0, 3)] for n in range(200)}  # more than are handed to Qt at once: the rest in slices
    editor.overlays.underline(many)
    assert 0 < len(underlined()) < 200
    qtbot.waitUntil(lambda: len(underlined()) == 200)
    editor.overlays.underline(many)  # checked again: nothing shown before goes away meanwhile
    assert len(underlined()) == 200
    window._load("新的报告", None)
    assert editor.extraSelections() == [] and editor.overlays.marks == {}


def test_overlapping_looks_merge_piece_by_piece(qtbot, window):
    """A run-in head in bold, an unfilled XX in it and a checker underline across both: each character
    carries every look that covers it (the underline drawn over the text), and a look ends where its span ends."""
    window._load("关于工作的报告\n一是加强XX学习。推动落实。", None)
    editor = window.editor
    block = editor.document().findBlockByNumber(1)
    text = block.text()
    start = text.index("XX") - 1  # 强XX学

    def looks(column: int) -> tuple[bool, bool, bool]:
        ranges = [r for r in block.layout().formats() if r.start <= column < r.start + r.length]
        bold = any(r.format.fontWeight() >= 700 for r in ranges)
        at = block.position() + column
        underlined = any(
            s.cursor.selectionStart() <= at < s.cursor.selectionEnd()
            and s.format.underlineStyle() == s.format.underlineStyle().WaveUnderline
            for s in editor.extraSelections()
        )
        slot = any(r.format.background().color().name() == "#fff1a8" for r in ranges)
        return bold, underlined, slot

    editor.overlays.underline({1: [(start, 4)]})
    head_end = text.index("。")
    assert looks(0) == (True, False, False)  # 一是… in bold
    assert looks(start) == (True, True, False)  # 强: bold and underlined
    assert looks(start + 1) == (True, True, True)  # X: all three
    assert looks(start + 3) == (True, True, False)  # 学
    assert looks(start + 4) == (True, False, False)  # 习: the underline has ended
    assert looks(head_end + 2) == (False, False, False)  # 推动落实: plain


def test_the_editor_viewport_is_set_up_as_qt_sets_up_its_own(qtbot, window):
    """Made by the editor (PySide names Qt's own at a cost), it draws, points and takes drops as Qt's does."""
    from PySide6.QtWidgets import QTextEdit

    plain = QTextEdit()
    qtbot.addWidget(plain)
    plain.show()

    def setup(viewport) -> tuple:
        states = ("WA_WState", "WA_Pending", "WA_Resized", "WA_Moved", "WA_Mapped", "WA_UnderMouse")
        attributes = {a.name for a in Qt.WidgetAttribute if viewport.testAttribute(a)}
        return (
            viewport.objectName(),
            viewport.backgroundRole(),
            viewport.autoFillBackground(),
            viewport.cursor().shape(),
            viewport.hasMouseTracking(),
            viewport.acceptDrops(),
            viewport.focusPolicy(),
            viewport.focusProxy() is viewport.parent(),
            sorted(a for a in attributes if not a.startswith(states)),
        )

    assert setup(window.editor.viewport()) == setup(plain.viewport())
