"""The outline dock as a writer uses it: headings as they are typed, click to jump, drag to move, renumber."""

from __future__ import annotations

from PySide6.QtCore import Qt
from qt_helpers import commit, drag_heading, headings

from phrasebank.kinds import SectionType


def test_move_section_two_above_one_and_renumber(qtbot, window):
    window.new_from_template("督导情况报告")
    drag_heading(window, "二、主要做法及成效", "一、总体情况")
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


def test_outline_update_uses_only_the_changed_paragraphs(qtbot, window, corpus_files):
    long_report = "\n".join(corpus_files[3].read_text(encoding="utf-8").splitlines() * 6)
    window._load(long_report, None)
    before = list(window.editor.structure.paragraphs)
    commit(qtbot, window.editor, "新")
    after = window.editor.structure.paragraphs
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a is not b]
    assert len(changed) == 1  # every other paragraph kept its parsed object


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


def test_last_years_report_opens_as_this_years_draft_with_slots_counted_per_section(qtbot, window, tmp_path):
    """文件 → 以旧报告新建: the old file stays as it is; the outline says how many slots each part holds."""
    old = tmp_path / "2025年工作总结.txt"
    text = "2025年工作总结\n一、2025年工作回顾\n全年完成投资5.2亿元，增长3%。\n二、2026年工作安排\n力争增长5%左右。\n"
    old.write_text(text, encoding="utf-8")
    window.new_from_earlier(old, wait=True)
    qtbot.waitUntil(lambda: window.editor.paragraphs()[0] == "2026年工作总结")
    assert window.path is None and window.editor.document().isModified()
    assert window.editor.paragraphs()[2] == "全年完成投资XX亿元，增长XX%。"
    window.outline.show_structure(window.editor.structure, at_once=True)
    labels = [item.text(0) for item in window.outline.items()]
    assert any(label.startswith("一、2026年工作回顾") and "2 处待填" in label for label in labels), labels
    assert old.read_text(encoding="utf-8") == text
    window.editor.document().setModified(False)


def test_dragging_the_last_section_leaves_the_closing_and_signature_at_the_end(qtbot, window):
    """督导情况报告: drag 四、意见建议 above 三、存在的问题 — 特此报告。 stays above the 落款, at the end."""
    window.new_from_template("督导情况报告")
    drag_heading(window, "四、意见建议", "三、存在的问题")
    qtbot.waitUntil(lambda: headings(window)[2] == "四、意见建议")
    texts = [t for t in window.editor.paragraphs() if t.strip()]
    assert texts[-3:] == ["特此报告。", "XX督导组", "X年X月X日"]
    assert texts.index("三、存在的问题") > texts.index("四、意见建议")


def test_a_long_report_opened_from_a_file_gets_its_outline_and_counts_after_the_latest_edit(qtbot, window, tmp_path):
    """A long report's outline and counts are worked out off the GUI thread; an edit made meanwhile wins."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtGui import QTextCursor

    from app.outline import OUTLINE_APART_FROM
    from app.window import COUNT_APART_FROM

    chapters = [f"{'一二三四五六七八九'[k]}、第{k + 1}部分工作" for k in range(9)]
    body = "全市各项工作有序推进，重点任务扎实落实，群众获得感不断增强，发展质量稳步提升。" * 3
    lines = ["关于全年工作情况的报告"]
    for chapter in chapters:
        lines += [chapter] + [body] * (OUTLINE_APART_FROM // 9 + 10)
    path = tmp_path / "长报告.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert len(lines) > OUTLINE_APART_FROM and len(path.read_text(encoding="utf-8")) > COUNT_APART_FROM
    window.open_path(path)
    qtbot.waitUntil(lambda: window.path == path, timeout=20_000)
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\n十、新增的部分\n新增的工作。")  # typed before the first outline lands
    qtbot.waitUntil(lambda: headings(window)[-1:] == ["十、新增的部分"], timeout=20_000)
    assert headings(window) == [*chapters, "十、新增的部分"]
    qtbot.waitUntil(lambda: not QThreadPool.globalInstance().activeThreadCount(), timeout=60_000)
    qtbot.wait(400)  # the counts' timer
    from phrasebank.document.stats import text_stats

    expected = text_stats(window.editor.toPlainText().split("\n"))
    assert f"段落 {expected.paragraphs} " in window.count_label.text()
    assert f"字数 {expected.characters}（" in window.count_label.text()


def test_in_a_very_long_report_a_typed_heading_is_placed_off_the_gui_thread(qtbot, window):
    """From OUTLINE_APART_FROM paragraphs on a keystroke does not place the whole report again: the last
    placing is carried, the outline's pass places it apart, and the dock follows the new section."""
    from qt_helpers import enter, type_at_end

    from app.outline import OUTLINE_APART_FROM
    from phrasebank.structure.outline import Structure

    body = "全市各项工作有序推进，重点任务扎实落实，群众获得感不断增强，发展质量稳步提升。"
    lines = ["关于全年工作情况的报告", "一、过去一年的工作", *[body] * OUTLINE_APART_FROM, "取得了较好成效。"]
    type_at_end(qtbot, window, "\n".join(lines))
    editor = window.editor
    enter(qtbot, editor)
    commit(qtbot, editor, "二、下步打算")
    assert editor.structure.provisional  # the keystroke carried the last placing
    enter(qtbot, editor)
    commit(qtbot, editor, "要加快建设，要推进改造，要抓好落实。")
    qtbot.waitUntil(lambda: not editor.structure.provisional, timeout=30_000)
    fresh = Structure.from_texts(editor.paragraphs())
    assert (editor.structure.roles, editor.structure.sections) == (fresh.roles, fresh.sections)
    assert editor.current_section() is SectionType.NEXT_STEPS
    assert window.section_label.text() == "当前部分：下步打算"
    assert headings(window)[-1] == "二、下步打算"


def test_a_long_outline_is_added_a_slice_at_a_time_and_follows_typing_meanwhile(qtbot, window, monkeypatch):
    """Thousands of headings are added to the tree a slice at a time (the window answers between slices);
    typing in body text meanwhile shifts the entries still to come, and the tree ends as one built at once."""
    from app import outline
    from phrasebank.structure.outline import Structure
    from phrasebank.text.chars import chinese_number

    chapters = [
        [
            f"{chinese_number(n)}、第{n}项工作",
            *(f"（{chinese_number(k)}）第{n}项的第{k}个做法" for k in (1, 2, 3)),
            "全年完成。",
        ]
        for n in range(1, 100)
    ]
    texts = ["关于工作的报告", *(line for chapter in chapters for line in chapter)]
    monkeypatch.setattr(outline, "BUILD_SLICE_MS", 0)  # one entry a slice: the slices can be seen
    window.outline.show_structure(Structure.from_texts(texts), at_once=True)
    assert len(window.outline.items()) == 1
    texts.insert(3, "新加的一段正文。")  # typed while it is built: the same outline, shifted by one
    window.outline.show_structure(Structure.from_texts(texts), at_once=True)
    qtbot.waitUntil(lambda: window.outline._building is None, timeout=30_000)
    sliced = [
        (item.text(0), item.data(0, outline.INDEX_ROLE), item.parent() is None) for item in window.outline.items()
    ]
    sliced_from = outline.BUILD_AT_ONCE
    monkeypatch.setattr(outline, "BUILD_AT_ONCE", 10_000)
    window.outline._shape = None
    window.outline.show_structure(Structure.from_texts(texts), at_once=True)
    at_once = [
        (item.text(0), item.data(0, outline.INDEX_ROLE), item.parent() is None) for item in window.outline.items()
    ]
    assert sliced == at_once and len(at_once) == 1 + 4 * len(chapters) > sliced_from
    assert texts[at_once[-1][1]] == "（三）第99项的第3个做法"  # indices after the inserted paragraph moved on


def test_typing_in_a_heading_updates_its_row_in_place_as_a_rebuild_would_show_it(qtbot, window):
    """A heading's words typed change that row only (no tree rebuilt per pause in typing), and the rows
    then read, tip and colour exactly as a freshly built outline's."""
    from PySide6.QtGui import QTextCursor

    window.new_from_template("督导情况报告")
    outline, editor = window.outline, window.editor

    def rows() -> list[tuple]:
        roles = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
        return [(i.text(0), i.toolTip(0), *(i.data(0, role) for role in roles)) for i in outline.items()]

    mark = Qt.ItemDataRole.UserRole + 77
    for item in outline.items():
        item.setData(0, mark, "kept")
    block = editor.document().find("三、存在的问题").block()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    commit(qtbot, editor, "五")  # 五、 where 三、 belongs: the row is marked
    row = next(i for i in outline.items() if "存在的问题" in i.text(0))
    qtbot.waitUntil(lambda: row.text(0).startswith("⚠ 五、存在的问题"))
    assert row.data(0, Qt.ItemDataRole.BackgroundRole) is not None and "应为第3项" in row.toolTip(0)
    assert all(item.data(0, mark) == "kept" for item in outline.items())  # the same rows, changed in place
    editor.undo()
    qtbot.waitUntil(lambda: row.text(0).startswith("三、存在的问题"))
    assert row.data(0, Qt.ItemDataRole.BackgroundRole) is None
    shown = rows()
    outline._shape = None  # as a fresh outline is built
    outline.show_structure(editor.structure, at_once=True)
    assert not any(item.data(0, mark) for item in outline.items())
    assert rows() == shown


def test_a_line_being_typed_comes_into_the_outline_only_once_it_is_a_heading(qtbot, window):
    """下一步 at the start of a paragraph names a section and has no mark yet: it read as a heading until the comma
    came, so the outline gained a row and lost it again with the words of every such sentence (and rebuilt its
    tree each time). A line being typed is listed once the writer leaves it and it still reads as a heading."""
    from qt_helpers import enter, type_at_end

    type_at_end(qtbot, window, "关于全年工作情况的报告\n一、主要做法\n加强学习，推动落实。")
    editor, seen = window.editor, []
    window.outline.tree.model().rowsInserted.connect(lambda *_: seen.append(headings(window)))
    enter(qtbot, editor)
    for piece in ("下一步", "，", "我们将", "继续", "推动", "落实", "。"):
        commit(qtbot, editor, piece)
        qtbot.wait(window.outline._timer.interval() + 30)  # the outline's pass after each pause
        assert headings(window) == ["一、主要做法"]
    enter(qtbot, editor)
    commit(qtbot, editor, "存在问题")  # a heading without numbering, being typed
    qtbot.wait(window.outline._timer.interval() + 30)
    assert headings(window) == ["一、主要做法"]
    enter(qtbot, editor)  # left: it is a heading
    qtbot.waitUntil(lambda: headings(window) == ["一、主要做法", "存在问题"])
    commit(qtbot, editor, "差距还不小。")
    enter(qtbot, editor)
    commit(qtbot, editor, "下步打算")
    qtbot.wait(window.outline._timer.interval() + 30)
    assert headings(window) == ["一、主要做法", "存在问题"]
    editor.go_to_paragraph(1)  # left by a jump, with no edit: listed as well
    qtbot.waitUntil(lambda: headings(window) == ["一、主要做法", "存在问题", "下步打算"])
    assert all("下一步" not in row for rows in seen for row in rows)


def test_a_sentence_being_typed_stays_in_the_section_above_until_it_is_left(qtbot, window):
    """在总结经验的基础上 names 经验 and has no closing mark yet: while it is being typed it is a sentence of
    主要做法 (the label and the dock stay), and only a line the writer leaves unfinished is taken for a heading."""
    from qt_helpers import enter

    editor = window.editor
    window.new_from_template("空白报告")
    commit(qtbot, editor, "二、主要做法")
    enter(qtbot, editor)
    for word in ("在", "总结", "经验", "的", "基础", "上"):
        commit(qtbot, editor, word)
    assert editor.current_section() is SectionType.MEASURES
    assert window.section_label.text() == "当前部分：主要做法"
    enter(qtbot, editor)
    commit(qtbot, editor, "三、存在问题")  # a numbered heading is one while it is typed
    assert editor.current_section() is SectionType.PROBLEMS
