"""The editor window driven as a writer drives it: typing through the input method, keys, clicks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent, QFontInfo, QFontMetrics
from qt_helpers import commit, enter, key

from app.window import MainWindow
from phrasebank.document.files import read_paragraphs
from phrasebank.kinds import SectionType
from phrasebank.structure.outline import Role

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "build" / "screenshots"


def headings(win: MainWindow) -> list[str]:
    return [
        item.text(0).removeprefix("⚠ ").split("  ")[0]
        for item in win.outline.items()
        if item.data(0, Qt.ItemDataRole.UserRole + 1)
    ]


def test_new_report_from_template_fills_the_outline(window):
    window.new_from_template("督导情况报告")
    assert headings(window) == ["一、总体情况", "二、主要做法及成效", "三、存在的问题", "四、意见建议"]
    assert window.outline.items()[0].text(0) == "关于XX督导情况的报告"
    assert window.editor.document().findBlockByNumber(0).blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter


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


def test_slot_phrase_inserts_with_its_first_slot_selected_and_tab_moves_on(qtbot, window):
    window.new_from_template("空白报告")
    editor = window.editor
    window.phrases.search.setText("坚持把")
    qtbot.waitUntil(lambda: any(e.text == "坚持把XX作为XX" for e in window.phrases.entries()))
    group = window.phrases.tree.topLevelItem(0)
    item = next(
        group.child(i)
        for i in range(group.childCount())
        if group.child(i).data(0, Qt.ItemDataRole.UserRole).text == "坚持把XX作为XX"
    )
    window.phrases.tree.itemActivated.emit(item, 0)
    assert editor.textCursor().selectedText() == "XX"
    commit(qtbot, editor, "理论学习")
    key(qtbot, editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "XX"
    commit(qtbot, editor, "首要任务")
    assert editor.paragraphs()[-1] == "坚持把理论学习作为首要任务"
    assert window.library.builtins() and window.library.search("坚持把")[0].usage == 1


def test_move_section_two_above_one_and_renumber(qtbot, window):
    window.new_from_template("督导情况报告")
    tree = window.outline.tree
    items = {item.text(0).split("  ")[0]: item for item in window.outline.items()}
    tree.setCurrentItem(items["二、主要做法及成效"])
    target = tree.visualItemRect(items["一、总体情况"]).topLeft() + QPoint(5, 2)
    mime = QMimeData()
    drop = QDropEvent(target, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(drop)
    qtbot.waitUntil(lambda: headings(window)[0] == "二、主要做法及成效")
    marked = window.outline.items()[1]
    assert marked.text(0).startswith("⚠ ") and "应为第1项" in marked.toolTip(0)
    qtbot.mouseClick(window.outline.renumber_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: headings(window) == ["一、主要做法及成效", "二、总体情况", "三、存在的问题", "四、意见建议"]
    )
    texts = window.editor.paragraphs()
    assert texts[texts.index("一、主要做法及成效") + 1].startswith("一是强化组织领导")  # its text moved with it
    window.editor.undo()
    qtbot.waitUntil(lambda: headings(window)[0] == "二、主要做法及成效")  # one undo reverts the renumbering


def test_clicking_an_outline_item_jumps_there(qtbot, window):
    window.new_from_template("督导情况报告")
    item = next(i for i in window.outline.items() if i.text(0).startswith("三、存在的问题"))
    rect = window.outline.tree.visualItemRect(item)
    qtbot.mouseClick(window.outline.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.textCursor().block().text() == "三、存在的问题"
    assert window.editor.current_section() is SectionType.PROBLEMS


def test_save_as_docx_and_open_again(qtbot, window, tmp_path, answers):
    window.new_from_template("学习贯彻情况报告")
    commit(qtbot, window.editor, "补充一句。")
    path = tmp_path / "报告.docx"
    window.path = path
    answers.plan = ["仍然保存"]  # the template still has XX placeholders: the writer is warned
    assert window.save()
    assert answers.asked[-1][0] == "未填写的占位符" and "XX" in answers.asked[-1][1]
    assert not window.isWindowModified() and "报告.docx" in window.windowTitle()
    written = read_paragraphs(path)
    assert written == window.editor.paragraphs()
    window.new_from_template("空白报告")
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.editor.paragraphs() == written)


def test_opening_a_gbk_text_and_a_broken_docx(qtbot, window, tmp_path, answers):
    gbk = tmp_path / "旧报告.txt"
    gbk.write_bytes("一、总体情况\n工作有序推进。\n".encode("gbk"))
    window.open_path(gbk, wait=True)
    qtbot.waitUntil(lambda: window.editor.paragraphs() == ["一、总体情况", "工作有序推进。"])
    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04 broken")
    window.open_path(broken, wait=True)
    qtbot.waitUntil(lambda: bool(answers.asked) and "坏文件.docx" in answers.asked[-1][1])
    assert window.editor.paragraphs() == ["一、总体情况", "工作有序推进。"]  # nothing lost
    assert window.isEnabled()


def test_closing_with_unsaved_changes_asks(qtbot, window, answers):
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "未保存的文字")
    answers.plan = ["取消"]
    assert not window.close()
    assert answers.asked[-1][0] == "保存修改"
    answers.plan = ["不保存"]
    assert window.close()


def test_find_and_replace(window):
    window.new_from_template("督导情况报告")
    dialog = window.find_dialog
    dialog.find_text.setText("督导组")
    dialog.replace_text.setText("巡回指导组")
    count = dialog.replace_all()
    assert count == window.editor.toPlainText().count("巡回指导组") >= 2
    assert "督导组" not in window.editor.toPlainText()


def test_add_selection_to_my_library(qtbot, window, monkeypatch):
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "以学促干、以干促学")
    window.editor.selectAll()
    window._add_phrase(
        {
            "text": window.editor.textCursor().selectedText(),
            "kind": window.phrases.kind_box.itemData(1),
            "sections": [SectionType.MEASURES],
            "tags": ["主题教育"],
            "note": "",
        }
    )
    found = window.library.search("yxcg", origin="personal")
    assert [e.text for e in found] == ["以学促干、以干促学"] and found[0].tags == ["主题教育"]


def test_word_count_and_pages_in_the_status_bar(qtbot, window):
    window.new_from_template("督导情况报告")
    qtbot.waitUntil(lambda: "字数 316" in window.count_label.text())
    assert "约 1 页" in window.count_label.text()


def test_autosaved_draft_comes_back_after_kill_9(qtbot, tmp_path, data_dir, corpus_bank, answers):
    script = textwrap.dedent("""
        import sys, time
        from PySide6.QtWidgets import QApplication
        from phrasebank.phrase import Phrase
        from phrasebank.suggest.bank import PhraseBank
        from app.window import MainWindow
        app = QApplication([])
        window = MainWindow(bank=PhraseBank([]))
        window.new_from_template("督导情况报告")
        window.editor.textCursor().insertText("崩溃前刚写的一句话。")
        window.autosave()
        print("saved", flush=True)
        time.sleep(60)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GONGWEN_DATA_DIR=str(data_dir))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert process.stdout.readline().strip() == "saved"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    answers.plan = ["恢复"]
    window = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(window)
    assert window.offer_draft()
    assert "自动保存的草稿" in answers.asked[-1][1]
    assert window.editor.toPlainText().startswith("崩溃前刚写的一句话。")
    assert window.isWindowModified() or window.editor.document().isModified()
    window.editor.document().setModified(False)


def test_outline_update_uses_only_the_changed_paragraphs(qtbot, window, corpus_files):
    long_report = "\n".join(corpus_files[3].read_text(encoding="utf-8").splitlines() * 6)
    window._load(long_report, None)
    before = list(window.editor.structure.paragraphs)
    commit(qtbot, window.editor, "新")
    after = window.editor.structure.paragraphs
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a is not b]
    assert len(changed) == 1  # every other paragraph kept its parsed object


def test_screenshot_shows_chinese_text(qtbot, window):
    window.new_from_template("督导情况报告")
    window.resize(1400, 860)
    qtbot.wait(200)
    font = window.editor.font()
    info = QFontInfo(font)
    assert QFontMetrics(font).inFontUcs4(ord("报")), info.family()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "main-window.png"
    assert window.grab().save(str(path))
    image = window.grab().toImage()
    colours = {image.pixel(x, y) for x in range(300, 1000, 7) for y in range(40, 400, 7)}
    assert len(colours) > 20  # real glyphs, highlighted placeholders and headings, not an empty page
    assert window.editor.structure.roles[0] is Role.TITLE


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
    assert editor.highlighter.marks[1]  # wavy underlines on the second paragraph
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


def test_ignore_always_is_remembered(qtbot, window, data_dir):
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "增强政治意识,强化责任。")
    window.checks.run()
    window.checks.list.setCurrentRow(0)
    window.checks.ignore_always()
    assert window.checks.findings == []
    assert "标点\t," in (data_dir / "ignored.tsv").read_text(encoding="utf-8")


def test_saving_with_placeholders_can_be_cancelled(qtbot, window, tmp_path, answers):
    window.new_from_template("督导情况报告")
    window.path = tmp_path / "未完成.docx"
    answers.plan = ["取消"]
    assert not window.save()
    assert not (tmp_path / "未完成.docx").exists() and window.editor.document().isModified() is False


def test_a_phrase_dragged_from_the_panel_carries_its_text(qtbot, window):
    window.phrases.search.setText("往深里走")
    qtbot.waitUntil(lambda: bool(window.phrases.entries()))
    group = window.phrases.tree.topLevelItem(0)
    data = window.phrases.tree.mimeData([group.child(0)])
    assert data.text() == group.child(0).data(0, Qt.ItemDataRole.UserRole).text
    window.new_from_template("空白报告")
    window.editor.insertFromMimeData(data)  # what a drop into the editor does
    assert window.editor.paragraphs() == [data.text()]


def test_mining_my_old_reports_with_progress_and_review(qtbot, window, gov_files, tmp_path, monkeypatch):
    folder = tmp_path / "旧报告"
    folder.mkdir()
    for path in gov_files[:2]:
        (folder / path.name).write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    reviewed = []

    def review(candidates):
        reviewed.extend(candidates)
        return [(candidates[0], candidates[0].phrase.text), (candidates[1], "我改过的短语")]

    monkeypatch.setattr(window, "review", review)
    window.mine_reports(folder, wait=True)
    qtbot.waitUntil(lambda: len(window.library.personal()) == 2, timeout=20000)
    assert reviewed and all(c.duplicate is None for c in reviewed)
    texts = {e.text for e in window.library.personal()}
    assert "我改过的短语" in texts and reviewed[0].phrase.text in texts
    assert all(e.source.startswith("挖掘：") for e in window.library.personal())


def test_saving_uses_the_layout_chosen_in_the_menu(qtbot, window, tmp_path, answers):
    import docx

    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("版式"))
    for action in menu.actions():
        if (
            action.text().startswith("地方常用")
            or action.text().endswith("楷体")
            or action.text().startswith("用“仿宋”")
        ):
            action.trigger()
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "一是加强学习。全面推进各项工作。")
    window.path = tmp_path / "地方版式.docx"
    assert window.save()
    document = docx.Document(str(window.path))
    assert round(document.sections[0].left_margin.mm) == 27
    run = document.paragraphs[0].runs[0]
    assert run.text == "一是加强学习。" and not run.bold and 'w:eastAsia="楷体"' in run._r.xml


def test_structure_stays_equal_to_a_fresh_parse_through_many_edits(qtbot, window):
    import random

    from PySide6.QtGui import QTextCursor

    from phrasebank.structure.outline import Structure

    window.new_from_template("督导情况报告")
    editor = window.editor
    rng = random.Random(7)
    pieces = ["一、新的标题", "存在的问题。", "\n", "\n三、下步打算\n下一步，", "一是加强学习。", "（二）", "XX"]
    for step in range(120):
        cursor = editor.textCursor()
        length = len(editor.toPlainText())
        start = rng.randrange(length + 1)
        cursor.setPosition(start)
        action = rng.random()
        if action < 0.25 and length:
            cursor.setPosition(min(length, start + rng.randrange(1, 40)), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()  # a deletion, often across paragraphs
        elif action < 0.35:
            editor.undo()
        else:
            cursor.insertText(rng.choice(pieces))
        fresh = Structure.from_texts(editor.paragraphs())
        assert [p.text for p in editor.structure.paragraphs] == editor.paragraphs(), step
        assert editor.structure.sections == fresh.sections and editor.structure.outline() == fresh.outline(), step


def test_a_large_report_is_checked_in_the_background(qtbot, window, gov_files):
    text = "\n".join(p.read_text(encoding="utf-8") for p in gov_files[:3])
    window._load(text, None)
    window.checks.run()
    assert window.checks._busy  # the first pass went to a worker; the window stays responsive
    qtbot.waitUntil(lambda: not window.checks._busy and "检查" in window.checks.windowTitle(), timeout=20000)
    qtbot.waitUntil(lambda: bool(window.checks.findings))
    assert len(window.checks.checker._cache) >= len(set(window.editor.paragraphs())) - 1


def test_window_and_dock_layout_come_back_on_the_next_start(qtbot, corpus_bank, answers):
    first = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(first)
    first.show()
    first.resize(1100, 700)
    first.outline.hide()
    first.zoom(1)
    assert first.close()
    second = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(second)
    second.show()
    assert second.outline.isHidden()  # dock layout restored
    assert second.height() == 700  # window geometry restored (the width is fitted to the 800 px offscreen screen)
    assert second.editor.highlighter.base_size == 18.0
