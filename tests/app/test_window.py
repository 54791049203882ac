"""The editor window driven as a writer drives it: typing through the input method, keys, clicks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontInfo, QFontMetrics, QTextCursor
from qt_helpers import commit, headings, key

from app.window import MainWindow
from phrasebank.document.files import read_paragraphs
from phrasebank.document.report import open_report
from phrasebank.kinds import SectionType
from phrasebank.structure.outline import Role

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


def test_new_report_from_template_fills_the_outline(window):
    window.new_from_template("督导情况报告")
    assert headings(window) == ["一、总体情况", "二、主要做法及成效", "三、存在的问题", "四、意见建议"]
    assert window.outline.items()[0].text(0) == "关于XX督导情况的报告"
    assert window.editor.document().findBlockByNumber(0).blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter


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


def test_an_opened_reports_paragraphs_are_counted_where_it_was_read(qtbot, window, tmp_path, monkeypatch):
    """The window's first count of an opened report finds every paragraph counted off the GUI thread."""
    import app.window as window_module
    from phrasebank.document import stats

    own = tmp_path.name  # text no earlier test has counted
    paragraphs = [f"一、第{n}部分" if n % 40 == 0 else f"{own}第{n}段，推动落实，完成{n * 7}项。" for n in range(400)]
    path = tmp_path / "长报告.txt"
    path.write_text("\n".join(paragraphs), encoding="utf-8")
    counted_on_gui: list[int] = []

    def text_stats(texts, *args):
        texts = list(texts)
        before = stats._paragraph_counts.cache_info().misses
        result = stats.text_stats(texts, *args)
        if threading.current_thread() is threading.main_thread() and len(texts) == len(paragraphs):
            counted_on_gui.append(stats._paragraph_counts.cache_info().misses - before)
        return result

    monkeypatch.setattr(window_module, "text_stats", text_stats)
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: bool(counted_on_gui))
    assert counted_on_gui == [0]
    assert f"段落 {len(paragraphs)}" in window.count_label.text()


def test_closing_with_unsaved_changes_asks(qtbot, window, answers):
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "未保存的文字")
    answers.plan = ["取消"]
    assert not window.close()
    assert answers.asked[-1][0] == "保存修改"
    answers.plan = ["不保存"]
    assert window.close()


def test_closing_stops_what_only_the_window_wanted_at_once_and_lets_a_save_finish(qtbot, window):
    from PySide6.QtCore import QThreadPool

    from app import turns
    from app.workers import run_in_background

    started, stop, ended, written, handed = threading.Event(), threading.Event(), [], [], []

    def load() -> str:  # a load that gives way as it goes, and would go on until the test ends
        started.set()
        try:
            while not stop.is_set():
                turns.give_way()
                time.sleep(0.001)
        finally:
            ended.append("load")
        return "loaded"

    def save() -> None:  # work that must finish: it gives way as well, 300 times
        for _ in range(300):
            turns.give_way()
            time.sleep(0.001)
        written.append("saved")

    try:
        run_in_background(load, handed.append, handed.append, droppable=True)
        run_in_background(save, lambda _: None, handed.append)
        assert started.wait(5)
        window.editor.document().setModified(False)
        assert window.close()
        assert ended == ["load"] and written == ["saved"]  # stopped, and finished
        assert QThreadPool.globalInstance().activeThreadCount() == 0
        qtbot.wait(50)
        assert handed == []  # a dropped load hands nothing over: no result, no error message
    finally:
        stop.set()
        QThreadPool.globalInstance().waitForDone()


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> tuple[str, str, str]:
    """A window started in a fresh process the way `main` starts it, shown: (the modules it loaded that only
    later work needs, the engine's modules it loaded after PySide, the modules whose source PySide read)."""
    script = textwrap.dedent("""
        import sys
        from app import engine
        engine.import_all()
        from PySide6.QtWidgets import QApplication
        engine.spare_feature_scan()
        from PySide6.support import feature
        read = []
        reads = feature._mod_uses_pyside
        feature._mod_uses_pyside = lambda module: read.append(module.__name__) or reads(module)
        app = QApplication([])
        from app.trail import start_log
        start_log()
        from app.window import MainWindow
        window = MainWindow()
        window.show()
        app.processEvents()
        later = ("numpy", "jieba", "pypinyin", "docx", "phrasebank.mining.miner", "phrasebank.check.checker",
                 "phrasebank.check.homophones", "urllib.request", "importlib.metadata", "subprocess", "uuid",
                 "multiprocessing", "concurrent.futures", "logging.handlers", "socket", "pickle",
                 "phrasebank.document.reader", "phrasebank.document.report", "phrasebank.check.findings",
                 "phrasebank.check.ignoring", "difflib", "hashlib")
        print(" ".join(name for name in later if name in sys.modules) or "none")
        print(" ".join(name for name in read if not name.startswith(("PySide6", "gc"))) or "none")
        loaded = list(sys.modules)
        after = loaded[loaded.index("PySide6.QtCore"):]
        print(" ".join(name for name in after if name.startswith("phrasebank.")) or "none", flush=True)
    """)
    data = tmp_path_factory.mktemp("started")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GONGWEN_DATA_DIR=str(data))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT)
    lines = done.stdout.strip().splitlines()
    assert len(lines) >= 3, done.stderr[-2000:]
    return lines[-3], lines[-1], lines[-2]


def test_the_window_opens_without_what_it_loads_after_start(started):
    """What only mining, checking, learning, converting and saving apart need is imported beside the window once
    it is usable: each of these took the start 6–170 ms (numpy alone 170, multiprocessing 18)."""
    assert started[0] == "none"


def test_pyside_reads_the_source_of_no_module_of_ours_as_the_window_starts(started):
    """PySide reads the source of each module first imported after it, to see whether it selects a feature
    (21 ms of the start): `engine.spare_feature_scan` tells it beforehand that none of ours does."""
    assert started[2] == "none"


def test_the_engine_is_imported_before_pyside(started):
    """PySide reads the source of each module imported after it (40 ms for the engine's): `engine.MODULES`
    lists what the window loads."""
    assert started[1] == "none"


def test_the_check_dock_takes_the_checker_built_beside_the_window_unless_it_built_one(window):
    from phrasebank.check.checker import Checker

    built_beside = Checker([])
    window.checks._checker = None
    window.checks.adopt_checker(built_beside)
    assert window.checks.checker is built_beside
    window.checks.adopt_checker(Checker([]))  # too late: the one in use stays
    assert window.checks.checker is built_beside
    window.checks._checker = None
    assert isinstance(window.checks.checker, Checker)  # asked before any came: built at once


def test_add_selection_to_my_library(qtbot, window, monkeypatch):
    window.new_from_template("空白报告")
    commit(qtbot, window.editor, "以学促干、以干促学")
    window.editor.selectAll()
    window.phrases.add_phrase(
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


def test_damaged_or_wrongly_typed_drafts_are_named_not_offered(qtbot, window, answers, data_dir):
    import json

    folder = window.drafts.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "aaaa.json").write_text("{not json", encoding="utf-8")
    wrong = {"text": ["not", "a", "string"], "path": "", "saved_at": "2026-12-01T10:00:00"}
    (folder / "bbbb.json").write_text(json.dumps(wrong), encoding="utf-8")
    assert not window.offer_draft()
    title, text = answers.asked[-1]
    assert title == "草稿已损坏" and "2 份" in text and "未删除" in text
    assert "['not', 'a', 'string']" not in window.editor.toPlainText()
    assert len(list(folder.glob("*.damaged-*"))) == 2  # kept aside, not deleted


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


def test_saving_with_placeholders_can_be_cancelled(qtbot, window, tmp_path, answers):
    window.new_from_template("督导情况报告")
    window.path = tmp_path / "未完成.docx"
    answers.plan = ["取消"]
    assert not window.save()
    assert not (tmp_path / "未完成.docx").exists() and window.editor.document().isModified() is False


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


def reviewed_docx(path):
    """A report a leader sent back from Word: one insertion, one deletion, one comment, by 李四."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("关于安全生产工作的报告")
    body = document.add_paragraph("全市安全生产形势")
    document.add_comment(body.runs, text="请补充数据", author="李四", initials="LS")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:author="李四"'
    body._p.append(parse_xml(f'<w:ins {w} w:id="91"><w:r><w:t>总体平稳</w:t></w:r></w:ins>'))
    body._p.append(parse_xml(f'<w:del {w} w:id="92"><w:r><w:delText>良好</w:delText></w:r></w:del>'))
    document.save(str(path))
    return path


def test_a_reviewers_changes_are_shown_resolved_one_by_one_and_the_rest_saved_back(qtbot, window, answers, tmp_path):
    from phrasebank.document.review import ChangeKind

    path = reviewed_docx(tmp_path / "审改稿.docx")
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.path == path)
    dock = window.revisions
    assert dock.isVisible() and not answers.asked  # listed beside the text, no dialog in the way
    rows = [dock.list.item(k).text() for k in range(dock.list.count())]
    assert rows == [
        "第2段　李四 批注：请补充数据（针对“全市安全生产形势”）",
        "第2段　李四 插入：“总体平稳”",
        "第2段　李四 删除：“良好”",
    ]
    assert "全市安全生产形势总体平稳" in window.editor.toPlainText()  # shown with the changes in place
    marked = {s.cursor.selectedText() for s in window.editor.extraSelections()}
    assert {"全市安全生产形势", "总体平稳"} <= marked
    dock.list.setCurrentRow(2)
    qtbot.mouseClick(_button(dock, "拒绝"), Qt.MouseButton.LeftButton)  # the deletion is undone: 良好 back
    assert window.editor.paragraphs()[1] == "全市安全生产形势总体平稳良好"
    window.editor.undo()
    assert window.editor.paragraphs()[1] == "全市安全生产形势总体平稳"  # one undoable edit
    window.editor.redo()
    dock.list.setCurrentRow(1)
    qtbot.mouseClick(_button(dock, "接受"), Qt.MouseButton.LeftButton)  # the insertion stays, unmarked
    assert dock.list.count() == 1 and window.editor.paragraphs()[1] == "全市安全生产形势总体平稳良好"
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    commit(qtbot, window.editor, "（审改）")  # typing elsewhere moves the open comment along
    assert window.save()
    again = open_report(path)
    assert again.paragraphs[1] == "全市安全生产形势总体平稳良好"
    [(number, [comment])] = list(again.changes.items())
    assert number == 1 and comment.kind is ChangeKind.COMMENT and comment.author == "李四"
    assert again.paragraphs[1][comment.start : comment.end] == "全市安全生产形势" and comment.text == "请补充数据"
    window.new_from_template("空白报告")
    assert window.revisions.list.count() == 0 and not window.revisions.isVisible()  # no 审阅 tab without changes
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.revisions.list.count() == 1)  # the comment came back from the file
    qtbot.mouseClick(_button(window.revisions, "全部拒绝"), Qt.MouseButton.LeftButton)
    assert window.revisions.list.count() == 0 and window.editor.extraSelections() == []


def _bold_at(editor, number: int, column: int) -> bool:
    """Whether the highlighter sets the character at `column` of paragraph `number` in bold."""
    block = editor.document().findBlockByNumber(number)
    return any(
        r.start <= column < r.start + r.length and r.format.fontWeight() >= QFont.Weight.Bold
        for r in block.layout().formats()
    )


def test_a_reviewers_format_change_is_listed_and_rejecting_it_takes_the_emphasis_off(qtbot, window, tmp_path):
    from document.test_review import restyled_docx

    path = restyled_docx(tmp_path / "格式修订.docx")
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.path == path)
    dock = window.revisions
    rows = [dock.list.item(k).text() for k in range(dock.list.count())]
    assert rows == ["第2段　王五 修改格式：“落实”", "第2段　王五 修改格式：“坚决”"]
    qtbot.waitUntil(lambda: _bold_at(window.editor, 1, 3))  # 落实 shown bold, as the reviewer set it
    dock.list.setCurrentRow(0)
    qtbot.mouseClick(_button(dock, "拒绝"), Qt.MouseButton.LeftButton)
    assert not _bold_at(window.editor, 1, 3) and dock.list.count() == 1
    assert window.save()
    again = open_report(path)
    assert [c.describe(again.paragraphs[1]) for c in again.changes[1]] == ["王五 修改格式：“坚决”"]  # still open
    assert not any(marks for text, marks in again.emphasis if "落实" in text)  # rejected: not bold in the file


def _button(dock, label: str):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in dock.findChildren(QPushButton) if b.text() == label)


def test_stale_lock_files_of_crashed_windows_are_removed_at_start(qtbot, window):
    folder = window.drafts.folder
    folder.mkdir(parents=True, exist_ok=True)
    stale = folder / "0123abcd.lock"
    stale.write_text("999999\ngongwen-desk\n" + __import__("socket").gethostname() + "\n")  # a process long gone
    window.offer_draft()
    assert not stale.exists()
    assert window.drafts.lock_path().exists()  # this window's own lock stays


def test_a_word_table_edited_in_the_window_is_saved_as_a_table(qtbot, window, answers, tmp_path):
    from docx import Document

    source = Document()
    source.add_paragraph("关于重点任务推进情况的报告")
    table = source.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for (i, j), text in {(0, 0): "责任单位", (0, 1): "完成情况", (1, 0): "市财政局", (1, 1): "已完成"}.items():
        table.cell(i, j).text = text
    source.add_paragraph("特此报告。")
    path = tmp_path / "任务表.docx"
    source.save(str(path))
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.path == path)
    assert window.editor.paragraphs()[1:3] == ["│责任单位│完成情况│", "│市财政局│已完成│"]
    qtbot.waitUntil(lambda: window.outline.items() != [])
    assert headings(window) == []  # no row is taken for a heading
    found = window.editor.document().find("已完成")
    found.clearSelection()
    window.editor.setTextCursor(found)
    commit(qtbot, window.editor, "90%")
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    assert window.save()
    assert not answers.asked or "表格" not in answers.asked[-1][1]  # nothing about tables to lose
    [saved] = Document(str(path)).tables
    assert [[c.text for c in row.cells] for row in saved.rows] == [["责任单位", "完成情况"], ["市财政局", "已完成90%"]]
    assert saved.style.name == "Table Grid"


def test_a_word_files_emphasis_shows_in_the_editor_and_is_saved(qtbot, window, tmp_path):
    from docx import Document

    source = Document()
    source.add_paragraph("关于经济运行情况的报告")
    paragraph = source.add_paragraph("今年以来，我市")
    paragraph.add_run("坚持稳中求进").bold = True
    paragraph.add_run("，经济运行总体平稳。")
    path = tmp_path / "强调.docx"
    source.save(str(path))
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.path == path)
    block = window.editor.document().findBlockByNumber(1)
    qtbot.waitUntil(lambda: any(r.format.fontWeight() == QFont.Weight.Bold for r in block.layout().formats()))
    [bold] = [r for r in block.layout().formats() if r.format.fontWeight() == QFont.Weight.Bold]
    assert block.text()[bold.start : bold.start + bold.length] == "坚持稳中求进"
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    commit(qtbot, window.editor, "稳中向好。")  # an edit of the paragraph keeps the bold where the text still is
    assert window.save()
    runs = Document(str(path)).paragraphs
    assert [(r.text, r.bold) for r in next(p for p in runs if "稳中求进" in p.text).runs] == [
        ("今年以来，我市", None),
        ("坚持稳中求进", True),
        ("，经济运行总体平稳。稳中向好。", None),
    ]


def test_phrases_export_and_import_from_the_window_and_a_damaged_library_is_salvaged(qtbot, window, answers, tmp_path):
    import sqlite3

    window.library.add("以学促干、以干促学")
    window.library.add("把牢政治方向")
    window.export_phrases(tmp_path / "我的短语.json")
    assert "以学促干、以干促学" in (tmp_path / "我的短语.json").read_text(encoding="utf-8")
    damaged = tmp_path / "library.damaged-20261206.db"
    db = sqlite3.connect(damaged)  # a library set aside after damage: one row still reads, one does not
    db.execute(
        "CREATE TABLE phrases (id INTEGER PRIMARY KEY, text, kind, sections, tags, note, favourite, usage,"
        " created, updated, source, pinyin, initials, checksum)"
    )
    db.execute(
        "INSERT INTO phrases VALUES (1, '守正创新', 'collocation', '[]', '[]', '', 0, 0, '', '', '', '', '', '')"
    )
    db.execute(
        "INSERT INTO phrases VALUES (2, '被改坏的', 'collocation', '[]', '[]', '', 0, 0, '', '', '', '', '',"
        " 'ffffffff')"
    )
    db.commit()
    db.close()
    window.import_phrases(damaged)
    title, said = answers.asked[-1]
    assert title == "导入短语" and "导入 1 条" in said and "1 条已损坏" in said
    assert window.library.find("守正创新") is not None and window.library.find("被改坏的") is None


def test_a_home_without_a_usable_data_folder_still_starts_the_editor(qtbot, monkeypatch, corpus_bank, answers):
    from app.main import usable_data_dir

    monkeypatch.delenv("GONGWEN_DATA_DIR")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", "/proc/1")  # nothing can be created under it, not even by root
    said = usable_data_dir()
    assert "无法创建数据文件夹" in said and "临时文件夹" in said and "GONGWEN_DATA_DIR" in said
    folder = Path(os.environ["GONGWEN_DATA_DIR"])
    assert folder.is_dir() and os.access(folder, os.W_OK)
    window = MainWindow(bank=corpus_bank, ask=answers)  # the window starts and keeps its drafts there
    qtbot.addWidget(window)
    window.autosave()
    assert window.drafts.folder.is_relative_to(folder)


def test_recent_files_that_are_gone_are_shown_as_gone_and_can_be_cleared(qtbot, window, tmp_path):
    kept, gone = tmp_path / "在.txt", tmp_path / "已删.txt"
    for path in (gone, kept):
        path.write_text("一、总体情况\n", encoding="utf-8")
        window._add_recent(path)
    gone.unlink()
    window.recent_menu.aboutToShow.emit()  # the writer opens 文件 → 最近打开
    actions = {a.text(): a.isEnabled() for a in window.recent_menu.actions() if a.text()}
    assert actions[str(kept)] and not actions[f"{gone}（文件已不存在）"]
    next(a for a in window.recent_menu.actions() if a.text() == "清除已不存在的文件").trigger()
    assert [a.text() for a in window.recent_menu.actions() if a.text()] == [str(kept)]


def test_a_table_inserted_from_the_menu_is_typed_into_and_saved_as_a_table(qtbot, window, answers, tmp_path):
    from docx import Document
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    def answer(values: list[int]) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, lambda: answer(values))
            return
        dialog.setIntValue(values.pop(0))
        dialog.accept()
        if values:
            QTimer.singleShot(20, lambda: answer(values))

    window.new_from_template("空白报告")
    window.editor.selectAll()
    commit(qtbot, window.editor, "关于报送联系人的通知")
    QTimer.singleShot(0, lambda: answer([2, 2]))
    action = next(a for a in window.findChildren(QAction) if a.text() == "插入表格…")
    action.trigger()  # 结构 → 插入表格…: 2 rows, 2 columns
    assert window.editor.paragraphs()[1:] == ["│││", "│││"]  # two empty rows of two cells
    commit(qtbot, window.editor, "单位")  # typed into the first cell
    next(a for a in window.findChildren(QAction) if a.text() == "在下方插入表格行").trigger()
    commit(qtbot, window.editor, "市教育局")
    assert window.editor.paragraphs()[1:] == ["│单位││", "│市教育局││", "│││"]
    path = tmp_path / "通知.docx"
    window.path = path
    answers.plan = ["仍然保存"]
    assert window.save()
    [table] = Document(str(path)).tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["单位", ""], ["市教育局", ""], ["", ""]]


def test_a_recovered_draft_keeps_the_word_files_tables_emphasis_and_open_changes(
    qtbot, window, answers, corpus_bank, tmp_path
):
    from docx import Document

    path = reviewed_docx(tmp_path / "审改稿.docx")
    document = Document(str(path))
    document.paragraphs[0].runs[0].bold = True
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "单位", "联系人"
    document.save(str(path))
    window.open_path(path, wait=True)
    qtbot.waitUntil(lambda: window.path == path)
    assert window.revisions.list.count() == 3 and len(window.tables) == 1
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    commit(qtbot, window.editor, "补一句。")
    window.autosave()
    window._draft_lock.unlock()  # as if this window had died: its draft is left behind
    answers.plan = ["恢复"]
    other = MainWindow(bank=corpus_bank, ask=answers)
    qtbot.addWidget(other)
    assert other.offer_draft()
    assert other.revisions.list.count() == 3 and [t.rows for t in other.tables] == [t.rows for t in window.tables]
    assert "关于安全生产工作的报告" in other.editor.highlighter.emphasis  # the bold title still bold
    target = tmp_path / "恢复后.docx"
    other.path = target
    answers.plan = ["仍然保存"]
    assert other.save()
    saved = Document(str(target))
    assert saved.tables[0].style.name == "Table Grid" and saved.paragraphs[0].runs[0].bold
    assert len(open_report(target).changes) == 1  # the open 修订 and 批注 went into the file
    other.editor.document().setModified(False)


def test_the_lines_under_a_title_are_centred_on_screen_as_in_the_docx(qtbot, window):
    lines = ["政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "国务院总理　李强"]
    window._load("\n".join([*lines, "各位代表：", "现在，我代表国务院报告工作。"]), None)

    def centred(number: int) -> bool:
        return bool(
            window.editor.document().findBlockByNumber(number).blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
        )

    qtbot.waitUntil(lambda: centred(0))
    assert [centred(k) for k in range(5)] == [True, True, True, False, False]  # title, date line, speaker


def test_a_character_the_gb2312_fonts_lack_is_named_after_the_save(qtbot, window, tmp_path):
    window.new_from_template("空白报告")
    window.editor.setPlainText("关于表彰张堃同志的通报\n各单位：\n张堃同志工作成绩突出。")
    window.path = tmp_path / "通报.docx"
    assert window.save()
    qtbot.waitUntil(lambda: "“堃”不在 GB2312 字符集中" in window.statusBar().currentMessage(), timeout=10000)
    assert (tmp_path / "通报.docx").stat().st_size > 0
